/** Shared helpers for the integration tests: build a fixture, read its output, run the CLI. */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after } from "node:test";
import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { checkContent } from "../src/check.ts";
import { formatProblems } from "../src/errors/report.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const fixture = (name: string): string => path.join(ROOT, "test", "fixtures", name);

export function tempDir(prefix = "pressroom-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Removed whole; a process that ended a moment ago may still be writing into it (ENOTEMPTY), so it is tried again. */
export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });

/** A maker of temporary folders, all removed when the test file is done. Call at the top level of a test file. */
export function scratchDirs(): () => string {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));
  return () => {
    const dir = tempDir();
    dirs.push(dir);
    return dir;
  };
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the real `pressroom` command, as a user would. */
export function pressroom(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file below `dir`, relative, sorted, with forward slashes. */
export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

export const readText = (dir: string, file: string): string => readFileSync(path.join(dir, file), "utf8");

export const html = (dir: string, file: string): cheerio.CheerioAPI => cheerio.load(readText(dir, file));

/** The human report of checking a fixture, as `pressroom check` prints it (without colour). */
export async function checkReport(name: string): Promise<{ codes: string[]; report: string; problems: Awaited<ReturnType<typeof checkContent>>["problems"] }> {
  const result = await checkContent(fixture(name));
  return {
    codes: result.problems.map((p) => p.code).sort(),
    report: formatProblems(result.problems, { sources: result.sources, color: false }),
    problems: result.problems,
  };
}

/** A port on 127.0.0.1 that nothing listens on just now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

/** A git command in `cwd` that must succeed: its output (paths with umlauts unquoted). */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", ["-c", "core.quotePath=false", ...args], { cwd, encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

/** A press office's repository in `repo`: the valid fixture's site in content/, committed on main. */
export function officeRepository(repo: string): string {
  cpSync(fixture("valid"), path.join(repo, "content"), { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  git(repo, "config", "user.name", "Pressestelle");
  git(repo, "config", "user.email", "presse@pruefstadt.example");
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "start");
  return repo;
}

/** `pressroom edit` running in a repository: its process, its address and all it printed so far. */
export interface RunningEdit {
  readonly child: ChildProcess;
  readonly base: string;
  readonly log: string;
  /** Waits until `done` holds; fails with the log when edit stops or two minutes pass. */
  waitFor(done: () => boolean | Promise<boolean>, what: string): Promise<void>;
  /** Ends it and waits until it has: its preview writes no more into the repository. */
  stop(): Promise<void>;
}

/** Starts `pressroom edit` on a free port in `repo` (content in content/) and waits until it says its addresses. */
export async function startEdit(repo: string): Promise<RunningEdit> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), "edit", "--content", "content", "--port", String(port)], {
    cwd: repo,
    env: { ...process.env, NO_COLOR: "1" },
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 120_000;
  const running: RunningEdit = {
    child,
    base: `http://127.0.0.1:${port}`,
    get log() {
      return log;
    },
    async waitFor(done, what) {
      while (!(await done())) {
        assert.ok(Date.now() < deadline && child.exitCode === null, `${what}:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const ended = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await ended;
    },
  };
  await running.waitFor(() => log.includes(`${running.base}/\n`), "pressroom edit did not start");
  return running;
}
