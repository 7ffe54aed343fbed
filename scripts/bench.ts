/**
 * Build benchmark: synthetic corpora (scripts/gen-corpus.ts) through whole
 * `pressroom build` processes, as a user runs them.
 *
 *   npm run bench [-- --cases text,images,preview,ci] [--runs 3] [--seed 1]
 *                 [--sizes 1000,10000] [--images 0]
 *                 [--photos 300] [--image-size 3000x2000]
 *                 [--mode auto|time|child] [--timeout 900] [--keep] [--drop-caches]
 *
 * Four cases (the first three unless --cases says otherwise):
 * - text: corpora of --sizes releases (the first --images of them with a
 *   1600×1067 photo), each run a full build with an emptied media cache;
 * - images: --photos releases with one --image-size photo each, built cold
 *   (output folder and media cache emptied) and then rebuilt with nothing
 *   changed (output folder emptied, the cache of the cold build kept), which
 *   is what a CI with a saved cache does. Runs alternate cold, rebuild, cold,
 *   rebuild, so a noisy machine spreads over both alike;
 * - preview: `pressroom serve` on each --sizes corpus, Chromium on a
 *   release's page, its text saved 20 times one after the other and 10 times
 *   4 s apart (scripts/bench-preview.ts): save → reloaded page's load event;
 * - ci: what the publish workflow does after one release is merged, on each
 *   --sizes corpus (scripts/bench-ci.ts): a fresh checkout with the release
 *   added, output folder and build cache restored from a saved copy, then
 *   `pressroom build` and `pressroom deploy` to a local S3 API (s3rver),
 *   whose bucket holds the build before.
 *
 * Corpora are cached in .bench/ and regenerated only when missing or when the
 * generator or the photo size changed. Media caches live in .bench/ too, never
 * in the project's own .cache/. Every run is a fresh child process into an
 * output folder that was removed first. Wall time is measured here, around
 * the whole process. Peak memory (max RSS) comes from /usr/bin/time when it
 * exists (mode "time", which runs the real CLI), else from
 * scripts/bench-child.ts, which calls build() and reports its own
 * process.resourceUsage() (mode "child"). It prints numbers only: no timing is
 * asserted anywhere. The last results are written to .bench/last-results.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { coldHugo, hugoVersion, prepareHugo } from "./bench-hugo.ts";
import { CACHE, CLI, dropCachesBeforeRuns, droppingCaches, fail, lastJson, median, ROOT, run, settle, TIME, timed } from "./bench-process.ts";
import { ciCase, startBucket, type CiResult, type CiRun } from "./bench-ci.ts";
import { previewCase, previewSummary, type PreviewResult } from "./bench-preview.ts";
import {
  DEFAULT_IMAGE_SIZE,
  generateCorpus,
  generatorFingerprint,
  type ImageSize,
  imageSizeText,
  parseImageSize,
  readStamp,
} from "./gen-corpus.ts";

const CHILD = path.join(ROOT, "scripts", "bench-child.ts");
const NOW = "2026-11-27T12:00";
const CASES = ["text", "images", "preview", "ci"] as const;
type Case = (typeof CASES)[number];

/** What a build says about its photos (`--json` "images", or build()'s result). */
interface ImageStats {
  /** Distinct photos processed. */
  readonly photos: number;
  /** Photos whose versions were encoded in this build. */
  readonly encoded: number;
  /** Photos taken whole from the media cache. */
  readonly reused: number;
  readonly seconds: number;
}

interface Run {
  readonly wallSeconds: number;
  /** The build's own time as the process reports it (excludes Node start-up and module loading). */
  readonly buildSeconds?: number;
  readonly maxRssKiB?: number;
  readonly releases: number;
  readonly pages: number;
  readonly mediaFiles: number;
  readonly images?: ImageStats;
}

interface SizeResult {
  readonly size: number;
  readonly corpus: string;
  readonly runs: readonly Run[];
  /** Builds after one release changed, on the output and cache of the cold build before. */
  readonly changed: readonly Run[];
  /** Then, each on the output and cache of the build before: nothing changed, one release added, that release deleted. */
  readonly noop: readonly Run[];
  readonly added: readonly Run[];
  readonly deleted: readonly Run[];
  /** Cold Hugo builds of the same corpus, when Hugo is installed. */
  readonly hugo: readonly { readonly wallSeconds: number; readonly maxRssKiB?: number }[];
  readonly filesWritten: number;
  readonly outputMiB: number;
}

interface ImageResult {
  readonly photos: number;
  readonly imageSize: string;
  readonly corpus: string;
  readonly cacheDir: string;
  readonly cold: readonly Run[];
  readonly noop: readonly Run[];
  readonly filesWritten: number;
  readonly outputMiB: number;
  readonly cacheFiles: number;
  readonly cacheMiB: number;
}

