/**
 * Text pasted from Word: no indented code blocks, bullet lines as lists
 * (src/markdown/pasted-lists.ts), and invisible characters found, reported
 * and left out (src/content/invisible.ts).
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import { cleanBody, cleanField, findInvisible } from "../../src/content/invisible.ts";
import type { Location, Problem } from "../../src/errors/problem.ts";
import { findBodyImages } from "../../src/markdown/images.ts";
import { bulletLine } from "../../src/markdown/pasted-lists.ts";
import { renderBody } from "../../src/markdown/render.ts";
import { unclearLists } from "../../src/markdown/unclear-lists.ts";

const render = (body: string) => cheerio.load(renderBody(body), null, false);

/** The items of each list, nested lists as arrays, in order. */
type Items = (string | Items)[];
function items($: cheerio.CheerioAPI, list: cheerio.Cheerio<any>): Items {
  const out: Items = [];
  list.children("li").each((_, li) => {
    const item = $(li);
    out.push(item.clone().children("ul").remove().end().text().trim());
    item.children("ul").each((__, nested) => {
      out.push(items($, $(nested)));
    });
  });
  return out;
}
const lists = (body: string): Items[] => {
  const $ = render(body);
  return $("ul")
    .filter((_, ul) => $(ul).parents("ul").length === 0)
    .toArray()
    .map((ul) => items($, $(ul)));
};

describe("indented code blocks are off", () => {
  for (const [name, body] of [
    ["a tab", "\tDer Ausbau beginnt am Montag."],
    ["four spaces", "    Der Ausbau beginnt am Montag."],
    ["a tab after another paragraph", "Erster Absatz.\n\n\tDer Ausbau beginnt am Montag."],
    ["a tab within a list item", "- Punkt\n\n      Der Ausbau beginnt am Montag."],
  ]) {
    it(`a paragraph indented with ${name} is a paragraph`, () => {
      const $ = render(body!);
      assert.equal($("pre, code").length, 0, $.html());
      assert.equal($("p").last().text(), "Der Ausbau beginnt am Montag.");
    });
  }

  it("fenced code stays, and a bullet line in it stays as written", () => {
    const $ = render("```\n•\tim Code\n    eingerückt\n```");
    assert.equal($("pre code").text(), "•\tim Code\n    eingerückt\n");
    assert.equal($("ul").length, 0);
  });
});

describe("bullet lines pasted from Word", () => {
  it("recognises Word's and Outlook's bullets at the start of a line, and nothing else", () => {
    const yes = ["•\tRadweg", "• Radweg", "•Radweg", "·   Radweg", "◦\tRadweg", "▪\tRadweg", "–\tRadweg", "—\tRadweg", "o\tRadweg", "\uF0B7\tRadweg", "  •\tRadweg", "\t-\tRadweg"];
    for (const line of yes) assert.equal(bulletLine(line)?.text, "Radweg", JSON.stringify(line));
    const no = ["Ein • im Satz", "– Radweg", "o Radweg", "oder so", "·Radweg", "•", "•\t", "-Radweg", "§ 34 BauGB", "Radweg •"];
    for (const line of no) assert.equal(bulletLine(line), undefined, JSON.stringify(line));
  });

  it("a paragraph of bullet lines is a list", () => {
    assert.deepEqual(lists("•\tbreitere Radwege\n•\tneue Ampeln\n•\tmehr Fahrradbügel"), [["breitere Radwege", "neue Ampeln", "mehr Fahrradbügel"]]);
    assert.equal(render("•\tbreitere Radwege\n•\tneue Ampeln").root().children("p").length, 0);
  });

  it("text lines around the bullets stay paragraphs of their own", () => {
    const $ = render("Die Maßnahmen:\n•\tbreitere Radwege\n•\tneue Ampeln\nDanach geht es weiter.");
    assert.deepEqual(
      $.root().children().toArray().map((el) => (el as { tagName: string }).tagName),
      ["p", "ul", "p"],
    );
    assert.equal($("p").first().text(), "Die Maßnahmen:");
    assert.equal($("p").last().text(), "Danach geht es weiter.");
  });

  it("Word's second level (o) and indentation nest", () => {
    assert.deepEqual(lists("•\tA\no\tA1\no\tA2\n•\tB"), [["A", ["A1", "A2"], "B"]]);
    assert.deepEqual(lists("•\tA\n\t•\tA1\n•\tB"), [["A", ["A1"], "B"]]);
    // A list that starts at the second level starts at the first.
    assert.deepEqual(lists("o\tA\no\tB"), [["A", "B"]]);
    assert.deepEqual(lists("\t•\tA\n\t•\tB"), [["A", "B"]]);
  });

  it("a bullet within a sentence, and a line that only has a bullet, stay text", () => {
    const $ = render("Ein Punkt • mitten im Satz bleibt Text.\n•");
    assert.equal($("ul").length, 0);
    assert.equal($("p").text(), "Ein Punkt • mitten im Satz bleibt Text.\n•");
  });

  it("a line indented with spaces continues an item; one indented with a tab is a paragraph", () => {
    assert.deepEqual(lists("• ein langer\n  Punkt\n• zwei"), [["ein langer\nPunkt", "zwei"]]);
    const $ = render("•\tPunkt\n\tEin Absatz mit Einzug.");
    assert.deepEqual(lists("•\tPunkt\n\tEin Absatz mit Einzug."), [["Punkt"]]);
    assert.equal($("p").text(), "Ein Absatz mit Einzug.");
  });

  it("works in a quotation, and leaves raw HTML as it is", () => {
    assert.equal(render("> •\teins\n> •\tzwei").root().find("blockquote > ul > li").length, 2);
    const $ = render("<div>\n•\teins\n•\tzwei\n</div>");
    assert.equal($("ul").length, 0);
    assert.match($("div").text(), /•\teins/);
  });

  it("items keep their formatting and the lines of their images", () => {
    const $ = render("•\t**fett** und [Link](https://example.org)\n•\tzwei");
    assert.equal($("li strong").text(), "fett");
    assert.equal($("li a").attr("href"), "https://example.org");
    const images = findBodyImages("Text:\n•\teins\n•\t![Bagger](https://example.org/b.jpg)\n•\tdrei");
    assert.deepEqual(images.map((i) => [i.src, i.line]), [["https://example.org/b.jpg", 2]]);
  });

  it("dashes and o's followed by a space are not made a list, but noted when two or more, or next to a list", () => {
    assert.deepEqual(lists("– Zuerst die Nordseite\n– danach die Südseite"), []);
    assert.deepEqual(unclearLists("Einleitung\n\n– Zuerst die Nordseite\n– danach die Südseite\n– zuletzt die Mitte"), [{ line: 2, marker: "–", lines: 3 }]);
    assert.deepEqual(unclearLists("•\tNordseite\no Südseite"), [{ line: 1, marker: "o", lines: 1 }]);
    assert.deepEqual(unclearLists("„Wir bauen“, sagt sie.\n– so die Bürgermeisterin."), []);
    assert.deepEqual(unclearLists("```\n– a\n– b\n```"), []);
  });
});

