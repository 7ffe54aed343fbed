/**
 * Build benchmark: synthetic corpora (scripts/gen-corpus.ts) through whole
 * `pressroom build` processes, as a user runs them.
 *
 *   npm run bench [-- --sizes 1000,10000] [--runs 3] [--seed 1] [--images 0]
 *                 [--mode auto|time|child] [--timeout 900] [--keep]
 *
 * Corpora are cached in .bench/ and regenerated only when missing or when the
 * generator changed. Every run is a fresh child process into an output folder
 * that was removed first. Wall time is measured here, around the whole
 * process. Peak memory (max RSS) comes from /usr/bin/time when it exists
 * (mode "time", which runs the real CLI), else from scripts/bench-child.ts,
 * which calls build() and reports its own process.resourceUsage() (mode
 * "child"). It prints numbers only: no timing is asserted anywhere.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generateCorpus, generatorFingerprint, readStamp } from "./gen-corpus.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = path.join(ROOT, ".bench");
const CLI = path.join(ROOT, "bin", "pressroom.js");
const CHILD = path.join(ROOT, "scripts", "bench-child.ts");
const TIME = "/usr/bin/time";
const NOW = "2026-11-27T12:00";

interface Run {
  readonly wallSeconds: number;
  /** The build's own time as the process reports it (excludes Node start-up and module loading). */
  readonly buildSeconds?: number;
  readonly maxRssKiB?: number;
  readonly releases: number;
  readonly pages: number;
  readonly mediaFiles: number;
}

interface SizeResult {
  readonly size: number;
  readonly corpus: string;
  readonly runs: readonly Run[];
  readonly filesWritten: number;
  readonly outputMiB: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000" },
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      images: { type: "string", default: "0" },
      mode: { type: "string", default: "auto" },
      timeout: { type: "string", default: "900" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      "Usage: npm run bench -- [--sizes 1000,10000] [--runs 3] [--seed 1] [--images 0] [--mode auto|time|child] [--timeout SECONDS] [--keep]\n",
    );
    process.exit(0);
  }
  const sizes = values.sizes!.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const images = Number(values.images);
  const timeout = Number(values.timeout);
  const bad = (what: string): never => {
    process.stderr.write(`bench: ${what}\n`);
    process.exit(2);
  };
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) bad(`--sizes must be positive whole numbers, like 1000,10000`);
  if (!Number.isInteger(runs) || runs < 1) bad("--runs must be a positive whole number");
  if (!Number.isInteger(seed)) bad("--seed must be a whole number");
  if (!Number.isInteger(images) || images < 0) bad("--images must be a whole number ≥ 0");
  if (!(timeout > 0)) bad("--timeout must be a number of seconds");
  let mode = values.mode!;
  if (mode === "auto") mode = existsSync(TIME) ? "time" : "child";
  if (mode !== "time" && mode !== "child") bad("--mode must be auto, time or child");
  if (mode === "time" && !existsSync(TIME)) bad(`--mode time needs ${TIME}`);
  return { sizes, runs, seed, images, timeout, mode: mode as "time" | "child", keep: values.keep! };
}

async function ensureCorpus(size: number, seed: number, images: number): Promise<string> {
  const dir = path.join(CACHE, `corpus-${size}-seed${seed}${images > 0 ? `-img${images}` : ""}`);
  const stamp = readStamp(dir);
  const wanted = generatorFingerprint();
  if (stamp && stamp.generator === wanted && stamp.releases === size && stamp.seed === seed && stamp.images === Math.min(images, size)) {
    process.stdout.write(`corpus ${path.relative(ROOT, dir)}: cached\n`);
    return dir;
  }
  process.stdout.write(`corpus ${path.relative(ROOT, dir)}: ${stamp ? "generator changed, regenerating" : "generating"} … `);
  const started = performance.now();
  const made = await generateCorpus({ out: dir, releases: size, seed, images });
  process.stdout.write(
    `${((performance.now() - started) / 1000).toFixed(1)} s (${made.drafts} drafts, ${made.future} future, ${made.joint} joint, ${made.aliases} aliases)\n`,
  );
  return dir;
}

/** Remove an output folder and any staging or old folders a killed build left next to it. */
function clean(out: string): void {
  rmSync(out, { recursive: true, force: true });
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

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallSeconds: number;
}

function run(command: string, args: readonly string[], timeoutSeconds: number): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutSeconds * 1000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, wallSeconds: (performance.now() - started) / 1000 });
    });
  });
}

const SUMMARY = /Built (\d+) releases into .*: (\d+) pages, (\d+) media files in ([\d.]+) s\./;

