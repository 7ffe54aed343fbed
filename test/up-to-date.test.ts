/**
 * A build with nothing to do (build/up-to-date.ts): it writes nothing but the
 * manifest's build time, says so, and its output is still byte for byte what
 * a cold build of the same content at the same clock makes. Anything that
 * changes the output — a content file, the clock passing an embargo, a file of
 * the output removed or edited, other options — makes it a full build again.
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { build, type BuildOptions } from "../src/build.ts";
import { fixture, listFiles, pressroom, scratchDirs } from "./helpers.ts";

const fresh = scratchDirs();
const NOW = "2026-11-27T12:00";
const SECRET = "2026/12/24/futuresecret/index.html";

/** A copy of the valid fixture with an output folder and a cache of its own. */
function workspace(): { content: string; out: string; cache: string; options: (now?: string) => BuildOptions } {
  const content = fresh();
  cpSync(fixture("valid"), content, { recursive: true });
  const out = path.join(fresh(), "out");
  const cache = fresh();
  return { content, out, cache, options: (now = NOW) => ({ contentDir: content, outDir: out, cacheDir: cache, now }) };
}

/** Every file of `dir` with its identity on disk. */
function identities(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => {
    const facts = statSync(path.join(dir, file));
    return [file, `${facts.ino} ${facts.size} ${facts.mtimeMs}`];
  }));
}

/** The same files with the same bytes as a cold build of `content` at `now`. */
async function sameAsCold(content: string, out: string, now: string): Promise<void> {
  const cold = path.join(fresh(), "cold");
  await build({ contentDir: content, outDir: cold, cacheDir: fresh(), now });
  const files = listFiles(cold);
  assert.deepEqual(listFiles(out), files);
  for (const file of files) assert.ok(readFileSync(path.join(out, file)).equals(readFileSync(path.join(cold, file))), `${file} differs from a cold build`);
}

test("a build with nothing changed touches no file and reports what the full build reported", async () => {
  const w = workspace();
  const first = await build(w.options());
  assert.equal(first.unchanged, false);
  const before = identities(w.out);
  const again = await build(w.options());
  assert.equal(again.unchanged, true);
  assert.deepEqual(identities(w.out), before);
  assert.equal(again.releases, first.releases);
  assert.equal(again.pages, first.pages);
  assert.deepEqual(again.warnings, first.warnings);
  assert.deepEqual(again.waiting, first.waiting);
  assert.equal(again.waiting.releases.length, 1, "the embargoed release is still said to wait");
  for (const warning of again.warnings) assert.equal(again.sources.get(warning.file), first.sources.get(warning.file), "its code frame can be shown");
});

test("the clock moving with nothing happening sets only the manifest's build time, as a cold build at that clock has it", async () => {
  const w = workspace();
  await build(w.options());
  const before = identities(w.out);
  const later = "2026-12-01T08:15";
  const again = await build(w.options(later));
  assert.equal(again.unchanged, true);
  const after = identities(w.out);
  const changed = [...after].filter(([file, id]) => before.get(file) !== id).map(([file]) => file);
  assert.deepEqual(changed, ["manifest.json"]);
  assert.equal(JSON.parse(readFileSync(path.join(w.out, "manifest.json"), "utf8")).built, "2026-12-01T07:15:00.000Z");
  await sameAsCold(w.content, w.out, later);
  // And once more at that clock: now not even the manifest.
  assert.equal((await build(w.options(later))).unchanged, true);
  assert.deepEqual(identities(w.out), after);
});

test("an embargo passing makes a full build that publishes the release", async () => {
  const w = workspace();
  await build(w.options());
  const passed = await build(w.options("2026-12-24T12:00"));
  assert.equal(passed.unchanged, false);
  assert.ok(listFiles(w.out).includes(SECRET));
  await sameAsCold(w.content, w.out, "2026-12-24T12:00");
  // A minute before: the clock went back past the moment, the release is gone again.
  const back = await build(w.options("2026-12-24T11:59"));
  assert.equal(back.unchanged, false);
  assert.ok(!listFiles(w.out).includes(SECRET));
  await sameAsCold(w.content, w.out, "2026-12-24T11:59");
});

test("a social card losing its title after a year is a moment of its own", async () => {
  const w = workspace();
  // The release of 27 November 2026 is shown with its title on its card for 366 days.
  await build(w.options("2027-11-28T10:30"));
  assert.equal((await build(w.options("2027-11-28T10:31"))).unchanged, false);
  await sameAsCold(w.content, w.out, "2027-11-28T10:31");
});

test("a content file touched, renamed or added makes a full build", async () => {
  const w = workspace();
  await build(w.options());
  const release = path.join(w.content, "releases", "2026", "2026-11-27-radwege-am-ring.md");
  const later = new Date(Date.now() + 60_000);
  utimesSync(release, later, later);
  assert.equal((await build(w.options())).unchanged, false, "same text, new time: read again");
  assert.equal((await build(w.options())).unchanged, true);
  writeFileSync(release, readFileSync(release, "utf8").replace("Radwege", "Radwege und Gehwege"));
  assert.equal((await build(w.options())).unchanged, false);
  await sameAsCold(w.content, w.out, NOW);
  writeFileSync(path.join(w.content, "releases", "2026", "2026-11-26-neu.md"), "---\ntitle: Neu\ndate: 2026-11-26\ndepartment: tiefbauamt\n---\nText.\n");
  const added = await build(w.options());
  assert.equal(added.unchanged, false);
  await sameAsCold(w.content, w.out, NOW);
});

test("a file of the output removed or edited by hand is made again", async () => {
  const w = workspace();
  await build(w.options());
  const page = listFiles(w.out).find((file) => file.startsWith("2026/11/27/") && file.endsWith("index.html"))!;
  rmSync(path.join(w.out, page));
  assert.equal((await build(w.options())).unchanged, false);
  assert.ok(listFiles(w.out).includes(page));
  writeFileSync(path.join(w.out, page), "changed by hand");
  assert.equal((await build(w.options())).unchanged, false);
  await sameAsCold(w.content, w.out, NOW);
});

test("other options are another build: the preview, another page size", async () => {
  const w = workspace();
  await build(w.options());
  assert.equal((await build({ ...w.options(), preview: true })).unchanged, false);
  assert.ok(listFiles(w.out).includes(SECRET), "the preview shows the embargoed release");
  assert.equal((await build({ ...w.options(), preview: true })).unchanged, true);
  assert.equal((await build({ ...w.options(), pageSize: 2 })).unchanged, false);
  assert.equal((await build(w.options())).unchanged, false);
  await sameAsCold(w.content, w.out, NOW);
});

test("the command says that nothing changed, in words and in --json", () => {
  const w = workspace();
  const args = ["build", "--content", w.content, "--out", w.out, "--cache", w.cache, "--now", NOW];
  const first = pressroom([...args, "--lang", "en"]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /^Built \d+ releases/m);
  const again = pressroom([...args, "--lang", "en"]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /^Nothing changed: .* is up to date \(\d+ releases, \d+ pages\), checked in [\d.]+ s\.$/m);
  assert.match(again.stdout, /^1 release under embargo:/m, "what waits is still said");
  const json = JSON.parse(pressroom([...args, "--json"]).stdout);
  assert.equal(json.unchanged, true);
  assert.equal(json.waiting.length, 1);
  const german = pressroom([...args, "--lang", "de"]);
  assert.match(german.stdout, /^Nichts geändert: .* ist aktuell/m);
});
