/**
 * One sequence of edits, applied as a press office works: one content folder, one output
 * folder and one cache folder kept from the first build to the last. After every edit the
 * output folder is built again, twice: the first of the two must give exactly the files and
 * bytes of a cold build of the same content (a new output folder, a new cache), the second
 * must change nothing (the same files, not even written again). A save that breaks a release
 * must fail its build and leave the output as it was.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import sharp from "sharp";
import { build, BuildFailed } from "../../src/build.ts";
import { FILES } from "../../src/site/files.ts";
import { fixture, ROOT } from "../helpers.ts";
import { apply, edit, type Done, type Edit, type Outside } from "./edits.ts";
import { contentFiles, initialSite, type Binaries, type Site } from "./site.ts";
import { contentDifference, readTree, touched } from "./trees.ts";

export interface Build {
  readonly contentDir: string;
  readonly outDir: string;
  readonly cacheDir: string;
  readonly now: string;
  /** A preview, as `pressroom serve` makes (drafts and embargoed releases too). */
  readonly preview?: boolean;
}

/** A build: true when it built, false when the content was refused (a build that fails otherwise throws). */
export type Builder = (b: Build) => Promise<boolean>;

/** `build()` of src/build.ts, in this process; with small listing pages and search shards, so that a site of ten releases has several of each. */
export const inProcess: Builder = async (b) => {
  try {
    await build({ ...b, pageSize: 3, searchShardSize: 2 });
    return true;
  } catch (error) {
    if (error instanceof BuildFailed) return false;
    throw error;
  }
};

/** `pressroom build` as a user runs it, a process each time (needs `npm run compile` first); pages and search shards of their default sizes. */
export const command: Builder = async (b) => {
  const args = ["build", "--content", b.contentDir, "--out", b.outDir, "--cache", b.cacheDir, "--now", b.now, ...(b.preview ? ["--preview"] : [])];
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  if (result.status === 0) return true;
  if (result.status === 1) return false;
  throw new Error(`pressroom build ended with ${result.status}:\n${result.stderr}`);
};

/** The photos, logos and PDF the sites use, made once. */
export async function makeBinaries(): Promise<Binaries> {
  const logo = (background: string): Promise<Buffer> => sharp({ create: { width: 32, height: 32, channels: 4, background } }).png().toBuffer();
  const picture = (background: string): Promise<Buffer> => sharp({ create: { width: 40, height: 30, channels: 3, background } }).jpeg({ quality: 80 }).toBuffer();
  return {
    pictures: [await picture("#3a6"), await picture("#a63")],
    logos: [await logo("#0b3d6e"), await logo("#6e0b3d")],
    pdf: readFileSync(path.join(fixture("valid"), "releases/2026/2026-11-20-hallenbad/Lageplan Bad.pdf")),
  };
}

/**
 * Make `dir` hold exactly `files`: write what differs, remove what is not there any more (and
 * folders left empty). Files written get the modification time `time` (whole seconds, so that
 * a time can be put back exactly); a file is written when its bytes differ.
 */
function writeContent(dir: string, files: ReadonlyMap<string, string | Buffer>, time: number): void {
  for (const [file, data] of files) {
    const at = path.join(dir, file);
    const bytes = typeof data === "string" ? Buffer.from(data) : data;
    if (existsSync(at) && readFileSync(at).equals(bytes)) continue;
    mkdirSync(path.dirname(at), { recursive: true });
    writeFileSync(at, bytes);
    utimesSync(at, time, time);
  }
  const prune = (at: string, prefix: string): void => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, e.name);
      if (e.isDirectory()) {
        prune(full, `${prefix}${e.name}/`);
        if (readdirSync(full).length === 0) rmdirSync(full);
      } else if (!files.has(`${prefix}${e.name}`)) rmSync(full);
    }
  };
  prune(dir, "");
}

/** The modification time of the files saved in step `step`: ten seconds after those of the step before. */
const timeOfStep = (step: number): number => 1_790_000_000 + 10 * step;

/** The renames of an edit (done first, as a user's `git mv`). */
export function moveFiles(content: string, done: Done): void {
  for (const [from, to] of done.renames) {
    mkdirSync(path.dirname(path.join(content, to)), { recursive: true });
    renameSync(path.join(content, from), path.join(content, to));
  }
}

/**
 * Save the content folder as `site` now is, as step `step`; the files the edit keeps the time of get their
 * modification time back, and an access time later than it, as `cp -p` of a file that was read since it was
 * written gives.
 */
export function saveFiles(content: string, site: Site, done: Done, step: number, binaries: Binaries): void {
  const kept = (done.keepTime ?? []).map((file) => [path.join(content, file), statSync(path.join(content, file)).mtimeMs / 1000] as const);
  writeContent(content, contentFiles(site, binaries), timeOfStep(step));
  for (const [file, time] of kept) utimesSync(file, time + 60, time);
}

