/**
 * Search index shards made side by side: one worker thread per processor
 * (at most one per shard), each with its own Pagefind indexer, so writing
 * the index of a large archive does not wait for one process, and the
 * thread that renders the pages is not held by it. The same records give
 * the same files, whichever worker makes them.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { ask, startWorker } from "../worker.ts";
import type { ShardDone, ShardJob } from "./index-worker.ts";
import type { SearchIndexOptions, SearchRecord } from "./pagefind.ts";

export class IndexWorkers {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private next = 0;

  constructor(private readonly size: number = availableParallelism()) {}

  /** The files of one shard's index, by path below its folder. */
  async make(records: readonly SearchRecord[], options: SearchIndexOptions): Promise<Map<string, Uint8Array>> {
    // A worker at hand gets the job before this returns: the caller's thread may stay busy for a while.
    const worker = this.takeNow() ?? (await this.take());
    const id = this.next++;
    // A worker at work keeps the process alive, an idle one does not.
    worker.ref();
    try {
      const job: ShardJob = { id, records, options };
      const done = await ask<ShardDone>(worker, job);
      if ("error" in done) throw new Error(done.error);
      return new Map(done.files.map(([file, content]) => [file, new Uint8Array(content)]));
    } finally {
      worker.unref();
      this.give(worker);
    }
  }

  /** Ends every worker (and with it its indexer). */
  async close(): Promise<void> {
    await Promise.all(this.all.map((worker) => worker.terminate()));
  }

  /** An idle worker, or a new one while there are fewer than `size`. */
  private takeNow(): Worker | undefined {
    const ready = this.idle.pop();
    if (ready) return ready;
    if (this.all.length >= Math.max(1, this.size)) return undefined;
    const worker = startWorker("index-worker", import.meta.url);
    this.all.push(worker);
    return worker;
  }

  private async take(): Promise<Worker> {
    for (;;) {
      const worker = this.takeNow();
      if (worker) return worker;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private give(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }
}
