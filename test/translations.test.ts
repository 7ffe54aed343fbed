/**
 * Translations end to end: the example site (English, Leichte Sprache and Arabic versions) and
 * test/fixtures/translations (an embargoed original with a translation, a withdrawn one, a draft
 * translation) built by the CLI and read with real parsers: hreflang alternates symmetric and complete
 * on every page and in the sitemap, the sitemap valid, a feed per language, releases.json, the pages'
 * language and direction, and nothing of an unpublished original or translation in any output file.
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import * as cheerio from "cheerio";
import { XMLParser } from "fast-xml-parser";
import { htmlFiles } from "./browser.ts";
import { fixture, html, listFiles, pressroom, readText, ROOT, scratchDirs } from "./helpers.ts";
import { validateAtom, validateSitemap } from "./xml-validators.ts";

const scratch = scratchDirs();
const NOW = "2026-11-28T12:00:00+01:00";
const SITE = "https://presse.musterstadt.de";
const POOL = "/2026/02/18/hallenbad-baubeginn/";

function build(content: string, now = NOW): string {
  const out = path.join(scratch(), "out");
  const built = pressroom(["build", "--content", content, "--out", out, "--now", now]);
  assert.equal(built.status, 0, built.stderr);
  return out;
}

/** A page's alternates as "hreflang href" lines, sorted. */
const alternatesOf = ($: cheerio.CheerioAPI): string[] =>
  [...$('link[rel="alternate"][hreflang]').map((_, e) => `${$(e).attr("hreflang")} ${$(e).attr("href")}`)].sort();

/** The output file of an absolute address of the site. */
const fileOf = (url: string): string => `${url.slice(SITE.length + 1)}index.html`;

