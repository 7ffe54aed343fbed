/**
 * What pressroom says to a German press officer has no word she does not
 * know: never "YAML". A release's lines between the two --- are "die
 * Kopfzeilen der Meldung", a settings file is named (site.yaml,
 * departments.yaml, contacts.yaml). Every entry of the catalog is said in
 * German with sample facts, every mistake of the parser, every problem of the
 * fixtures of the catalog's tests, and every text of `pressroom new`.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { newText } from "../../src/cli/new-text.ts";
import { loadContent } from "../../src/content/load.ts";
import { resolveContent } from "../../src/content/site.ts";
import { catalog, warnings, type ErrorCode, type ParamsOf, type WarningCode, type WarningParamsOf } from "../../src/errors/catalog.ts";
import { problem, warning } from "../../src/errors/problem.ts";
import { localize } from "../../src/errors/report.ts";
import { reportText } from "../../src/errors/report-text.ts";
import type { YamlMistake } from "../../src/errors/yaml-mistakes.ts";
import { fixture, ROOT } from "../helpers.ts";

const UNKNOWN = /YAML/;

const mistakes: YamlMistake[] = [
  { kind: "tab" },
  { kind: "inner-quotes", field: "title", value: '"Weihnachtsoratorium" im Dom' },
  { kind: "inner-quotes", field: "title", value: "'Rock'n'Roll' im Park", quote: "'" },
  { kind: "indented" },
  { kind: "colon" },
  { kind: "colon", field: "title", value: "Bürgermeisterin: Wir bauen" },
  { kind: "duplicate-field" },
  { kind: "no-colon" },
  { kind: "uneven-indent" },
  { kind: "unclosed-quote" },
  { kind: "alias", name: "anker" },
];

const some = { suggestions: ["tiefbauamt"], known: ["tiefbauamt", "umweltamt"] };
const none = { suggestions: [], known: [] };

/** Facts for each entry: typed by the catalog, so a sample has the facts its entry is made with. */
const ERRORS: { readonly [C in ErrorCode]?: readonly ParamsOf<C>[] } = {
  "file-unreadable": [{ reason: "it is not saved as UTF-8 text (perhaps Latin-1 or Windows-1252)" }],
  "missing-file": [{ file: "site.yaml" }],
  "content-folder-missing": [{ dir: "content" }],
  "yaml-syntax": [
    ...mistakes.map((mistake) => ({ detail: "x", mistake })),
    ...mistakes.map((mistake) => ({ detail: "x", mistake, file: "departments.yaml" })),
    { detail: "it is never closed by a line ---", hint: "Add a line of three dashes (---) after the last field, before the text of the release." },
    { detail: "Unexpected scalar at node end" },
    { detail: "Unexpected scalar at node end", file: "site.yaml" },
  ],
  "yaml-tag": [{ tag: "!!timestamp" }],
  "no-front-matter": [{}],
  "front-matter-not-yaml": [{ language: "json" }],
  "not-a-mapping": [{ what: "The front matter" }, { what: "site.yaml" }],
  "missing-field": [{ field: "title" }, { field: "media.0.alt", name: "alt" }],
  "empty-field": [{ field: "title" }],
  "wrong-type": [{ field: "media", expected: 'a list of entries, each starting with "- file: name.jpg"' }],
  "unknown-field": [{ field: "titel", suggestions: ["title"], known: ["title"] }, { field: "x", ...none }],
  "invalid-value": [
    { field: "color", value: "#1a5fb4", expected: 'a colour in quotes: color: "#1a5fb4"' },
    { field: "language", value: "fr", expected: "one of de, en" },
    { field: "distribution.0.address", value: "verteiler", expected: "one email address, e.g. verteiler@lists.musterstadt.de" },
    { field: "distribution.1.address", value: "a@b.de", expected: "an address no other list of distribution: has" },
    { field: "distribution.0.embargo_lead", value: "bald", expected: "a time like 24 hours, 36 Stunden or 2 days" },
    { field: "notify", value: "ja", expected: "correction, together with updated: (and change_note:)" },
    { field: "distribution", value: "x", expected: 'a list of entries, each starting with "- name: …" and with address: indented below it' },
  ],
  "invalid-date": [{ field: "date", value: "27.11.2026" }],
  "impossible-date": [
    { field: "date", value: "2026-11-31" },
    { field: "date", value: "2026-11-31", why: { part: "day", year: 2026, month: 11, days: 30 } },
    { field: "date", value: "2026-13-01", why: { part: "month", month: 13 } },
    { field: "date", value: "2026-11-27 25:00", why: { part: "time" } },
    { field: "date", value: "2026-11-27T10:00+19:00", why: { part: "offset" } },
  ],
  "updated-before-date": [{ updated: "2026-11-26", date: "2026-11-27" }],
  "change-note-without-updated": [{}],
  "withdrawn-before-date": [{ withdrawn: "2026-11-26", date: "2026-11-27" }],
  "invalid-timezone": [{ value: "Berlin" }],
  "bidi-control": [{ character: "U+202E RIGHT-TO-LEFT OVERRIDE" }],
  "zero-width": [{ character: "U+200B ZERO WIDTH SPACE" }],
  "control-character": [{ character: "U+001B ESCAPE" }],
  "release-too-large": [{ size: "3 MB", limit: "2 MB" }],
  "body-too-large": [{ size: "2 MB", limit: "1 MB" }],
  "body-too-deep": [{ limit: 100 }],
  symlink: [{}, { target: "releases/a.md" }],
  "low-contrast": [{ value: "#7fb2e5", ratio: "2.3:1", suggestion: "#2f76d1", suggestionRatio: "4.6:1" }],
  "missing-legal-link": [{ kind: "imprint" }, { kind: "privacy" }],
  "logo-missing": [{ file: "logo.svg", candidates: ["Logo.svg"] }, { file: "logo.svg", candidates: [] }],
  "logo-unreadable": [{ file: "logo.svg", reason: "it contains a script" }],
  "layout-unknown": [{ name: "x.njk", ...some }, { name: "x.njk", ...none }],
  "layout-unsafe": [
    { name: "release.njk", what: "| safe on release.title" },
    { name: "release.njk", what: 'the name "constructor"', why: "code" },
    { name: "release.njk", what: 'the filter "log"', why: "unknown" },
    { name: "base.njk", what: "a <script> of its own", why: "script" },
    { name: "base.njk", what: "the element <iframe>", why: "script" },
    { name: "base.njk", what: "base.njk → pages/404.njk → base.njk", why: "circle" },
  ],
  "layout-broken": [{ name: "release.njk", detail: "unexpected end of file" }],
  "invalid-url": [{ field: "url", value: "presse.example" }],
  "invalid-id": [{ what: "department", id: "Tiefbau Amt" }],
  "translation-without-original": [{ language: "en", original: "index.md" }],
  "translation-unknown-language": [{ language: "tr", known: ["en", "de-x-ls"] }, { language: "en", known: [] }],
  "translation-field": [{ field: "date" }],
  "translation-media-unknown": [{ name: "plan.pdf", known: ["foto.jpg"] }, { name: "plan.pdf", known: [] }],
  "translation-duplicate": [{ language: "en", other: "releases/2026/2026-11-27-radweg.EN.md" }],
  "unknown-department": [{ id: "tiefbau", ...some }, { id: "tiefbau", ...none }],
  "unknown-contact": [{ id: "Birgit Jaskowiak", ...some }, { id: "x", ...none }],
  "no-contact": [{ departments: ["tiefbauamt"] }, { departments: ["tiefbauamt", "umweltamt"] }],
  "invalid-email": [{ value: "presse(at)stadt.de" }],
  "invalid-phone": [{ value: "ruf an" }],
  "media-missing": [{ file: "Foto.JPG", suggestions: ["foto.jpg"] }, { file: "foto.jpg" }],
  "image-site-absolute": [{ src: "/news/images/foto.jpg", name: "foto.jpg", beside: true }, { src: "/news/images/foto.jpg", name: "foto.jpg", beside: false }],
  "media-outside": [{ file: "../foto.jpg" }],
  "media-type": [{ file: "x.html", extension: "html" }, { file: "x", extension: "" }],
  "media-alt-missing": [{ file: "foto.jpg" }],
  "media-unreadable": [{ file: "foto.jpg", reason: "the file is damaged or incomplete (perhaps cut short while copying)" }],
  "media-too-large": [{ file: "film.mp4", size: "300 MB", limit: "200 MB" }],
  "image-too-many-pixels": [{ file: "foto.jpg", width: 30000, height: 20000, limit: "268 megapixels" }],
  "media-format-mismatch": [{ file: "foto.jpg", actual: "PNG", extension: "jpg", suggested: "png", promised: "JPEG" }],
  "media-duplicate": [{ file: "a/foto.jpg", other: "b/foto.jpg" }],
  "duplicate-url": [{ url: "/2026/11/27/radwege/", other: "releases/b.md" }],
  "invalid-alias": [{ value: "presse/1", reason: "it must start with /" }],
  "duplicate-alias": [{ value: "/presse/1", other: "releases/b.md" }],
  "alias-conflict": [{ value: "/archiv/" }],
  "alias-reserved": [{ value: "/2026/manifest.json", name: "manifest.json" }],
  // pressroom import
  "import-source-unreadable": [
    { source: "archiv.xml", reason: "there is no such file or folder" },
    { source: "http://alt.example/feed", reason: "the server answered 404 Not Found" },
    { source: "http://alt.example/feed", reason: "no answer in time" },
    { source: "archiv.xml", reason: "it is not well-formed XML (Unexpected end)" },
    { source: "archiv.xml", reason: "it declares its own XML entities" },
  ],
  "import-source-unknown": [{ source: "notiz.txt" }],
  "import-map-invalid": [{ detail: 'it has the unknown field "selektoren" (known: departments, default_department, selectors, date_format, pages)' }],
  "import-department-unknown": [{ id: "bauamt", known: ["tiefbauamt"] }, { id: "bauamt", known: [] }],
};

