/**
 * The built site's quality, read from its files: the W3C Nu Html Checker over every page, a link
 * checker (no network), alternative text on every image of the pages and feeds, and the weight of
 * a release page. Over the example site and over a German archive migrated from an old CMS
 * (test/fixtures/migrated: raw HTML with tables, fonts, nested divs and spans, images without alt).
 * Each check also runs on a deliberately broken copy of a page, to show that it can fail.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import { parse } from "yaml";
import { brokenLinks, feedEntries, feedEntriesOf, htmlFiles, imagesWithoutAlt, nuCheck, nuLines, readPages, type NuError } from "./browser.ts";
import { fixture, pressroom, ROOT, scratchDirs } from "./helpers.ts";

const scratch = scratchDirs();

/** Fails with one line per problem found, readable as it is. */
function none(problems: readonly string[], title: string): void {
  if (problems.length > 0) assert.fail(`${title} (${problems.length}):\n  ${problems.join("\n  ")}`);
}

interface Site {
  readonly name: string;
  readonly content: string;
  /** The site's address, as site.yaml gives it. */
  url: string;
  out: string;
}

const SITES: Site[] = [
  { name: "the example site", content: path.join(ROOT, "content"), url: "", out: "" },
  { name: "the migrated archive", content: fixture("migrated"), url: "", out: "" },
];

/** A release page of the example site, copied with every kind of fault the checks look for. */
const BROKEN_PAGE = "2025/03/14/radwege-am-ring/index.html";
let brokenDir: string;
let brokenHtml: string;
/** One run of the Nu Html Checker over both sites and the broken copy. */
let nu: Promise<NuError[]>;

before(() => {
  const dir = scratch();
  for (const site of SITES) {
    site.out = path.join(dir, path.basename(site.content));
    const built = pressroom(["build", "--content", site.content, "--out", site.out, "--now", "2026-11-27T12:00"]);
    assert.equal(built.status, 0, built.stderr);
    site.url = (parse(readFileSync(path.join(site.content, "site.yaml"), "utf8")) as { url: string }).url;
  }
  brokenDir = path.join(dir, "broken");
  const original = readFileSync(path.join(SITES[0]!.out, BROKEN_PAGE), "utf8");
  const photo = cheerio.load(original)("img[srcset]").first().attr("srcset")!.split(",")[0]!.trim();
  brokenHtml = original
    .replace("</head>", '<link rel="stylesheet" href="/assets/fehlt.css">\n</head>')
    .replace(
      "<main",
      [
        '<p><a href="/2025/03/14/radwege-am-rin/">Tippfehler</a> <a href="#nirgends">Sprungmarke</a>',
        ' <a href="https://presse.musterstadt.de/kontakte/#fehlt">Kontakte</a>',
        // Not broken: a page and an id that exist, a folder without its slash, other sites, mail.
        ' <a href="/kontakte/#main">Kontakte</a> <a href="../../14/">Tag</a> <a href="/archiv">Archiv</a>',
        ' <a href="https://www.example.org/seite">extern</a> <a href="mailto:presse@musterstadt.de">Mail</a></p>',
        `<p><img src="/img/00/fehlt.jpg" srcset="${photo}, /img/00/fehlt-960.jpg 960w"></p>`,
        "<p><div>Kasten</div></p>",
        "<main",
      ].join("\n"),
    );
  mkdirSync(path.dirname(path.join(brokenDir, BROKEN_PAGE)), { recursive: true });
  writeFileSync(path.join(brokenDir, BROKEN_PAGE), brokenHtml);
  const files = SITES.flatMap((site) => htmlFiles(site.out).map((file) => path.join(site.out, file)));
  nu = nuCheck([...files, path.join(brokenDir, BROKEN_PAGE)]);
  nu.catch(() => {}); // awaited by the tests; not an unhandled rejection while they wait
});

describe("links", () => {
  for (const site of SITES) {
    test(`every internal address of ${site.name} leads to a file of its output, every #fragment to an id there`, () => {
      const broken = brokenLinks({ out: site.out, siteUrl: site.url });
      none(broken, `broken links in ${site.name}`);
    });
  }

  test("the link checker finds every broken address of a broken page and of a feed entry, and only those", () => {
    const example = SITES[0]!;
    const feed = readFileSync(path.join(example.out, "feed.xml"), "utf8").replace(
      /(<content type="html"[^>]*>)/,
      "$1&lt;p&gt;&lt;a href=&quot;#oben&quot;&gt;nach oben&lt;/a&gt; &lt;img src=&quot;../../fehlt.png&quot;&gt;&lt;/p&gt;",
    );
    const broken = brokenLinks({
      out: example.out,
      siteUrl: example.url,
      pages: [{ file: BROKEN_PAGE, html: brokenHtml }],
      feeds: feedEntriesOf("feed.xml", feed, example.url).slice(0, 1),
    });
    const expected = [
      /^2025\/03\/14\/radwege-am-ring\/index\.html: <link href="\/assets\/fehlt\.css">.* — no file assets\/fehlt\.css in the output$/,
      /<a href="\/2025\/03\/14\/radwege-am-rin\/">.* — no file 2025\/03\/14\/radwege-am-rin\/index\.html in the output$/,
      /<a href="#nirgends">.* — 2025\/03\/14\/radwege-am-ring\/index\.html has no id "nirgends"$/,
      /<a href="https:\/\/presse\.musterstadt\.de\/kontakte\/#fehlt">.* — kontakte\/index\.html has no id "fehlt"$/,
      /<img src="\/img\/00\/fehlt\.jpg">: \/img\/00\/fehlt\.jpg — no file img\/00\/fehlt\.jpg in the output$/,
      /<img srcset=".*">: \/img\/00\/fehlt-960\.jpg — no file img\/00\/fehlt-960\.jpg in the output$/,
      /^feed\.xml \(.*\): <a href="#oben">: #oben — .* has no id "oben"$/,
      /^feed\.xml \(.*\): <img src="\.\.\/\.\.\/fehlt\.png">: \.\.\/\.\.\/fehlt\.png — no file .*fehlt\.png in the output$/,
    ];
    for (const pattern of expected) assert.equal(broken.filter((line) => pattern.test(line)).length, 1, `${pattern} in:\n${broken.join("\n")}`);
    assert.equal(broken.length, expected.length, broken.join("\n"));
  });

  test("below a base path, an address without it is broken and one on the host outside it is external", () => {
    const example = SITES[0]!;
    // The example's output read as if deployed to /presse/: its own site-relative links now miss the folder.
    const page = { file: "kontakte/index.html", html: '<a href="/presse/archiv/">ok</a> <a href="archiv/">ok</a> <a href="https://www.musterstadt.de/impressum">extern</a> <a href="/archiv/">falsch</a> <a href="https://www.musterstadt.de/presse/fehlt/">fehlt</a>' };
    const broken = brokenLinks({ out: example.out, siteUrl: "https://www.musterstadt.de/presse/", pages: [page] });
    assert.deepEqual(broken, [
      'kontakte/index.html: <a href="archiv/">: archiv/ — no file kontakte/archiv/index.html in the output',
      `kontakte/index.html: <a href="/archiv/">: /archiv/ — outside the site's folder /presse/`,
      'kontakte/index.html: <a href="https://www.musterstadt.de/presse/fehlt/">: https://www.musterstadt.de/presse/fehlt/ — no file fehlt/index.html in the output',
    ]);
  });
});

