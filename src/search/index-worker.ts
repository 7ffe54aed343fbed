/**
 * A worker thread that makes search index shards (search/index-workers.ts):
 * Pagefind's Node API keeps one indexer process per thread, so shards made
 * in workers of their own are made side by side.
 */
import { parentPort } from "node:worker_threads";
import { searchIndexFiles, type SearchIndexOptions, type SearchRecord } from "./pagefind.ts";

export interface ShardJob {
  readonly id: number;
  readonly records: readonly SearchRecord[];
  readonly options: SearchIndexOptions;
}

export type ShardDone =
  | { readonly id: number; readonly files: readonly (readonly [string, Uint8Array])[] }
  | { readonly id: number; readonly error: string };

parentPort!.on("message", (job: ShardJob) => {
  searchIndexFiles(job.records, job.options).then(
    // Copied, not transferred: Pagefind's buffers may share one pooled ArrayBuffer, which cannot be transferred.
    (files) => parentPort!.postMessage({ id: job.id, files: [...files] } satisfies ShardDone),
    (error: unknown) => parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies ShardDone),
  );
});
