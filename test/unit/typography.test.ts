/** Typography of the site's language (src/markdown/typography.ts): in bodies and in plain-text fields. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import * as cheerio from "cheerio";
import type { RawContent } from "../../src/content/load.ts";
import { resolveContent } from "../../src/content/site.ts";
import type { StoreFiles } from "../../src/keyed-store.ts";
import { BodyCache } from "../../src/markdown/body-cache.ts";
import { sanitizedHtml } from "../../src/markdown/render.ts";
import { typeset } from "../../src/markdown/typography.ts";

const NBSP = "\u00a0";
const body = (source: string, language: "de" | "en"): cheerio.CheerioAPI => cheerio.load(sanitizedHtml(source, language), null, false);
const paragraph = (source: string, language: "de" | "en"): string => body(source, language)("p").text();

describe("titles and other plain-text fields", () => {
  it("get the language's quotation marks, nested ones too", () => {
    assert.equal(typeset('Stadtfest-Bilanz: "Friedlich, fröhlich und voll"', "de"), "Stadtfest-Bilanz: „Friedlich, fröhlich und voll“");
    assert.equal(typeset('Stadtfest-Bilanz: "Friedlich, fröhlich und voll"', "en"), "Stadtfest-Bilanz: “Friedlich, fröhlich und voll”");
    assert.equal(typeset(`"Er sagte: 'Hallo'"`, "de"), "„Er sagte: ‚Hallo‘“");
    assert.equal(typeset(`"He said: 'Hello'"`, "en"), "“He said: ‘Hello’”");
    // Already typographic quotes stay as they are.
    assert.equal(typeset("Sommerleseclub: „Lesen ist Abenteuer“", "de"), "Sommerleseclub: „Lesen ist Abenteuer“");
    // A quote that is never closed stays straight: markdown-it sets only pairs.
    assert.equal(typeset('Er sagte "Hallo', "de"), 'Er sagte "Hallo');
  });

  it("get apostrophes as markdown-it sets them: within a word ’, before a number as written", () => {
    assert.equal(typeset("Rock'n'Roll im Park", "de"), "Rock’n’Roll im Park");
    assert.equal(typeset("Rock'n'Roll in the park", "en"), "Rock’n’Roll in the park");
    assert.equal(typeset("Andrea's Café", "de"), "Andrea’s Café");
    assert.equal(typeset("the city's budget", "en"), "the city’s budget");
    // An apostrophe at the start of a word cannot be told from an opening quote that is never closed.
    assert.equal(typeset("Musik der '90er", "de"), "Musik der '90er");
  });

  it("get dashes and the ellipsis; a hyphen within a word, a telephone number or a year range stays", () => {
    assert.equal(typeset("Ring - Hafen -- Altstadt --- und ...", "en"), "Ring – Hafen – Altstadt — und …");
    assert.equal(typeset("Nord - Süd", "de"), "Nord – Süd");
    assert.equal(typeset("Bürgeramt-Termine, Tel. 0251 492-6612, 2019-2024", "de"), "Bürgeramt-Termine, Tel. 0251 492-6612, 2019-2024");
    assert.equal(typeset("Ein- und Ausfahrt, Fuß- und Radweg", "de"), "Ein- und Ausfahrt, Fuß- und Radweg");
    assert.equal(typeset("Nord -Süd, Nord- Süd, a----b, ....", "de"), "Nord -Süd, Nord- Süd, a----b, ....");
  });

  it("get a dash in a number range before a unit", () => {
    assert.equal(typeset("Sprechstunde 10-12 Uhr, 9.30-11.30 Uhr, 5-10 % und 2,5-3 km", "en"), "Sprechstunde 10–12 Uhr, 9.30–11.30 Uhr, 5–10 % und 2,5–3 km");
    assert.equal(typeset("10-12 Uhr", "de"), `10–12${NBSP}Uhr`);
    assert.equal(typeset("Tel. 492-12, A4-5 %, 1-2-3 km", "de"), `Tel. 492-12, A4-5${NBSP}%, 1-2-3${NBSP}km`);
  });

  it("keep a number and its unit together in German, and nothing else changes", () => {
    assert.equal(typeset("10 km, 5 % und 20 Euro ab 10 Uhr, z. B. morgen, 3 Mio. Besucher", "de"), `10${NBSP}km, 5${NBSP}% und 20${NBSP}Euro ab 10${NBSP}Uhr, z.${NBSP}B. morgen, 3${NBSP}Mio. Besucher`);
    assert.equal(typeset("3 Mitarbeiter und 12 mal, 10 min", "de"), "3 Mitarbeiter und 12 mal, 10 min");
    assert.equal(typeset("10 km", "en"), "10 km");
  });

  it("leave (c), (r), (tm) and +- as written", () => {
    assert.equal(typeset('Buchstabe (c), (r), (tm), +- und "x"', "de"), "Buchstabe (c), (r), (tm), +- und „x“");
  });

  it("leave addresses as written", () => {
    assert.equal(typeset("Infos - www.stadt.example/sommer--fest... und https://x.example/a--b", "de"), "Infos – www.stadt.example/sommer--fest... und https://x.example/a--b");
    assert.equal(typeset("stadt.example/a---b, max--m@stadt.example", "de"), "stadt.example/a---b, max--m@stadt.example");
  });

  it("are read as text: Markdown, entities, escapes and tags stay as written", () => {
    for (const text of ["a *b* _c_ `d` [e](f) ![g](h)", "AT&amp;T &lt; <b>fett</b> \\* \\_ \\\\", "  zwei Leerzeichen  ", "Zeile\nzwei", "€ 5,- und 3 < 4 > 2", "a\rb\r\nc\0d\u2028e"]) {
      assert.equal(typeset(text, "de"), text, JSON.stringify(text));
      assert.equal(typeset(`"x${text}x"`, "de"), `„x${text}x“`, JSON.stringify(text));
    }
    assert.equal(typeset('<a href="x">*"y"*</a> &quot;z&quot;', "en"), "<a href=“x”>*“y”*</a> &quot;z&quot;");
  });

  it("lose and add nothing, for any text: only quotes, dashes, dots and spaces change, each into its typographic form", () => {
    const pieces = ['"', "'", "-", "--", "...", ".", " ", "  ", "\n", "\r", "\r\n", "\t", "\0", "\u2028", "a", "Wort", "10", "10 km", "z. B.", "*", "_", "`", "<", ">", "<b>", "&amp;", "&", "\\", "\\\"", "[", "](", ")", "!", "#", "~", "|", "{{", "}}", "$", "www.x.example/", "@", "„", "’", "😀"];
    // Typographic forms back to what is typed, so that input and output can be compared.
    const typed = (text: string): string =>
      text.replace(/[„“”"]/g, '"').replace(/[‚‘’']/g, "'").replace(/…/g, "...").replace(/[–—-]+/g, "-").replace(/\u00a0/g, " ");
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 3000; run++) {
      const text = Array.from({ length: 1 + random(12) }, () => pieces[random(pieces.length)]).join("");
      for (const language of ["de", "en"] as const) {
        const out = typeset(text, language);
        assert.equal(typed(out), typed(text), `${language} ${JSON.stringify(text)} → ${JSON.stringify(out)}`);
      }
    }
  });
});

describe("bodies", () => {
  it("German and English quotation marks and dashes in text", () => {
    assert.equal(paragraph('„Ja“, sagt sie. "Wir bauen - ab Montag." Sie sagt \'nein\'...', "de"), "„Ja“, sagt sie. „Wir bauen – ab Montag.“ Sie sagt ‚nein‘…");
    assert.equal(paragraph(`"We build - from Monday," she says, "it's 'done'."`, "en"), "“We build – from Monday,” she says, “it’s ‘done’.”");
  });

  it("quotes around emphasis and links, and dashes at a line's end", () => {
    assert.equal(paragraph('"*Ja*", sagt sie, "[hier](https://x.example)"', "de"), "„Ja“, sagt sie, „hier“");
    assert.equal(paragraph("Erste Zeile -\nzweite Zeile", "de"), "Erste Zeile –\nzweite Zeile");
    // A hyphen right after emphasis belongs to its word.
    assert.equal(paragraph("*Anfangs*- und **End**punkt", "de"), "Anfangs- und Endpunkt");
  });

  it("never in code, link targets, addresses written out or HTML attributes", () => {
    const $ = body('`"code" -- x` and [a "link"](https://x.example/a--b...c "a \'title\' -- x") https://x.example/"q"--z www.x.example/a--b <abbr title=\'a "b" -- c\'>A</abbr>\n\n```\n"fenced" -- ...\n```', "de");
    assert.equal($("code").first().text(), '"code" -- x');
    assert.equal($("pre code").text(), '"fenced" -- ...\n');
    assert.equal($("a").first().attr("href"), "https://x.example/a--b...c");
    assert.equal($("a").first().attr("title"), "a 'title' -- x");
    assert.equal($("a").first().text(), "a „link“");
    assert.equal($("a").eq(1).text(), 'https://x.example/"q"--z');
    assert.match($("p").first().text(), / www\.x\.example\/a--b /);
    assert.equal($("abbr").attr("title"), 'a "b" -- c');
  });

  it("(c) stays (c): German lists count with it", () => {
    assert.equal(paragraph("Nach Buchstabe (c) und (r) gilt +- 5 (tm).", "de"), "Nach Buchstabe (c) und (r) gilt +- 5 (tm).");
  });

  it("the same structure in every language: typography changes text only", () => {
    const source = '# Titel "x"\n\n- eins - zwei\n- "drei"\n\n> Zitat ...\n\n| a | "b" |\n|---|---|\n| 1 - 2 | 3 |\n\n![Bild](foto.jpg "Titel")';
    const tags = (html: string): string[] => [...html.matchAll(/<\/?[a-z0-9]+/g)].map((m) => m[0]);
    assert.deepEqual(tags(sanitizedHtml(source, "de")), tags(sanitizedHtml(source)));
    assert.deepEqual(tags(sanitizedHtml(source, "en")), tags(sanitizedHtml(source)));
  });

  it("without a language, a body is rendered as written (to find its images)", () => {
    assert.equal(cheerio.load(sanitizedHtml('"x" - y'), null, false)("p").text(), '"x" - y');
  });
});

describe("the cache of rendered bodies", () => {
  it("never gives a body rendered for a German site to an English one", async () => {
    const saved = new Map<string, string>();
    const files: StoreFiles = {
      readStore: async (name) => (saved.has(name) ? JSON.parse(saved.get(name)!) : undefined),
      writeStorePieces: async (name, pieces) => void saved.set(name, [...pieces].join("")),
    };
    const source = '"Hallo" - sagt sie.';
    const german = await BodyCache.open(files, "code", "de");
    assert.equal(german.html(source), "<p>„Hallo“ – sagt sie.</p>\n");
    await german.save(files);
    assert.equal((await BodyCache.open(files, "code", "en")).html(source), "<p>“Hallo” – sagt sie.</p>\n");
    // The same language and code: the body comes from the file (an entry changed by hand shows it).
    for (const [name, text] of saved) if (name.startsWith("bodies/")) saved.set(name, text.replace("„Hallo“", "„Servus“"));
    assert.equal((await BodyCache.open(files, "code", "de")).html(source), "<p>„Servus“ – sagt sie.</p>\n");
  });
});

describe("the content model", () => {
  const ROOT = path.resolve("/srv/presse/content");
  const site = (language: string): string =>
    ["title: Stadt", "url: https://presse.stadt.example/", `language: ${language}`, "timezone: Europe/Berlin", "footer:", "  imprint: https://www.stadt.example/impressum", "  privacy: https://www.stadt.example/datenschutz", ""].join("\n");
  const folder = "releases/2026/2026-11-20-stadtfest";
  const release = [
    "---",
    `title: 'Stadtfest: "Friedlich" - und voll'`,
    `subtitle: "Ordnungsamt: 'Keine Zwischenfälle'"`,
    "date: 2026-11-20",
    "updated: 2026-11-21",
    `change_note: 'Zahl der Gäste "korrigiert"'`,
    "department: ordnungsamt",
    "media:",
    "  - file: fest.jpg",
    `    alt: 'Das "Fest"'`,
    `    caption: 'Der Markt - voll, "wie immer"'`,
    "---",
    "",
    "Text.",
    "",
  ].join("\n");

  const resolve = (language: string) => {
    const raw: RawContent = {
      root: ROOT,
      texts: new Map([
        ["site.yaml", site(language)],
        ["departments.yaml", "ordnungsamt:\n  name: Ordnungsamt\n  contact: meier\n"],
        ["contacts.yaml", "meier:\n  name: Eva Meier\n  email: presse@stadt.example\n"],
        [`${folder}/index.md`, release],
      ]),
      releaseFiles: [`${folder}/index.md`],
      unreadable: new Map(),
    };
    const image = path.join(ROOT, folder, "fest.jpg");
    const result = resolveContent(raw, { realFile: (p) => (p === image ? p : undefined) });
    assert.deepEqual(result.problems.map((p) => `${p.code}: ${p.message}`), []);
    const resolved = result.model?.releases[0];
    assert.ok(resolved);
    return resolved;
  };

  it("titles, subtitles, captions and change notes are set in the site's language; the address and the alt text stay", () => {
    const de = resolve("de");
    assert.equal(de.title, "Stadtfest: „Friedlich“ – und voll");
    assert.equal(de.subtitle, "Ordnungsamt: ‚Keine Zwischenfälle‘");
    assert.equal(de.changeNote, "Zahl der Gäste „korrigiert“");
    const [photo] = de.media;
    assert.ok(photo?.kind === "image");
    assert.equal(photo.caption, "Der Markt – voll, „wie immer“");
    assert.equal(photo.alt, 'Das "Fest"');
    assert.equal(de.url, "/2026/11/20/stadtfest/");
    const en = resolve("en");
    assert.equal(en.title, "Stadtfest: “Friedlich” – und voll");
    assert.equal(en.subtitle, "Ordnungsamt: ‘Keine Zwischenfälle’");
    assert.equal(en.url, de.url);
  });
});
