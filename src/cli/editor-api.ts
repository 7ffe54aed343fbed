/**
 * The editor's API on the preview's own address, `/admin/api/v1`: the only
 * way to decap-server, which listens on no port at all (editor-backend.ts).
 *
 * A request is passed on only when all of these hold:
 * - it comes from the editor's page this `pressroom edit` served: the
 *   session's cookie, made anew for each run, which the page received with
 *   `HttpOnly` (no script reads it) and `SameSite=Strict` (the browser never
 *   sends it with a request another website starts);
 * - its `Origin` is the preview's own (the browser sets it; no page can);
 * - it is JSON (`Content-Type: application/json`, which a page of another
 *   origin can only send after asking permission, which it never gets);
 * - what it asks is something the editor needs (editor-rules.ts), for paths
 *   inside the releases folder, not led out of it by a link on disk.
 * The Host header was checked before (local-guard.ts).
 */
import { randomBytes } from "node:crypto";
import { lstat, realpath } from "node:fs/promises";
import { request, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import type { Language } from "../i18n/strings.ts";
import type { LocalEditorTarget } from "../outputs/admin.ts";
import { judge, type EditorRules } from "./editor-rules.ts";
import { cookieOf, isJson, isOwnOrigin, refuse, sameToken, type RefusalReason } from "./local-guard.ts";
import { refusalText } from "./refusals.ts";

/** Where the editor's page sends its requests: the preview's own origin, whatever name the browser used for it. */
export const API_PATH = "/admin/api/v1";

/** What decap-server accepts in one request (a release with its photos, as base64), the same as its own limit. */
const MAX_BODY = 50 * 1024 * 1024;

export interface EditorApiOptions {
  readonly rules: EditorRules;
  /** The folder decap-server works in (its worktree of the repository; the content's folder outside git). */
  readonly root: string;
  /**
   * In git mode, decap-server's worktree (editor-worktree.ts): the branch it saves onto instead of the one
   * the page names, brought level with the officer's before each request and after each "Publish".
   */
  readonly worktree?: { readonly branch: string; sync(): Promise<void>; published(): Promise<void> };
  /** decap-server's Unix socket. */
  readonly socket: string;
  readonly language: () => Language;
  /** Called with each refusal, for the terminal. */
  readonly refused: (reason: RefusalReason, detail: string) => void;
}

/** The editor's side of the preview: its page's headers and its API. */
export interface LocalEditor {
  /** What the editor's page is built for: this API's path, the branch, the workflow. */
  readonly target: LocalEditorTarget;
  /** The headers the editor's page is sent with: the session's cookie, and no framing. */
  pageHeaders(host: string | undefined): Record<string, string>;
  /** Answers a request to `target.url`. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** The session cookie's name: one per port, so two previews on one computer keep theirs apart (cookies ignore ports). */
const cookieName = (host: string | undefined): string => `pressroom-editor-${/:(\d+)$/.exec(host ?? "")?.[1] ?? "80"}`;

export function editorApi(options: EditorApiOptions): LocalEditor {
  // 256 random bits, never written anywhere but into the cookie of the editor's page.
  const token = randomBytes(32).toString("base64url");
  // One request at a time, with the branches levelled in between: never while decap-server has a branch checked out.
  let queue: Promise<unknown> = Promise.resolve();
  const no = (res: ServerResponse, reason: RefusalReason, detail: string, status = 403): void => {
    options.refused(reason, detail);
    refuse(res, status, refusalText(options.language(), reason, detail));
  };
  return {
    target: { url: API_PATH, branch: options.rules.branch, workflow: options.rules.mode === "git" },
    pageHeaders: (host) => ({
      "Set-Cookie": `${cookieName(host)}=${token}; Path=/admin/; HttpOnly; SameSite=Strict`,
      // Never inside another site's frame, where a press officer could be led to click "Publish".
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": "frame-ancestors 'none'",
    }),
    handle(req, res) {
      if (req.method !== "POST") return no(res, "request", `${req.method} ${API_PATH}`, 405);
      if (!isOwnOrigin(req.headers.origin, req.headers.host)) return no(res, "origin", req.headers.origin ?? "no Origin");
      if (!isJson(req.headers["content-type"])) return no(res, "content-type", req.headers["content-type"] ?? "no Content-Type");
      if (!sameToken(cookieOf(req.headers.cookie, cookieName(req.headers.host)), token)) return no(res, "token", "");
      void readJson(req).then(
        async (body) => {
          if (body === undefined) return no(res, "request", "not JSON", 400);
          if (body === tooLarge) return no(res, "request", `more than ${MAX_BODY} bytes`, 413);
          const verdict = judge(body, options.rules);
          if (!verdict.ok) return no(res, verdict.reason, verdict.detail);
          const worktree = options.worktree;
          /** The links on disk checked and the request passed on, with the folder at rest (in its turn, in git mode). */
          const pass = async (): Promise<void> => {
            for (const file of verdict.paths) {
              if (await leadsOut(options.root, options.rules.releases, file)) return no(res, "path", file);
            }
            if (worktree === undefined) return void (await forward(options.socket, body, res));
            await worktree.sync().catch(() => undefined);
            const status = await forward(options.socket, onBranch(body, worktree.branch), res);
            if (status === 200 && (body as { action: string }).action === "publishUnpublishedEntry") await worktree.published().catch(() => undefined);
          };
          if (worktree === undefined) return pass();
          // A request that failed on the way ends its own answer, not the queue.
          queue = queue.then(pass).catch(() => res.destroy());
        },
        () => res.destroy(),
      );
    },
  };
}

const tooLarge = Symbol("too large");

/** The request's body as JSON: undefined when it is not JSON, `tooLarge` beyond the limit. */
function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(tooLarge);
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        resolve(undefined);
      }
    });
    req.on("error", reject);
  });
}

