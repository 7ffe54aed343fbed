/**
 * The old output folder as it was when the build started, read on a worker
 * thread (output-scan-worker.ts) while this one loads the content: what is
 * there (for the commit, which removes what the new build lacks) and each
 * file's identity (for the previous build's record, which keeps a file whose
 * inode, size and time are as it wrote them). Nothing the build does changes
 * either before the commit: it writes its files beside the old ones.
 *
 * The build asks about files synchronously, in the middle of work that does
 * not let a callback in (20,000 pages keyed in one loop): the answer is taken
 * from the worker's port then, without waiting for this thread to be free.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { ScanDone, ScanJob } from "./output-scan-worker.ts";
import { WorkerPool } from "./worker.ts";

/** Scans of two output folders at once at most (a build reads one; the tests build side by side). */
const scanners = new WorkerPool("output-scan-worker", import.meta.url, 2);

/** What the worker posts: full paths of every entry; the files (relative, with /) and their inode, size and time, three numbers each. */
export interface Scanned {
  readonly paths: readonly string[];
  readonly files: readonly string[];
  readonly facts: Float64Array;
}

/** A file's identity as the scan found it. */
export interface ScannedFacts {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  isFile(): boolean;
}

/** The scan has not answered yet: ask the file system. */
export const NOT_YET = Symbol("not scanned yet");

const isFile = (): boolean => true;

export class OutputScan {
  private facts: Map<string, ScannedFacts> | undefined;
  private paths: readonly string[] | undefined;
  private answer!: { resolve(): void; reject(error: Error): void };
  private readonly answered: Promise<void>;

  private constructor(
    root: string,
    private readonly port: MessagePort,
    theirs: MessagePort,
  ) {
    this.answered = new Promise((resolve, reject) => (this.answer = { resolve, reject }));
    this.answered.catch(() => undefined);
    port.once("message", (message: Scanned) => this.take(message));
    scanners.ask<ScanDone>({ root, port: theirs } satisfies Omit<ScanJob, "id">, [theirs]).then(
      (done) => {
        if ("error" in done) this.fail(new Error(done.error));
      },
      (error: Error) => this.fail(error),
    );
  }

  /** Starts reading `outDir`; nothing to read when it is not there. */
  static start(outDir: string): OutputScan | undefined {
    const root = path.resolve(outDir);
    if (!existsSync(root)) return undefined;
    const { port1, port2 } = new MessageChannel();
    return new OutputScan(root, port1, port2);
  }

  private take(message: Scanned): void {
    if (this.facts !== undefined) return;
    const facts = new Map<string, ScannedFacts>();
    message.files.forEach((file, i) => {
      facts.set(file, { ino: message.facts[3 * i]!, size: message.facts[3 * i + 1]!, mtimeMs: message.facts[3 * i + 2]!, isFile });
    });
    this.facts = facts;
    this.paths = message.paths;
    this.port.close();
    this.answer.resolve();
  }

  private fail(error: Error): void {
    if (this.facts !== undefined) return;
    const received = receiveMessageOnPort(this.port) as { message: Scanned } | undefined;
    if (received !== undefined) return this.take(received.message);
    this.port.close();
    this.answer.reject(error);
  }

  /** `file` (relative, with /) as the scan found it: undefined when no file was there, NOT_YET before the scan answered. */
  factsOf(file: string): ScannedFacts | undefined | typeof NOT_YET {
    if (this.facts === undefined) {
      const received = receiveMessageOnPort(this.port) as { message: Scanned } | undefined;
      if (received === undefined) return NOT_YET;
      this.take(received.message);
    }
    return this.facts!.get(file);
  }

  /** Every file and folder that was there, by full path. */
  async listing(): Promise<readonly string[]> {
    await this.answered;
    return this.paths!;
  }

  /** Lets go of a scan the build no longer needs (it failed before it asked); the walk ends on its own. */
  close(): void {
    if (this.facts !== undefined) return;
    this.port.close();
  }
}
