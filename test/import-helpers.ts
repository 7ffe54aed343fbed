/**
 * What the import tests share. The old site, on 127.0.0.1: serves a fixture folder,
 * with __ORIGIN__ in its text files replaced by the server's own address
 * (and the pages of a list, ?page=N, served from name@N.json),
 * answers 404 for what is not there (or is listed in `missing`), and keeps a
 * log of every request.
 */
import { execFile } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { fixture, ROOT } from "./helpers.ts";

export interface OldSite {
  readonly origin: string;
  /** Paths asked for, in order. */
  readonly requests: string[];
  /** When each request came (performance.now()), in the same order. */
  readonly times: number[];
  /** Paths to answer with 404 although the file is there. */
  readonly missing: Set<string>;
  /** Text replacements of served files: path → [from, to]. */
  readonly edits: Map<string, [string, string]>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { ".json": "application/json", ".xml": "application/xml", ".html": "text/html; charset=utf-8", ".jpg": "image/jpeg", ".png": "image/png", ".pdf": "application/pdf", ".mp3": "audio/mpeg" };

export async function startOldSite(folder: string): Promise<OldSite> {
  const requests: string[] = [];
  const times: number[] = [];
  const missing = new Set<string>();
  const edits = new Map<string, [string, string]>();
  let origin = "";
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", origin);
    requests.push(url.pathname);
    times.push(performance.now());
    // A list's pages (WordPress's ?page=2) are the files name@2.json.
    const page = url.searchParams.get("page");
    const file = path.join(folder, decodeURIComponent(url.pathname) + (page === null ? "" : `@${page}.json`));
    if (missing.has(url.pathname) || !file.startsWith(folder + path.sep)) {
      response.writeHead(404).end("not found");
      return;
    }
    try {
      let bytes: Buffer = await readFile(file);
      const extension = path.extname(file);
      if (extension === ".xml" || extension === ".html" || extension === ".json") {
        let text = bytes.toString("utf8").replaceAll("__ORIGIN__", origin);
        const edit = edits.get(url.pathname);
        if (edit) text = text.replace(edit[0], edit[1]);
        bytes = Buffer.from(text);
      }
      response.writeHead(200, { "content-type": TYPES[extension] ?? "application/octet-stream", "content-length": bytes.length }).end(bytes);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, times, missing, edits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * `pressroom ARGS`, without blocking this process: the old site answers from here. An import asks the
 * old site without a pause (--delay 0) unless the arguments name one: test/import.test.ts tests the pause.
 */
export function cli(args: string[]): Promise<{ readonly status: number; readonly stdout: string; readonly stderr: string }> {
  return new Promise((resolve) => {
    const paced = args[0] === "import" && !args.includes("--delay") ? [...args, "--delay", "0"] : args;
    execFile(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), ...paced], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A copy of test/fixtures/import-site to import into. */
export function importSite(scratch: () => string): string {
  const dir = path.join(scratch(), "content");
  cpSync(fixture("import-site"), dir, { recursive: true });
  return dir;
}

/** A release file's front matter (read with YAML's core types) and body. */
export function releaseAt(content: string, file: string): { data: Record<string, unknown>; body: string } {
  const [, front, body] = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(readFileSync(path.join(content, file), "utf8"))!;
  return { data: parseYaml(front!) as Record<string, unknown>, body: body! };
}

/** As the import's report asks (import-no-contact): the Grünflächenamt of test/fixtures/import-site gets a default contact. */
export function giveContact(content: string): void {
  const file = path.join(content, "departments.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("  name: Grünflächenamt\n", "  name: Grünflächenamt\n  contact: jaskowiak\n"));
}