describe("the example site's translations", () => {
  let out: string;
  before(() => {
    out = build(path.join(ROOT, "content"));
  });

  test("every page with alternates names itself in its own language, every version, x-default the original; each version names the same set", () => {
    let pages = 0;
    for (const file of htmlFiles(out)) {
      const $ = html(out, file);
      const alternates = alternatesOf($);
      if (alternates.length === 0) continue;
      pages++;
      const canonical = $('link[rel="canonical"]').attr("href")!;
      const lang = $("html").attr("lang")!;
      assert.ok(alternates.includes(`${lang} ${canonical}`), `${file} names itself (${lang} ${canonical}) among ${alternates.join(", ")}`);
      const versions = alternates.filter((a) => !a.startsWith("x-default "));
      const original = versions.find((a) => a.startsWith("de "))!;
      assert.ok(original, `${file}: the original is among the alternates`);
      assert.ok(alternates.includes(`x-default ${original.slice(3)}`), `${file}: x-default is the original`);
      assert.equal(new Set(versions.map((v) => v.split(" ")[0])).size, versions.length, `${file}: one address per language`);
      for (const version of versions) {
        const [hreflang, href] = version.split(" ") as [string, string];
        const other = html(out, fileOf(href));
        assert.equal(other("html").attr("lang"), hreflang, `${href} is in ${hreflang}`);
        assert.deepEqual(alternatesOf(other), alternates, `${href} names the same versions as ${file}`);
      }
    }
    // Two releases with English and Leichte Sprache, one of them with Arabic too: 2 + 3 + 4 + 3 pages.
    assert.equal(pages, 7);
  });

  test("the alternates are complete: every translation of releases.json, and nothing else", () => {
    const data = JSON.parse(readText(out, "releases.json")) as { releases: { url: string; translations?: { language: string; url: string }[] }[] };
    const translated = data.releases.filter((r) => r.translations);
    assert.deepEqual(translated.map((r) => [r.url, r.translations!.map((t) => t.language)]), [
      [`${SITE}/2026/11/19/ring-radweg-bilanz/`, ["en", "de-x-ls"]],
      [`${SITE}${POOL}`, ["en", "de-x-ls", "ar"]],
    ]);
    for (const release of translated) {
      const expected = [`de ${release.url}`, `x-default ${release.url}`, ...release.translations!.map((t) => `${t.language} ${t.url}`)].sort();
      assert.deepEqual(alternatesOf(html(out, fileOf(release.url))), expected);
    }
  });

  test("the sitemap is valid and gives every version the same alternates as its page", () => {
    assert.deepEqual(validateSitemap(path.join(out, "sitemap.xml")), []);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "url" || name === "xhtml:link" }).parse(readText(out, "sitemap.xml"));
    const urls = parsed.urlset.url as { loc: string; "xhtml:link"?: { "@_hreflang": string; "@_href": string }[] }[];
    const locs = new Set(urls.map((u) => u.loc));
    const withLinks = urls.filter((u) => u["xhtml:link"]);
    assert.equal(withLinks.length, 7);
    for (const url of withLinks) {
      const links = url["xhtml:link"]!.map((l) => `${l["@_hreflang"]} ${l["@_href"]}`).sort();
      assert.deepEqual(links, alternatesOf(html(out, fileOf(url.loc))), url.loc);
      for (const link of links) assert.ok(locs.has(link.split(" ")[1]!), `${link} is listed in the sitemap`);
    }
  });

  test("a translation's page: lang and dir on <html>, its own title and card title, the switcher and the note", () => {
    const $ = html(out, `${POOL.slice(1)}ar/index.html`);
    assert.equal($("html").attr("lang"), "ar");
    assert.equal($("html").attr("dir"), "rtl");
    assert.equal($("h1").text(), "بدء أعمال البناء لمسبح أوسترفيلد الداخلي الجديد");
    assert.equal($('meta[property="og:title"]').attr("content"), $("h1").text());
    assert.equal(JSON.parse($('script[type="application/ld+json"]').text()).inLanguage, "ar");
    assert.equal($(".translation-note").text(), "هذه ترجمة. النص الألماني هو النص المعتمد.");
    const switcher = [...$(".language-switcher a").map((_, a) => `${$(a).attr("lang")}=${$(a).attr("hreflang")} ${$(a).text()}${$(a).attr("aria-current") ? " (current)" : ""}`)];
    assert.deepEqual(switcher, ["de=de Deutsch", "en=en English", "de-x-ls=de-x-ls Leichte Sprache", "ar=ar العربية (current)"]);
    // Arabic has no interface strings: the English ones, marked as English for screen readers.
    assert.equal($("header.site-header").attr("lang"), "en");
    assert.equal($(".meta").attr("lang"), "en");
    // The original's photos with the translation's alt text and caption.
    assert.ok($(`img[alt^="تصور للمسبح الداخلي الجديد"]`).length > 0);
    const ls = html(out, `${POOL.slice(1)}de-x-ls/index.html`);
    assert.equal(ls("html").attr("lang"), "de-x-ls");
    assert.equal(ls("html").attr("dir"), "ltr");
    assert.equal(ls(".meta").text().startsWith("Veröffentlicht am"), true, "Leichte Sprache gets the German interface");
    assert.equal(ls(".meta").attr("lang"), undefined);
    const en = html(out, `${POOL.slice(1)}en/index.html`);
    assert.equal(en(".translation-note").text(), "This is a translation. The German text is authoritative.");
    assert.equal(en(".meta").text().startsWith("Published"), true);
    // The header's search and first link lead to the language's own search and list.
    assert.equal(en("form.site-search").attr("action"), "/en/search/");
    assert.equal(en(".site-header nav a").first().attr("href"), "/en/");
    // The card is the original's lead photo: shared with the translation's alt text.
    assert.match(en('meta[property="og:image:alt"]').attr("content")!, /^A large excavation/);
    // The original: its own language, the switcher, no note.
    const original = html(out, `${POOL.slice(1)}index.html`);
    assert.equal(original("html").attr("lang"), "de");
    assert.equal(original("html").attr("dir"), undefined);
    assert.equal(original(".language-switcher a[aria-current]").text(), "Deutsch");
    assert.equal(original(".translation-note").length, 0);
  });

  test("listings mark translated releases; a page and an Atom feed per language list the translations", () => {
    const home = html(out, "index.html");
    const marks = [...home(".also-in").map((_, p) => home(p).text())];
    assert.deepEqual(marks, ["Auch auf: English, Leichte Sprache", "Auch auf: English, Leichte Sprache, العربية"]);
    const en = html(out, "en/index.html");
    assert.equal(en("html").attr("lang"), "en");
    assert.equal(en("h1").text(), "Press releases in English");
    assert.deepEqual([...en(".item h2 a").map((_, a) => en(a).attr("href"))], ["/2026/11/19/ring-radweg-bilanz/en/", `${POOL}en/`]);
    const ar = html(out, "ar/index.html");
    assert.equal(ar("html").attr("dir"), "rtl");
    const feeds = ["en/feed.xml", "de-x-ls/feed.xml", "ar/feed.xml"];
    assert.deepEqual(validateAtom(feeds.map((f) => path.join(out, f))), []);
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" || name === "link" });
    const feed = parser.parse(readText(out, "ar/feed.xml")).feed;
    assert.equal(feed["@_xml:lang"], "ar");
    assert.deepEqual(feed.entry.map((e: { link: { "@_href": string }[] }) => e.link[0]!["@_href"]), [`${SITE}${POOL}ar/`]);
    assert.equal(feed.entry[0].title["#text"] ?? feed.entry[0].title, "بدء أعمال البناء لمسبح أوسترفيلد الداخلي الجديد");
  });

  test("the embargoed release's English translation is in no output file", () => {
    const found = listFiles(out).filter((file) => readFileSync(path.join(out, file)).toString("latin1").includes("FUTURESECRET-EN"));
    assert.deepEqual(found, []);
  });
});

