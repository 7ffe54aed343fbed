/** The preview's side of its build worker (preview-worker.ts): one build at a time, asked for and answered by message. */
import type { Worker } from "node:worker_threads";
import { BuildFailed } from "../build.ts";
import { UsageError } from "../errors/usage.ts";
import { ask, startWorker } from "../worker.ts";
import type { BuildReply, BuildRequest, PlainBuildOptions } from "./preview-worker.ts";

export type Built = Extract<BuildReply, { kind: "built" }>;

export class PreviewBuilds {
  private worker: Worker | undefined;
  private next = 0;

  /** Builds with `options` in the worker; throws BuildFailed for problems of the content, as `build` does. */
  async build(options: PlainBuildOptions): Promise<Built> {
    const worker = (this.worker ??= startWorker("preview-worker", import.meta.url));
    const id = this.next++;
    const request: BuildRequest = { id, options };
    const reply = await ask<BuildReply>(worker, request).catch((error: unknown) => {
      // A worker that failed is started anew for the next build.
      this.worker = undefined;
      throw error;
    });
    if (reply.kind === "built") return reply;
    if (reply.kind === "failed") throw new BuildFailed(reply.problems, reply.sources);
    const error = reply.name === "UsageError" ? new UsageError(reply.message.split("\n")[0]!.replace(/^UsageError: /, "")) : new Error(reply.message);
    throw error;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
