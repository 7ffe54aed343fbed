/**
 * `pressroom serve` as a child process, for the tests that watch what it does: its
 * terminal gathered as it comes, and a way to wait for what it says.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./helpers.ts";

/** Asks `probe` every 100 ms until it gives a value (an error it throws counts as no value yet); the preview works in the background. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, seconds = 90): Promise<T> {
  const end = Date.now() + seconds * 1000;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (last: ${String(last)})` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Serving {
  readonly child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output(): string;
  /** Its address, once it said it. */
  readonly base: string;
  /** Stops it and waits until it has ended. */
  stop(): Promise<void>;
}

/** Starts `pressroom serve` with `args` (the compiled command, as a user runs it) and waits until it says its address. */
export async function startServe(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; seconds?: number } = {}): Promise<Serving> {
  const child = spawn(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), "serve", ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const ended = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await ended;
  };
  try {
    // null: it ended without one.
    const base = await until("the preview's address", () => /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0] ?? (child.exitCode !== null ? null : undefined), options.seconds ?? 120);
    if (base === null) throw new Error(`serve ended: ${output}`);
    return { child, output: () => output, base, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
