/**
 * The example site's Atom feeds and sitemap, checked by real validators:
 * jing against RFC 4287's RELAX NG grammar (test/schemas/atom.rnc) and
 * xmllint against the sitemaps.org 0.9 schema (test/schemas/sitemap.xsd).
 * Negative cases show that each validator does reject broken documents.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { listFiles, pressroom, readText, scratchDirs } from "./helpers.ts";
import { validateAtom, validateSitemap } from "./xml-validators.ts";

const NOW = "2026-11-28T12:00:00Z";
const fresh = scratchDirs();
let out: string;
let scratch: string;

before(() => {
  out = path.join(fresh(), "site");
  scratch = fresh();
  const result = pressroom(["build", "--content", "content", "--out", out, "--now", NOW]);
  assert.equal(result.status, 0, result.stderr);
});

/** Write `text` to a scratch file and return its path. */
function scratchFile(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

/** `text` with `edit` applied to its `nth` (from 0) `<tag>...</tag>` block only. */
function editBlock(text: string, tag: string, nth: number, edit: (block: string) => string): string {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(`<${tag}>`, start + 1);
  const end = text.indexOf(`</${tag}>`, start);
  assert.ok(start >= 0 && end > start, `a <${tag}> number ${nth + 1} to edit`);
  return text.slice(0, start) + edit(text.slice(start, end)) + text.slice(end);
}

/** A feed using what the example site does not: xhtml text and content, extensions, atom:source, out-of-line content. */
const RICH_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:x="urn:example:x" xml:lang="en">
  <title type="html">A &lt;em&gt;rich&lt;/em&gt; feed</title>
  <subtitle type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">With <b>xhtml</b></div></subtitle>
  <id>urn:example:feed</id>
  <updated>2026-11-20T08:15:00+01:00</updated>
  <author x:role="editor"><name>Press office</name><uri>https://example.org/</uri><email>press@example.org</email></author>
  <generator uri="https://example.org/pressroom" version="1">pressroom</generator>
  <link rel="self" type="application/atom+xml" href="https://example.org/feed.xml"/>
  <dc:rights>simple extension element</dc:rights>
  <x:structured a="1"><x:child>structured extension element</x:child></x:structured>
  <entry>
    <id>urn:example:1</id>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">One</div></title>
    <updated>2026-11-20T08:15:00Z</updated>
    <published>2026-11-19T10:00:00.5+01:00</published>
    <category term="a" scheme="https://example.org/tags" label="A"/>
    <link rel="enclosure" type="audio/mpeg" length="1337" href="https://example.org/a.mp3"/>
    <content type="xhtml" xml:base="https://example.org/1/"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <a href="x">there</a></p></div></content>
    <source><id>urn:example:elsewhere</id><title>Elsewhere</title></source>
  </entry>
  <entry>
    <id>urn:example:2</id><title>Two</title><updated>2026-11-20T08:15:00Z</updated>
    <content type="application/xml"><x:doc><x:p>inline XML</x:p></x:doc></content>
  </entry>
  <entry>
    <id>urn:example:3</id><title>Three</title><updated>2026-11-20T08:15:00Z</updated>
    <content type="image/png" src="https://example.org/3.png"/>
    <summary>out-of-line content</summary>
  </entry>
</feed>
`;

describe("Atom feeds (RFC 4287, jing)", () => {
  // The JVM start dominates jing's time: every Atom document of this file goes through one jing run,
  // the real feeds and the hand-made documents together, and each test reads the errors of its files.
  let feeds: string[];
  let jingErrors: string[];
  const errorsOf = (file: string): string[] => jingErrors.filter((line) => line.startsWith(`${file}:`));
  const docs = {
    rich: "rich.xml",
    noIdUpdated: "no-id-updated.xml",
    badFeed: "bad-feed.xml",
    truncated: "truncated.xml",
  };
  const doc = (name: string): string => path.join(scratch, name);

  before(() => {
    feeds = listFiles(out).filter((f) => f === "feed.xml" || f.endsWith("/feed.xml"));
    const siteFeed = readText(out, "feed.xml");
    scratchFile(docs.rich, RICH_FEED);
    // The site feed with its first entry stripped of <id> and <updated>.
    scratchFile(
      docs.noIdUpdated,
      editBlock(siteFeed, "entry", 0, (entry) =>
        entry.replace(/<id>[^<]*<\/id>\s*/, "").replace(/<updated>[^<]*<\/updated>\s*/, ""),
      ),
    );
    // The site feed without its <title>, and an entry with a German date and an element Atom does not have.
    scratchFile(
      docs.badFeed,
      editBlock(siteFeed.replace(/<title>[^<]*<\/title>\s*/, ""), "entry", 0, (entry) =>
        entry.replace(/<published>[^<]*<\/published>/, "<published>19.11.2026</published><teaser>no</teaser>"),
      ),
    );
    scratchFile(docs.truncated, siteFeed.slice(0, 400));
    jingErrors = validateAtom([...feeds.map((f) => path.join(out, f)), ...Object.values(docs).map(doc)]);
  });

  test("every feed.xml of the example site is valid Atom", () => {
    assert.ok(feeds.includes("feed.xml"), "the site feed is checked");
    const departments = feeds.filter((f) => /^aemter\/[^/]+\/feed\.xml$/.test(f));
    assert.ok(departments.length >= 3, `several department feeds are checked (found ${departments.length})`);
    assert.deepEqual(jingErrors.filter((line) => line.startsWith(out + path.sep)), []);
  });

  test("the grammar accepts xhtml content, extensions, atom:source and out-of-line content", () => {
    assert.deepEqual(errorsOf(doc(docs.rich)), []);
  });

  test("an entry without id and updated is rejected", () => {
    const errors = errorsOf(doc(docs.noIdUpdated));
    assert.equal(errors.length, 1, errors.join("\n"));
    assert.match(errors[0]!, /error: element "entry" incomplete; missing required elements "id" and "updated"/);
  });

  test("a feed without title, a bad date and an unknown Atom element are rejected", () => {
    const errors = errorsOf(doc(docs.badFeed));
    assert.equal(errors.length, 3, errors.join("\n"));
    const report = errors.join("\n");
    assert.match(report, /missing required element "title"/);
    assert.match(report, /"published" invalid; must be an ISO date and time/);
    assert.match(report, /element "teaser" not allowed here/);
  });

  test("a document that is not well-formed is reported, not thrown", () => {
    const errors = errorsOf(doc(docs.truncated));
    assert.equal(errors.length, 1, errors.join("\n"));
    assert.match(errors[0]!, /fatal:/);
  });

  test("nothing else was reported", () => {
    const known = [out + path.sep, ...Object.values(docs).map((name) => `${doc(name)}:`)];
    assert.deepEqual(jingErrors.filter((line) => !known.some((prefix) => line.startsWith(prefix))), []);
  });

  test("a single document is validated on its own too", () => {
    assert.match(validateAtom(doc(docs.noIdUpdated)).join("\n"), /missing required elements "id" and "updated"/);
  });
});

describe("sitemap (sitemaps.org 0.9, xmllint)", () => {
  test("sitemap.xml of the example site is valid", () => {
    const sitemap = readText(out, "sitemap.xml");
    assert.ok((sitemap.match(/<url>/g) ?? []).length > 10, "the sitemap lists the pages");
    assert.deepEqual(validateSitemap(path.join(out, "sitemap.xml")), []);
  });

  test("the schema accepts every W3C Datetime form the protocol uses, and extensions", () => {
    const file = scratchFile(
      "sitemap-ok.xml",
      `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc>https://example.org/</loc><lastmod>2026-11-20</lastmod><changefreq>daily</changefreq><priority>1.0</priority></url>
  <url><loc>https://example.org/a/</loc><lastmod>2026-11-20T08:15:00+01:00</lastmod><priority>0</priority></url>
  <url><loc>https://example.org/b/</loc><lastmod>2026-11-20T07:15:00.25Z</lastmod><changefreq>never</changefreq></url>
  <url><loc>https://example.org/c/</loc><lastmod>2026-11-20T08:15-08:00</lastmod>
    <image:image><image:loc>https://example.org/c.png</image:loc></image:image></url>
</urlset>
`,
    );
    assert.deepEqual(validateSitemap(file), []);
  });

  test("a bad lastmod, priority, changefreq and loc are rejected", () => {
    // Each of the first three <url>s loses its optional children and gets broken ones.
    const bare = (url: string): string => url.replace(/<(lastmod|changefreq|priority)>[^<]*<\/\1>\s*/g, "");
    let broken = readText(out, "sitemap.xml");
    broken = editBlock(broken, "url", 0, (url) =>
      bare(url).replace("</loc>", "</loc><lastmod>20.11.2026</lastmod><changefreq>sometimes</changefreq><priority>1.5</priority>"),
    );
    broken = editBlock(broken, "url", 1, (url) => bare(url).replace("</loc>", "</loc><lastmod>2026-11-20T08:15:00</lastmod>"));
    broken = editBlock(broken, "url", 2, (url) => url.replace(/<loc>[^<]*<\/loc>/, "<loc>/relative/</loc>"));
    const file = scratchFile("sitemap-bad.xml", broken);
    const report = validateSitemap(file).join("\n");
    assert.match(report, /lastmod.*'20\.11\.2026' is not a valid value/);
    assert.match(report, /lastmod.*'2026-11-20T08:15:00' is not a valid value/);
    assert.match(report, /priority.*'1\.5' is greater than the maximum value allowed/);
    assert.match(report, /changefreq.*'sometimes' is not an element of the set/);
    assert.match(report, /loc.*'\/relative\/' is not accepted by the pattern/);
    assert.match(report, /sitemap-bad\.xml fails to validate/);
  });

  test("a url without loc is rejected", () => {
    const file = scratchFile(
      "sitemap-no-loc.xml",
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>2026-11-20</lastmod></url></urlset>`,
    );
    assert.match(validateSitemap(file).join("\n"), /lastmod': This element is not expected\. Expected is .*loc/);
  });
});

test("a missing validator names the Debian package to install", () => {
  const file = path.join(out, "feed.xml");
  const saved = process.env.PATH;
  process.env.PATH = path.join(scratch, "no-tools-here");
  try {
    assert.throws(() => validateAtom(file), /Debian package `jing`/);
    assert.throws(() => validateSitemap(file), /Debian package `libxml2-utils`/);
  } finally {
    process.env.PATH = saved;
  }
});
