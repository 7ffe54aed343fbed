/**
 * A release pasted from Word (test/fixtures/word-paste): a paragraph indented
 * with a tab, bullet lines, dash lines, zero-width spaces in the text, soft
 * hyphens where they do harm (one in the title) and a line separator. (A
 * zero-width space in a field is an error: test/fixtures/invalid-invisible.) `check` calls it
 * valid with a warning for each, at its line; the build shows no code block,
 * a real list, and no invisible character in any page, feed or file name.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import type { WarningCode, WarningParamsOf } from "../src/errors/catalog.ts";
import { problem, sortProblems, warning, type Location, type Problem } from "../src/errors/problem.ts";
import { formatProblems } from "../src/errors/report.ts";
import { fixture, html, listFiles, pressroom, readText, ROOT, scratchDirs } from "./helpers.ts";

const WORD = fixture("word-paste");
const FILE = "releases/2026/2026-11-27-radwege-aus-word.md";
const PAGE = "2026/11/27/radwege-aus-word/index.html";
const TITLE = "Neue Radwege am Ring";
const SUBTITLE = "Der Ausbau beginnt im Dezember";
/** Every character the fixture hides somewhere; none may reach the output. */
const INVISIBLE = ["\u200B", "\u00AD", "\u2028"];
const INVISIBLE_ANYWHERE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u2028\u2029]/;

const fresh = scratchDirs();

/** A warning as the catalog says it, at a place of the fixture's release. */
const expected = <C extends WarningCode>(code: C, at: Omit<Location, "file">, params: WarningParamsOf<C>): Problem =>
  warning(code, { file: FILE, ...at }, params);

const WARNINGS: readonly Problem[] = [
  expected("invisible-character-field", { line: 2, column: 17, field: "title" }, { field: "title", character: "U+00AD SOFT HYPHEN", count: 1 }),
  expected("invisible-character-field", { line: 3, column: 42, field: "subtitle" }, { field: "subtitle", character: "U+00AD SOFT HYPHEN", count: 1 }),
  expected("invisible-character", { line: 17, column: 20, field: "body" }, { character: "U+200B ZERO WIDTH SPACE", count: 1, treatment: "removed" }),
  expected("invisible-character", { line: 18, column: 34, field: "body" }, { character: "U+2028 LINE SEPARATOR", count: 1, treatment: "line-break" }),
  expected("pasted-list-unclear", { line: 20, field: "body" }, { marker: "–", lines: 2 }),
  expected("invisible-character", { line: 23, column: 23, field: "body" }, { character: "U+00AD SOFT HYPHEN", count: 1, treatment: "removed" }),
];

const place = (p: Problem): string => `${p.file}:${p.line}${p.column === undefined ? "" : `:${p.column}`}`;

test("the fixture has what it is about, on the lines the warnings name", () => {
  const lines = readFileSync(path.join(WORD, FILE), "utf8").split("\n");
  assert.match(lines[7]!, /^\tDer Ausbau/);
  assert.match(lines[10]!, /^•\t/);
  assert.match(lines[12]!, /^o\t/);
  for (const w of WARNINGS) {
    const char = /^U\+([0-9A-F]{4})/.exec(String(w.params?.character ?? ""))?.[1];
    if (char !== undefined) assert.equal(lines[w.line! - 1]![w.column! - 1], String.fromCodePoint(parseInt(char, 16)), place(w));
  }
});

describe("check", () => {
  let checked: Awaited<ReturnType<typeof checkContent>>;
  before(async () => {
    checked = await checkContent(WORD);
  });

  test("valid, with exactly these warnings, each at its line", () => {
    assert.deepEqual(checked.problems, []);
    const shown = (list: readonly Problem[]) => list.map((w) => `${place(w)} ${w.code} ${w.field}: ${w.message}`);
    assert.deepEqual(shown(sortProblems(checked.warnings)), shown(WARNINGS));
    for (const w of checked.warnings) assert.equal(w.severity, "warning");
  });

  test("the German report says each of them", () => {
    const report = formatProblems(checked.warnings, { sources: checked.sources, color: false, language: "de" });
    assert.match(report, new RegExp(`${FILE}:2:17  Warnung: Unsichtbares Zeichen in einem Feld \\[invisible-character-field\\]`));
    assert.ok(report.includes("Das Feld „title“ enthält ein unsichtbares Zeichen, U+00AD SOFT HYPHEN; die Seite, die Feeds und die Suche lassen es weg."), report);
    assert.ok(report.includes("Diese Zeile enthält ein unsichtbares Zeichen, U+2028 LINE SEPARATOR; die Seite zeigt stattdessen einen Zeilenumbruch."), report);
    assert.ok(report.includes("Diese Zeile und die folgende beginnen mit „–“ und einem Leerzeichen"), report);
    assert.ok(report.includes("6 Warnungen"), report);
  });
});

test("CLI check: exit 0, each warning on stderr with its line, message and hint", () => {
  const result = pressroom(["check", "--content", WORD, "--cache", fresh(), "--lang", "en"]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^Content is valid: 1 release checked in /);
  const shownFile = path.relative(ROOT, path.join(WORD, FILE)).split(path.sep).join("/");
  for (const w of WARNINGS) {
    const at = `${shownFile}:${w.line}${w.column === undefined ? "" : `:${w.column}`}`;
    assert.ok(result.stderr.includes(`${at}  warning: ${w.title} [${w.code}]\n  field: ${w.field}\n  ${w.message}\n  hint: ${w.hint}`), `${at}\n${result.stderr}`);
  }
  assert.match(result.stderr, /\n6 warnings: worth fixing, but they do not stop a build\.\n$/);
});

