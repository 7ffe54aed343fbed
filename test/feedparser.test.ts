/**
 * Every Atom feed of the example site, read by Python's feedparser (Debian's
 * python3-feedparser), the library most feed readers' servers are built on:
 * well-formed (no "bozo"), Atom 1.0, with entries; a feed per language has
 * that language and links only pages in it.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { listFiles, pressroom, ROOT, scratchDirs } from "./helpers.ts";

const PYTHON = "/usr/bin/python3";
const READ = `
import feedparser, json, sys
out = []
for file in sys.argv[1:]:
    d = feedparser.parse(file)
    out.append({"file": file, "bozo": bool(d.bozo), "problem": str(d.get("bozo_exception", "")), "version": d.version,
                "language": d.feed.get("language"), "entries": [{"title": e.get("title"), "link": e.get("link")} for e in d.entries]})
print(json.dumps(out))
`;
const available = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import feedparser"]).status === 0;
const newDir = scratchDirs();

test("every feed of the example site reads in feedparser; a feed per language is in its language", () => {
  assert.ok(available, `${PYTHON} cannot import feedparser: apt-get install python3-feedparser (.ci/run does)`);
  const out = path.join(newDir(), "dist");
  const built = pressroom(["build", "--content", path.join(ROOT, "content"), "--out", out, "--cache", path.join(path.dirname(out), "cache"), "--now", "2026-11-28T12:00:00+01:00"]);
  assert.equal(built.status, 0, built.stderr);
  const feeds = listFiles(out).filter((f) => f.endsWith(".xml") && f !== "sitemap.xml");
  const read = spawnSync(PYTHON, ["-c", READ, ...feeds.map((f) => path.join(out, f))], { encoding: "utf8" });
  assert.equal(read.status, 0, read.stderr);
  const results = JSON.parse(read.stdout) as { file: string; bozo: boolean; problem: string; version: string; language: string | null; entries: { title: string; link: string }[] }[];
  const languages = ["en", "de-x-ls", "ar"];
  for (const tag of languages) assert.ok(feeds.includes(`${tag}/feed.xml`), `a feed in ${tag}`);
  for (const feed of results) {
    const name = path.relative(out, feed.file);
    assert.equal(feed.bozo, false, `${name}: ${feed.problem}`);
    assert.equal(feed.version, "atom10", name);
    assert.ok(feed.entries.length > 0, `${name} has entries`);
    assert.ok(feed.entries.every((e) => e.title && e.link?.startsWith("https://")), `${name}: every entry has a title and an address`);
    const tag = languages.find((t) => name === `${t}/feed.xml`);
    if (tag === undefined) continue;
    assert.equal(feed.language, tag, `${name} is in ${tag}`);
    assert.ok(feed.entries.every((e) => e.link.endsWith(`/${tag}/`)), `${name} links the ${tag} pages only`);
  }
});