function options() {
  const { values } = parseArgs({
    options: {
      // The ci case runs only when asked for: it deploys every size to a local S3 API first.
      cases: { type: "string", default: "text,images,preview" },
      sizes: { type: "string", default: "1000,10000,40000" },
      // Node 20's parseArgs has no --no-… negation of its own.
      "no-hugo": { type: "boolean", default: false },
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      images: { type: "string", default: "0" },
      photos: { type: "string", default: "300" },
      "image-size": { type: "string", default: "3000x2000" },
      mode: { type: "string", default: "auto" },
      timeout: { type: "string", default: "900" },
      keep: { type: "boolean", default: false },
      "drop-caches": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      "Usage: npm run bench -- [--cases text,images,preview,ci] [--runs 3] [--seed 1] [--sizes 1000,10000,40000] [--images 0] [--no-hugo]\n" +
        "                        [--photos 300] [--image-size 3000x2000] [--mode auto|time|child] [--timeout SECONDS] [--keep] [--drop-caches]\n" +
        "  text:   --sizes releases, the first --images of them with a 1600x1067 photo; each run cold, then rebuilt after\n" +
        "          one release changed; Hugo builds the same corpus when it is installed.\n" +
        "  images: --photos releases with one --image-size photo each; cold, then rebuilt with the cache kept.\n" +
        "  preview: pressroom serve on --sizes releases, a release's text saved in Chromium; save -> reloaded page.\n" +
        "  ci:     --sizes releases; a fresh checkout with one release merged, output and cache restored, build and\n" +
        "          deploy to a local S3 API holding the build before.\n" +
        "  --drop-caches: the kernel's page cache dropped before every cold run (root only): steadier numbers on a\n" +
        "          virtual machine whose file system calls slow down as the cache fills.\n",
    );
    process.exit(0);
  }
  const sizes = values.sizes!.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const images = Number(values.images);
  const photos = Number(values.photos);
  const imageSize = parseImageSize(values["image-size"]!);
  const cases = values.cases!.split(",").map((c) => c.trim()).filter(Boolean);
  const timeout = Number(values.timeout);
  const bad = (what: string): never => {
    process.stderr.write(`bench: ${what}\n`);
    process.exit(2);
  };
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) bad(`--sizes must be positive whole numbers, like 1000,10000`);
  if (!Number.isInteger(runs) || runs < 1) bad("--runs must be a positive whole number");
  if (!Number.isInteger(seed)) bad("--seed must be a whole number");
  if (!Number.isInteger(images) || images < 0) bad("--images must be a whole number ≥ 0");
  if (!Number.isInteger(photos) || photos < 1) bad("--photos must be a positive whole number");
  if (!imageSize) bad("--image-size must be like 3000x2000");
  if (cases.length === 0 || cases.some((c) => !(CASES as readonly string[]).includes(c))) bad(`--cases must name some of ${CASES.join(",")}`);
  if (!(timeout > 0)) bad("--timeout must be a number of seconds");
  if (values["drop-caches"]) {
    const refused = dropCachesBeforeRuns();
    if (refused) bad(refused);
  }
  let mode = values.mode!;
  if (mode === "auto") mode = existsSync(TIME) ? "time" : "child";
  if (mode !== "time" && mode !== "child") bad("--mode must be auto, time or child");
  if (mode === "time" && !existsSync(TIME)) bad(`--mode time needs ${TIME}`);
  return {
    cases: new Set(cases as Case[]),
    sizes,
    runs,
    seed,
    images,
    photos,
    imageSize: imageSize!,
    timeout,
    mode: mode as "time" | "child",
    keep: values.keep!,
    hugo: !values["no-hugo"],
  };
}

async function ensureCorpus(size: number, seed: number, images: number, imageSize: ImageSize): Promise<string> {
  const photos = images > 0 ? `-img${images}-${imageSizeText(imageSize)}` : "";
  const dir = path.join(CACHE, `corpus-${size}-seed${seed}${photos}`);
  const stamp = readStamp(dir);
  const wanted = generatorFingerprint();
  if (
    stamp &&
    stamp.generator === wanted &&
    stamp.releases === size &&
    stamp.seed === seed &&
    stamp.images === Math.min(images, size) &&
    stamp.imageSize === imageSizeText(imageSize)
  ) {
    process.stdout.write(`corpus ${path.relative(ROOT, dir)}: cached\n`);
    return dir;
  }
  process.stdout.write(`corpus ${path.relative(ROOT, dir)}: ${stamp ? "generator changed, regenerating" : "generating"} … `);
  const started = performance.now();
  const made = await generateCorpus({ out: dir, releases: size, seed, images, imageSize });
  process.stdout.write(
    `${((performance.now() - started) / 1000).toFixed(1)} s (${made.drafts} drafts, ${made.future} future, ${made.joint} joint, ${made.aliases} aliases)\n`,
  );
  return dir;
}

