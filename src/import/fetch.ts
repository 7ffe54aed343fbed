/**
 * Fetching for `pressroom import`: only from the old site's own host, one
 * request at a time with a pause between them, redirects followed only on
 * that host, and every failure said as a reason, never thrown. A saved file
 * (file://) is read from disk the same way.
 */
import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_MEDIA_BYTES } from "../media/probe.ts";

export interface FetchOptions {
  /** Pause between two requests to the old site, in milliseconds: a polite rate. */
  readonly delayMs: number;
  readonly timeoutMs: number;
  /** Larger answers are refused, as the build refuses larger media. */
  readonly maxBytes: number;
  readonly redirects: number;
}

export const defaults = { delayMs: 250, timeoutMs: 30_000, maxBytes: MAX_MEDIA_BYTES, redirects: 5 } satisfies FetchOptions;

export type Fetched = { readonly ok: true; readonly bytes: Buffer; readonly type: string; readonly url: string } | { readonly ok: false; readonly reason: string };

const USER_AGENT = "pressroom-import (moving a press archive; one request at a time)";

/** The same host and port (http and https alike): the old site, and nowhere else. */
export function sameSite(address: string, origin: string | undefined): boolean {
  if (origin === undefined) return false;
  try {
    const a = new URL(address);
    const b = new URL(origin);
    return (a.protocol === "http:" || a.protocol === "https:") && a.hostname === b.hostname && a.port === b.port;
  } catch {
    return false;
  }
}

const reasonOf = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  if ((error as Error)?.name === "TimeoutError") return "no answer in time";
  if (cause === "ECONNREFUSED") return "the server refused the connection";
  if (cause === "ENOTFOUND" || cause === "EAI_AGAIN") return "the host name is unknown";
  if (cause === "ENOENT") return "there is no such file";
  if (cause === "EISDIR") return "it is a folder";
  return cause ?? (error as Error)?.message ?? String(error);
};

export class Fetcher {
  private last = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** How many requests went to the old site. */
  requests = 0;

  constructor(
    /** The old site's origin; undefined: nothing on the web may be fetched. */
    readonly origin: string | undefined,
    /** The folder a saved source lies in: its own files (and no other) may be read. */
    private readonly localRoot: string | undefined,
    private readonly options: FetchOptions = defaults,
  ) {}

  /** An address of the old site (or a saved file), its bytes or why not. Requests wait for each other. */
  get(address: string): Promise<Fetched> {
    const run = this.queue.then(() => this.fetchNow(address));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async fetchNow(address: string): Promise<Fetched> {
    if (address.startsWith("file:")) return this.readLocal(address);
    let url = address;
    for (let hop = 0; hop <= this.options.redirects; hop++) {
      if (!sameSite(url, this.origin)) return { ok: false, reason: `it is not on ${this.origin === undefined ? "the old site" : new URL(this.origin).host}` };
      // The pause counts from the end of the last answer: the old site rests that long between two requests.
      const wait = this.last + this.options.delayMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.requests++;
      let response: Response;
      try {
        response = await fetch(url, { redirect: "manual", headers: { "user-agent": USER_AGENT }, signal: AbortSignal.timeout(this.options.timeoutMs) });
      } catch (error) {
        this.last = Date.now();
        return { ok: false, reason: reasonOf(error) };
      }
      const answered = await this.answer(response, url);
      this.last = Date.now();
      if (answered !== "redirect") return answered;
      url = new URL(response.headers.get("location")!, url).href;
    }
    return { ok: false, reason: "it redirects too often" };
  }

  /** What an answer holds: its bytes, why it is no use, or a redirect to follow. */
  private async answer(response: Response, url: string): Promise<Fetched | "redirect"> {
    if (response.status >= 300 && response.status < 400 && response.headers.get("location")) {
      await response.body?.cancel();
      return "redirect";
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, reason: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}` };
    }
    if (Number(response.headers.get("content-length") ?? "0") > this.options.maxBytes) {
      await response.body?.cancel();
      return this.tooLarge();
    }
    try {
      const bytes = Buffer.from(await response.arrayBuffer());
      return bytes.length > this.options.maxBytes ? this.tooLarge() : { ok: true, bytes, type: response.headers.get("content-type") ?? "", url };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  }

  private tooLarge(): Fetched {
    return { ok: false, reason: `it has more than ${Math.round(this.options.maxBytes / 1024 / 1024)} MB` };
  }

  private async readLocal(address: string): Promise<Fetched> {
    try {
      const file = await realpath(fileURLToPath(address));
      if (this.localRoot === undefined || !file.startsWith(path.join(await realpath(this.localRoot), path.sep))) {
        return { ok: false, reason: "it is not in the folder of the source" };
      }
      const bytes = await readFile(file);
      return bytes.length > this.options.maxBytes ? this.tooLarge() : { ok: true, bytes, type: "", url: address };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  }
}
