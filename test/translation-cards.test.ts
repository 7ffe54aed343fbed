/**
 * A translation's social card: where the original's card shows its title (a
 * recent release without a photo fit for a card), each translation gets a
 * card of its own with its own title; a title written right to left (Arabic)
 * is set flush right.
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import * as cheerio from "cheerio";
import sharp from "sharp";
import { fixture, pressroom, scratchDirs } from "./helpers.ts";

const newDir = scratchDirs();

test("each translation of a release with a title card has a card of its own, made from its title", async () => {
  const work = newDir();
  const content = path.join(work, "content");
  cpSync(fixture("translations"), content, { recursive: true });
  const arabic = path.join(content, "releases/2026/2026-11-20-bad/index.ar.md");
  writeFileSync(arabic, readFileSync(arabic, "utf8").replace("draft: true\n", ""));
  const build = (out: string) => {
    const result = pressroom(["build", "--content", content, "--out", out, "--cache", path.join(work, "cache"), "--now", "2026-11-28T12:00:00+01:00"]);
    assert.equal(result.status, 0, result.stderr);
    const cardOf = (page: string) => cheerio.load(readFileSync(path.join(out, page, "index.html"), "utf8"))('meta[property="og:image"]').attr("content")!;
    return { original: cardOf("2026/11/20/bad"), en: cardOf("2026/11/20/bad/en"), ar: cardOf("2026/11/20/bad/ar") };
  };
  const out = path.join(work, "dist");
  const cards = build(out);
  assert.equal(new Set(Object.values(cards)).size, 3, `three cards: ${JSON.stringify(cards)}`);
  for (const url of Object.values(cards)) {
    const file = path.join(out, new URL(url).pathname);
    const meta = await sharp(file).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ["png", 1200, 630], url);
  }
  // The Arabic title is set flush right, the English one flush left (margins of 80 px).
  const titleSpan = async (url: string): Promise<[number, number]> => {
    const { data, info } = await sharp(path.join(out, new URL(url).pathname)).raw().toBuffer({ resolveWithObject: true });
    let [min, max] = [info.width, 0];
    for (let y = 200; y < 500; y++) {
      for (let x = 0; x < info.width; x++) {
        const i = (y * info.width + x) * info.channels;
        if (data[i]! > 200 && data[i + 1]! > 200 && data[i + 2]! > 200) [min, max] = [Math.min(min, x), Math.max(max, x)];
      }
    }
    return [min, max];
  };
  const [arLeft, arRight] = await titleSpan(cards.ar);
  const [enLeft] = await titleSpan(cards.en);
  assert.ok(arRight > 1100 && arLeft > 120, `the Arabic title ends at the right margin: ${arLeft}–${arRight}`);
  assert.ok(enLeft < 100, `the English title starts at the left margin: ${enLeft}`);
  // Made from the translation's title: a new title, a new card; the original's stays.
  const english = path.join(content, "releases/2026/2026-11-20-bad/index.en.md");
  writeFileSync(english, readFileSync(english, "utf8").replace(/^title: .*$/m, "title: The pool is open again"));
  const again = build(out);
  assert.notEqual(again.en, cards.en);
  assert.equal(again.original, cards.original);
  assert.equal(again.ar, cards.ar);
});
