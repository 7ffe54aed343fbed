/**
 * decap-server as `pressroom edit` runs it: a child process that listens on
 * a Unix socket in a folder only this user may open (0700), never on a TCP
 * port. No browser can send it anything; the preview's editor API
 * (editor-api.ts) is its only caller, after its checks.
 *
 * It is decap-server's own request handling (its `registerLocalGit` /
 * `registerLocalFs`, the same code its command runs), so saving works as
 * Decap expects. It reads no `.env` file (only decap-server's command does).
 *
 * Started by edit.ts with an IPC channel: it says when it listens, and it
 * stops when the channel closes, which is when pressroom ends, however it
 * ends (Ctrl+C, SIGTERM, a crash, even SIGKILL).
 *
 * Environment: PRESSROOM_EDITOR_SOCKET (the socket's path), MODE (git or
 * fs), GIT_REPO_DIRECTORY (the folder it works in), LOG_LEVEL.
 */
import { rmdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

interface App {
  listen(path: string, listening: () => void): Server;
}
interface Middlewares {
  registerLocalGit(app: App, options: { logLevel?: string }): Promise<void>;
  registerLocalFs(app: App, options: { logLevel?: string }): Promise<void>;
}

const socket = process.env.PRESSROOM_EDITOR_SOCKET;
/** Tells pressroom edit how starting went; resolves once the message is on its way. */
const send = (message: { listening: true } | { failed: string }): Promise<void> =>
  new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));

/** Removes the socket and its folder (only if empty: nothing else of anyone's is touched). */
function cleanUp(): void {
  // A named pipe (Windows) goes with the process.
  if (socket === undefined || process.platform === "win32") return;
  rmSync(socket, { force: true });
  try {
    rmdirSync(path.dirname(socket));
  } catch {
    // Not empty, or gone already.
  }
}

function stop(): never {
  cleanUp();
  process.exit(0);
}

if (socket === undefined || !process.connected) {
  process.stderr.write("editor-backend: started by pressroom edit only\n");
  process.exit(2);
}
// The channel closes when pressroom ends, whichever way: decap-server ends with it.
process.on("disconnect", stop);
process.on("SIGTERM", stop);
// Ctrl+C reaches the whole process group: pressroom edit stops first and this goes with it, not before.
process.on("SIGINT", () => undefined);
// decap-server moves a renamed release's files without waiting for it: a failure there is one failed save, not the end.
process.on("unhandledRejection", (error) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
});

try {
  const require = createRequire(import.meta.url);
  const entry = require.resolve("decap-server/dist/middlewares.js");
  // express is decap-server's own dependency: the app is made by the copy its middlewares are written for.
  const express = createRequire(entry)("express") as () => App;
  const { registerLocalGit, registerLocalFs } = require(entry) as Middlewares;
  const app = express();
  await (process.env.MODE === "git" ? registerLocalGit : registerLocalFs)(app, { logLevel: process.env.LOG_LEVEL ?? "info" });
  const server = app.listen(socket, () => void send({ listening: true }));
  server.on("error", (error) => void fail(error));
} catch (error) {
  await fail(error);
}

async function fail(error: unknown): Promise<never> {
  await send({ failed: error instanceof Error ? error.message : String(error) });
  cleanUp();
  process.exit(1);
}
