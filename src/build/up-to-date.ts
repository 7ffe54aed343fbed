/**
 * A build with nothing to do finds that out and stops. After every build that
 * succeeded, a stamp in the cache folder (one per output folder) keeps:
 *
 * - what the build was made from, as two hashes: of every entry of the
 *   content folder and of the templates (path, kind, size, modification and
 *   change time, inode), and of pressroom's code, its installed dependencies,
 *   Node's version and the build's options;
 * - the span of time its output holds for: from the last moment at or before
 *   its clock at which something in the content happens (a release's date, its
 *   update, its withdrawal, the day its social card stops showing the title)
 *   to the next such moment after it;
 * - the identity of every output file (inode, size, modification time);
 * - what its summary said: the counts, the warnings, what waits.
 *
 * A build into the same folder whose inputs hash the same, whose clock lies in
 * the span and whose output files are all still as recorded changes nothing
 * but the build time in manifest.json (when the clock moved), and reports the
 * stamp's summary. Anything else — a file touched, a folder restored from a
 * cache, a file deleted in the output — makes the build a full one, which then
 * takes what it can from the previous output (previous-build.ts).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inCodeUnitOrder } from "../compare.ts";
import type { ContentModel } from "../content/model.ts";
import type { Waiting } from "../content/waiting.ts";
import type { Problem } from "../errors/problem.ts";
import { codeFingerprint } from "../fingerprint.ts";
import { identityOf, sha256 } from "../media/cache.ts";
import type { RunStats } from "../media/run.ts";
import type { RecordStore } from "../previous-build.ts";
import { FILES } from "../site/files.ts";

const VERSION = 2;
const DAY = 86_400_000;

/** What a build reports, kept for the next build that finds nothing to do. */
export interface BuildSummary {
  readonly releases: number;
  readonly pages: number;
  readonly mediaFiles: number;
  readonly images: Omit<RunStats, "failures">;
  readonly warnings: readonly Problem[];
  /** The text of each file a warning is about, for its code frame. */
  readonly sources: readonly (readonly [file: string, text: string])[];
  readonly waiting: Waiting;
}

interface Stamp {
  readonly version: typeof VERSION;
  readonly inputs: string;
  readonly timeZone: string;
  /** The output holds for clocks in [from, until); null: unbounded. */
  readonly span: readonly [from: number | null, until: number | null];
  /** Every output file but the manifest (relative, sorted) and a hash of their identities on disk. */
  readonly files: readonly string[];
  readonly identities: string;
  /** The identity of manifest.json, apart: a build with nothing to do may set its build time. */
  readonly manifest: string;
  readonly summary: BuildSummary;
}

/** What a build depends on besides the content's clock, as one hash. */
export interface StampInputs {
  readonly outDir: string;
  readonly hash: string;
}

/** The options of a build that change its output (not its clock, progress or concurrency). */
export interface StampOptions {
  readonly contentDir: string;
  readonly outDir: string;
  readonly layoutsDir: string;
  readonly [option: string]: unknown;
}

const stampName = (outDir: string): string => `builds/${sha256(path.resolve(outDir)).slice(0, 16)}.stamp.json`;

/**
 * Every entry below `dir` into `hash`, in a fixed order: files by size, times
 * and inode; folders and links by name and kind (a link is never followed).
 */
function hashTree(hash: ReturnType<typeof createHash>, root: string, dir = ""): void {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    hash.update(`missing ${dir}\n`);
    return;
  }
  entries.sort((a, b) => inCodeUnitOrder(a.name, b.name));
  for (const entry of entries) {
    const relative = dir === "" ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      hash.update(`d ${relative}\n`);
      hashTree(hash, root, relative);
    } else if (entry.isFile()) {
      const facts = statSync(path.join(root, relative), { throwIfNoEntry: false });
      hash.update(facts ? `f ${relative} ${facts.size} ${facts.mtimeMs} ${facts.ctimeMs} ${facts.ino}\n` : `gone ${relative}\n`);
    } else hash.update(`o ${relative}\n`);
  }
}

/** The installed dependencies, by npm's record of them (node_modules/.package-lock.json), found from pressroom's code upwards. */
function dependencies(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    try {
      return sha256(readFileSync(path.join(dir, "node_modules", ".package-lock.json")));
    } catch {
      if (path.dirname(dir) === dir) return "unknown";
    }
  }
}

/** The hash of what a build with `options` is made from, but for its clock: read before the content is. */
export function stampInputs(options: StampOptions): StampInputs {
  const hash = createHash("sha256");
  const settings = Object.entries(options).sort(([a], [b]) => inCodeUnitOrder(a, b));
  hash.update(JSON.stringify([VERSION, codeFingerprint(), dependencies(), process.version, settings])).update("\n");
  hash.update("content\n");
  hashTree(hash, options.contentDir);
  hash.update("templates\n");
  hashTree(hash, options.layoutsDir);
  return { outDir: path.resolve(options.outDir), hash: hash.digest("hex") };
}