async function once(mode: "time" | "child", corpus: string, out: string, timeout: number): Promise<Run> {
  clean(out);
  const cliArgs = ["build", "--content", corpus, "--out", out, "--now", NOW];
  if (mode === "time") {
    const rssFile = path.join(CACHE, `maxrss-${process.pid}.txt`);
    rmSync(rssFile, { force: true });
    const done = await run(TIME, ["-f", "%M", "-o", rssFile, process.execPath, CLI, ...cliArgs], timeout);
    const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : NaN;
    rmSync(rssFile, { force: true });
    const m = SUMMARY.exec(done.stdout);
    if (done.code !== 0 || !m) fail(done, `${path.basename(CLI)} ${cliArgs.join(" ")}`);
    return {
      wallSeconds: done.wallSeconds,
      buildSeconds: Number(m![4]),
      ...(Number.isFinite(rss) && { maxRssKiB: rss }),
      releases: Number(m![1]),
      pages: Number(m![2]),
      mediaFiles: Number(m![3]),
    };
  }
  const childArgs = ["--content", corpus, "--out", out, "--now", NOW];
  const done = await run(process.execPath, ["--import", "tsx", CHILD, ...childArgs], timeout);
  let report: Record<string, unknown> | undefined;
  try {
    report = JSON.parse(done.stdout.trim().split("\n").pop() ?? "");
  } catch {
    report = undefined;
  }
  if (done.code !== 0 || !report || report.ok !== true) fail(done, `bench-child.ts ${childArgs.join(" ")}`);
  return {
    wallSeconds: done.wallSeconds,
    buildSeconds: Number(report!.buildSeconds),
    maxRssKiB: Number(report!.maxRssKiB),
    releases: Number(report!.releases),
    pages: Number(report!.pages),
    mediaFiles: Number(report!.mediaFiles),
  };
}

function fail(done: Finished, what: string): never {
  const how = done.signal ? `was killed (${done.signal}${done.signal === "SIGKILL" ? ", timeout?" : ""})` : `exited with ${done.code}`;
  process.stderr.write(`\nbench: ${what} ${how} after ${done.wallSeconds.toFixed(1)} s\n`);
  const tail = (text: string): string => text.split("\n").slice(-40).join("\n");
  if (done.stdout.trim()) process.stderr.write(`--- stdout (end) ---\n${tail(done.stdout)}\n`);
  if (done.stderr.trim()) process.stderr.write(`--- stderr (end) ---\n${tail(done.stderr)}\n`);
  process.exit(1);
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

async function main(): Promise<void> {
  const o = options();
  mkdirSync(CACHE, { recursive: true });
  process.stdout.write(`${machine(o.mode)}\n`);
  process.stdout.write(`sizes ${o.sizes.join(", ")}; ${o.runs} run(s) each; --now ${NOW}; seed ${o.seed}; images ${o.images}\n\n`);

  const corpora = new Map<number, string>();
  for (const size of o.sizes) corpora.set(size, await ensureCorpus(size, o.seed, o.images));

  const results: SizeResult[] = [];
  for (const size of o.sizes) {
    const corpus = corpora.get(size)!;
    const out = path.join(CACHE, `out-${size}`);
    const runs: Run[] = [];
    for (let i = 0; i < o.runs; i++) {
      const load = os.loadavg()[0]!.toFixed(1);
      process.stdout.write(`build ${size} releases, run ${i + 1}/${o.runs} (load ${load}) … `);
      const r = await once(o.mode, corpus, out, o.timeout);
      runs.push(r);
      process.stdout.write(
        `${r.wallSeconds.toFixed(2)} s wall, ${r.buildSeconds?.toFixed(2) ?? "?"} s in build, ` +
          `${r.maxRssKiB !== undefined ? (r.maxRssKiB / 1024).toFixed(0) : "?"} MiB peak\n`,
      );
    }
    const written = countFiles(out);
    results.push({ size, corpus, runs, filesWritten: written.files, outputMiB: written.bytes / 2 ** 20 });
    if (!o.keep) clean(out);
  }

  const header = ["releases", "published", "pages written", "files", "median wall (s)", "min–max (s)", "build only (s)", "pages/s", "peak RSS (MiB)"];
  const rows = results.map((r) => {
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
    ];
  });
  process.stdout.write(`\n${table([header, ...rows])}\n`);
  process.stdout.write(
    "\nmedian wall = whole child process (Node start-up, tsx, build); build only = the time the build reports itself;\n" +
      "pages/s = pages written / median wall; peak RSS = median over runs of the child's max resident set.\n",
  );
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
    results: results.map((r) => ({ size: r.size, filesWritten: r.filesWritten, outputMiB: Number(r.outputMiB.toFixed(1)), runs: r.runs })),
  };
  writeFileSync(path.join(CACHE, "last-results.json"), JSON.stringify(record, null, 2) + "\n");
}

await main();
