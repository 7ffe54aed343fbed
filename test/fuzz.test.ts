/**
 * Property-based tests (fast-check) of hostile and broken content, with fixed seeds so a run is
 * repeatable and bounded: test/fuzz/properties.ts says what must hold. `npm run fuzz` runs the
 * same properties with 100,000 cases each. Here also a few real builds of generated content,
 * which must write nothing outside their output folder and give the same bytes twice.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import sharp from "sharp";
import { build, BuildFailed } from "../src/build.ts";
import { releases } from "./fuzz/arbitraries.ts";
import { PROPERTIES } from "./fuzz/properties.ts";
import { listFiles, scratchDirs } from "./helpers.ts";

const SEED = 20261129;
const RUNS: Readonly<Record<string, number>> = { check: 1500, body: 6000 };

for (const { name, property } of PROPERTIES) {
  test(`fuzz: ${name} (${RUNS[name]} cases, seed ${SEED})`, () => {
    fc.assert(property, { seed: SEED, numRuns: RUNS[name] ?? 200 });
  });
}

const fresh = scratchDirs();

/** Every file below `dir` with a hash of its bytes. */
const snapshot = (dir: string): Map<string, string> =>
  new Map(listFiles(dir).map((file) => [file, createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex")]));

test("fuzz: real builds of generated content write only into their output folder, fail without writing, and give the same bytes twice", async () => {
  const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: "#3a6" } }).jpeg().toBuffer();
  const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: "#36a" } }).png().toBuffer();
  let built = 0;
  await fc.assert(
    fc.asyncProperty(releases, async (files) => {
      const root = fresh();
      const content = path.join(root, "content");
      mkdirSync(path.join(content, "releases"), { recursive: true });
      writeFileSync(path.join(content, "site.yaml"), "title: Stadt\nurl: https://presse.example.org/\nlanguage: en\ntimezone: Europe/Berlin\n");
      writeFileSync(path.join(content, "departments.yaml"), "tiefbauamt:\n  name: Tiefbauamt\n  contact: j\numweltamt:\n  name: Umweltamt\n  contact: j\n");
      writeFileSync(path.join(content, "contacts.yaml"), "j:\n  name: J\n  phone: 0251 1\n");
      for (const [file, text] of files) {
        const target = path.join(content, file);
        // Only names a file system can hold; the others are the subject of the check property.
        if (!target.startsWith(path.join(content, "releases") + path.sep) || target.split(path.sep).some((part) => Buffer.byteLength(part) > 250)) continue;
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, text);
        writeFileSync(path.join(path.dirname(target), "foto.jpg"), photo);
        writeFileSync(path.join(path.dirname(target), "bild.png"), png);
      }
      const before = snapshot(root);
      const attempt = async (out: string): Promise<boolean> => {
        try {
          await build({ contentDir: content, outDir: path.join(root, out), now: "2026-12-01T12:00", cacheDir: path.join(root, `cache-${out}`) });
          return true;
        } catch (error) {
          if (!(error instanceof BuildFailed)) throw error;
          for (const p of error.problems) assert.ok(p.file !== undefined && p.message && p.hint, `${p.code}: located, with message and hint`);
          return false;
        }
      };
      const ok = await attempt("out");
      const after = snapshot(root);
      for (const [file, hash] of after) {
        if (file.startsWith("out/") || file.startsWith("cache-out/")) continue;
        assert.equal(before.get(file), hash, `${file} written by the build`);
      }
      for (const file of before.keys()) assert.ok(after.has(file), `${file} removed by the build`);
      if (!ok) {
        assert.deepEqual([...after.keys()].filter((f) => f.startsWith("out/")), [], "a failed build leaves no output");
        return;
      }
      built++;
      assert.equal(await attempt("again"), true);
      const first = snapshot(path.join(root, "out"));
      assert.deepEqual(snapshot(path.join(root, "again")), first, "the same content gives the same bytes");
    }),
    { seed: SEED, numRuns: 4 },
  );
  assert.ok(built >= 1, `${built} of 4 generated sites built`);
});
