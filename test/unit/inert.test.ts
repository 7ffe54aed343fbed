/** Content made inert for a terminal or a log (src/errors/inert.ts), and the reports that use it. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { formatAnnotations } from "../../src/errors/annotations.ts";
import { inert, inertJson, inertLines } from "../../src/errors/inert.ts";
import { problem } from "../../src/errors/problem.ts";
import { codeFrame, formatProblems } from "../../src/errors/report.ts";

describe("inert", () => {
  it("writes every control, separator and direction control as its code point", () => {
    assert.equal(inert("a\nb\rc\td\u0000e\u001b[2Jf\u007fg\u0085h\u009bi"), "a‹U+000A›b‹U+000D›c‹U+0009›d‹U+0000›e‹U+001B›[2Jf‹U+007F›g‹U+0085›h‹U+009B›i");
    assert.equal(inert("\u2028\u2029\u202a\u202e\u2066\u2069\u200e\u200f\u061c"), "‹U+2028›‹U+2029›‹U+202A›‹U+202E›‹U+2066›‹U+2069›‹U+200E›‹U+200F›‹U+061C›");
  });

  it("leaves every other character as it is", () => {
    const text = "Straße „Am Ring“ – 50 % 😀 ‹x› مرحبا \u00a0 \u00ad";
    assert.equal(inert(text), text);
  });

  it("keeps the lines pressroom put together, each inert", () => {
    assert.equal(inertLines("one \u001b[2J\ntwo \u0085"), "one ‹U+001B›[2J\ntwo ‹U+0085›");
  });
});

describe("inertJson", () => {
  it("escapes what JSON.stringify leaves as it is, and the JSON reads back the same", () => {
    const value = { title: "a\u0085b\u2028c\u202ed\u007f\n\u001b" };
    const json = inertJson(JSON.stringify(value));
    assert.equal(json, String.raw`{"title":"a\u0085b\u2028c\u202ed\u007f\n\u001b"}`);
    assert.deepEqual(JSON.parse(json), value);
  });
});

describe("reports", () => {
  const alias = problem("invalid-alias", { file: "releases/a\u001b[2J.md", line: 3, field: "aliases.0" }, { value: "/x\n::error::y\u0085", reason: "it is wrong" });

  it("a human report keeps a problem's lines, in German and English, the content written out", () => {
    for (const language of ["de", "en"] as const) {
      const text = formatProblems([alias], { sources: new Map(), color: false, language });
      assert.doesNotMatch(text, /[\u0000-\u0009\u000B-\u001F\u0085]/);
      assert.ok(!text.split("\n").some((line) => line.startsWith("::")), text);
      assert.match(text, /releases\/a‹U\+001B›\[2J\.md:3/);
      assert.match(text, /\/x‹U\+000A›::error::y‹U\+0085›/);
    }
  });

  it("an annotation is one line: content made inert, then escaped as GitHub's rules say", () => {
    const text = formatAnnotations([alias], { contentDir: "content", cwd: "/repo" });
    assert.equal(text.split("\n").length, 2);
    assert.ok(text.startsWith("::error file=content/releases/a‹U+001B›[2J.md,line=3,title=invalid-alias::"), text);
    assert.match(text, /"\/x‹U\+000A›::error::y‹U\+0085›"/);
  });

  it("a code frame shows controls and separators in the line by their code point, the caret under its column", () => {
    const frame = codeFrame("title: \u001b[2Jx\u2028y\u202ez\n", 1, { column: 16 });
    assert.equal(frame.split("\n")[0], "> 1 | title: ‹U+001B›[2Jx‹U+2028›y‹U+202E›z");
    assert.equal(frame.split("\n")[1]!.indexOf("^") - frame.split("\n")[0]!.indexOf("t"), "title: ‹U+001B›[2Jx‹U+2028›y‹U+202E›".length);
  });
});
