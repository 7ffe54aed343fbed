/**
 * Search index shards made side by side: worker threads, one per processor
 * at most, each with its own Pagefind indexer, so writing the index of a
 * large archive does not wait for one process, and the thread that renders
 * the pages is not held by it. The workers stay for the next build of the
 * process (worker.ts). The same records give the same files, whichever
 * worker makes them.
 */
import { availableParallelism } from "node:os";
import { WorkerPool } from "../worker.ts";
import type { ShardDone, ShardJob } from "./index-worker.ts";
import type { SearchIndexOptions, SearchRecord } from "./pagefind.ts";

const workers = new WorkerPool("index-worker", import.meta.url, availableParallelism());

/** The files of one shard's index, by path below its folder. */
export async function indexShard(records: readonly SearchRecord[], options: SearchIndexOptions): Promise<Map<string, Uint8Array>> {
  const done = await workers.ask<ShardDone>({ records, options } satisfies Omit<ShardJob, "id">);
  if ("error" in done) throw new Error(done.error);
  return new Map(done.files.map(([file, content]) => [file, new Uint8Array(content)]));
}
