/**
 * `pressroom edit`: the browser editor on this machine. Starts decap-server
 * (Decap CMS's local backend, bound to 127.0.0.1) on the git repository that
 * holds the content folder, and the preview with the editor built in, so a
 * press officer runs one command and opens one address.
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { gitRootOf } from "../outputs/admin.ts";
import { UsageError } from "../errors/usage.ts";
import { parse, USAGE } from "./args.ts";
import { serveCommand } from "./serve.ts";

const decapServerEntry = (): string => createRequire(import.meta.url).resolve("decap-server/dist/index.js");

function currentBranch(root: string): string {
  const result = spawnSync("git", ["symbolic-ref", "--short", "HEAD"], { cwd: root, encoding: "utf8" });
  return result.status === 0 && result.stdout.trim() !== "" ? result.stdout.trim() : "main";
}

export async function editCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    out: { type: "string" },
    port: { type: "string", default: "8080" },
    "editor-port": { type: "string", default: "8081" },
    now: { type: "string" },
    cache: { type: "string" },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const editorPort = Number(values["editor-port"]);
  if (!Number.isInteger(editorPort) || editorPort < 1 || editorPort > 65535) {
    throw new UsageError(`--editor-port "${values["editor-port"]}" is not a port number`);
  }
  const root = gitRootOf(values.content!);
  if (!root) {
    throw new UsageError(
      `${values.content} is not in a git repository. The editor saves each release as a git commit on a branch of its own ` +
        "and publishes by merging it, so it needs one: clone the press office's repository and run pressroom edit inside it.",
    );
  }
  const branch = currentBranch(root);
  // decap-server: MODE=git commits every save (the editorial workflow needs branches); 127.0.0.1 only.
  const decap = spawn(process.execPath, [decapServerEntry()], {
    env: { ...process.env, PORT: String(editorPort), BIND_HOST: "127.0.0.1", MODE: "git", GIT_REPO_DIRECTORY: root, LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  let stopping = false;
  decap.on("exit", (code) => {
    if (stopping) return;
    process.stderr.write(`pressroom: the editor's server (decap-server) stopped (exit code ${code}); saving in the browser no longer works. Is port ${editorPort} taken? Try --editor-port.\n`);
  });
  const serveArgs = ["--content", values.content!, "--port", values.port!];
  for (const name of ["out", "now", "cache"] as const) if (values[name] !== undefined) serveArgs.push(`--${name}`, values[name]!);
  try {
    return await serveCommand(serveArgs, {
      localEditor: { url: `http://127.0.0.1:${editorPort}/api/v1`, branch },
      onReady: (url) => {
        process.stdout.write(
          `\nEditor:  ${url}admin/\nPreview: ${url}\n` +
            `Releases are saved in ${path.relative(process.cwd(), root) || "."} as git commits on branches (cms/releases/…); "Veröffentlichen"/"Publish" merges them into ${branch}.\n\n`,
        );
      },
    });
  } finally {
    stopping = true;
    decap.kill();
  }
}