/**
 * Whether a path of the releases folder leads out of it on disk: a folder or
 * file on the way that is a link to somewhere else. What does not exist yet
 * is made by decap-server as a plain folder or file.
 */
async function leadsOut(root: string, releases: string, file: string): Promise<boolean> {
  const base = path.join(root, ...releases.split("/"));
  let realBase: string;
  try {
    realBase = await realpath(base);
  } catch {
    return false; // no releases folder yet: nothing on disk to follow
  }
  for (let at = path.join(root, ...file.split("/")); at.length > base.length; at = path.dirname(at)) {
    try {
      await lstat(at);
    } catch {
      continue; // not there yet
    }
    try {
      const real = await realpath(at);
      return real !== realBase && !real.startsWith(`${realBase}${path.sep}`);
    } catch {
      return true; // a link to nowhere: writing through it would make its target
    }
  }
  return false;
}

/** The request with decap-server's branch in place of the one the page names (which the rules checked). */
function onBranch(body: unknown, branch: string): unknown {
  const { params } = body as { params?: Record<string, unknown> };
  return params === undefined ? body : { ...(body as object), params: { ...params, branch } };
}

/**
 * Passes the checked request to decap-server: the JSON as it was judged
 * (written anew, so decap-server reads exactly what was checked), its answer
 * back as JSON. Resolves with the answer's status once it is passed on.
 */
function forward(socket: string, body: unknown, res: ServerResponse): Promise<number> {
  const text = JSON.stringify(body);
  return new Promise((resolve) => {
    const upstream = request(
      { socketPath: socket, method: "POST", path: "/api/v1", headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          "Content-Type": "application/json; charset=utf-8",
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        });
        answer.pipe(res);
        // Should the page go away meanwhile, the answer is still read to its end: the next request waits for this one.
        res.once("close", () => answer.resume());
        answer.once("close", () => resolve(answer.statusCode ?? 502));
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) refuse(res, 502, "The editor's server (decap-server) is not running.");
      else res.destroy();
      resolve(502);
    });
    upstream.end(text);
  });
}
