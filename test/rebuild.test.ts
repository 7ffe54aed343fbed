/**
 * Rebuilds: a build into an output folder that an earlier build made takes
 * every unchanged file from there and renders only what changed — and the
 * result is the same, byte for byte, as a cold build of the same content.
 */
import assert from "node:assert/strict";
import { cpSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build } from "../src/build.ts";
import { fixture, html, listFiles, scratchDirs } from "./helpers.ts";

const NOW = "2026-11-27T12:00";
const fresh = scratchDirs();

const RADWEGE = "releases/2026/2026-11-27-radwege-am-ring.md";

function sameTrees(a: string, b: string): void {
  const files = listFiles(a);
  assert.deepEqual(files, listFiles(b));
  for (const file of files) assert.ok(readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))), `${file} differs`);
}

/** One release gets a sentence more. */
function addSentence(content: string): void {
  const file = path.join(content, RADWEGE);
  writeFileSync(file, readFileSync(file, "utf8").replace(/\n*$/, "\n\nNachtrag: Die Sperrung endet schon am Freitag.\n"));
}

/** A build of `content` into a new folder with a new cache. */
async function coldBuild(content: string): Promise<string> {
  const out = path.join(fresh(), "out");
  await build({ contentDir: content, outDir: out, cacheDir: fresh(), now: NOW });
  return out;
}

function copyOfValid(): string {
  const content = fresh();
  cpSync(fixture("valid"), content, { recursive: true });
  return content;
}

test("a rebuild after one release changed renders only its pages and gives the bytes of a cold build", async () => {
  const content = copyOfValid();
  const out = path.join(fresh(), "out");
  const cache = fresh();
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  const inode = (file: string): number => statSync(path.join(out, file)).ino;
  const before = new Map(listFiles(out).map((file) => [file, inode(file)]));

  addSentence(content);
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  sameTrees(await coldBuild(content), out);
  assert.match(html(out, "2026/11/27/radwege-am-ring/index.html")("main").text(), /Die Sperrung endet schon am Freitag/);

  // Made again: the changed release's page. Taken as it was (the same file): pages of releases that did not change.
  const page = "2026/11/27/radwege-am-ring/index.html";
  assert.notEqual(inode(page), before.get(page), "the changed page is new");
  const unchanged = listFiles(out).filter((f) => f.endsWith("index.html") && f.startsWith("1999/"));
  assert.ok(unchanged.length > 0);
  for (const f of unchanged) assert.equal(inode(f), before.get(f), `${f} was taken from the previous output`);
});

test("a file of the output changed by hand is made again, not reused", async () => {
  const content = copyOfValid();
  const out = path.join(fresh(), "out");
  const cache = fresh();
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  const built = readFileSync(path.join(out, "index.html"));
  writeFileSync(path.join(out, "index.html"), "<p>edited by hand</p>");
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  assert.ok(readFileSync(path.join(out, "index.html")).equals(built));
});

test("a rebuild never writes into a file of the previous output", async () => {
  const content = copyOfValid();
  const out = path.join(fresh(), "out");
  const cache = fresh();
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  // The second build keeps every file of the first; someone else (a deploy tool) holds a hard link to one of them.
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  const held = path.join(fresh(), "held.html");
  linkSync(path.join(out, "index.html"), held);
  const old = readFileSync(held, "utf8");
  const file = path.join(content, RADWEGE);
  writeFileSync(file, readFileSync(file, "utf8").replace("title: Radwege", "title: Neue Radwege"));
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  assert.match(readFileSync(path.join(out, "index.html"), "utf8"), /Neue Radwege/);
  assert.equal(readFileSync(held, "utf8"), old, "the held file is as it was");
});

test("releases older than a year share their department's social card; newer ones have their own", async () => {
  const out = path.join(fresh(), "out");
  await build({ contentDir: fixture("valid"), outDir: out, cacheDir: fresh(), now: NOW });
  const image = (page: string): string => html(out, page)('meta[property="og:image"]').attr("content") ?? "";
  const alt = (page: string): string => html(out, page)('meta[property="og:image:alt"]').attr("content") ?? "";
  assert.match(image("2026/11/27/radwege-am-ring/index.html"), /\/radwege-am-ring-1200x630\.[0-9a-f]{12}\.png$/);
  assert.match(alt("2026/11/27/radwege-am-ring/index.html"), /^Radwege/);
  const old = listFiles(out).find((f) => f.startsWith("1999/") && f.endsWith("/index.html"))!;
  assert.match(image(old), /\/[a-z-]+amt-1200x630\.[0-9a-f]{12}\.png$/, "a department's card");
  assert.doesNotMatch(alt(old), /CMS/i);
});

test("a rebuild removes what the content no longer has, and what was put into the output by hand", async () => {
  const content = copyOfValid();
  const out = path.join(fresh(), "out");
  const cache = fresh();
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  rmSync(path.join(content, RADWEGE));
  writeFileSync(path.join(out, "stray.html"), "<p>put here by hand</p>");
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  sameTrees(await coldBuild(content), out);
});

test("a failed rebuild leaves the output byte for byte, without temporary files", async () => {
  const content = copyOfValid();
  const out = path.join(fresh(), "out");
  const cache = fresh();
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  const before = path.join(fresh(), "before");
  cpSync(out, before, { recursive: true });
  const file = path.join(content, RADWEGE);
  writeFileSync(file, readFileSync(file, "utf8").replace("title: Radwege", "title: Neue Radwege").replace(/^department: .*$/m, "department: gibtsnicht"));
  await assert.rejects(build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW }), /problem/);
  sameTrees(before, out);
  assert.deepEqual(listFiles(out).filter((f) => f.includes("pressroom-new")), []);
});

test("an output folder restored from a CI cache (new inodes and times) is reused by content, and the result is a cold build's", async () => {
  const content = copyOfValid();
  const out = path.join(fresh(), "out");
  const cache = fresh();
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  // What restoring a cache does: the same bytes, other files.
  const saved = path.join(fresh(), "saved");
  cpSync(out, saved, { recursive: true });
  rmSync(out, { recursive: true });
  cpSync(saved, out, { recursive: true });
  const restored = new Map(listFiles(out).map((file) => [file, statSync(path.join(out, file)).ino]));

  addSentence(content);
  await build({ contentDir: content, outDir: out, cacheDir: cache, now: NOW });
  sameTrees(await coldBuild(content), out);
  const old = listFiles(out).filter((f) => f.startsWith("1999/") && f.endsWith("index.html"));
  assert.ok(old.length > 0);
  for (const f of old) assert.equal(statSync(path.join(out, f)).ino, restored.get(f), `${f} was kept`);
  assert.notEqual(statSync(path.join(out, "2026/11/27/radwege-am-ring/index.html")).ino, restored.get("2026/11/27/radwege-am-ring/index.html"));
  // Nor is any file with the bytes it had written again: feeds, vCards and the other files compared by their bytes included.
  const same = listFiles(out).filter((f) => restored.has(f) && readFileSync(path.join(out, f)).equals(readFileSync(path.join(saved, f))));
  assert.ok(same.some((f) => f.endsWith(".vcf")) && same.some((f) => f.endsWith("feed.xml")));
  assert.deepEqual(same.filter((f) => statSync(path.join(out, f)).ino !== restored.get(f)), []);
});