/**
 * Remove an output folder (and any staging or old folder an earlier version
 * left next to it), then flush the disk: removing thousands of files leaves
 * work for the file system that would otherwise slow the next timed build
 * (and drop the page cache, with --drop-caches).
 */
function clean(out: string): void {
  rmSync(out, { recursive: true, force: true });
  settle();
  const parent = path.dirname(out);
  const base = path.basename(out);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`${base}.pressroom-tmp-`) || entry.startsWith(`${base}.pressroom-old-`)) {
      rmSync(path.join(parent, entry), { recursive: true, force: true });
    }
  }
}

function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

const SUMMARY = /Built (\d+) releases into .*: (\d+) pages, (\d+) media files in ([\d.]+) s\./;
/** A build that found nothing to do says so instead. */
const UNCHANGED = /Nothing changed: .* is up to date \((\d+) releases, (\d+) pages\), checked in ([\d.]+) s\./;

/** The "images" part of a JSON report, if it has the four numbers. */
function imageStats(report: Record<string, unknown>): ImageStats | undefined {
  const images = report.images as Record<string, unknown> | undefined;
  if (!images) return undefined;
  const { photos, encoded, reused, seconds } = images;
  if (![photos, encoded, reused, seconds].every((n) => typeof n === "number")) return undefined;
  return { photos, encoded, reused, seconds } as ImageStats;
}

interface BuildCall {
  readonly corpus: string;
  readonly out: string;
  /** The media cache folder; the caller decides whether it is empty. */
  readonly cache: string;
  readonly timeout: number;
  /**
   * Read `--json` instead of the summary line (mode "time"): the image case
   * needs the photo counts, which only the JSON report carries.
   */
  readonly json: boolean;
  /** Keep the output folder of the last build (a rebuild); default: removed first. */
  readonly keepOutput?: boolean;
}

async function once(mode: "time" | "child", call: BuildCall): Promise<Run> {
  const { corpus, out, cache, timeout } = call;
  if (!call.keepOutput) clean(out);
  const cliArgs = ["build", "--content", corpus, "--out", out, "--now", NOW, "--cache", cache, "--lang", "en"];
  if (mode === "time" && call.json) {
    cliArgs.push("--json");
    const { done, rss } = await timed(cliArgs, timeout);
    const report = lastJson(done.stdout);
    if (done.code !== 0 || !report || report.ok !== true) fail(done, `${path.basename(CLI)} ${cliArgs.join(" ")}`);
    const images = imageStats(report!);
    return {
      wallSeconds: done.wallSeconds,
      buildSeconds: Number(report!.seconds),
      ...(rss !== undefined && { maxRssKiB: rss }),
      releases: Number(report!.releases),
      pages: Number(report!.pages),
      mediaFiles: Number(report!.mediaFiles),
      ...(images && { images }),
    };
  }
  if (mode === "time") {
    const { done, rss } = await timed(cliArgs, timeout);
    const m = SUMMARY.exec(done.stdout);
    const same = UNCHANGED.exec(done.stdout);
    if (done.code !== 0 || (!m && !same)) fail(done, `${path.basename(CLI)} ${cliArgs.join(" ")}`);
    return {
      wallSeconds: done.wallSeconds,
      buildSeconds: Number(m ? m[4] : same![3]),
      ...(rss !== undefined && { maxRssKiB: rss }),
      releases: Number((m ?? same)![1]),
      pages: Number((m ?? same)![2]),
      mediaFiles: m ? Number(m[3]) : Number.NaN,
    };
  }
  const childArgs = ["--content", corpus, "--out", out, "--now", NOW, "--cache", cache];
  const done = await run(process.execPath, ["--import", "tsx", CHILD, ...childArgs], timeout);
  const report = lastJson(done.stdout);
  if (done.code !== 0 || !report || report.ok !== true) fail(done, `bench-child.ts ${childArgs.join(" ")}`);
  const images = imageStats(report!);
  return {
    wallSeconds: done.wallSeconds,
    buildSeconds: Number(report!.buildSeconds),
    maxRssKiB: Number(report!.maxRssKiB),
    releases: Number(report!.releases),
    pages: Number(report!.pages),
    mediaFiles: Number(report!.mediaFiles),
    ...(images && { images }),
  };
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 1) + "-" : "-".repeat(w + 1) + ":")).join("|")}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

