/**
 * The CI case of the benchmark: what the publish workflow
 * (.github/workflows/publish.yml) does after one release is merged, against
 * a local S3 API (s3rver on 127.0.0.1, test/s3-server.ts).
 *
 * Once per corpus, untimed: a checkout of the corpus is built cold and
 * deployed to an empty bucket; its output folder and build cache are put
 * aside as the CI cache. Then each run:
 * 1. a fresh checkout: the corpus copied anew (new inodes and modification
 *    times for every content file, as `actions/checkout` gives), with one
 *    new release, the merge;
 * 2. the output folder and the build cache restored from the CI cache by
 *    tar, as `actions/cache` does: new inodes and change times, the
 *    modification times of the saved files kept;
 * 3. `pressroom build`, then `pressroom deploy --quick` (as the publishing workflow deploys after a merge) to the bucket, each timed as
 *    a whole process (peak RSS from /usr/bin/time when it exists);
 * 4. untimed: the bucket put back to the saved build (a deploy of it), so
 *    that every run starts from the same bucket.
 *
 * Each run also reports what the deploy should have uploaded and removed
 * (the served files that differ between the restored build's manifest and
 * the new one) beside what it did, and how many output files the build
 * wrote (modified at or after its start) rather than left as restored.
 */
import { spawnSync } from "node:child_process";
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { compareManifests } from "../src/deploy/changes.ts";
import { readManifest, type Manifest } from "../src/outputs/manifest.ts";
import { ISOLATED_AWS_ENV, S3RVER_CREDENTIALS, startS3rver } from "../test/s3-server.ts";
import { CLI, fail, type Finished, lastJson, run, timed } from "./bench-process.ts";

const BUCKET = "presse";
const DEPLOYED = /Deployed in [\d.]+ s: (\d+) files uploaded, (\d+) removed, (\d+) unchanged\./;

export interface Step {
  readonly wallSeconds: number;
  readonly maxRssKiB?: number;
}

export interface CiRun {
  readonly build: Step & { readonly buildSeconds: number; readonly releases: number; readonly pages: number };
  /** Output files the build wrote (modified at or after its start); the others stayed as restored. */
  readonly written: number;
  readonly deploy: Step & { readonly uploaded: number; readonly removed: number; readonly unchanged: number };
  /** What the deploy had to upload and remove: served files that differ between the restored build's manifest and the new one. */
  readonly expected: { readonly uploads: number; readonly removed: number };
  /** Build and deploy, one after the other. */
  readonly totalSeconds: number;
}

export interface CiResult {
  readonly size: number;
  readonly corpus: string;
  /** The untimed preparation: a cold build of the checkout and the first deploy of every file. */
  readonly setup: { readonly coldSeconds: number; readonly firstDeploySeconds: number; readonly firstUploads: number };
  readonly runs: readonly CiRun[];
}

export interface CiOptions {
  readonly corpus: string;
  readonly size: number;
  /** A folder of the case's own: the checkout, the saved CI cache. */
  readonly work: string;
  readonly now: string;
  readonly runs: number;
  readonly timeout: number;
  /** Peak memory from /usr/bin/time ("time"), or none. */
  readonly mode: "time" | "child";
  readonly progress: (label: string, i: number, runs: number) => void;
}

/** A local S3 API for the case; `stop` ends its process. */
export async function startBucket(directory: string): Promise<{ endpoint: string; stop: () => void }> {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const { child, port } = await startS3rver(directory, BUCKET);
  // A failed step ends the bench with process.exit(): the server must not outlive it.
  const stop = (): void => void child.kill();
  process.once("exit", stop);
  return { endpoint: `http://127.0.0.1:${port}`, stop };
}

/** Copy a folder as tar does when it restores an archive: the files' modification times kept, new inodes. */
function tarCopy(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  const done = spawnSync("sh", ["-c", 'tar -C "$1" -cf - . | tar -C "$2" -xf -', "sh", from, to], { stdio: "inherit" });
  if (done.status !== 0) throw new Error(`copying ${from} to ${to} with tar failed`);
}

/** Files below `dir` modified at or after `since` (ms since the epoch). */
function modifiedSince(dir: string, since: number): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && statSync(path.join(entry.parentPath, entry.name)).mtimeMs >= since) count++;
  }
  return count;
}

/** Served files (never the host's) that the deploy of `after` must upload and remove, against a bucket holding `before`. */
function expectedChanges(before: Manifest, after: Manifest): { uploads: number; removed: number } {
  const served = (m: Manifest): Pick<Manifest, "files"> => ({ files: Object.fromEntries(Object.entries(m.files).filter(([, e]) => e.cache !== "host")) });
  const changes = compareManifests(served(before), served(after));
  return { uploads: changes.added.length + changes.changed.length, removed: changes.removed.length };
}

/** The department and contact lines of a release of the corpus, for the merged release: a department may have no contact of its own. */
function departmentAndContact(corpus: string): string {
  const year = path.join(corpus, "releases", "2026");
  for (const name of readdirSync(year).sort()) {
    if (!name.endsWith(".md")) continue;
    const text = readFileSync(path.join(year, name), "utf8");
    const department = /^department: .+$/m.exec(text);
    const contact = /^contact: .+$/m.exec(text);
    if (department && contact) return `${department[0]}\n${contact[0]}\n`;
  }
  throw new Error(`${year} has no release with a department and a contact`);
}