test("a title of nothing but invisible characters (a soft hyphen, a line separator) is an empty title: an error", async () => {
  const dir = path.join(fresh(), "content");
  cpSync(WORD, dir, { recursive: true });
  const file = path.join(dir, FILE);
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, 'title: "\u00AD\u2028"'));
  const { problems } = await checkContent(dir);
  const empty = problem("empty-field", { file: FILE, line: 2, field: "title" }, { field: "title" });
  assert.deepEqual(problems.map((p) => `${place(p)} ${p.code} ${p.field}: ${p.message}`), [`${place(empty)} empty-field title: ${empty.message}`]);
});

describe("built", () => {
  let out: string;
  before(async () => {
    out = path.join(fresh(), "out");
    await build({ contentDir: WORD, outDir: out, now: "2026-11-28T12:00", cacheDir: fresh() });
  });

  test("the tab-indented paragraph is a paragraph, not code", () => {
    const $ = html(out, PAGE);
    assert.equal($(".release-body pre, .release-body code").length, 0, $(".release-body").html() ?? "");
    assert.equal($(".release-body > p").first().text(), "Der Ausbau der Radwege am Ring beginnt am Montag, dem 30. November.");
  });

  test("the bullet lines are a list after their paragraph, Word's second level nested", () => {
    const $ = html(out, PAGE);
    const list = $(".release-body > ul");
    assert.equal(list.length, 1);
    assert.equal(list.prev().text(), "Die Maßnahmen im Überblick:");
    const top = list.children("li").toArray().map((li) => $(li).contents().first().text().trim());
    assert.deepEqual(top, ["breitere Radwege auf beiden Seiten", "neue Ampeln an drei Kreuzungen", "mehr Fahrradbügel am Bahnhof"]);
    assert.deepEqual(list.find("li > ul > li").toArray().map((li) => $(li).text()), ["am Hafentor", "an der Marktstraße"]);
  });

  test("a bullet within a sentence and the unclear dash lines stay text; the line separator is a line break", () => {
    const $ = html(out, PAGE);
    const paragraphs = $(".release-body > p").toArray().map((p) => $(p));
    const sentence = paragraphs.find((p) => p.text().includes("mitten im Satz"))!;
    assert.match(sentence.text(), /ein Punkt • mitten im Satz bleibt Text\./);
    assert.equal(sentence.find("br").length, 1);
    assert.ok(paragraphs.some((p) => p.text() === "– Zuerst die Nordseite\n– danach die Südseite"));
    assert.equal($('.release-body a[href="mailto:presse@pruefstadt.example"]').text(), "presse@pruefstadt.example");
  });

  test("the title and subtitle without invisible characters: page, feeds, open data", () => {
    const $ = html(out, PAGE);
    assert.equal($("h1").text(), TITLE);
    assert.equal($(".subtitle").text(), SUBTITLE);
    assert.ok($("title").text().startsWith(TITLE));
    assert.equal($('meta[property="og:title"]').attr("content"), TITLE);
    const atom = cheerio.load(readText(out, "feed.xml"), { xml: true });
    assert.equal(atom("entry > title").text(), TITLE);
    assert.equal(cheerio.load(atom("entry > content").text(), null, false)("pre, code").length, 0);
    const feed = JSON.parse(readText(out, "feed.json")) as { items: { title: string; content_html: string }[] };
    assert.equal(feed.items[0]!.title, TITLE);
    assert.match(feed.items[0]!.content_html, /<ul>\n<li>breitere Radwege/);
    const data = JSON.parse(readText(out, "releases.json")) as { releases: { title: string; subtitle: string }[] };
    assert.deepEqual([data.releases[0]!.title, data.releases[0]!.subtitle], [TITLE, SUBTITLE]);
  });

  test("no invisible character in any page or feed (their text and their bytes), nor in a file name", () => {
    const files = listFiles(out);
    for (const file of files) assert.doesNotMatch(file, INVISIBLE_ANYWHERE, file);
    const texts = files.filter((f) => /\.(html|xml|json|vcf|txt)$|(^|\/)_[a-z]+$/.test(f));
    assert.ok(texts.includes(PAGE) && texts.includes("feed.xml") && texts.includes("aemter/tiefbauamt/feed.xml"));
    for (const file of texts) {
      const bytes = readFileSync(path.join(out, file));
      for (const char of INVISIBLE) assert.equal(bytes.indexOf(Buffer.from(char, "utf8")), -1, `${JSON.stringify(char)} in ${file}`);
      const text = bytes.toString("utf8");
      assert.doesNotMatch(text, INVISIBLE_ANYWHERE, file);
      if (file.endsWith(".html") || file.endsWith(".xml")) {
        const $ = cheerio.load(text, { xml: file.endsWith(".xml") });
        assert.doesNotMatch($.root().text(), INVISIBLE_ANYWHERE, file);
      }
    }
  });
});
