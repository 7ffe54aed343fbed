/** Image errors in words (src/media/sharp.ts reasonOf), also when libvips' shared error text holds another image's complaint. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { reasonOf } from "../../src/media/sharp.ts";

const mixed = new Error("VipsJpeg: Premature end of input file\nVipsForeignLoad: \"x.png\" is not a known file format");

test("a file whose format was recognised is damaged, even when another image's complaint is in the text", () => {
  assert.match(reasonOf(mixed, true), /damaged or incomplete/);
});

test("a file whose header could not be read is not a photo pressroom reads", () => {
  assert.match(reasonOf(mixed), /not a photo in a format pressroom reads/);
  assert.match(reasonOf(new Error("Input file contains unsupported image format")), /not a photo/);
});
