/** Problems as GitHub Actions annotations (src/errors/annotations.ts). */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { annotationPath, escapeData, escapeProperty, formatAnnotations } from "../../src/errors/annotations.ts";
import { problem, warning } from "../../src/errors/problem.ts";

const inRepo = { contentDir: "content", cwd: "/repo" };

describe("escaping", () => {
  it("encodes %, CR and LF in a message, and nothing else", () => {
    assert.equal(escapeData("100% sure\r\nnext: a, b"), "100%25 sure%0D%0Anext: a, b");
  });

  it("encodes : and , in a property as well", () => {
    assert.equal(escapeProperty("a:b,c%d\n"), "a%3Ab%2Cc%25d%0A");
  });

  it("encodes % first, so an escape already in the text survives as text", () => {
    assert.equal(escapeData("%0A"), "%250A");
  });
});

describe("annotationPath", () => {
  it("is relative to the working folder, with forward slashes", () => {
    assert.equal(annotationPath("releases/2026/a.md", inRepo), "content/releases/2026/a.md");
    assert.equal(annotationPath("site.yaml", { contentDir: "/repo/sites/city/content", cwd: "/repo" }), "sites/city/content/site.yaml");
    assert.equal(annotationPath("site.yaml", { contentDir: "./content/", cwd: "/repo" }), "content/site.yaml");
  });

  it("leads out of the working folder when the content is elsewhere", () => {
    assert.equal(annotationPath("site.yaml", { contentDir: "/srv/content", cwd: "/repo" }), "../srv/content/site.yaml");
  });
});

describe("formatAnnotations", () => {
  it("prints an error with file, line, code as title, and message — hint", () => {
    const p = problem("invalid-timezone", { file: "site.yaml", line: 4, field: "timezone" }, { value: "Europe/Berlinn" });
    assert.equal(
      formatAnnotations([p], inRepo),
      '::error file=content/site.yaml,line=4,title=invalid-timezone::"Europe/Berlinn" is not a known time zone. — Use an IANA time zone name such as "Europe/Berlin".\n',
    );
  });

  it("leaves out the line when the problem has none, and prints warnings as warnings", () => {
    const w = warning("image-cmyk", { file: "releases/2026/bad.md" }, { file: "foto.jpg" });
    assert.match(formatAnnotations([w], inRepo), /^::warning file=content\/releases\/2026\/bad\.md,title=image-cmyk::[^\n]+\n$/);
  });

  it("escapes the file name and the text: every annotation stays on one line", () => {
    // A line break in the text is the content's: written out as in the report (inert.ts), never a line of the log.
    const p = problem("yaml-syntax", { file: "releases/a,b:c%.md", line: 2 }, { detail: "line one\nline two", hint: "50% of it" });
    assert.equal(
      formatAnnotations([p], inRepo),
      "::error file=content/releases/a%2Cb%3Ac%25.md,line=2,title=yaml-syntax::The front matter cannot be read: line one‹U+000A›line two. — 50%25 of it\n",
    );
  });

  it("names no file for a missing content folder: there is none to show it on", () => {
    const p = problem("content-folder-missing", { file: "content" }, { dir: "content" });
    assert.match(formatAnnotations([p], inRepo), /^::error title=content-folder-missing::There is no content folder at content\./);
  });

  it("lists problems in report order, and nothing when there are none", () => {
    const later = problem("missing-field", { file: "releases/b.md", line: 1 }, { field: "title" });
    const earlier = problem("missing-field", { file: "releases/a.md", line: 9 }, { field: "title" });
    const lines = formatAnnotations([later, earlier], inRepo).trimEnd().split("\n");
    assert.deepEqual(
      lines.map((line) => line.match(/file=([^,]+)/)?.[1]),
      ["content/releases/a.md", "content/releases/b.md"],
    );
    assert.equal(formatAnnotations([], inRepo), "");
  });
});