const WARNINGS: { readonly [C in WarningCode]?: readonly WarningParamsOf<C>[] } = {
  "image-alt-missing-inline": [{ src: "foto.jpg", html: false }, { src: "foto.jpg", html: true }],
  "image-external": [{ src: "https://example.org/a.jpg" }],
  "link-removed": [{ address: "javascript:alert(1)" }],
  "media-format-renamed": [{ file: "foto.png", actual: "JPEG", extension: "png", suggested: "jpg", promised: "PNG", published: "foto.jpg" }],
  "image-cmyk": [{ file: "foto.jpg" }],
  "invisible-character": [
    { character: "U+200B ZERO WIDTH SPACE", count: 1, treatment: "removed" },
    { character: "U+2028 LINE SEPARATOR", count: 2, treatment: "line-break" },
    { character: "U+2029 PARAGRAPH SEPARATOR", count: 3, treatment: "paragraph-break" },
  ],
  "invisible-character-field": [{ field: "title", character: "U+200B ZERO WIDTH SPACE", count: 1 }],
  "pasted-list-unclear": [{ marker: "•", lines: 1 }, { marker: "•", lines: 3 }],
  "updated-in-future": [{ updated: "2026-12-06 14:00", now: "2026-12-06 13:19" }],
  "translation-outdated": [{ updated: "2026-12-06 14:00", translated: "2026-12-05 09:00" }, { updated: "2026-12-06 14:00" }],
  "value-cut-at-hash": [{ field: "title", kept: "Wir sind", lost: "#1 in NRW", suggestion: 'title: "Wir sind #1 in NRW"' }],
  "value-is-comment": [{ field: "subtitle", written: "#Kultur im Park", suggestion: 'subtitle: "#Kultur im Park"' }],
  // pressroom import
  "import-skipped-exists": [{ file: "releases/2012/2012-01-07-ampel/index.md" }],
  "import-skipped-edited": [{ file: "releases/2012/2012-01-07-ampel/index.md" }],
  "import-skipped-no-department": [{ categories: [] }, { categories: ["Allgemein"] }],
  "import-skipped-no-date": [{ value: "" }, { value: "gestern" }],
  "import-skipped-kind": [{ kind: "page" }, { kind: "attachment" }, { kind: "post in the trash" }, { kind: "product" }],
  "import-draft": [{ status: "draft" }, { status: "future" }, { status: "private" }, { status: "pending" }, { status: "password-protected" }],
  "import-no-title": [{ title: "Ohne Titel" }],
  "import-alt-missing": [{ file: "foto.jpg" }],
  "import-fetch-failed": [
    { address: "http://alt.example/foto.jpg", reason: "the server refused the connection" },
    { address: "http://alt.example/foto.jpg", reason: "a file named foto.jpg is in the release's folder already" },
    { address: "http://alt.example/foto.jpg", reason: "it has more than 100 MB" },
  ],
  "import-other-host": [{ address: "https://bilder.example/foto.jpg", host: "alt.example" }],
  "import-alias-unusable": [{ address: "http://alt.example/?p=12", reason: "addresses with ? or # cannot be redirected by static hosting" }],
  "import-shortcode": [{ shortcode: "contact-form-7" }],
  "import-no-contact": [{ department: "gruenflaechenamt" }],
  "import-comments": [{ count: 1 }, { count: 3 }],
};

