/** The lines a report shows around a problem, and where its caret points when the problem has no column. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { codeFrame, type FramePoint } from "../../src/errors/report.ts";

const RELEASE = "---\ntitle: Weihnachtsmarkt\nmedia:\n  - file: weihnachtsmakt.jpg\n    alt: Buden am Abend\ndepartment: tiefbauamnt\n---\n\n  Eingerückter Text.\nAchtung: Baustelle am Ring.\n";

/** The caret line of a frame of `line` alone: how many characters stand before the caret. */
const caretAt = (line: number, at: FramePoint): number => {
  const [, caret] = codeFrame(RELEASE, line, at, 0).split("\n");
  return caret!.indexOf("^") - caret!.indexOf("| ") - 2;
};

test("a field's problem without a column points at the field's value, in a list too", () => {
  assert.equal(caretAt(4, { field: true }), "  - file: ".length);
  assert.equal(caretAt(6, { field: true }), "department: ".length);
  assert.equal(codeFrame(RELEASE, 4, { field: true }, 1), ["  3 | media:", "> 4 |   - file: weihnachtsmakt.jpg", "    |           ^", "  5 |     alt: Buden am Abend"].join("\n"));
});

test("a line without a value points where its text starts; a column given is kept", () => {
  assert.equal(caretAt(3, { field: true }), 0, "media: has its value on the lines below");
  assert.equal(caretAt(9, {}), 2, "a body line, indented");
  assert.equal(caretAt(4, { column: 3, field: true }), 2);
});

test("a problem that is not a field's points at the text of its line, a colon in it or not", () => {
  assert.equal(caretAt(10, {}), 0, "a body line that reads like a field");
  assert.equal(caretAt(4, {}), 2);
});