function machine(mode: string): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown CPU";
  return [
    `machine: ${cpus.length} CPUs (${model}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`,
    `node ${process.version}; peak memory from ${mode === "time" ? `${TIME} -f %M around bin/pressroom.js` : "process.resourceUsage().maxRSS in scripts/bench-child.ts"}`,
  ].join("\n");
}

/** A number of runs' values: one number when they agree, else "min–max". */
function spread(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? lo.toLocaleString("en") : `${lo.toLocaleString("en")}–${hi.toLocaleString("en")}`;
}

const mib = (kib: number | undefined): string => (kib !== undefined ? (kib / 1024).toFixed(0) : "?");

function progress(label: string, i: number, runs: number): void {
  process.stdout.write(`${label}, run ${i + 1}/${runs} (load ${os.loadavg()[0]!.toFixed(1)}) … `);
}

function reported(r: Run): void {
  const photos = r.images ? `${r.images.encoded} encoded, ${r.images.reused} reused, ` : "";
  process.stdout.write(
    `${r.wallSeconds.toFixed(2)} s wall, ${r.buildSeconds?.toFixed(2) ?? "?"} s in build, ${photos}${mib(r.maxRssKiB)} MiB peak\n`,
  );
}

/** The first release file of the corpus, changed by a sentence for the one-change rebuild and then restored. */
function firstRelease(corpus: string): string {
  const walk = (dir: string): string | undefined => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      const found = entry.isDirectory() ? walk(full) : entry.name.endsWith(".md") ? full : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return walk(path.join(corpus, "releases"))!;
}

/** The oldest release that is a file of its own (its address follows from its name). */
function singleFileRelease(corpus: string): string {
  const years = readdirSync(path.join(corpus, "releases")).sort();
  for (const year of years) {
    const name = readdirSync(path.join(corpus, "releases", year)).sort().find((n) => /^\d{4}-\d\d-\d\d-.+\.md$/.test(n));
    if (name) return path.join(corpus, "releases", year, name);
  }
  throw new Error(`${corpus} has no release of a file of its own`);
}

async function textCase(o: Options, corpora: ReadonlyMap<number, string>): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  const hugo = o.hugo ? hugoVersion() : undefined;
  if (o.hugo && !hugo) process.stdout.write("hugo is not installed (apt-get install hugo): no side-by-side times\n");
  for (const size of o.sizes) {
    const corpus = corpora.get(size)!;
    const out = path.join(CACHE, `out-${size}`);
    // Emptied before every cold run, so a corpus with --images encodes its photos each time.
    const cache = path.join(CACHE, `text-cache-${size}`);
    const hugoSite = path.join(CACHE, `hugo-${size}`);
    if (hugo) prepareHugo(corpus, hugoSite);
    const runs: Run[] = [];
    const changed: Run[] = [];
    const noop: Run[] = [];
    const added: Run[] = [];
    const deleted: Run[] = [];
    const hugoRuns: { wallSeconds: number; maxRssKiB?: number }[] = [];
    const edited = firstRelease(corpus);
    const original = readFileSync(edited);
    for (let i = 0; i < o.runs; i++) {
      progress(`build ${size} releases`, i, o.runs);
      rmSync(cache, { recursive: true, force: true });
      const r = await once(o.mode, { corpus, out, cache, timeout: o.timeout, json: false });
      runs.push(r);
      reported(r);
      progress(`  rebuild after one release changed`, i, o.runs);
      writeFileSync(edited, Buffer.concat([original, Buffer.from(`\nNachtrag ${i + 1}: Die Angaben wurden ergänzt.\n`)]));
      try {
        const c = await once(o.mode, { corpus, out, cache, timeout: o.timeout, json: false, keepOutput: true });
        changed.push(c);
        reported(c);
      } finally {
        writeFileSync(edited, original);
      }
      const rebuild = async (label: string, into: Run[]): Promise<void> => {
        progress(`  rebuild ${label}`, i, o.runs);
        const r = await once(o.mode, { corpus, out, cache, timeout: o.timeout, json: false, keepOutput: true });
        into.push(r);
        reported(r);
      };
      // The edit undone first, so that the next build has nothing to do.
      await once(o.mode, { corpus, out, cache, timeout: o.timeout, json: false, keepOutput: true });
      await rebuild("with nothing changed", noop);
      const fresh = path.join(corpus, "releases", "2026", `2026-11-26-bench-neu-${i + 1}.md`);
      const department = /^department: (.+)$/m.exec(original.toString("utf8"))![1];
      writeFileSync(fresh, `---\ntitle: "Neue Meldung ${i + 1} im Bench"\ndate: 2026-11-26T10:00:00+01:00\ndepartment: ${department}\n---\n\nEin Absatz.\n`);
      try {
        await rebuild("after one release added", added);
      } finally {
        rmSync(fresh, { force: true });
      }
      await rebuild("after that release deleted", deleted);
      if (hugo) {
        progress(`  hugo, cold`, i, o.runs);
        const [command, ...args] = coldHugo(hugoSite);
        const { done, rss } = await timed(args, o.timeout, [command!]);
        if (done.code !== 0) fail(done, `hugo ${args.join(" ")}`);
        hugoRuns.push({ wallSeconds: done.wallSeconds, ...(rss !== undefined && { maxRssKiB: rss }) });
        process.stdout.write(`${done.wallSeconds.toFixed(2)} s wall, ${mib(rss)} MiB peak\n`);
      }
    }
    const written = countFiles(out);
    results.push({ size, corpus, runs, changed, noop, added, deleted, hugo: hugoRuns, filesWritten: written.files, outputMiB: written.bytes / 2 ** 20 });
    if (!o.keep) {
      clean(out);
      rmSync(cache, { recursive: true, force: true });
      rmSync(hugoSite, { recursive: true, force: true });
    }
  }
  return results;
}

