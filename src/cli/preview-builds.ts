/** The preview's side of its build worker (preview-worker.ts): one build at a time, asked for and answered by message. */
import { BuildFailed } from "../build.ts";
import { UsageError } from "../errors/usage.ts";
import { WorkerPool } from "../worker.ts";
import type { BuildReply, BuildRequest, PlainBuildOptions } from "./preview-worker.ts";

export type Built = Extract<BuildReply, { kind: "built" }>;

export class PreviewBuilds {
  /** One worker, kept from build to build (what it keeps in memory is the point); one that failed is started anew for the next build. */
  private readonly worker = new WorkerPool("preview-worker", import.meta.url, 1);

  /** Builds with `options` in the worker; throws BuildFailed for problems of the content, as `build` does. */
  async build(options: PlainBuildOptions): Promise<Built> {
    const reply = await this.worker.ask<BuildReply>({ options } satisfies Omit<BuildRequest, "id">);
    if (reply.kind === "built") return reply;
    if (reply.kind === "failed") throw new BuildFailed(reply.problems, reply.sources);
    const error = reply.name === "UsageError" ? new UsageError(reply.message.split("\n")[0]!.replace(/^UsageError: /, "")) : new Error(reply.message);
    throw error;
  }

  async close(): Promise<void> {
    await this.worker.close();
  }
}
