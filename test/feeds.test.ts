/** Atom feeds, sitemap and robots.txt of the valid fixture, read with an XML parser. */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import * as cheerio from "cheerio";
import { XMLValidator } from "fast-xml-parser";
import { fixture, html, listFiles, pressroom, readText, removeDir, tempDir } from "./helpers.ts";

const SITE = "https://presse.pruefstadt.example";
let out: string;

before(() => {
  out = path.join(tempDir(), "site");
  const result = pressroom(["build", "--content", fixture("valid"), "--out", out, "--now", "2026-11-27T12:00"]);
  assert.equal(result.status, 0, result.stderr);
});
after(() => removeDir(path.dirname(out)));

function xml(file: string): cheerio.CheerioAPI {
  const text = readText(out, file);
  assert.equal(XMLValidator.validate(text), true, `${file} is well-formed XML`);
  return cheerio.load(text, { xml: true });
}

test("a feed for the whole site, newest first, with absolute ids and links", () => {
  const $ = xml("feed.xml");
  assert.equal($("feed > id").text(), `${SITE}/feed.xml`);
  assert.equal($('feed > link[rel="self"]').attr("href"), `${SITE}/feed.xml`);
  assert.equal($("feed > updated").text(), "2026-11-27T10:30:00+01:00");
  assert.deepEqual(
    $("entry > id").map((_, e) => $(e).text()).get(),
    [
      `${SITE}/2026/11/27/radwege-am-ring/`,
      `${SITE}/2026/11/20/hallenbad/`,
      `${SITE}/2026/01/01/silvester/`,
      `${SITE}/2025/05/08/tag-der-offenen-tuer/`,
      `${SITE}/1999/03/04/altes-cms/`,
    ],
  );
  const first = $("entry").first();
  assert.equal(first.find("title").text(), "Radwege am Ring werden breiter");
  assert.equal(first.find("summary").text(), "Bauarbeiten beginnen im März / Umleitung über die Hafenstraße");
  assert.equal(first.find("published").text(), "2026-11-27T10:30:00+01:00");
  assert.deepEqual(first.find("category").map((_, c) => $(c).attr("term")).get(), ["Tiefbauamt", "Verkehr", "Radverkehr"]);
  const content = cheerio.load(first.find("content").text());
  assert.equal(content("h2").text(), "Zeitplan");
  const updated = $("entry").eq(1);
  assert.equal(updated.find("updated").text(), "2026-11-21T08:15:00+01:00", "an update changes <updated>");
  assert.equal(updated.find("published").text(), "2026-11-20T09:00:00+01:00");
});

test("a feed per department with only its releases, linked from its page", () => {
  const $ = xml("aemter/umweltamt/feed.xml");
  assert.deepEqual($("entry > id").map((_, e) => $(e).text()).get(), [`${SITE}/2026/11/20/hallenbad/`]);
  assert.equal($('feed > link[rel="alternate"]').attr("href"), `${SITE}/aemter/umweltamt/`);
  const page = html(out, "aemter/umweltamt/index.html");
  assert.equal(page('link[rel="alternate"][type="application/atom+xml"]').attr("href"), "/aemter/umweltamt/feed.xml");
  assert.equal(page(".feed-link a").attr("href"), "/aemter/umweltamt/feed.xml");
  // Besides the site's and the departments', one feed per tag.
  const files = listFiles(out).filter((f) => f.endsWith("feed.xml") && !f.startsWith("themen/"));
  assert.deepEqual(files, ["aemter/kulturamt/feed.xml", "aemter/tiefbauamt/feed.xml", "aemter/umweltamt/feed.xml", "feed.xml"]);
});

test("the sitemap lists every page once, releases with their last change", () => {
  const $ = xml("sitemap.xml");
  const locs = $("url > loc").map((_, l) => $(l).text()).get();
  assert.equal(new Set(locs).size, locs.length);
  const pages = listFiles(out)
    .filter((f) => f.endsWith("index.html") && !f.startsWith("pm/"))
    .map((f) => `${SITE}/${f.replace(/index\.html$/, "")}`);
  assert.deepEqual([...locs].sort(), pages.sort());
  assert.equal(
    $("url").filter((_, u) => $(u).find("loc").text() === `${SITE}/2026/11/20/hallenbad/`).find("lastmod").text(),
    "2026-11-21T08:15:00+01:00",
  );
});

test("robots.txt points to the sitemap", () => {
  assert.equal(readText(out, "robots.txt"), `User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
});
