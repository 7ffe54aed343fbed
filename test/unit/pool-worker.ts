/** A worker for test/unit/worker-pool.test.ts: answers with its thread's id, after `wait` ms; fails when asked to. */
import { parentPort, threadId } from "node:worker_threads";

export interface PoolJob {
  readonly id: number;
  readonly wait?: number;
  readonly fail?: boolean;
}

parentPort!.on("message", (job: PoolJob) => {
  if (job.fail) throw new Error("failed as the test asked");
  setTimeout(() => parentPort!.postMessage({ id: job.id, thread: threadId }), job.wait ?? 0);
});
