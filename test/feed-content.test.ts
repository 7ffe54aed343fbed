/** What feed readers get: a JSON Feed next to the Atom feeds, full bodies with absolute addresses, and the lead photo. */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import * as cheerio from "cheerio";
import { build } from "../src/build.ts";
import { absoluteLinks } from "../src/outputs/feed-html.ts";
import { readManifest } from "../src/outputs/manifest.ts";
import { html, readText, scratchDirs } from "./helpers.ts";

const newOut = scratchDirs();
const SITE = "https://presse.musterstadt.de";

interface Item {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary?: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors: { name: string }[];
  tags?: string[];
}

describe("the example site's feeds", () => {
  let out: string;
  before(async () => {
    out = newOut();
    await build({ contentDir: "content", outDir: out, now: "2026-11-27T12:00" });
  });

  test("a JSON Feed 1.1 with the Atom feed's releases, in the same order, linked from the home page", () => {
    const feed = JSON.parse(readText(out, "feed.json")) as { version: string; title: string; home_page_url: string; feed_url: string; language: string; items: Item[] };
    assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
    assert.equal(feed.feed_url, `${SITE}/feed.json`);
    assert.equal(feed.home_page_url, `${SITE}/`);
    assert.equal(feed.language, "de");
    const atom = cheerio.load(readText(out, "feed.xml"), { xml: true });
    assert.deepEqual(feed.items.map((i) => i.id), atom("entry > id").map((_, e) => atom(e).text()).get());
    for (const item of feed.items) {
      assert.equal(item.id, item.url);
      assert.match(item.date_published, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      assert.ok(item.authors.length > 0 && item.content_html.length > 0, item.url);
    }
    assert.equal(readManifest(out).files["feed.json"]!.type, "application/feed+json; charset=utf-8");
    assert.equal(html(out, "index.html")('link[rel="alternate"][type="application/feed+json"]').attr("href"), "/feed.json");
  });

  test("bodies in feeds hold only absolute addresses, and releases with a photo carry it", () => {
    const feed = JSON.parse(readText(out, "feed.json")) as { items: Item[] };
    const atom = cheerio.load(readText(out, "feed.xml"), { xml: true });
    const bodies = [...feed.items.map((i) => i.content_html), ...atom("entry > content").map((_, e) => atom(e).text()).get()];
    for (const body of bodies) {
      const $ = cheerio.load(body);
      $("[href], [src]").each((_, el) => {
        for (const name of ["href", "src"]) {
          const value = $(el).attr(name);
          if (value !== undefined && !value.startsWith("#")) assert.match(value, /^(https?:|mailto:|tel:)/, `${name}="${value}"`);
        }
      });
      $("[srcset]").each((_, el) => {
        for (const candidate of $(el).attr("srcset")!.split(",")) assert.match(candidate.trim(), /^https:\/\//, candidate);
      });
    }
    const withPhoto = feed.items.find((i) => i.url === `${SITE}/2025/03/14/radwege-am-ring/`)!;
    assert.match(withPhoto.image!, /^https:\/\/presse\.musterstadt\.de\/img\/[0-9a-f]{2}\/baustelle-ring-1600\.[0-9a-f]{12}\.jpg$/);
    const entry = atom("entry").filter((_, e) => atom(e).children("id").text() === withPhoto.url);
    assert.equal(entry.find('link[rel="enclosure"]').attr("href"), withPhoto.image);
    assert.equal(entry.find('link[rel="enclosure"]').attr("type"), "image/jpeg");
    const without = feed.items.filter((i) => i.image === undefined);
    assert.ok(without.length > 0, "releases without a photo have no image");
  });

  test("a title written with straight quotes has German ones on its page and in both feeds", () => {
    // content/releases/2026/2026-09-22-stadtfest-bilanz.md: title: "Stadtfest-Bilanz: \"Friedlich, fröhlich und voll\""
    const title = "Stadtfest-Bilanz: „Friedlich, fröhlich und voll“";
    const url = `${SITE}/2026/09/22/stadtfest-bilanz/`;
    const $ = html(out, "2026/09/22/stadtfest-bilanz/index.html");
    assert.equal($("h1").text(), title);
    assert.match($(".release-body").text(), /„Das Stadtfest hat gezeigt, wie gut Musterstadt feiern kann“/);
    const feed = JSON.parse(readText(out, "feed.json")) as { items: Item[] };
    assert.equal(feed.items.find((i) => i.url === url)?.title, title);
    const atom = cheerio.load(readText(out, "feed.xml"), { xml: true });
    assert.equal(atom("entry").filter((_, e) => atom(e).children("id").text() === url).children("title").text(), title);
  });
});

describe("absolute addresses", () => {
  test("root-relative, relative, srcset and entity-bearing addresses resolve against the page; others stay", () => {
    const base = "https://x.example/presse/2026/11/19/freibad/";
    const html = '<a href="/presse/2025/">a</a><img src="plan.jpg" srcset="/presse/img/a-480.jpg 480w, /presse/img/a-960.jpg 960w"><a href="?a=1&amp;b=2">q</a><a href="#top">t</a><a href="mailto:p@x.example">m</a><a href="https://other.example/">o</a>';
    assert.equal(
      absoluteLinks(html, base),
      '<a href="https://x.example/presse/2025/">a</a><img src="https://x.example/presse/2026/11/19/freibad/plan.jpg" srcset="https://x.example/presse/img/a-480.jpg 480w, https://x.example/presse/img/a-960.jpg 960w"><a href="https://x.example/presse/2026/11/19/freibad/?a=1&amp;b=2">q</a><a href="#top">t</a><a href="mailto:p@x.example">m</a><a href="https://other.example/">o</a>',
    );
  });
});