/** Cold build, then a rebuild with nothing changed on the cache it left, --runs times. */
async function imageCase(o: Options, corpus: string): Promise<ImageResult> {
  const out = path.join(CACHE, `out-images-${o.photos}`);
  const cache = path.join(CACHE, `image-cache-${o.photos}`);
  const call = { corpus, out, cache, timeout: o.timeout, json: true };
  const cold: Run[] = [];
  const noop: Run[] = [];
  for (let i = 0; i < o.runs; i++) {
    progress(`images ${o.photos} cold`, i, o.runs);
    rmSync(cache, { recursive: true, force: true });
    const c = await once(o.mode, call);
    cold.push(c);
    reported(c);
    progress(`images ${o.photos} no-op rebuild`, i, o.runs);
    const n = await once(o.mode, call);
    noop.push(n);
    reported(n);
  }
  const written = countFiles(out);
  const cached = existsSync(cache) ? countFiles(cache) : { files: 0, bytes: 0 };
  if (!o.keep) {
    clean(out);
    rmSync(cache, { recursive: true, force: true });
  }
  return {
    photos: o.photos,
    imageSize: imageSizeText(o.imageSize),
    corpus,
    cacheDir: path.relative(ROOT, cache),
    cold,
    noop,
    filesWritten: written.files,
    outputMiB: written.bytes / 2 ** 20,
    cacheFiles: cached.files,
    cacheMiB: cached.bytes / 2 ** 20,
  };
}

function textTable(results: readonly SizeResult[]): string {
  const header = [
    "releases", "published", "pages", "files", "cold wall (s)", "min–max (s)", "build only (s)", "pages/s", "peak RSS (MiB)",
    "one change (s)", "of cold", "nothing changed (s)", "its RSS (MiB)", "one added (s)", "deleted (s)", "Hugo cold (s)", "Hugo RSS (MiB)", "pressroom / Hugo",
  ];
  const wallOf = (list: readonly Run[]): string => (list.length > 0 ? median(list.map((x) => x.wallSeconds)).toFixed(2) : "–");
  const rows = results.map((r) => {
    const changedWall = r.changed.length > 0 ? median(r.changed.map((x) => x.wallSeconds)) : undefined;
    const hugoWall = r.hugo.length > 0 ? median(r.hugo.map((x) => x.wallSeconds)) : undefined;
    const hugoRss = r.hugo.map((x) => x.maxRssKiB).filter((x): x is number => x !== undefined);
    const wall = median(r.runs.map((x) => x.wallSeconds));
    const builds = r.runs.map((x) => x.buildSeconds).filter((x): x is number => x !== undefined);
    const rss = r.runs.map((x) => x.maxRssKiB).filter((x): x is number => x !== undefined);
    const pages = r.runs[0]!.pages;
    return [
      r.size.toLocaleString("en"),
      r.runs[0]!.releases.toLocaleString("en"),
      pages.toLocaleString("en"),
      r.filesWritten.toLocaleString("en"),
      wall.toFixed(2),
      `${Math.min(...r.runs.map((x) => x.wallSeconds)).toFixed(2)}–${Math.max(...r.runs.map((x) => x.wallSeconds)).toFixed(2)}`,
      builds.length > 0 ? median(builds).toFixed(2) : "?",
      (pages / wall).toFixed(0),
      rss.length > 0 ? (median(rss) / 1024).toFixed(0) : "?",
      changedWall?.toFixed(2) ?? "–",
      changedWall !== undefined ? `${((100 * changedWall) / wall).toFixed(0)} %` : "–",
      wallOf(r.noop),
      mib(r.noop.length > 0 ? median(r.noop.map((x) => x.maxRssKiB ?? Number.NaN)) : undefined),
      wallOf(r.added),
      wallOf(r.deleted),
      hugoWall?.toFixed(2) ?? "–",
      hugoRss.length > 0 ? (median(hugoRss) / 1024).toFixed(0) : "–",
      hugoWall !== undefined ? `${(wall / hugoWall).toFixed(2)}×` : "–",
    ];
  });
  return table([header, ...rows]);
}

