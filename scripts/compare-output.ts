/**
 * Proves that a change to the build path changed no output: builds the
 * example site and a 2,000-release corpus with an earlier commit (default:
 * the last commit before the speed work) and with this tree, and compares
 * every file byte for byte. This tree builds twice, cold and then again on
 * its own output and cache, so the reuse of unchanged files is checked too.
 *
 *   node --import tsx scripts/compare-output.ts [--ref COMMIT] [--releases 2000] [--seed 7]
 *
 * The one change the speed work made on purpose is compared away: releases
 * older than a year share their department's social card now, so this tree
 * builds with title cards for every release, as the earlier one did.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "../src/build.ts";
import { defaults } from "../src/media/recipe.ts";
import { generateCorpus } from "./gen-corpus.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORK = path.join(ROOT, ".bench", "compare");
const NOW = "2026-11-27T12:00";

const { values } = parseArgs({
  options: {
    ref: { type: "string", default: "e7bb346" },
    releases: { type: "string", default: "2000" },
    seed: { type: "string", default: "7" },
  },
});

function git(...args: string[]): string {
  const result = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

function files(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? files(dir, rel) : [rel];
  });
}

/** Differences between two output folders, in words; empty when they are the same byte for byte. */
function differences(a: string, b: string): string[] {
  const left = new Set(files(a));
  const right = new Set(files(b));
  const found: string[] = [];
  for (const file of left) if (!right.has(file)) found.push(`only in ${a}: ${file}`);
  for (const file of right) if (!left.has(file)) found.push(`only in ${b}: ${file}`);
  for (const file of left) if (right.has(file) && !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file)))) found.push(`differs: ${file}`);
  return found;
}

const commit = git("rev-parse", values.ref!);
const reference = path.join(WORK, `ref-${commit.slice(0, 12)}`);
if (!existsSync(reference)) {
  mkdirSync(WORK, { recursive: true });
  git("worktree", "add", "--detach", reference, commit);
  symlinkSync(path.join(ROOT, "node_modules"), path.join(reference, "node_modules"));
}

const corpus = path.join(WORK, `corpus-${values.releases}-seed${values.seed}`);
if (!existsSync(corpus)) await generateCorpus({ out: corpus, releases: Number(values.releases), seed: Number(values.seed), images: 0 });

const images = { ...defaults, card: { ...defaults.card, titleDays: Number.POSITIVE_INFINITY } };
let failed = false;
for (const [name, content] of [["example", path.join(ROOT, "content")], [`corpus-${values.releases}`, corpus]] as const) {
  const before = path.join(WORK, `${name}-before`);
  const after = path.join(WORK, `${name}-after`);
  const cache = path.join(WORK, `${name}-cache`);
  for (const dir of [before, after, cache, `${before}-cache`]) rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${name}: building with ${commit.slice(0, 12)} … `);
  const old = spawnSync(
    process.execPath,
    [path.join(reference, "bin", "pressroom.js"), "build", "--content", content, "--out", before, "--now", NOW, "--cache", `${before}-cache`],
    { cwd: reference, encoding: "utf8" },
  );
  if (old.status !== 0) throw new Error(`the reference build failed:\n${old.stderr}`);
  process.stdout.write("with this tree, cold … ");
  await build({ contentDir: content, outDir: after, cacheDir: cache, now: NOW, images });
  const cold = differences(before, after);
  process.stdout.write("and again on its own output and cache … ");
  await build({ contentDir: content, outDir: after, cacheDir: cache, now: NOW, images });
  const warm = differences(before, after);
  const count = files(after).length;
  if (cold.length === 0 && warm.length === 0) process.stdout.write(`${count} files, the same bytes\n`);
  else {
    failed = true;
    process.stdout.write(`DIFFERENT\n${[...cold.map((d) => `cold: ${d}`), ...warm.map((d) => `warm: ${d}`)].slice(0, 40).join("\n")}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
