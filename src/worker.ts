/**
 * Worker threads of pressroom's own modules. A worker does not take its
 * parent's module hooks: when pressroom runs from its TypeScript source
 * through tsx (tests, scripts), the worker registers tsx's hooks before it
 * loads the module; the compiled code (lib/) loads it as it is.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type TransferListItem } from "node:worker_threads";

/** Starts the module `name` (without extension) of the folder of `base` (an `import.meta.url`) in a worker thread, with `workerData` (and the ports of `transferList` in it). */
export function startWorker(name: string, base: string, workerData?: unknown, transferList?: readonly TransferListItem[]): Worker {
  const extension = path.extname(fileURLToPath(base));
  const module = new URL(`./${name}${extension}`, base);
  const options = { workerData, ...(transferList && { transferList: [...transferList] }) };
  if (extension !== ".ts") return new Worker(module, options);
  return new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`, { eval: true, ...options });
}

/** Posts `message` to `worker` and resolves with the worker's reply of the same `id`; rejects when the worker fails. */
export function ask<Reply extends { readonly id: number }>(worker: Worker, message: { readonly id: number }): Promise<Reply> {
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
    const done = (): void => {
      worker.off("message", onMessage);
      worker.off("error", onError);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.postMessage(message);
  });
}
