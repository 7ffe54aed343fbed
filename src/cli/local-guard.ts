/**
 * The front of the local servers (`serve`, `edit`): every request and every
 * live-reload connection is checked here before the dev server or the
 * editor sees it.
 *
 * A page on any website can make the browser send requests to 127.0.0.1,
 * and with DNS rebinding (a name of the attacker's that first points at its
 * own server, then at 127.0.0.1) it can even read the answers: the browser
 * takes them for the attacker's own site. The one thing such a request
 * cannot hide is the name it was sent to, the `Host` header. So the servers
 * answer only to their own names; anything else gets 403 before any route.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { isIP } from "node:net";
import { hostname, networkInterfaces } from "node:os";
import type { Duplex } from "node:stream";

/** Why a request was turned away: each is reported once on the terminal (refusals.ts). */
export type RefusalReason = "host" | "origin" | "content-type" | "token" | "action" | "path" | "branch" | "request";

/** A name as it appears in a Host header: IPv6 addresses in brackets, lower case. */
const asHostName = (name: string): string => {
  const bare = name.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return isIP(bare) === 6 ? `[${bare}]` : bare;
};

/** Addresses that mean "every interface": the names other computers use are those of the machine. */
const isWildcard = (host: string): boolean => host === "0.0.0.0" || host === "::" || host === "[::]";

/**
 * The Host header values the servers answer to on `port`: 127.0.0.1,
 * localhost and [::1] always, and the address the user chose on purpose
 * with `--host` (for an address of every interface, the machine's own
 * addresses and name). A browser leaves out the port only when it is 80.
 */
export function ownHosts(port: number, host?: string): ReadonlySet<string> {
  const names = new Set(["127.0.0.1", "localhost", "[::1]"]);
  if (host !== undefined) {
    if (isWildcard(host)) {
      for (const address of Object.values(networkInterfaces()).flatMap((list) => list ?? [])) names.add(asHostName(address.address.split("%")[0]!));
      names.add(asHostName(hostname()));
    } else names.add(asHostName(host));
  }
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

/** Whether a Host header names this server (the comparison ignores case, as DNS does). */
export const isOwnHost = (header: string | undefined, hosts: ReadonlySet<string>): boolean =>
  header !== undefined && hosts.has(header.trim().toLowerCase());

/**
 * Whether a request target is a plain path a file can be looked up by:
 * it starts with "/", its %-escapes decode, and decoded it holds no control
 * character, no backslash and no "." or ".." segment. Anything else
 * (`/%`, `/%00`, `/..%2f..%2fx`, `http://other/`) is a malformed request.
 */
export function isWellFormedPath(target: string | undefined): boolean {
  if (target === undefined || !target.startsWith("/") || target.startsWith("//")) return false;
  const pathname = target.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return false;
  return !decoded.split("/").some((segment) => segment === "." || segment === "..");
}

/** Whether a browser's `Origin` is the server's own, as named in the (already checked) Host header. */
export const isOwnOrigin = (origin: string | undefined, host: string | undefined): boolean =>
  origin !== undefined && host !== undefined && origin.toLowerCase() === `http://${host.trim().toLowerCase()}`;

/** Whether a request says its body is JSON (`application/json`, with or without a charset). */
export const isJson = (contentType: string | undefined): boolean => contentType?.split(";", 1)[0]!.trim().toLowerCase() === "application/json";

/** The value of one cookie of a `Cookie` header, or undefined. */
export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** Compares a token in constant time, so its value cannot be found out one character at a time. */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface GuardOptions {
  /** The Host values of this server; asked on every request (the port is known once it listens). */
  readonly hosts: () => ReadonlySet<string>;
  /** Called with each refusal, for the terminal. */
  readonly refused: (reason: RefusalReason, detail: string) => void;
  /** Requests the front answers itself (the editor's API); true when it did. */
  readonly route?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

/** A short JSON refusal: the status and a message the editor can show. */
export function refuse(res: ServerResponse, status: number, error: string): void {
  const body = JSON.stringify({ error });
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
  res.end(body);
}

/**
 * Puts the checks in front of every handler of `server`: its requests and
 * its WebSocket upgrades (the dev server's live reload). Call it before the
 * server listens for the requests, and again once it listens: the dev
 * server attaches its WebSocket handler only then.
 */
export function guardRequests(server: Server, options: GuardOptions): void {
  const handlers = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => unknown)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (!isOwnHost(req.headers.host, options.hosts())) {
      options.refused("host", req.headers.host ?? "");
      return refuse(res, 403, "This server answers only to its own name (127.0.0.1, localhost).");
    }
    if (!isWellFormedPath(req.url)) return refuse(res, 400, "Malformed path.");
    if (options.route?.(req, res)) return;
    for (const handler of handlers) {
      // The dev server's handler is async: whatever it throws must not stop the preview.
      Promise.resolve()
        .then(() => handler.call(server, req, res))
        .catch((error: unknown) => {
          process.stderr.write(`pressroom: ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}\n`);
          if (!res.headersSent) refuse(res, 500, "Internal error.");
          else res.destroy();
        });
    }
  });
}

/** Guards the WebSocket upgrades attached so far (the live-reload channel): own Host, and a browser's Origin our own. */
export function guardUpgrades(server: Server, options: GuardOptions): void {
  const handlers = server.listeners("upgrade") as ((req: IncomingMessage, socket: Duplex, head: Buffer) => unknown)[];
  server.removeAllListeners("upgrade");
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const host = req.headers.host;
    const origin = req.headers.origin;
    // A browser always sends its page's Origin with a WebSocket: another website's page is refused even under our name.
    const reason: RefusalReason | undefined = !isOwnHost(host, options.hosts())
      ? "host"
      : origin !== undefined && !isOwnOrigin(origin, host)
        ? "origin"
        : !isWellFormedPath(req.url)
          ? "request"
          : undefined;
    if (reason !== undefined) {
      options.refused(reason, reason === "origin" ? origin! : (host ?? ""));
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    for (const handler of handlers) handler.call(server, req, socket, head);
  });
}
