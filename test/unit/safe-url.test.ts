/**
 * Addresses judged after normalisation (src/markdown/safe-url.ts) and what the
 * body sanitizer makes of them: a scheme hidden behind entities, percent
 * escapes, white space of any kind or invisible characters is seen and refused.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import { isAllowedSrcset, isAllowedUrl, normalizedUrl, refusedAddresses, schemeOf } from "../../src/markdown/safe-url.ts";
import { sanitizedHtml } from "../../src/markdown/render.ts";

const LINKS = ["http", "https", "mailto", "tel"];
/** Every kind of white space, control and invisible character a scheme may hide behind or within. */
const HIDING = ["\u0000", "\u0009", "\u000A", "\u000D", "\u001F", "\u0020", "\u007F", "\u0085", "\u00A0", "\u00AD", "\u1680", "\u180E",
  "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A", "\u200B", "\u200C", "\u200D",
  "\u200E", "\u200F", "\u2028", "\u2029", "\u202E", "\u202F", "\u205F", "\u2060", "\u2066", "\u3000", "\uFEFF"];

describe("safe-url", () => {
  it("finds javascript: behind or within every kind of white space, control and invisible character", () => {
    for (const char of HIDING) {
      const code = `U+${char.codePointAt(0)!.toString(16).padStart(4, "0")}`;
      assert.equal(schemeOf(`${char}javascript:alert(1)`), "javascript", `before: ${code}`);
      assert.equal(schemeOf(`java${char}script:alert(1)`), "javascript", `within: ${code}`);
      assert.equal(isAllowedUrl(`${char}javascript:alert(1)`, LINKS), false, code);
    }
  });

  it("decodes entities (with and without semicolon, named, twice) and percent escapes before it looks", () => {
    for (const hidden of ["&#x6A;avascript:alert(1)", "&#106avascript:alert(1)", "javascript&colon;alert(1)", "&amp;#x6A;avascript:alert(1)", "java%73cript:alert(1)", "%E2%80%80javascript:alert(1)", "%256Aavascript:x", "&#x2000;JaVaScRiPt:alert(1)"]) {
      assert.equal(isAllowedUrl(hidden, LINKS), false, hidden);
    }
    assert.equal(normalizedUrl("&#x2000;java&#x9;script&colon;x"), "javascript:x");
  });

  it("refuses other schemes and addresses of other sites without a scheme; keeps relative addresses and the allowed schemes as they are", () => {
    for (const refused of ["data:text/html,x", "vbscript:msgbox", "file:///etc/passwd", "//evil.example/", "\\\\evil.example\\x", "/\\evil.example", " // evil.example"]) {
      assert.equal(isAllowedUrl(refused, LINKS), false, refused);
    }
    for (const kept of ["https://www.muenster.de/", "HTTP://example.org", "mailto:presse@stadt.de?subject=Hallo%20Welt", "tel:+49 251 492-0", "../2024/bericht/", "Pressemappe 2024.pdf", "#kontakt", "?seite=2", "/presse/"]) {
      assert.equal(isAllowedUrl(kept, LINKS), true, kept);
    }
    assert.equal(isAllowedUrl("mailto:x@y.de", ["http", "https"]), false);
    assert.equal(isAllowedSrcset("a.jpg 480w, b.jpg 960w", ["https"]), true);
    assert.equal(isAllowedSrcset("a.jpg 480w, javascript:alert(1) 960w", ["https"]), false);
    assert.equal(isAllowedSrcset("data:image/png;base64,AAAA 1x", ["https"]), false);
  });

  it("in a body: the link goes, its text stays (not looking like a link), and every allowed address stays as written", () => {
    const body = [
      '<a href="&#x2000;javascript:alert(1)">eins</a>',
      '<a href="java&#x200B;script:alert(2)">zwei</a>',
      '<a href="&#x3000;javascript:alert(3)">drei</a>',
      '<a href="&#xA0;javascript:alert(4)">vier</a>',
      '<a href="//evil.example/">fünf</a>',
      '<img src="&#x2000;javascript:alert(6)" alt="sechs">',
      "[sieben](https://de.wikipedia.org/wiki/Münster)",
      '<a href="Pressemappe 2024.pdf">acht</a>',
    ].join("\n\n");
    const $ = cheerio.load(sanitizedHtml(body));
    assert.deepEqual($("a").map((_, a) => [[$(a).text(), $(a).attr("href") ?? null]]).get(), [
      ["sieben", "https://de.wikipedia.org/wiki/M%C3%BCnster"], ["acht", "Pressemappe 2024.pdf"],
    ]);
    assert.deepEqual($("p").map((_, p) => $(p).text()).get().slice(0, 5), ["eins", "zwei", "drei", "vier", "fünf"]);
    assert.equal($("img").length, 0);
  });
});

describe("refusedAddresses: what check says about links the page will not keep", () => {
  it("names each refused address with its line and column, in Markdown, references, autolinks and HTML; keeps quiet about allowed ones", () => {
    const body = [
      "Das [Programm](&#x2000;javascript:alert(document.cookie)) und die [Anfahrt](https://www.musterstadt.de/anfahrt).",
      "",
      '<p>Aus dem alten CMS: <a href="java&#x200B;script:alert(2)">hier</a> und <a href="/presse/">dort</a></p>',
      "",
      "[ref]: vbscript:msgbox(1)",
      "",
      "<data:text/html,x> ![Foto](foto.jpg) [Mail](mailto:presse@stadt.de)",
    ].join("\n");
    assert.deepEqual(refusedAddresses(body, LINKS), [
      { line: 0, column: 16, address: "&#x2000;javascript:alert(document.cookie)" },
      { line: 2, column: 32, address: "java&#x200B;script:alert(2)" },
      { line: 4, column: 8, address: "vbscript:msgbox(1)" },
      { line: 6, column: 2, address: "data:text/html,x" },
    ]);
    assert.deepEqual(refusedAddresses("Nur Text, kein Link.", LINKS), []);
  });
});
