/**
 * What the cases of the benchmark (scripts/bench.ts, scripts/bench-ci.ts)
 * share: where things are, a child process run and timed from outside, and
 * the median of runs.
 */
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CACHE = path.join(ROOT, ".bench");
export const CLI = path.join(ROOT, "bin", "pressroom.js");
export const TIME = "/usr/bin/time";

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallSeconds: number;
}

/** `env`: variables added to this process's own. */
export function run(command: string, args: readonly string[], timeoutSeconds: number, env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
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

/** The last line of a process's output that parses as a JSON object. */
export function lastJson(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.trim().split("\n").filter((line) => line.startsWith("{"));
  try {
    const value: unknown = JSON.parse(lines.pop() ?? "");
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const DROP_CACHES = "/proc/sys/vm/drop_caches";
let dropping = false;

/**
 * --drop-caches: before every cold run, the kernel also lets go of its page cache. On a virtual
 * machine whose memory manager scans the cache (here: DAMON's kdamond), a filled cache makes every
 * file system call slower as the bench goes on: system time of a cold build at 1,000 releases
 * 4.1–5.0 s with a full cache, 1.4–1.6 s after a drop. Needs root. Cold runs then start with nothing
 * cached, Node's and Hugo's own files included. Rebuilds are not preceded by a drop: they read what
 * the build before left in the cache, as on a writer's machine (after a drop, a build with nothing
 * to do at 10,000 took 2.7 s instead of 0.5 s, reading its caches from disk).
 */
export function dropCachesBeforeRuns(): string | undefined {
  try {
    accessSync(DROP_CACHES, constants.W_OK);
  } catch {
    return `--drop-caches needs to write ${DROP_CACHES} (run as root)`;
  }
  dropping = true;
  return undefined;
}

/** Before a cold run: the disk flushed (removing thousands of files leaves the file system work to do), caches dropped when asked. */
export function settle(): void {
  spawnSync("sync");
  if (dropping) writeFileSync(DROP_CACHES, "3\n");
}

/** Whether runs start with the page cache dropped. */
export const droppingCaches = (): boolean => dropping;

/** The real CLI under /usr/bin/time; rss is its max resident set in KiB, when time wrote one. */
export async function timed(
  cliArgs: readonly string[],
  timeout: number,
  command: readonly string[] = [process.execPath, CLI],
  env: NodeJS.ProcessEnv = {},
): Promise<{ done: Finished; rss?: number }> {
  const rssFile = path.join(CACHE, `maxrss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const done = await run(TIME, ["-f", "%M", "-o", rssFile, ...command, ...cliArgs], timeout, env);
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : NaN;
  rmSync(rssFile, { force: true });
  return { done, ...(Number.isFinite(rss) && { rss }) };
}

export function fail(done: Finished, what: string): never {
  const how = done.signal ? `was killed (${done.signal}${done.signal === "SIGKILL" ? ", timeout?" : ""})` : `exited with ${done.code}`;
  process.stderr.write(`\nbench: ${what} ${how} after ${done.wallSeconds.toFixed(1)} s\n`);
  const tail = (text: string): string => text.split("\n").slice(-40).join("\n");
  if (done.stdout.trim()) process.stderr.write(`--- stdout (end) ---\n${tail(done.stdout)}\n`);
  if (done.stderr.trim()) process.stderr.write(`--- stderr (end) ---\n${tail(done.stderr)}\n`);
  process.exit(1);
}
