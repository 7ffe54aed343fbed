/**
 * The pool of worker threads that builds take their search index and output scan workers from
 * (src/worker.ts): a worker is kept for the next job, no more than the pool's size work at once,
 * a worker that failed is replaced, and idle workers let the process end.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { WorkerPool } from "../../src/worker.ts";
import { ROOT } from "../helpers.ts";

type Answer = { readonly id: number; readonly thread: number };

test("a worker done with its job takes the next one", async () => {
  const pool = new WorkerPool("pool-worker", import.meta.url, 2);
  try {
    const first = await pool.ask<Answer>({});
    const second = await pool.ask<Answer>({});
    assert.equal(second.thread, first.thread);
    assert.notEqual(second.id, first.id);
  } finally {
    await pool.close();
  }
});

test("no more workers than the pool's size at once; jobs beyond it wait for one", async () => {
  const pool = new WorkerPool("pool-worker", import.meta.url, 2);
  try {
    const answers = await Promise.all([0, 1, 2, 3, 4].map(() => pool.ask<Answer>({ wait: 50 })));
    assert.equal(new Set(answers.map((a) => a.thread)).size, 2);
    assert.equal(new Set(answers.map((a) => a.id)).size, 5);
  } finally {
    await pool.close();
  }
});

test("a job whose worker fails rejects with its error; the next job gets a new worker", async () => {
  const pool = new WorkerPool("pool-worker", import.meta.url, 1);
  try {
    const before = await pool.ask<Answer>({});
    await assert.rejects(pool.ask<Answer>({ fail: true }), /failed as the test asked/);
    const after = await pool.ask<Answer>({});
    assert.notEqual(after.thread, before.thread);
  } finally {
    await pool.close();
  }
});

test("idle workers do not keep the process alive", () => {
  const script = `
    import { WorkerPool } from ${JSON.stringify(new URL("../../src/worker.ts", import.meta.url).href)};
    const pool = new WorkerPool("pool-worker", ${JSON.stringify(import.meta.url)}, 2);
    const answers = await Promise.all([pool.ask({}), pool.ask({})]);
    console.log(answers.length);
  `;
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
  assert.equal(run.error, undefined, "the process did not end by itself");
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), "2");
});