/** Medians of one image case, for the table and for last-results.json. */
function imageSummary(runs: readonly Run[]) {
  const wall = median(runs.map((x) => x.wallSeconds));
  const builds = runs.map((x) => x.buildSeconds).filter((x): x is number => x !== undefined && Number.isFinite(x));
  const rss = runs.map((x) => x.maxRssKiB).filter((x): x is number => x !== undefined);
  const stats = runs.map((x) => x.images).filter((x): x is ImageStats => x !== undefined);
  // Photos the build processed (drafts and future releases have none: see gen-corpus.ts).
  const photos = stats.length > 0 ? median(stats.map((x) => x.photos)) : undefined;
  return {
    medianWallSeconds: wall,
    minWallSeconds: Math.min(...runs.map((x) => x.wallSeconds)),
    maxWallSeconds: Math.max(...runs.map((x) => x.wallSeconds)),
    ...(builds.length > 0 && { medianBuildSeconds: median(builds) }),
    ...(stats.length > 0 && { medianImageSeconds: median(stats.map((x) => x.seconds)) }),
    ...(photos !== undefined && { photosPerSecond: photos / wall }),
    ...(rss.length > 0 && { medianMaxRssKiB: median(rss) }),
    stats,
  };
}

function imageTable(result: ImageResult): string {
  const header = ["case", "photos", "encoded", "reused", "median wall (s)", "min–max (s)", "build only (s)", "photos/s", "peak RSS (MiB)"];
  const row = (name: string, runs: readonly Run[]): string[] => {
    const s = imageSummary(runs);
    const counts = (pick: (x: ImageStats) => number): string => (s.stats.length > 0 ? spread(s.stats.map(pick)) : "?");
    return [
      name,
      counts((x) => x.photos),
      counts((x) => x.encoded),
      counts((x) => x.reused),
      s.medianWallSeconds.toFixed(2),
      `${s.minWallSeconds.toFixed(2)}–${s.maxWallSeconds.toFixed(2)}`,
      s.medianBuildSeconds?.toFixed(2) ?? "?",
      s.photosPerSecond?.toFixed(2) ?? "?",
      mib(s.medianMaxRssKiB),
    ];
  };
  return table([header, row("cold", result.cold), row("no-op rebuild", result.noop)]);
}

/** Say so when the cache did not do what the case assumes; the numbers are printed all the same. */
function imageNotes(result: ImageResult): string[] {
  const notes: string[] = [];
  const reusedCold = Math.max(0, ...result.cold.map((r) => r.images?.reused ?? 0));
  const encodedNoop = Math.max(0, ...result.noop.map((r) => r.images?.encoded ?? 0));
  if (result.cold.some((r) => !r.images)) notes.push("note: a build reported no photo counts (is --json / build().images missing?)");
  if (reusedCold > 0) notes.push(`note: a cold build reused ${reusedCold} photos: the cache folder was not empty`);
  if (encodedNoop > 0) notes.push(`note: a no-op rebuild encoded ${encodedNoop} photos: the cache did not hold them all`);
  return notes;
}

type Options = ReturnType<typeof options>;

