/** Typography of the site's language (src/markdown/typography.ts): in bodies and in plain-text fields. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import { sanitizedHtml } from "../../src/markdown/render.ts";
import { typeset } from "../../src/markdown/typography.ts";

const NBSP = "\u00a0";
const body = (source: string, language: "de" | "en"): cheerio.CheerioAPI => cheerio.load(sanitizedHtml(source, language), null, false);

describe("titles and other plain-text fields", () => {
  it("get the language's quotation marks, nested ones too, and apostrophes", () => {
    assert.equal(typeset('Stadtfest-Bilanz: "Friedlich, fröhlich und voll"', "de"), "Stadtfest-Bilanz: „Friedlich, fröhlich und voll“");
    assert.equal(typeset('Stadtfest-Bilanz: "Friedlich, fröhlich und voll"', "en"), "Stadtfest-Bilanz: “Friedlich, fröhlich und voll”");
    assert.equal(typeset(`"Er sagte: 'Hallo'"`, "de"), "„Er sagte: ‚Hallo‘“");
    assert.equal(typeset(`"He said: 'Hello'"`, "en"), "“He said: ‘Hello’”");
    assert.equal(typeset("Rock'n'Roll im Park", "de"), "Rock’n’Roll im Park");
    // Already typographic quotes stay as they are.
    assert.equal(typeset("Sommerleseclub: „Lesen ist Abenteuer“", "de"), "Sommerleseclub: „Lesen ist Abenteuer“");
  });

  it("get dashes and the ellipsis; a hyphen within a word or a number stays", () => {
    assert.equal(typeset("Ring - Hafen -- Altstadt --- und ...", "en"), "Ring – Hafen – Altstadt — und …");
    assert.equal(typeset("Bürgeramt-Termine, Tel. 0251 492-6612, 2019-2024", "de"), "Bürgeramt-Termine, Tel. 0251 492-6612, 2019-2024");
  });

  it("keep a number and its unit together in German, and nothing else changes", () => {
    assert.equal(typeset("10 km, 5 % und 20 Euro ab 10 Uhr, z. B. morgen", "de"), `10${NBSP}km, 5${NBSP}% und 20${NBSP}Euro ab 10${NBSP}Uhr, z.${NBSP}B. morgen`);
    assert.equal(typeset("3 Mitarbeiter und 12 mal", "de"), "3 Mitarbeiter und 12 mal");
    assert.equal(typeset("10 km", "en"), "10 km");
  });

  it("are read as text: Markdown, entities and tags stay as written", () => {
    for (const text of ["a *b* _c_ `d` [e](f) ![g](h)", "AT&amp;T &lt; <b>fett</b> \\* \\_", "  zwei Leerzeichen  ", "Zeile\nzwei", "(c) Stadt, (r), (tm), +-", "€ 5,- und 3 < 4 > 2"]) {
      assert.equal(typeset(text, "de"), text, text);
    }
  });

  it("leave any text its length in characters but for ellipses and dashes (nothing lost, nothing added)", () => {
    const samples = ['"', "'", '""', "'''", '" a "', "-", "- -", "--", "...", ". . .", "\"'\"'\"'", "a\"b\"c", "\u2028\"x\""];
    for (const text of samples) {
      const out = typeset(text, "de");
      const letters = (s: string) => s.replace(/["'„“‚‘’”–—….\-\s\u00a0]/g, "");
      assert.equal(letters(out), letters(text), JSON.stringify(text));
    }
  });
});

describe("bodies", () => {
  it("German and English quotation marks and dashes in text", () => {
    assert.equal(body('„Ja“, sagt sie. "Wir bauen - ab Montag."', "de")("p").text(), "„Ja“, sagt sie. „Wir bauen – ab Montag.“");
    assert.equal(body('"We build - from Monday."', "en")("p").text(), "“We build – from Monday.”");
  });

  it("never in code, link targets, addresses written out or HTML attributes", () => {
    const $ = body('`"code" -- x` and [a "link"](https://x.example/a--b...c) https://x.example/"q"--z <abbr title=\'a "b" -- c\'>A</abbr>\n\n```\n"fenced" -- ...\n```', "de");
    assert.equal($("code").first().text(), '"code" -- x');
    assert.equal($("pre code").text(), '"fenced" -- ...\n');
    assert.equal($("a").first().attr("href"), "https://x.example/a--b...c");
    assert.equal($("a").first().text(), "a „link“");
    assert.equal($("abbr").attr("title"), 'a "b" -- c');
  });

  it("(c) stays (c): German lists count with it", () => {
    assert.equal(body("Nach Buchstabe (c) und (r) gilt +- 5.", "de")("p").text(), "Nach Buchstabe (c) und (r) gilt +- 5.");
  });

  it("without a language, a body is rendered as written (to find its images)", () => {
    assert.equal(cheerio.load(sanitizedHtml('"x" - y'), null, false)("p").text(), '"x" - y');
  });
});
