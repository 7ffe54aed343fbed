/**
 * `pressroom serve`: the local preview. It builds every release — drafts and
 * embargoed ones too, each under a banner — into a folder of its own (a
 * preview is never deployed), serves it on 127.0.0.1, rebuilds on every
 * change and reloads the open page. A content error shows in the browser
 * until the file is fixed. It answers only to its own names, and a
 * malformed request gets 400 (local-guard.ts).
 */
import { readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isIP } from "node:net";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import chokidar from "chokidar";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { BuildFailed, type BuildOptions } from "../build.ts";
import { quickPages, rehearse, type PreviewState } from "../build/quick-page.ts";
import { LAYOUTS_DIR } from "../eleventy/layouts.ts";
import { reportLanguage } from "../errors/language.ts";
import { UsageError } from "../errors/usage.ts";
import { defaults as cacheDefaults, sha256 } from "../media/cache.ts";
import type { Problem } from "../errors/problem.ts";
import type { Language } from "../i18n/strings.ts";
import { parse, USAGE } from "./args.ts";
import { PreviewBuilds } from "./preview-builds.ts";
import { trace } from "./preview-trace.ts";
import type { LocalEditor } from "./editor-api.ts";
import { errorPage } from "./error-page.ts";
import { guardRequests, guardUpgrades, ownHosts, type GuardOptions } from "./local-guard.ts";
import { refusalReporter } from "./refusals.ts";
import { printProblems } from "./report.ts";

export interface ServeExtra {
  /** The browser editor (`pressroom edit`): built into admin/, its API answered at its path. */
  readonly editor?: LocalEditor;
}

const LOOPBACK = "127.0.0.1";

