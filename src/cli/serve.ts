/**
 * `pressroom serve`: the local preview. It builds every release — drafts and
 * embargoed ones too, each under a banner — into a folder of its own (a
 * preview is never deployed), serves it on 127.0.0.1, rebuilds on every
 * change and reloads the open page. A content error shows in the browser
 * until the file is fixed.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import chokidar from "chokidar";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { build, BuildFailed } from "../build.ts";
import { LAYOUTS_DIR } from "../eleventy/layouts.ts";
import { UsageError } from "../errors/usage.ts";
import { defaults as cacheDefaults } from "../media/cache.ts";
import type { Problem } from "../errors/problem.ts";
import { parse, USAGE } from "./args.ts";
import { printProblems } from "./report.ts";
import { errorPage } from "./error-page.ts";

export interface ServeExtra {
  /** decap-server's address: the preview also builds the browser editor against it (`pressroom edit`). */
  readonly localEditor?: string;
}

const LOOPBACK = "127.0.0.1";

export async function serveCommand(args: string[], extra: ServeExtra = {}): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    out: { type: "string" },
    port: { type: "string", default: "8080" },
    host: { type: "string", default: LOOPBACK },
    now: { type: "string" },
    cache: { type: "string" },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port "${values.port}" is not a port number`);
  const cacheDir = values.cache ?? cacheDefaults.dir;
  const options = {
    contentDir: values.content!,
    // Not dist: a preview must never sit where a real build is deployed from.
    outDir: values.out ?? path.join(cacheDir, "preview"),
    preview: true,
    cacheDir,
    ...(values.now !== undefined && { now: values.now }),
    ...(extra.localEditor && { localEditor: extra.localEditor }),
  };

  // The problems of the last build, while it failed: every page shows them until a build succeeds.
  let failed: { problems: readonly Problem[]; sources: ReadonlyMap<string, string> } | undefined;
  const rebuild = async (): Promise<void> => {
    try {
      const result = await build(options);
      failed = undefined;
      process.stdout.write(`Built ${result.releases} releases (${result.pages} pages).\n`);
    } catch (error) {
      if (!(error instanceof BuildFailed)) throw error;
      failed = { problems: error.problems, sources: error.sources };
      printProblems(error.problems, error.sources, false);
      process.stdout.write("The preview shows these problems until they are fixed.\n");
    }
  };

  await rebuild();
  const showProblems = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const wantsPage = (req.headers.accept ?? "").includes("text/html") || /\/$|\.html$/.test((req.url ?? "").split("?")[0]!);
    const where = (req.url ?? "").split("?")[0]!;
    // The editor's page is sent as it is: with the reload script in it, each rebuild (and every save of the
    // editor changes the content) would reload it and lose what is being typed. It stays usable while the
    // content has problems: it is how they get fixed.
    if (where.endsWith("/admin/") || where.endsWith("/admin/index.html")) {
      readFile(path.join(path.resolve(options.outDir), "admin", "index.html")).then(
        (page) => {
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
          res.end(page);
        },
        () => next(),
      );
      return;
    }
    if (!failed || !wantsPage) return next();
    res.writeHead(500, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(errorPage(failed.problems, failed.sources, { contentDir: options.contentDir }));
  };
  const server = EleventyDevServer.getServer("pressroom", path.resolve(options.outDir), {
    liveReload: true,
    domDiff: false,
    showVersion: false,
    middleware: [showProblems],
    // Its own announcement would name every address of the machine.
    messageOnStart: () => "",
  });
  // The dev server listens on every interface; the preview shows drafts, so it listens on one address only.
  const host = values.host!;
  (server as unknown as { _serverListen: (port: number) => void })._serverListen = (p: number) => {
    server.server.listen({ port: p, host });
  };
  server.serve(port);
  const actual = await new Promise<number>((resolve, reject) => {
    server.server.once("listening", () => resolve((server.server.address() as { port: number }).port));
    server.server.once("error", reject);
  });
  const shown = host.includes(":") ? `[${host}]` : host;
  const url = `http://${shown}:${actual}/`;
  process.stdout.write(`Preview at ${url} (drafts and embargoed releases shown, with a banner). Press Ctrl+C to stop.\n`);
  if (host !== LOOPBACK && host !== "localhost" && host !== "::1") {
    process.stdout.write(`Warning: --host ${host} opens the preview, drafts and embargoed releases included, to other computers on the network.\n`);
  }

  // One rebuild at a time; changes during a rebuild start one more afterwards.
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild()
      .then(() => server.reload({}))
      // The preview keeps running whatever happens in one rebuild.
      .catch((error: unknown) => {
        // Most often a file vanished while it was read (an editor or git switching branches): the next change rebuilds.
        process.stderr.write(`pressroom: the rebuild failed, the preview waits for the next change: ${String(error)}\n`);
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(run, 100);
  };
  // chokidar follows a file an editor replaces (safe save, sed -i), which Node's recursive fs.watch loses.
  // Hidden files and folders (an editor's swap files, a media cache in the content folder) change nothing.
  const watcher = chokidar.watch([path.resolve(options.contentDir), LAYOUTS_DIR], {
    ignoreInitial: true,
    ignored: (file: string) => path.basename(file).startsWith("."),
  });
  watcher.on("all", changed);
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  process.stdout.write(`Watching ${options.contentDir} for changes.\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await watcher.close();
  clearTimeout(timer);
  await running;
  await server.close();
  return 0;
}
