/**
 * Worker threads of pressroom's own modules. A worker does not take its
 * parent's module hooks: when pressroom runs from its TypeScript source
 * through tsx (tests, scripts), the worker registers tsx's hooks before it
 * loads the module; the compiled code (lib/) loads it as it is.
 *
 * Workers that a build asks for a job each (the search index's, the output
 * folder's scan) come from a pool of their module that keeps them when they
 * are done: a process that builds more than once (the preview's build thread,
 * the tests) starts each of them once, not once per build; the preview's
 * build thread is a pool of one. An idle worker does not keep the process
 * alive.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type TransferListItem } from "node:worker_threads";

/** Starts the module `name` (without extension) of the folder of `base` (an `import.meta.url`) in a worker thread; its jobs come by message. */
function startWorker(name: string, base: string): Worker {
  const extension = path.extname(fileURLToPath(base));
  const module = new URL(`./${name}${extension}`, base);
  if (extension !== ".ts") return new Worker(module);
  return new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`, { eval: true });
}

/** Posts `message` to `worker` and resolves with the worker's reply of the same `id`; rejects when the worker fails or ends. */
function ask<Reply extends { readonly id: number }>(worker: Worker, message: { readonly id: number }, transferList?: readonly TransferListItem[]): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Reply): void => {
      if (reply.id !== message.id) return;
      done();
      resolve(reply);
    };
    const onError = (error: Error): void => {
      done();
      reject(error);
    };
    const onExit = (code: number): void => onError(new Error(`the worker ended (exit code ${code}) before it answered`));
    const done = (): void => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(message, transferList);
  });
}

/** Workers of one module, at most `size` at once, each kept for the next job when it is given back. */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly waiting: (() => void)[] = [];
  private next = 0;

  constructor(
    private readonly name: string,
    private readonly base: string,
    private readonly size: number,
  ) {}

  /** Runs one job (`message` with a fresh `id`) on a worker of the pool and resolves with its reply. */
  async ask<Reply extends { readonly id: number }>(message: object, transferList?: readonly TransferListItem[]): Promise<Reply> {
    // A worker at hand gets the job before this returns: the caller's thread may stay busy for a while.
    const worker = this.takeNow() ?? (await this.take());
    let reply: Reply;
    try {
      reply = await ask<Reply>(worker, { ...message, id: this.next++ }, transferList);
    } catch (error) {
      // A worker that failed (it is ending, its 'exit' still to come) takes no other job.
      this.drop(worker);
      throw error;
    }
    this.give(worker);
    return reply;
  }

  /** Ends every worker of the pool; a later job starts new ones. */
  async close(): Promise<void> {
    const all = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(all.map((worker) => worker.terminate()));
  }

  /** An idle worker, or a new one while there are fewer than `size`; it keeps the process alive while it works. */
  private takeNow(): Worker | undefined {
    const ready = this.idle.pop();
    if (ready) {
      ready.ref();
      return ready;
    }
    if (this.all.size >= Math.max(1, this.size)) return undefined;
    const worker = startWorker(this.name, this.base);
    this.all.add(worker);
    // A worker that ended is not given out again.
    worker.once("exit", () => this.drop(worker));
    return worker;
  }

  private drop(worker: Worker): void {
    if (!this.all.delete(worker)) return;
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    void worker.terminate();
    this.waiting.shift()?.();
  }

  private async take(): Promise<Worker> {
    for (;;) {
      const worker = this.takeNow();
      if (worker) return worker;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private give(worker: Worker): void {
    if (!this.all.has(worker)) return;
    worker.unref();
    this.idle.push(worker);
    this.waiting.shift()?.();
  }
}