export async function ciCase(o: CiOptions, endpoint: string): Promise<CiResult> {
  const checkout = path.join(o.work, "checkout");
  const content = path.join(checkout, "content");
  const out = path.join(checkout, "dist");
  const cache = path.join(checkout, ".cache", "pressroom");
  const saved = path.join(o.work, "saved");
  const prefix = `ci-${o.size}/`;
  const env = { ...S3RVER_CREDENTIALS, ...ISOLATED_AWS_ENV, NO_COLOR: "1" };
  const cli = async (args: readonly string[], what: string): Promise<{ done: Finished; rss?: number }> => {
    const result = o.mode === "time" ? await timed(args, o.timeout, undefined, env) : { done: await run(process.execPath, [CLI, ...args], o.timeout, env) };
    if (result.done.code !== 0) fail(result.done, `${what}: ${path.basename(CLI)} ${args.join(" ")}`);
    return result;
  };
  const build = () => cli(["build", "--content", content, "--out", out, "--now", o.now, "--cache", cache, "--lang", "en", "--json"], "build");
  const deploy = async (folder: string, what: string, extra: readonly string[] = []) => {
    const result = await cli(["deploy", "--out", folder, "--bucket", BUCKET, "--prefix", prefix, "--endpoint", endpoint, "--path-style", ...extra], what);
    const m = DEPLOYED.exec(result.done.stdout);
    if (!m) fail(result.done, `${what}: no summary line`);
    return { ...result, uploaded: Number(m![1]), removed: Number(m![2]), unchanged: Number(m![3]) };
  };
  const freshCheckout = (): void => {
    rmSync(checkout, { recursive: true, force: true });
    spawnSync("sync");
    // No timestamps kept: a checkout writes every file anew. The corpus may be a link to a shared folder: its files are copied, never the link.
    cpSync(realpathSync(o.corpus), content, { recursive: true });
    if (lstatSync(content).isSymbolicLink()) throw new Error(`${content} is a link: the checkout must be a copy`);
  };

  process.stdout.write(`ci ${o.size}: cold build and first deploy of a checkout (untimed) … `);
  rmSync(saved, { recursive: true, force: true });
  freshCheckout();
  const cold = await build();
  const first = await deploy(out, "first deploy");
  process.stdout.write(`${cold.done.wallSeconds.toFixed(1)} s build, ${first.done.wallSeconds.toFixed(1)} s deploy of ${first.uploaded} files\n`);
  mkdirSync(saved, { recursive: true });
  renameSync(out, path.join(saved, "dist"));
  renameSync(cache, path.join(saved, "cache"));
  const before = readManifest(path.join(saved, "dist"));
  const lines = departmentAndContact(o.corpus);

  const runs: CiRun[] = [];
  for (let i = 0; i < o.runs; i++) {
    freshCheckout();
    writeFileSync(
      path.join(content, "releases", "2026", `2026-11-26-ci-merge-${i + 1}.md`),
      `---\ntitle: "Zusammengeführte Meldung ${i + 1}"\ndate: 2026-11-26T10:00:00+01:00\n${lines}---\n\nEin Absatz.\n`,
    );
    tarCopy(path.join(saved, "dist"), out);
    tarCopy(path.join(saved, "cache"), cache);
    spawnSync("sync");
    o.progress(`ci ${o.size}: build + deploy after one merged release`, i, o.runs);
    const buildStart = Date.now();
    const built = await build();
    const report = lastJson(built.done.stdout);
    if (!report || report.ok !== true) fail(built.done, "build: no JSON report");
    const written = modifiedSince(out, buildStart - 1);
    // As the publishing workflow deploys after a merge: the deployed manifest trusted, the bucket not listed.
    const deployed = await deploy(out, "deploy", ["--quick"]);
    const r: CiRun = {
      build: {
        wallSeconds: built.done.wallSeconds,
        ...(built.rss !== undefined && { maxRssKiB: built.rss }),
        buildSeconds: Number(report!.seconds),
        releases: Number(report!.releases),
        pages: Number(report!.pages),
      },
      written,
      deploy: {
        wallSeconds: deployed.done.wallSeconds,
        ...(deployed.rss !== undefined && { maxRssKiB: deployed.rss }),
        uploaded: deployed.uploaded,
        removed: deployed.removed,
        unchanged: deployed.unchanged,
      },
      expected: expectedChanges(before, readManifest(out)),
      totalSeconds: built.done.wallSeconds + deployed.done.wallSeconds,
    };
    runs.push(r);
    process.stdout.write(
      `build ${r.build.wallSeconds.toFixed(2)} s (${r.written} files written), deploy ${r.deploy.wallSeconds.toFixed(2)} s ` +
        `(${r.deploy.uploaded} uploaded, ${r.deploy.removed} removed; manifests differ in ${r.expected.uploads} + ${r.expected.removed}), ` +
        `together ${r.totalSeconds.toFixed(2)} s\n`,
    );
    // The bucket back to the saved build, so that the next run deploys one merged release again.
    await deploy(path.join(saved, "dist"), "putting the bucket back");
  }
  rmSync(checkout, { recursive: true, force: true });
  return { size: o.size, corpus: o.corpus, setup: { coldSeconds: cold.done.wallSeconds, firstDeploySeconds: first.done.wallSeconds, firstUploads: first.uploaded }, runs };
}