async function main(): Promise<void> {
  const o = options();
  mkdirSync(CACHE, { recursive: true });
  const text = o.cases.has("text");
  const images = o.cases.has("images");
  process.stdout.write(`${machine(o.mode)}\n`);
  process.stdout.write(`${o.runs} run(s) each; --now ${NOW}; seed ${o.seed}\n`);
  if (text) process.stdout.write(`text: sizes ${o.sizes.join(", ")}; images ${o.images}\n`);
  if (o.cases.has("ci")) process.stdout.write(`ci: sizes ${o.sizes.join(", ")}; one merged release, build and deploy\n`);
  if (images) process.stdout.write(`images: ${o.photos} releases with one ${imageSizeText(o.imageSize)} photo each; cold, then a no-op rebuild\n`);
  process.stdout.write("\n");

  // All corpora first: generating them must not run beside a timed build.
  const corpora = new Map<number, string>();
  if (text) for (const size of o.sizes) corpora.set(size, await ensureCorpus(size, o.seed, o.images, DEFAULT_IMAGE_SIZE));
  const imageCorpus = images ? await ensureCorpus(o.photos, o.seed, o.photos, o.imageSize) : undefined;

  const preview = o.cases.has("preview");
  const ci = o.cases.has("ci");
  if (preview || ci) for (const size of o.sizes) if (!corpora.has(size)) corpora.set(size, await ensureCorpus(size, o.seed, o.images, DEFAULT_IMAGE_SIZE));
  const results = text ? await textCase(o, corpora) : [];
  const previews = new Map<number, PreviewResult>();
  for (const size of preview ? o.sizes : []) {
    const corpus = corpora.get(size)!;
    process.stdout.write(`preview ${size}: first build, then saves of a release's text in Chromium\n`);
    previews.set(size, await previewCase(CLI, corpus, singleFileRelease(corpus), path.join(CACHE, `preview-${size}`), NOW));
  }
  const imageResult = imageCorpus !== undefined ? await imageCase(o, imageCorpus) : undefined;
  const ciResults = ci ? await ciCases(o, corpora) : [];

  if (text) {
    process.stdout.write(`\ntext\n${textTable(results)}\n`);
    process.stdout.write(
      "\ncold wall = median of whole processes (Node start-up, build), output folder and cache emptied first;\n" +
        "build only = the time the build reports itself; pages/s = pages written / cold wall; peak RSS = median max resident set;\n" +
        "one change = a rebuild after one release's text changed, with the output folder and cache of the build before;\n" +
        "then, each on the folder and cache before it: nothing changed; one release added; that release deleted;\n" +
        "Hugo cold = hugo on a copy of the same corpus (scripts/hugo-site), public/ and caches removed first.\n",
    );
  }
  if (imageResult) {
    process.stdout.write(`\nimages: ${imageResult.photos} × ${imageResult.imageSize} JPEG, cache ${imageResult.cacheDir}\n${imageTable(imageResult)}\n`);
    process.stdout.write(
      "\ncold = output folder and media cache emptied first; no-op rebuild = output folder emptied, the cold build's cache kept;\n" +
        "photos = distinct photos the build processed; encoded / reused = photos encoded in the build / taken from the cache;\n" +
        "photos/s = photos / median wall; peak RSS = median over runs of the child's max resident set.\n" +
        `last build wrote ${imageResult.filesWritten.toLocaleString("en")} files, ${imageResult.outputMiB.toFixed(1)} MiB; ` +
        `cache ${imageResult.cacheFiles.toLocaleString("en")} files, ${imageResult.cacheMiB.toFixed(1)} MiB.\n`,
    );
    for (const note of imageNotes(imageResult)) process.stdout.write(`${note}\n`);
  }
  if (preview) {
    const rows = [...previews].map(([size, r]) => [size.toLocaleString("en"), `${(r.firstBuild / 1000).toFixed(1)} s`, previewSummary(r.backToBack), `${previewSummary(r.spaced)} (${r.gap / 1000} s apart)`, previewSummary(r.titles)]);
    process.stdout.write(`\npreview: save → reloaded page's load event in Chromium\n${table([["releases", "first build", "saves one after the other", "saves while builds run", "new titles one after the other"], ...rows])}\n`);
  }
  if (ci) {
    process.stdout.write(`\nci: one merged release, output folder and cache restored, build + deploy to S3 (s3rver on 127.0.0.1)\n${ciTable(ciResults)}\n`);
    process.stdout.write(
      "\nmedians of whole processes; build + deploy = the two one after the other, min–max over runs; RSS = max resident set;\n" +
        "written = output files the build wrote anew (the rest stayed as restored); uploaded / removed = what the deploy did,\n" +
        "expected = served files that differ between the restored build's manifest and the new one.\n",
    );
    for (const note of ciNotes(ciResults)) process.stdout.write(`${note}\n`);
  }
  if (droppingCaches()) process.stdout.write("note: the page cache was dropped before every cold run (--drop-caches): nothing cached, Node's and Hugo's own files included; rebuilds read what the build before left cached.\n");
  const load = os.loadavg()[0]!;
  if (load > os.cpus().length - 0.5) {
    process.stdout.write(
      `note: load average ${load.toFixed(1)} on ${os.cpus().length} CPUs: other work shared the machine, times are inflated; compare A B A B.\n`,
    );
  }

  const record = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    mode: o.mode,
    dropCaches: droppingCaches(),
    seed: o.seed,
    cases: [...o.cases],
    ...(text && {
      results: results.map((r) => ({ size: r.size, filesWritten: r.filesWritten, outputMiB: Number(r.outputMiB.toFixed(1)), runs: r.runs, changed: r.changed, hugo: r.hugo })),
    }),
    ...(imageResult && { images: imageRecord(imageResult) }),
    ...(preview && { preview: [...previews].map(([size, r]) => ({ size, ...r })) }),
    ...(ci && { ci: ciResults.map((r) => ({ ...r, corpus: path.relative(ROOT, r.corpus), ...ciSummary(r.runs) })) }),
  };
  writeFileSync(path.join(CACHE, "last-results.json"), JSON.stringify(record, null, 2) + "\n");
}