describe("publishing follows the original", () => {
  const content = fixture("translations");
  const SECRETS = ["EMBARGOSECRET", "EMBARGOTEXT-EN", "DRAFTSECRET-AR", "sperrfrist"];

  test("an embargoed original keeps its translation out of every file, a draft translation stays out; a withdrawn original withdraws its translation", () => {
    const out = build(content);
    for (const secret of SECRETS) {
      const found = listFiles(out).filter((file) => file.includes(secret) || readFileSync(path.join(out, file)).toString("latin1").includes(secret));
      assert.deepEqual(found, [], `${secret} in the output`);
    }
    // A photo of the original in the translation's text: shown from the original's web versions, with the translation's alt text.
    const pool = html(out, "2026/11/20/bad/en/index.html");
    assert.match(pool(".release-body figure img").attr("src")!, /^\/img\/.*baustelle/);
    assert.equal(pool(".release-body figure img").attr("alt"), "A digger in front of the pool");
    const withdrawn = html(out, "2026/11/10/zurueck/en/index.html");
    assert.equal(withdrawn(".withdrawn-banner h2").text(), "Withdrawn");
    assert.ok(!readText(out, "en/index.html").includes("zurueck"), "a withdrawn translation leaves its language's listing");
    assert.ok(readText(out, "en/feed.xml").includes("/2026/11/10/zurueck/en/"), "and stays in its feed, marked");
  });

  test("once the embargo ends, the translation is published with it", () => {
    const out = build(content, "2026-12-24T12:00:00+01:00");
    assert.equal(html(out, "2026/12/24/sperrfrist/en/index.html")("h1").text(), "EMBARGOSECRET-EN Presents at the town hall");
    assert.ok(readText(out, "releases.json").includes("EMBARGOSECRET-EN"));
  });
});

test("a preview shows each file's warnings on its own page: the original's on the original, the translation's on the translation", () => {
  const content = path.join(scratch(), "content");
  cpSync(fixture("translations"), content, { recursive: true });
  const folder = path.join(content, "releases/2026/2026-11-20-bad");
  const edit = (name: string, from: string, to: string) => writeFileSync(path.join(folder, name), readFileSync(path.join(folder, name), "utf8").replace(from, to));
  edit("index.md", "credit: Stadt Prüfstadt", "credit: #StadtPrüfstadt");
  edit("index.en.md", "caption: The building site", "caption: #The building site");
  const out = path.join(scratch(), "preview");
  const built = pressroom(["build", "--content", content, "--out", out, "--now", NOW, "--preview"]);
  assert.equal(built.status, 0, built.stderr);
  const notesOf = (file: string): string[] => {
    const $ = html(out, file);
    return [...$("article.release > .preview-notes li").map((_, li) => $(li).text())];
  };
  const original = notesOf("2026/11/20/bad/index.html");
  assert.equal(original.length, 1, original.join(" | "));
  assert.match(original[0]!, /^Zeile 9: „credit“ ist leer: „#StadtPrüfstadt“/);
  const english = notesOf("2026/11/20/bad/en/index.html");
  assert.equal(english.length, 1, english.join(" | "));
  assert.match(english[0]!, /^Line 7: „caption“ ist leer: „#The building site in summer\.“/);
  assert.deepEqual(notesOf("2026/11/20/bad/ar/index.html"), [], "the Arabic translation's file has no warning");
});

test("an old address on a translation's page is an alias conflict, found by check", () => {
  const content = path.join(scratch(), "content");
  cpSync(fixture("translations"), content, { recursive: true });
  const file = path.join(content, "releases/2026/2026-11-10-zurueck.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("department: tiefbauamt\n", "department: tiefbauamt\naliases: /2026/11/20/bad/en/\n"));
  const checked = pressroom(["check", "--content", content, "--json"]);
  assert.equal(checked.status, 1, checked.stdout + checked.stderr);
  const codes = (JSON.parse(checked.stdout) as { problems: { code: string; file: string }[] }).problems.map((p) => `${p.code} ${p.file}`);
  assert.deepEqual(codes, ["alias-conflict releases/2026/2026-11-10-zurueck.md"]);
});