/** Files a page shows (its HTML, the style sheet, scripts, pictures), as opposed to feeds, data and the search index. */
const SHOWN = /\.(html|css|js|png|jpe?g|webp|avif|gif|svg|ico)$/i;
/** How long the writing must pause (no save) before the build after a quick-lane save starts, in ms. */
const BUILD_AFTER_TEXT = 1500;
/** A reload this soon after the one before may reach a page still loading: it is sent again this much later. */
const RELOAD_AGAIN_WITHIN = 1000;
const RELOAD_AGAIN_AFTER = 300;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What the preview says on the terminal, in the site's language. */
const TEXTS = {
  de: {
    built: (releases: number, pages: number) => `Vorschau gebaut: ${plural(releases, "Meldung", "Meldungen")}, ${plural(pages, "Seite", "Seiten")}.`,
    ready: (url: string) => `Vorschau unter ${url} – mit Entwürfen und Meldungen unter Sperrfrist, jeweils gekennzeichnet. Beenden mit Strg+C.`,
    network: (host: string) =>
      `Achtung: Mit --host ${host} ist die Vorschau für andere Rechner im Netz zu sehen, Entwürfe und Meldungen unter Sperrfrist eingeschlossen.`,
    watching: (dir: string) => `Änderungen in ${dir} bauen die Vorschau neu.`,
    problems: "Die Vorschau zeigt diese Fehler auch im Browser, bis die Datei korrigiert ist.",
    failed: (error: string) => `Die Vorschau ließ sich nicht neu bauen und wartet auf die nächste Änderung: ${error}`,
    portTaken: (port: number) => `Port ${port} ist schon belegt (läuft die Vorschau schon?): einen anderen wählen, etwa --port ${port === 65535 ? 8081 : port + 1}.`,
    noAddress: (host: string, code: string) => `Die Vorschau kann nicht unter ${host} erreichbar sein (${code}): --host braucht eine Adresse dieses Rechners.`,
  },
  en: {
    built: (releases: number, pages: number) => `Preview built: ${plural(releases, "release", "releases")}, ${plural(pages, "page", "pages")}.`,
    ready: (url: string) => `Preview at ${url} – drafts and embargoed releases included, each marked. Press Ctrl+C to stop.`,
    network: (host: string) => `Warning: with --host ${host} other computers on the network see the preview, drafts and embargoed releases included.`,
    watching: (dir: string) => `Changes in ${dir} rebuild the preview.`,
    problems: "The preview shows these problems in the browser too, until the file is fixed.",
    failed: (error: string) => `The preview could not be rebuilt and waits for the next change: ${error}`,
    portTaken: (port: number) => `Port ${port} is in use (is a preview running already?): choose another, e.g. --port ${port === 65535 ? 8081 : port + 1}.`,
    noAddress: (host: string, code: string) => `The preview cannot listen on ${host} (${code}): --host needs an address of this computer.`,
  },
} as const;

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Addresses that only this computer reaches: 127.0.0.0/8, ::1 and localhost. */
const isLoopback = (host: string): boolean => host === "localhost" || host === "::1" || (isIP(host) === 4 && host.startsWith("127."));

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
  const port = /^\d+$/.test(values.port!) ? Number(values.port) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port "${values.port}" is not a port number (0 to 65535; 0 picks a free one)`);
  const host = values.host!;
  const contentDir = values.content!;
  const cacheDir = values.cache ?? cacheDefaults.dir;
  const options: BuildOptions = {
    contentDir,
    // Not dist: a preview must never sit where a real build is deployed from.
    outDir: values.out ?? path.join(cacheDir, "preview"),
    preview: true,
    cacheDir,
    ...(values.now !== undefined && { now: values.now }),
    ...(extra.editor !== undefined && { localEditor: extra.editor.target }),
  };
  // The site's language, read again each time: site.yaml may change while the preview runs.
  const language = (): Language => {
    let siteYaml: string | undefined;
    try {
      siteYaml = readFileSync(path.join(contentDir, "site.yaml"), "utf8");
    } catch {
      siteYaml = undefined;
    }
    return reportLanguage(undefined, siteYaml);
  };
  const say = (line: (t: (typeof TEXTS)[Language]) => string): boolean => process.stdout.write(`${line(TEXTS[language()])}\n`);

  // Builds run in a worker thread: this one stays free to show saves from the quick lane and to serve pages.
  const builds = new PreviewBuilds();
  // The problems of the last build, while it failed: every page shows them until a build succeeds.
  let failed: { problems: readonly Problem[]; sources: ReadonlyMap<string, string> } | undefined;
  // What the last successful build planned: a save that changes only a release's text is shown from it at once.
  let state: PreviewState | undefined;
  // Pages the quick lane wrote since the page was last reloaded, with the sha256 of their bytes, and the files
  // the builds since then wrote: after the last build, the page is reloaded again only if it would look different.
  const quickWritten = new Map<string, string>();
  const builtSinceReload = new Set<string>();
  /** A build since then found problems other than those the page shows. */
  let newProblems = false;
  /** The problems last said on the terminal (as JSON), until a build succeeds. */
  let told: string | undefined;
  const tellProblems = (problems: readonly Problem[], sources: ReadonlyMap<string, string>): void => {
    if (JSON.stringify(problems) === told) return;
    told = JSON.stringify(problems);
    printProblems(problems, sources, false, { contentDir });
    say((t) => t.problems);
  };
  const rebuild = async (force = false): Promise<void> => {
    try {
      const result = await builds.build({ ...options, ...(force && { force }) });
      if (result.state) {
        // The quick lane renders in this thread: its code is loaded and run once now, not on the first save.
        if (state === undefined) void rehearse(result.state).catch(() => undefined);
        state = result.state;
      }
      failed = undefined;
      told = undefined;
      for (const file of result.changed) builtSinceReload.add(file);
      if (result.warnings.length > 0) printProblems(result.warnings, result.sources, false, { contentDir });
      say((t) => t.built(result.releases, result.pages));
    } catch (error) {
      if (!(error instanceof BuildFailed)) throw error;
      failed = { problems: error.problems, sources: error.sources };
      // The problems the quick lane found are not shown or said again.
      if (JSON.stringify(error.problems) !== shownProblems) newProblems = true;
      tellProblems(error.problems, error.sources);
    }
  };

  /** The problems the open page shows (as JSON), if it shows any. */
  let shownProblems: string | undefined;
  let reloadPage = (): void => undefined;
  /** Reloads the open page; `quick`: the pages the quick lane has just written for it. */
  const reload = (quick: ReadonlyMap<string, string> = new Map()): void => {
    quickWritten.clear();
    builtSinceReload.clear();
    newProblems = false;
    for (const [file, hash] of quick) quickWritten.set(file, hash);
    shownProblems = failed && JSON.stringify(failed.problems);
    reloadPage();
  };
  /** After a build: whether the open page could look different from what the quick lane showed. */
  const looksDifferent = (): boolean => {
    if (quickWritten.size === 0 || newProblems) return true;
    const outDir = path.resolve(options.outDir);
    return [...builtSinceReload].some((file) => {
      if (!SHOWN.test(file) || file.startsWith("pagefind/")) return false;
      const quick = quickWritten.get(file);
      if (quick === undefined) return true;
      try {
        return sha256(readFileSync(path.join(outDir, file))) !== quick;
      } catch {
        return true;
      }
    });
  };

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
      // The page is reloaded once the last of the builds in a row is done (and not for what the quick lane showed already).
      .then(() => {
        if (!again && looksDifferent()) reload();
      })
      // The preview keeps running whatever happens in one rebuild.
      .catch((error: unknown) => {
        // Most often a file vanished while it was read (an editor or git switching branches): the next change rebuilds.
        process.stderr.write(`${TEXTS[language()].failed(String(error))}\n`);
      })
      .finally(settle);
  };
  /** A build is over: the next starts if changes came in meanwhile. */
  const settle = (): void => {
    running = undefined;
    if (again) {
      again = false;
      run();
    }
    traceSettled();
  };
  /** Says (when traced) that nothing is left to do for the changes seen so far: preview-trace.ts. */
  const traceSettled = (): void => {
    if (running === undefined && !again && timer === undefined && pause === undefined && showing === 0) trace.settled();
  };

  // The quick lane: one save at a time, while a build may be running. Whether it showed the save.
  let quick: Promise<unknown> = Promise.resolve();
  const showQuickly = (saved: readonly string[]): Promise<boolean> => {
    const kept = state;
    const shown = quick.then(async () => {
      // Problems of other files than these stay until a build says they are fixed.
      if (kept === undefined || (failed && failed.problems.some((p) => !saved.some((file) => path.resolve(contentDir, p.file) === file)))) return false;
      const result = await quickPages(kept, saved);
      if (result === undefined) return false;
      if (result.kind === "problems") {
        failed = { problems: result.problems, sources: result.sources };
        reload();
        tellProblems(result.problems, result.sources);
      } else {
        failed = undefined;
        reload(result.written);
        trace.quick(result.written.size);
        // The page is shown; the build after it, and the next save, wait for the cards it names.
        await result.drawing;
      }
      return true;
    });
    quick = shown.catch(() => undefined);
    return shown.catch(() => false);
  };

  // Saves are gathered for a moment (an editor's save can be several events), then shown and built. The moment is
  // no shorter than chokidar's 50 ms in which it drops a second change of the same file: reading the files after
  // it, the preview reads such a save too (test/preview-sequences.test.ts saves a file twice, 30 ms apart).
  let saved: string[] = [];
  let others = false;
  let pause: NodeJS.Timeout | undefined;
  /** Saves in the quick lane now. */
  let showing = 0;
  const changed = (event: string, file: string): void => {
    if (event === "addDir") trace.sawFolder(path.resolve(file));
    else trace.saw(path.resolve(file));
    if (event === "change" && file.endsWith(".md")) saved.push(path.resolve(file));
    else others = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      trace.batch();
      const texts = others ? [] : saved;
      saved = [];
      others = false;
      clearTimeout(pause);
      pause = undefined;
      if (texts.length === 0) return run();
      // A text is shown from the quick lane at once; the build that updates every other file waits until the
      // writing pauses: while it runs, it holds this thread, and a save in that time would wait for it.
      showing++;
      void showQuickly(texts).then((shown) => {
        showing--;
        clearTimeout(pause);
        pause = undefined;
        if (shown)
          pause = setTimeout(() => {
            pause = undefined;
            run();
          }, BUILD_AFTER_TEXT);
        else run();
      });
    }, 50);
  };
  // chokidar follows a file an editor replaces (safe save, sed -i), which Node's recursive fs.watch loses.
  // Hidden files and folders below the watched ones (an editor's swap files, a media cache) change nothing.
  // It watches before the first build starts: a save during that build is not lost.
  const roots = [path.resolve(contentDir), path.resolve(LAYOUTS_DIR)];
  const ignored = (file: string): boolean => path.basename(file).startsWith(".") && !roots.includes(path.resolve(file));
  const watcher = chokidar.watch(roots, { ignoreInitial: true, ignored });
  watcher.on("all", (event, file) => changed(event, file));
  // chokidar says nothing when a file's size and modification time stayed and its access time is later than
  // that (it takes it for a read): a photo copied over another of the same size with `cp -p`, or read by anyone
  // since. The system's own report of the change (a folder's watcher naming the file) is taken as a change too;
  // a read makes none.
  watcher.on("raw", (event, name, details) => {
    const folder = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (event !== "change" || typeof name !== "string" || folder === undefined) return;
    // A file's own watcher names it too (its path, then its name): only a folder's is taken.
    const file = path.join(folder, name);
    if (ignored(file) || !isFile(file)) return;
    changed("change", file);
  });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  const stopWatching = async (): Promise<void> => {
    await watcher.close();
    clearTimeout(timer);
    clearTimeout(pause);
    await running?.catch(() => undefined);
    await builds.close();
  };

  // The first build: a mistake in the options (--now) ends the command, a content problem does not.
  try {
    running = rebuild();
    await running;
  } catch (error) {
    running = undefined;
    await stopWatching();
    throw error;
  }
  running = undefined;
  // A first build that found nothing changed made no plan: one is made in the background for the quick lane
  // (it writes nothing, every file being the same).
  if (state === undefined && failed === undefined) {
    running = rebuild(true)
      .catch(() => undefined)
      .finally(settle);
  }

  const showProblems = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const wantsPage = (req.headers.accept ?? "").includes("text/html") || /\/$|\.html$/.test((req.url ?? "").split("?")[0]!);
    const where = (req.url ?? "").split("?")[0]!;
    // The editor's page is sent as it is: with the reload script in it, each rebuild (and every save of the
    // editor changes the content) would reload it and lose what is being typed. It stays usable while the
    // content has problems: it is how they get fixed.
    if (where.endsWith("/admin/") || where.endsWith("/admin/index.html")) {
      readFile(path.join(path.resolve(options.outDir), "admin", "index.html")).then(
        (page) => {
          // With the editor's session cookie: only this page may save (editor-api.ts).
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...extra.editor?.pageHeaders(req.headers.host) });
          res.end(page);
        },
        () => next(),
      );
      return;
    }
    if (!failed || !wantsPage) return next();
    // The dev server adds its reload script to this page too: it turns into the page asked for once the file is fixed.
    res.writeHead(500, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    res.end(errorPage(failed.problems, failed.sources, { contentDir }));
  };
  const server = EleventyDevServer.getServer("pressroom", path.resolve(options.outDir), {
    liveReload: true,
    domDiff: false,
    showVersion: false,
    middleware: [showProblems],
    // Its own announcement would name every address of the machine.
    messageOnStart: () => "",
  });
  // The dev server's serve(port) listens on every interface (it takes no host) and moves on to the next port when
  // one is taken. The preview shows drafts: it listens on one address only, and says so when it cannot.
  // Its http server is made on first use, with the live-reload socket attached once it listens.
  const http = server.server as import("node:http").Server;
  http.removeAllListeners("error");
  // Every request and the live-reload socket are checked first: the server's own names only, well-formed paths.
  let hosts: ReadonlySet<string> = new Set();
  const guard: GuardOptions = {
    hosts: () => hosts,
    refused: refusalReporter(language),
    route: (req, res) => {
      if (extra.editor === undefined || req.url?.split("?", 1)[0] !== extra.editor.target.url) return false;
      extra.editor.handle(req, res);
      return true;
    },
  };
  guardRequests(http, guard);
  const bound = await new Promise<number | NodeJS.ErrnoException>((resolve) => {
    http.once("error", resolve);
    http.once("listening", () => {
      const listening = (http.address() as { port: number }).port;
      hosts = ownHosts(listening, host);
      // The dev server attaches its live-reload socket when it listens, just before this.
      guardUpgrades(http, guard);
      resolve(listening);
    });
    http.listen({ port, host });
  });
  if (typeof bound !== "number") {
    await stopWatching();
    await server.close();
    if (bound.code === "EADDRINUSE") process.stderr.write(`${TEXTS[language()].portTaken(port)}\n`);
    else if (bound.code === "EADDRNOTAVAIL" || bound.code === "ENOTFOUND") process.stderr.write(`${TEXTS[language()].noAddress(host, bound.code)}\n`);
    else throw bound;
    return 1;
  }
  http.on("error", (error) => process.stderr.write(`pressroom: ${error.message}\n`));
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${bound}/`;
  say((t) => t.ready(url));
  if (!isLoopback(host)) say((t) => t.network(host));

  // The dev server tells only the pages connected at that moment to reload. A page still loading after the
  // reload before (a save right after a save) connects a moment later and would miss it, showing the save before
  // until the next build: such a reload is said once more when the page has had the time to connect.
  let lastReload = 0;
  let catchUp: NodeJS.Timeout | undefined;
  reloadPage = () => {
    const now = Date.now();
    if (now - lastReload < RELOAD_AGAIN_WITHIN) {
      clearTimeout(catchUp);
      catchUp = setTimeout(() => server.reload({}), RELOAD_AGAIN_AFTER).unref();
    }
    lastReload = now;
    server.reload({});
  };
  say((t) => t.watching(contentDir));
  if (again) {
    again = false;
    run();
  }
  traceSettled();

  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await stopWatching();
  await server.close();
  return 0;
}