/** The CI case on each corpus, against one local S3 API; its folders removed afterwards unless --keep. */
async function ciCases(o: Options, corpora: ReadonlyMap<number, string>): Promise<CiResult[]> {
  const s3 = path.join(CACHE, "ci-s3");
  const bucket = await startBucket(s3);
  const results: CiResult[] = [];
  try {
    for (const size of o.sizes) {
      const work = path.join(CACHE, `ci-${size}`);
      const options = { corpus: corpora.get(size)!, size, work, now: NOW, runs: o.runs, timeout: o.timeout, mode: o.mode, progress };
      results.push(await ciCase(options, bucket.endpoint));
      if (!o.keep) rmSync(work, { recursive: true, force: true });
    }
  } finally {
    bucket.stop();
    if (!o.keep) rmSync(s3, { recursive: true, force: true });
  }
  return results;
}

/** Medians of the CI case's runs, in seconds and KiB. */
function ciSummary(runs: readonly CiRun[]) {
  const rss = (pick: (r: CiRun) => number | undefined): number | undefined => {
    const values = runs.map(pick).filter((x): x is number => x !== undefined);
    return values.length > 0 ? median(values) : undefined;
  };
  return {
    medianBuildSeconds: median(runs.map((r) => r.build.wallSeconds)),
    medianDeploySeconds: median(runs.map((r) => r.deploy.wallSeconds)),
    medianTotalSeconds: median(runs.map((r) => r.totalSeconds)),
    minTotalSeconds: Math.min(...runs.map((r) => r.totalSeconds)),
    maxTotalSeconds: Math.max(...runs.map((r) => r.totalSeconds)),
    medianBuildMaxRssKiB: rss((r) => r.build.maxRssKiB),
    medianDeployMaxRssKiB: rss((r) => r.deploy.maxRssKiB),
  };
}

function ciTable(results: readonly CiResult[]): string {
  const header = ["releases", "pages", "build (s)", "deploy (s)", "build + deploy (s)", "min–max (s)", "build RSS (MiB)", "deploy RSS (MiB)", "written", "uploaded", "removed", "expected"];
  const rows = results.map((r) => {
    const s = ciSummary(r.runs);
    return [
      r.size.toLocaleString("en"),
      r.runs[0]!.build.pages.toLocaleString("en"),
      s.medianBuildSeconds.toFixed(2),
      s.medianDeploySeconds.toFixed(2),
      s.medianTotalSeconds.toFixed(2),
      `${s.minTotalSeconds.toFixed(2)}–${s.maxTotalSeconds.toFixed(2)}`,
      mib(s.medianBuildMaxRssKiB),
      mib(s.medianDeployMaxRssKiB),
      spread(r.runs.map((x) => x.written)),
      spread(r.runs.map((x) => x.deploy.uploaded)),
      spread(r.runs.map((x) => x.deploy.removed)),
      `${spread(r.runs.map((x) => x.expected.uploads))} / ${spread(r.runs.map((x) => x.expected.removed))}`,
    ];
  });
  return table([header, ...rows]);
}

/** Say so when a deploy did other than the manifests say it had to. */
function ciNotes(results: readonly CiResult[]): string[] {
  const notes: string[] = [];
  for (const r of results) {
    for (const [i, run] of r.runs.entries()) {
      if (run.deploy.uploaded !== run.expected.uploads || run.deploy.removed !== run.expected.removed) {
        notes.push(
          `note: ci ${r.size}, run ${i + 1}: the deploy uploaded ${run.deploy.uploaded} and removed ${run.deploy.removed}; ` +
            `the manifests differ in ${run.expected.uploads} files to upload and ${run.expected.removed} to remove`,
        );
      }
    }
  }
  return notes;
}

function imageRecord(r: ImageResult) {
  const summary = (runs: readonly Run[]) => {
    const { stats: _stats, ...s } = imageSummary(runs);
    return { ...s, runs };
  };
  return {
    photos: r.photos,
    imageSize: r.imageSize,
    corpus: path.relative(ROOT, r.corpus),
    cacheDir: r.cacheDir,
    filesWritten: r.filesWritten,
    outputMiB: Number(r.outputMiB.toFixed(1)),
    cacheFiles: r.cacheFiles,
    cacheMiB: Number(r.cacheMiB.toFixed(1)),
    cold: summary(r.cold),
    noop: summary(r.noop),
  };
}

await main();
