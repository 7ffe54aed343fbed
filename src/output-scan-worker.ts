/**
 * A worker thread that reads output folders while the build loads the
 * content (output-scan.ts): every file and folder below one by full path,
 * and each file's inode, size and modification time, posted to the port the
 * job brings. One synchronous walk here costs a quarter of the processor time
 * of the thread pool's calls, and holds no thread the build needs.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parentPort, type MessagePort } from "node:worker_threads";
import type { Scanned } from "./output-scan.ts";

export interface ScanJob {
  readonly id: number;
  readonly root: string;
  readonly port: MessagePort;
}

/** The walk is over: its answer went to the job's port, or it failed. */
export type ScanDone = { readonly id: number } | { readonly id: number; readonly error: string };

function scan(root: string): Scanned {
  const paths: string[] = [];
  const files: string[] = [];
  const facts: number[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    paths.push(full);
    if (entry.isDirectory()) continue;
    // A link is followed, as the build's own questions about a file follow it.
    const stats = statSync(full, { throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    files.push(path.relative(root, full).split(path.sep).join("/"));
    facts.push(stats.ino, stats.size, stats.mtimeMs);
  }
  return { paths, files, facts: Float64Array.from(facts) };
}

parentPort!.on("message", ({ id, root, port }: ScanJob) => {
  try {
    port.postMessage(scan(root));
    parentPort!.postMessage({ id } satisfies ScanDone);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies ScanDone);
  } finally {
    port.close();
  }
});