const said = (p: ReturnType<typeof problem>): string => Object.values(localize(p, "de")).join("\n");

describe("no word a press officer does not know in German messages", () => {
  it("every catalog entry has samples here", () => {
    assert.deepEqual(Object.keys(catalog).filter((code) => !ERRORS[code as ErrorCode]?.length), []);
    assert.deepEqual(Object.keys(warnings).filter((code) => !WARNINGS[code as WarningCode]?.length), []);
  });

  it("every error and warning of the catalog, said in German with sample facts", () => {
    for (const [code, samples] of Object.entries(ERRORS)) {
      for (const params of samples as readonly ParamsOf<ErrorCode>[]) {
        const text = said(problem(code as ErrorCode, { file: "x" }, params as never));
        assert.doesNotMatch(text, UNKNOWN, `${code} ${JSON.stringify(params)}`);
      }
    }
    for (const [code, samples] of Object.entries(WARNINGS)) {
      for (const params of samples as readonly WarningParamsOf<WarningCode>[]) {
        assert.doesNotMatch(said(warning(code as WarningCode, { file: "x" }, params as never)), UNKNOWN, code);
      }
    }
  });

  it("a release's lines are its Kopfzeilen, a settings file is named", () => {
    const tab = (file?: string) => localize(problem("yaml-syntax", { file: "x" }, { detail: "x", mistake: { kind: "tab" }, ...(file && { file }) }), "de");
    assert.equal(tab().title, "Felder nicht lesbar");
    assert.equal(tab().message, "Die Kopfzeilen der Meldung können nicht gelesen werden: diese Zeile ist mit einem Tabulator eingerückt.");
    assert.equal(tab("site.yaml").message, "site.yaml kann nicht gelesen werden: diese Zeile ist mit einem Tabulator eingerückt.");
  });

  it("every problem of the catalog's fixtures, said in German", async () => {
    const fixtures = readdirSync(path.join(ROOT, "test", "fixtures")).filter((name) => name.startsWith("invalid-"));
    let count = 0;
    for (const name of fixtures) {
      const { problems, warnings: found } = resolveContent(await loadContent(fixture(name)));
      for (const p of [...problems, ...found]) {
        assert.doesNotMatch(said(p), UNKNOWN, `${name} ${p.file}:${p.line} ${p.code}`);
        count++;
      }
    }
    assert.ok(count > 50, `${count} problems said`);
  });

  it("the words of the report and of pressroom new", () => {
    const all = (texts: object): string[] =>
      Object.values(texts).flatMap((v) => (typeof v === "string" ? [v] : typeof v === "function" ? [String(v)] : v && typeof v === "object" ? all(v) : []));
    // The functions' source holds their words: a sentence built from parts is still written out in it.
    for (const text of [...all(newText("de")), ...all(reportText("de"))]) assert.doesNotMatch(text, UNKNOWN, text);
  });
});