/** The moments at which the output of `model` changes with the clock alone. */
function moments(model: ContentModel, titleDays: number): number[] {
  const found: number[] = [];
  for (const r of model.releases) {
    found.push(r.date, r.date + titleDays * DAY + 1);
    if (r.updated !== undefined) found.push(r.updated);
    if (r.withdrawn !== undefined) found.push(r.withdrawn.date);
  }
  return found;
}

/** The span around `now` in which nothing happens. */
export function quietSpan(model: ContentModel, now: number, titleDays: number): Stamp["span"] {
  let from = Number.NEGATIVE_INFINITY;
  let until = Number.POSITIVE_INFINITY;
  for (const moment of moments(model, titleDays)) {
    if (moment <= now) from = Math.max(from, moment);
    else until = Math.min(until, moment);
  }
  return [Number.isFinite(from) ? from : null, Number.isFinite(until) ? until : null];
}

/** The identities of `files` in `outDir`, hashed (`known`: those just read from the disk); undefined as soon as one is missing. */
function identities(outDir: string, files: readonly string[], known?: ReadonlyMap<string, string>): string | undefined {
  const hash = createHash("sha256");
  for (const file of files) {
    const identity = known?.get(file) ?? identityOf(path.join(outDir, file));
    if (identity === undefined) return undefined;
    hash.update(`${file} ${identity}\n`);
  }
  return hash.digest("hex");
}

function readStamp(value: unknown): Stamp | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const stamp = value as Partial<Stamp>;
  const ok = stamp.version === VERSION && typeof stamp.inputs === "string" && typeof stamp.timeZone === "string" &&
    Array.isArray(stamp.span) && Array.isArray(stamp.files) && typeof stamp.identities === "string" &&
    typeof stamp.manifest === "string" && typeof stamp.summary === "object";
  return ok ? (stamp as Stamp) : undefined;
}

/** Nothing to do: the stamp's summary, after the build time in manifest.json is set to the clock. */
export interface Unchanged {
  readonly summary: BuildSummary;
  readonly now: number;
}

/**
 * Whether the output in `inputs.outDir` is what a build at the clock would
 * make (`clock` turns the build's --now into an instant in the site's time zone).
 */
export async function upToDate(store: RecordStore, inputs: StampInputs, clock: (timeZone: string) => number): Promise<Unchanged | undefined> {
  const stamp = readStamp(await store.readStore(stampName(inputs.outDir)));
  if (!stamp || stamp.inputs !== inputs.hash) return undefined;
  const now = clock(stamp.timeZone);
  const [from, until] = stamp.span;
  if ((from !== null && now < from) || (until !== null && now >= until)) return undefined;
  const manifest = path.join(inputs.outDir, FILES.manifest);
  if (identityOf(manifest) !== stamp.manifest || identities(inputs.outDir, stamp.files) !== stamp.identities) return undefined;
  const set = setBuildTime(manifest, now);
  if (set === "refused") return undefined;
  // A new manifest: the stamp follows it.
  if (set === "written") await store.writeStore(stampName(inputs.outDir), { ...stamp, manifest: identityOf(manifest) ?? "" });
  return { summary: stamp.summary, now };
}

/**
 * The build time in manifest.json set to `now`, as a build at `now` writes it
 * (the file replaced, never written in place); false if the manifest is not
 * one pressroom wrote ("refused").
 */
function setBuildTime(file: string, now: number): "kept" | "written" | "refused" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return "refused";
  }
  const headEnd = text.indexOf(`"files":{\n`);
  if (headEnd === -1) return "refused";
  const head = text.slice(0, headEnd);
  const built = /"built":("[^"]*")/.exec(head);
  if (!built) return "refused";
  const wanted = JSON.stringify(new Date(now).toISOString());
  if (built[1] === wanted) return "kept";
  const temporary = `${file}.pressroom-new-${process.pid}`;
  try {
    writeFileSync(temporary, head.replace(built[0], `"built":${wanted}`) + text.slice(headEnd));
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
    return "refused";
  }
  return "written";
}

/**
 * After a build that succeeded: its stamp, for the next build into the same
 * folder; `known` has the identities of files the record of the build
 * (previous-build.ts) has just read from the disk.
 */
export async function recordStamp(
  store: RecordStore,
  inputs: StampInputs,
  made: { readonly timeZone: string; readonly span: Stamp["span"]; readonly files: readonly string[]; readonly summary: BuildSummary },
  known?: ReadonlyMap<string, string>,
): Promise<void> {
  const files = made.files.filter((file) => file !== FILES.manifest).sort(inCodeUnitOrder);
  const identitiesNow = identities(inputs.outDir, files, known);
  const manifest = identityOf(path.join(inputs.outDir, FILES.manifest));
  if (identitiesNow === undefined || manifest === undefined) return;
  const stamp: Stamp = {
    version: VERSION,
    inputs: inputs.hash,
    timeZone: made.timeZone,
    span: made.span,
    files,
    identities: identitiesNow,
    manifest,
    summary: made.summary,
  };
  await store.writeStore(stampName(inputs.outDir), stamp);
}