describe("alternative text", () => {
  for (const site of SITES) {
    test(`every <img> of ${site.name} has an alt attribute, in its pages and in its feeds' entries`, (t) => {
      const pages = imagesWithoutAlt(readPages(site.out));
      const feeds = imagesWithoutAlt([], feedEntries(site.out));
      t.diagnostic(`${pages.images} images in pages, ${feeds.images} in feed entries`);
      assert.ok(pages.images > 0 && feeds.images > 0, "the check saw images in pages and in feeds");
      none([...pages.missing, ...feeds.missing], `images without alt in ${site.name}`);
    });
  }

  test("an image without alt is found in a page and in a feed entry", () => {
    const example = SITES[0]!;
    const feed = readFileSync(path.join(example.out, "feed.json"), "utf8").replace('"content_html": "', '"content_html": "<p><img src=\\"/x.png\\"></p>');
    const found = imagesWithoutAlt([{ file: BROKEN_PAGE, html: brokenHtml }], feedEntriesOf("feed.json", feed, example.url));
    assert.deepEqual(
      found.missing.map((line) => line.replace(/ \(https:[^)]*\)/, "")),
      [`${BROKEN_PAGE}: <img src="/img/00/fehlt.jpg" srcset="${cheerio.load(brokenHtml)('img[src="/img/00/fehlt.jpg"]').attr("srcset")}">`, 'feed.json: <img src="/x.png">'],
    );
  });
});

describe("weight", () => {
  const LIMIT = 30 * 1024;
  const RELEASE = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;
  for (const site of SITES) {
    test(`a release page of ${site.name}, with its stylesheets and scripts, is under 30 KB gzip-compressed (photos aside)`, (t) => {
      const gzipped = (file: string): number => gzipSync(readFileSync(path.join(site.out, file))).length;
      const weights = htmlFiles(site.out)
        .filter((file) => RELEASE.test(file))
        .map((file) => {
          const $ = cheerio.load(readFileSync(path.join(site.out, file), "utf8"));
          const assets = [...$('link[rel~="stylesheet"][href], script[src]').map((_, e) => $(e).attr("href") ?? $(e).attr("src"))]
            .filter((address) => address.startsWith("/"))
            .map((address) => address.slice(new URL(site.url).pathname.replace(/\/$/, "").length + 1).split(/[?#]/)[0]!);
          const html = gzipped(file);
          const rest = assets.reduce((sum, asset) => sum + gzipped(asset), 0);
          return { file, html, assets: rest, total: html + rest };
        })
        .sort((a, b) => b.total - a.total);
      assert.ok(weights.length > 0);
      const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
      for (const w of new Set([weights[0]!, ...weights.filter((w) => /radwege-am-ring|neues-feuerwehrhaus-nord/.test(w.file))])) {
        t.diagnostic(`${w === weights[0] ? "heaviest: " : ""}${w.file}: ${kb(w.total)} (HTML ${kb(w.html)} + stylesheets and scripts ${kb(w.assets)})`);
      }
      const over = weights.filter((w) => w.total >= LIMIT).map((w) => `${w.file}: ${kb(w.total)}`);
      none(over, `release pages over ${kb(LIMIT)} gzip-compressed`);
    });
  }
});

describe("the W3C Nu Html Checker", () => {
  for (const site of SITES) {
    test(`finds no error in any page of ${site.name}`, async (t) => {
      const errors = nuLines(await nu, site.out);
      t.diagnostic(`${htmlFiles(site.out).length} HTML files checked, ${errors.length} errors`);
      none(errors, `vnu found errors in ${site.name}`);
    });
  }

  test("reports the errors of a broken page with file, line and text", async () => {
    const errors = nuLines(await nu, brokenDir);
    assert.ok(errors.some((e) => e.startsWith(`${BROKEN_PAGE}:`) && /No “p” element in scope but a “p” end tag seen/.test(e)), errors.join("\n"));
    assert.ok(errors.some((e) => /^\S+:\d+:\d+: An “img” element must have an “alt” attribute/.test(e)), errors.join("\n"));
  });
});