/** A sequence's start: a scratch folder with the starting site's content in content/, the steps so far, and how it fails. */
export function startSequence(prefix: string, binaries: Binaries): { root: string; content: string; site: Site; steps: string[]; fail: (what: string) => never } {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const content = path.join(root, "content");
  const site = initialSite();
  const steps = [`start: the valid fixture's site, now ${site.now}`];
  mkdirSync(content);
  writeContent(content, contentFiles(site, binaries), timeOfStep(0));
  return {
    root,
    content,
    site,
    steps,
    fail: (what) => {
      throw new SequenceFailed(steps, what);
    },
  };
}

/** A failed check of a sequence: the steps so far and what went wrong. */
class SequenceFailed extends Error {
  constructor(steps: readonly string[], what: string) {
    super(`${what}\nafter these steps:\n${steps.map((s, i) => `  ${i}. ${s}`).join("\n")}`);
  }
}

export interface SequenceOptions {
  readonly binaries: Binaries;
  readonly builder: Builder;
  /** Whether a build without a change must leave every file untouched (same inode and time), not only the same bytes. */
  readonly untouched: boolean;
}

/** Apply `edits` one after another to one site, building one output folder after each; throws at the first divergence. */
export async function runSequence(edits: readonly Edit[], { binaries, builder, untouched }: SequenceOptions): Promise<void> {
  const start = startSequence("pressroom-sequence-", binaries);
  const { root, site, steps, fail } = start;
  try {
    let { content } = start;
    const out = path.join(root, "out");
    const cache = path.join(root, "cache");
    let colds = 0;

    /** Build the output folder again, then once more; compare with a cold build. */
    const check = async (): Promise<void> => {
      if (!(await builder({ contentDir: content, outDir: out, cacheDir: cache, now: site.now }))) fail("the content was refused (a bug of the test's edits)");
      const first = readTree(out);
      if (!(await builder({ contentDir: content, outDir: out, cacheDir: cache, now: site.now }))) fail("the content was refused the second time");
      const again = touched(first, readTree(out), untouched);
      if (again !== undefined) fail(`building again without a change changed the output folder:\n${again}`);
      const cold = path.join(root, `cold-${++colds}`);
      if (!(await builder({ contentDir: content, outDir: path.join(cold, "out"), cacheDir: path.join(cold, "cache"), now: site.now }))) fail("a cold build refused the content");
      const difference = contentDifference(readTree(path.join(cold, "out")), first);
      rmSync(cold, { recursive: true, force: true });
      if (difference !== undefined) fail(`the output folder differs from a cold build of the same content:\n${difference}`);
    };

    /** Change the folders around the content (OUTSIDE of edits.ts). */
    const outside = async (what: Outside, pick: number): Promise<void> => {
      // Not the mark that tells pressroom the folder is its own: without it, a build refuses the folder (as it should).
      const files = [...readTree(out).keys()].filter((f) => !f.endsWith("/") && f !== FILES.marker);
      const file = path.join(out, files[pick % files.length]!);
      switch (what) {
        case "outputFileDeleted":
          return rmSync(file);
        case "outputFileEdited":
          return writeFileSync(file, "edited by hand\n");
        case "outputRestored":
          cpSync(out, `${out}.saved`, { recursive: true });
          rmSync(out, { recursive: true });
          return renameSync(`${out}.saved`, out);
        case "cacheLost":
          return rmSync(cache, { recursive: true });
        case "freshCheckout":
          rmSync(content, { recursive: true });
          mkdirSync(content);
          return writeContent(content, contentFiles(site, binaries), timeOfStep(steps.length));
        case "previewBuilt":
          if (!(await builder({ contentDir: content, outDir: path.join(root, "preview"), cacheDir: cache, now: site.now, preview: true }))) fail("the preview refused the content");
          return;
        case "contentMoved": {
          const moved = path.join(root, `content-${steps.length}`);
          renameSync(content, moved);
          content = moved;
        }
      }
    };

    await check();
    for (const e of edits) {
      const done = apply(site, e, binaries);
      steps.push(`${done.label}  ${JSON.stringify(e)}`);
      if (done.skipped) continue;
      moveFiles(content, done);
      if (done.broken) {
        const before = readTree(out);
        writeFileSync(path.join(content, done.broken.file), done.broken.bytes);
        if (await builder({ contentDir: content, outDir: out, cacheDir: cache, now: site.now })) fail(`${done.broken.file}, saved broken, was built`);
        const changed = touched(before, readTree(out), true, ["before", "after the failed build"]);
        if (changed !== undefined) fail(`a failed build changed the output folder:\n${changed}`);
      }
      if (done.outside) await outside(done.outside.what, done.outside.pick);
      saveFiles(content, site, done, steps.length, binaries);
      await check();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** What each of `edits` does to the starting site, applied in order without building. */
export function dryRun(edits: readonly Edit[], binaries: Binaries): Done[] {
  const site = initialSite();
  return edits.map((e) => apply(site, e, binaries));
}

/** Sequences of 1 to `steps` edits. */
export const sequences = (steps: number): fc.Arbitrary<Edit[]> => fc.array(edit, { minLength: 1, maxLength: steps });

/** The property: every sequence of edits gives, after every step, the bytes of a cold build. */
export const sameBytesAlways = (steps: number, options: SequenceOptions): fc.IAsyncProperty<[Edit[]]> =>
  fc.asyncProperty(sequences(steps), (edits) => runSequence(edits, options));