describe("invisible characters", () => {
  const place = (line: number, column: number): Location => ({ file: "x.md", line: line + 1, column, field: "body" });

  it("in a body: reported once per kind and line, with its column, and left out", () => {
    const warnings: Problem[] = [];
    const body = cleanBody("Erste\u200B Zeile\u200B.\nZweite\u2060 Zeile\u2028weiter\n\nDritte\u2029Vierte", place, warnings);
    assert.deepEqual(
      warnings.map((w) => [w.code, w.line, w.column, w.params]),
      [
        ["invisible-character", 1, 6, { character: "U+200B ZERO WIDTH SPACE", count: 2, treatment: "removed" }],
        ["invisible-character", 2, 7, { character: "U+2060 WORD JOINER", count: 1, treatment: "removed" }],
        ["invisible-character", 2, 14, { character: "U+2028 LINE SEPARATOR", count: 1, treatment: "line-break" }],
        ["invisible-character", 4, 7, { character: "U+2029 PARAGRAPH SEPARATOR", count: 1, treatment: "paragraph-break" }],
      ],
    );
    assert.equal(body.text, "Erste Zeile.\nZweite Zeile  \nweiter\n\nDritte\n\nVierte");
    // The same lines as the file, for line numbers.
    assert.equal(body.sameLines, "Erste Zeile.\nZweite Zeile weiter\n\nDritte Vierte");
    const $ = cheerio.load(renderBody(body.text), null, false);
    assert.equal($("p").length, 3);
    assert.equal($("p").first().find("br").length, 1);
  });

  it("a byte order mark and the joiners within text", () => {
    assert.deepEqual(findInvisible("a\uFEFFb\u200Cc\u200Dd", "body").map((f) => f.char), ["\uFEFF", "\u200C", "\u200D"]);
  });

  it("characters doing a job are left alone: soft hyphens within words, joiners in emoji and in Persian", () => {
    const wanted = ["Bau\u00ADstelle", "👩\u200D💻", "🏳️\u200D🌈", "می\u200Cخواهم"];
    for (const text of wanted) assert.deepEqual(findInvisible(text, "body"), [], JSON.stringify(text));
    const warnings: Problem[] = [];
    assert.equal(cleanBody("Die Bau\u00ADstelle", place, warnings).text, "Die Bau\u00ADstelle");
    assert.equal(warnings.length, 0);
  });

  it("soft hyphens that do harm: next to a space, in a number, in an address", () => {
    for (const text of ["Bau\u00AD stelle", "\u00ADBaustelle", "12\u00AD34", "presse@pruef\u00ADstadt.example", "https://pruef\u00ADstadt.example/", "(www.pruef\u00ADstadt.example)"]) {
      assert.equal(findInvisible(text, "body").length, 1, JSON.stringify(text));
    }
  });

  it("in a field: every one removed (soft hyphens too), separators as spaces, reported with the field (zero-width ones are errors of their own)", () => {
    const warnings: Problem[] = [];
    const at: Location = { file: "x.md", line: 2, field: "title" };
    const source = '---\ntitle: "Neue Rad\u200Bwege am\u2028Ring\u00AD\u200B"\n---\n';
    assert.equal(cleanField("Neue Rad\u200Bwege am\u2028Ring\u00AD\u200B", at, warnings, source), "Neue Radwege am Ring");
    assert.deepEqual(
      warnings.map((w) => [w.code, w.field, w.line, w.column, w.params]),
      [
        ["invisible-character-field", "title", 2, 25, { field: "title", character: "U+2028 LINE SEPARATOR", count: 1 }],
        ["invisible-character-field", "title", 2, 30, { field: "title", character: "U+00AD SOFT HYPHEN", count: 1 }],
      ],
    );
    // An emoji keeps its joiner in a title too.
    assert.equal(cleanField("Girls' Day 👩\u200D💻", at, []), "Girls' Day 👩\u200D💻");
  });

  it("a text without any is returned as it is", () => {
    const warnings: Problem[] = [];
    const text = "Radwege am Ring\n\n- eins\n- zwei";
    assert.equal(cleanBody(text, place, warnings).text, text);
    assert.equal(cleanField("  Radwege  am Ring", { file: "x.md" }, warnings), "  Radwege  am Ring");
    assert.deepEqual(warnings, []);
  });
});
