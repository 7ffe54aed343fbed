/**
 * `pressroom edit`: the browser editor on this machine. Starts decap-server
 * (Decap CMS's local backend) on the git repository that holds the content
 * folder, and the preview with the editor built in, so a press officer runs
 * one command and opens one address.
 *
 * decap-server listens on no port: it is a child process on a Unix socket
 * in a private folder (editor-backend.ts), and the preview passes it the
 * editor's requests at `/admin/api/v1` after checking that they come from
 * the editor's own page and ask only for releases (editor-api.ts). It works
 * in a git worktree of its own in the cache (editor-worktree.ts), never in
 * the press officer's folder: their files are never committed, moved or
 * deleted, and their folder never changes branch under the preview.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { siteLanguage } from "../errors/language.ts";
import { UsageError } from "../errors/usage.ts";
import type { Language } from "../i18n/strings.ts";
import { defaults as cacheDefaults } from "../media/cache.ts";
import { editorRootOf, gitRootOf } from "../outputs/admin.ts";
import { parse, USAGE } from "./args.ts";
import { editorApi } from "./editor-api.ts";
import { editorWorktree, type EditorWorktree } from "./editor-worktree.ts";
import { refusalReporter } from "./refusals.ts";
import { serveCommand } from "./serve.ts";

const LOOPBACK = "127.0.0.1";

/** What `edit` says, in the site's language. */
const TEXTS = {
  de: {
    editor: "Redaktion",
    preview: "Vorschau",
    saved: (branch: string) =>
      `Jede Meldung wird als git-Commit auf einem eigenen Zweig (cms/releases/…) gespeichert; „Veröffentlichen“ übernimmt sie in ${branch} und in Ihren Ordner.\n` +
      "Beenden mit Strg+C.",
    noGit: (dir: string) =>
      `Achtung: ${dir} liegt in keinem git-Repository. Die Redaktion speichert Meldungen dann direkt in den Ordner: ` +
      "ohne Zweig, ohne Prüfung durch Kolleginnen und Kollegen (kein Redaktionsablauf) und ohne Versionsgeschichte, " +
      "„Veröffentlichen“ speichert sofort. Für den Ablauf mit Prüfung klonen Sie das Repository der Pressestelle und starten pressroom edit darin.",
    detached: (root: string) =>
      `In ${root} ist kein Zweig ausgecheckt (detached HEAD). Wechseln Sie auf den Hauptzweig, z. B. mit „git switch main“, und starten Sie pressroom edit erneut.`,
    excluded: (paths: string[]) =>
      `${paths.join(", ")} ${paths.length === 1 ? "bleibt" : "bleiben"} außerhalb von git (eingetragen in .git/info/exclude).`,
    uncommitted: (files: string[], more: number) =>
      `In Ihrem Ordner gibt es Änderungen, die noch nicht in git gespeichert (committet) sind: ${files.join(", ")}${more > 0 ? ` und ${more} weitere` : ""}.\n` +
      "Die Redaktion im Browser lässt sie unberührt: sie bleiben, wie sie sind, nicht committet, und kommen in keine Meldung der Redaktion. " +
      "Nur was Sie im Browser veröffentlichen, kommt zu Ihren Dateien hinzu.",
    portTaken: (port: number) => `Port ${port} ist belegt – läuft pressroom edit schon? Sonst wählen Sie einen anderen mit --port.`,
    failed: (code: string) => `Der Speicherdienst der Redaktion (decap-server) ließ sich nicht starten (${code}).`,
    died: (code: string) =>
      `Der Speicherdienst der Redaktion (decap-server) wurde beendet (${code}): Speichern im Browser geht nicht mehr. ` +
      "Die Vorschau läuft weiter; beenden Sie mit Strg+C und starten Sie pressroom edit neu.",
  },
  en: {
    editor: "Editor",
    preview: "Preview",
    saved: (branch: string) =>
      `Each release is saved as a git commit on a branch of its own (cms/releases/…); "Publish" merges it into ${branch} and your folder.\n` + "Stop with Ctrl+C.",
    noGit: (dir: string) =>
      `Note: ${dir} is not in a git repository. The editor then saves releases straight into the folder: ` +
      "no branch, no review by a colleague (no editorial workflow) and no history; \"Publish\" saves at once. " +
      "For the workflow with review, clone the press office's repository and run pressroom edit inside it.",
    detached: (root: string) =>
      `No branch is checked out in ${root} (detached HEAD). Switch to the main branch, e.g. with "git switch main", and run pressroom edit again.`,
    excluded: (paths: string[]) => `${paths.join(", ")} ${paths.length === 1 ? "stays" : "stay"} out of git (listed in .git/info/exclude).`,
    uncommitted: (files: string[], more: number) =>
      `Your folder has changes not committed to git yet: ${files.join(", ")}${more > 0 ? ` and ${more} more` : ""}.\n` +
      "The browser editor leaves them alone: they stay as they are, uncommitted, and go into none of the editor's releases. " +
      "Only what you publish in the browser is added to your files.",
    portTaken: (port: number) => `Port ${port} is in use: is pressroom edit running already? Otherwise choose another with --port.`,
    failed: (code: string) => `The editor's server (decap-server) did not start (${code}).`,
    died: (code: string) =>
      `The editor's server (decap-server) stopped (${code}): saving in the browser no longer works. ` +
      "The preview keeps running; stop with Ctrl+C and run pressroom edit again.",
  },
} satisfies Record<Language, unknown>;

const portOf = (value: string, flag: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`${flag} "${value}" is not a port number (1 to 65535)`);
  return port;
};

export async function editCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    out: { type: "string" },
    port: { type: "string", default: "8080" },
    now: { type: "string" },
    cache: { type: "string" },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = portOf(values.port!, "--port");
  const contentDir = values.content!;
  const cacheDir = values.cache ?? cacheDefaults.dir;
  const language = (): Language => languageOf(contentDir);
  const t = TEXTS[language()];

  const git = gitRootOf(contentDir);
  if (git && !onBranch(git)) {
    process.stderr.write(`${t.detached(git)}\n`);
    return 1;
  }
  if (!git) process.stderr.write(`${t.noGit(contentDir)}\n\n`);
  else {
    // The preview, the cache (the editor's worktree in it) and a build are no files of the press office's.
    const added = excludeFromCommits(git, [cacheDir, values.out ?? path.join(cacheDir, "preview"), "dist"]);
    if (added.length > 0) process.stdout.write(`${t.excluded(added)}\n`);
    const changes = uncommitted(git);
    if (changes.length > 0) process.stdout.write(`${t.uncommitted(changes.slice(0, 3), changes.length - 3)}\n`);
  }
  if (!(await portIsFree(port))) {
    process.stderr.write(`${t.portTaken(port)}\n`);
    return 1;
  }

  const mode = git ? "git" : "fs";
  const branch = git ? branchOf(git) : "main";
  let worktree: EditorWorktree | undefined;
  if (git) {
    try {
      worktree = await editorWorktree(git, branch, path.resolve(cacheDir, "editor-worktree"), language, (line) => process.stdout.write(`${line}\n`));
      // However this process ends but SIGKILL (the next start sees that this one no longer runs): the next may work in it.
      process.once("exit", worktree.release);
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
  // decap-server's folder: its worktree; outside git, the folder the editor's paths start from.
  const root = worktree?.folder ?? editorRootOf(contentDir);
  const decap = startDecapServer({ mode, root });
  const started = await decap.started;
  if (started !== true) {
    process.stderr.write(`${t.failed(started)}\n`);
    return 1;
  }
  let stopping = false;
  let ready = false;
  decap.child.on("exit", (code, signal) => {
    // Ctrl+C reaches decap-server too (the same process group): that is stopping, not dying.
    if (stopping || signal === "SIGINT") return;
    process.stderr.write(`\n${t.died(signal ?? `exit code ${code}`)}\n`);
  });
  // Stopped before the preview listens (during its first build), when it does not stop itself yet: decap-server goes too.
  const stop = (signal: NodeJS.Signals): void => {
    stopping = true;
    decap.stop();
    if (!ready) process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  // The releases folder as decap-server sees it: the paths of config.yml start from the same folder (the worktree
  // is a checkout of the same repository).
  const contentPath = path.relative(git ?? root, path.resolve(contentDir)).split(path.sep).join("/");
  const editor = editorApi({
    rules: { mode, releases: [contentPath, "releases"].filter(Boolean).join("/"), branch },
    root,
    ...(worktree && { worktree }),
    socket: decap.socket,
    language,
    refused: refusalReporter(language),
  });
  const previewUrl = `http://${LOOPBACK}:${port}/`;
  const serveArgs = ["--content", contentDir, "--port", String(port), "--cache", cacheDir];
  if (values.out !== undefined) serveArgs.push("--out", values.out);
  if (values.now !== undefined) serveArgs.push("--now", values.now);
  const serving = serveCommand(serveArgs, { editor });
  let served = false;
  serving.then(
    () => (served = true),
    () => (served = true),
  );
  try {
    // The addresses once the editor's page answers (the first build may take a while with many photos).
    void answered(`${previewUrl}admin/`, () => served).then((ok) => {
      if (!ok) return;
      ready = true;
      const width = Math.max(t.editor.length, t.preview.length) + 2;
      process.stdout.write(
        `\n${`${t.editor}:`.padEnd(width)}${previewUrl}admin/\n${`${t.preview}:`.padEnd(width)}${previewUrl}\n` + (git ? `${t.saved(branch)}\n\n` : "\n"),
      );
    });
    return await serving;
  } finally {
    stopping = true;
    decap.stop();
  }
}

/** The language of the site's messages: site.yaml's `language:`, read as text (also when the file has mistakes). */
function languageOf(contentDir: string): Language {
  try {
    return siteLanguage(readFileSync(path.join(contentDir, "site.yaml"), "utf8")) ?? "en";
  } catch {
    return "en";
  }
}

const gitText = (root: string, ...args: string[]): string | undefined => {
  const result = spawnSync("git", args, { cwd: root, encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
};
/** The files of the working copy that differ from its last commit or are new (not ignored), as git names them. */
function uncommitted(root: string): string[] {
  const result = spawnSync("git", ["-c", "core.quotePath=false", "status", "--porcelain", "-z", "--untracked-files=all"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) return [];
  // "XY name\0", a rename followed by its old name as an entry of its own.
  const entries = result.stdout.split("\0").filter(Boolean);
  const files: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    files.push(entry.slice(3));
    if (entry[0] === "R" || entry[0] === "C") i++;
  }
  return files;
}
const onBranch = (root: string): boolean => gitText(root, "symbolic-ref", "--quiet", "HEAD") !== undefined;
const branchOf = (root: string): string => gitText(root, "symbolic-ref", "--quiet", "--short", "HEAD") ?? "main";

/**
 * Folders of ours (the preview, the cache, the default build output) inside
 * the repository that git does not ignore yet go into the repository's own
 * exclude list (.git/info/exclude: this copy only, never committed). Returns
 * the folders added, as written there.
 */
function excludeFromCommits(root: string, folders: string[]): string[] {
  const added: string[] = [];
  for (const folder of folders) {
    const relative = path.relative(root, path.resolve(folder)).split(path.sep).join("/");
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) continue;
    // Inside a folder added just now (the preview inside the cache).
    if (added.some((pattern) => `/${relative}/`.startsWith(pattern))) continue;
    // Exit status 0: ignored already; 1: not ignored.
    if (spawnSync("git", ["check-ignore", "-q", `${relative}/`], { cwd: root }).status === 1) added.push(`/${relative}/`);
  }
  if (added.length === 0) return added;
  const exclude = path.resolve(root, gitText(root, "rev-parse", "--git-path", "info/exclude") ?? path.join(".git", "info", "exclude"));
  mkdirSync(path.dirname(exclude), { recursive: true });
  const before = existsSync(exclude) ? readFileSync(exclude, "utf8") : "";
  appendFileSync(exclude, `${before === "" || before.endsWith("\n") ? "" : "\n"}# pressroom edit: its own folders (cache, editor's worktree, preview), kept out of git\n${added.join("\n")}\n`);
  return added;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, LOOPBACK, () => probe.close(() => resolve(true)));
  });
}

/**
 * decap-server as a child of this process (editor-backend.ts), on a Unix
 * socket in a folder of its own that only this user may open (mkdtemp makes
 * it 0700). MODE=git commits every save and keeps each release on a branch
 * until it is published (the editorial workflow); MODE=fs, for a folder
 * outside git, writes files and nothing else. It runs in its own package
 * folder, and an IPC channel ties it to this process: when pressroom ends,
 * however it ends, the channel closes and decap-server stops.
 * `started` is true once it listens, or says why it did not.
 */
function startDecapServer(where: { mode: "git" | "fs"; root: string }): {
  child: ChildProcess;
  socket: string;
  started: Promise<true | string>;
  stop: () => void;
} {
  const here = fileURLToPath(import.meta.url);
  // lib/cli/editor-backend.js next to this file; its .ts source when pressroom runs from src/ (under tsx).
  const entry = path.join(path.dirname(here), `editor-backend${path.extname(here)}`);
  const folder = mkdtempSync(path.join(tmpdir(), "pressroom-editor-"));
  // Windows has no socket files: a named pipe, its name unguessable (128 random bits).
  const socket =
    process.platform === "win32" ? `\\\\?\\pipe\\${path.basename(folder)}-${randomBytes(16).toString("hex")}` : path.join(folder, "decap.sock");
  // git quotes a path with an umlaut in what it prints ("br\303\274cke"), and decap-server reads the quoted text as
  // the path: a release folder named after its title ("neue-brücke") could not be reviewed. Its git runs unquoted.
  const configs = Number(process.env.GIT_CONFIG_COUNT ?? 0) || 0;
  const child = spawn(process.execPath, [...(entry.endsWith(".ts") ? ["--import", "tsx"] : []), entry], {
    cwd: path.dirname(createRequire(import.meta.url).resolve("decap-server/package.json")),
    env: {
      ...process.env,
      PRESSROOM_EDITOR_SOCKET: socket,
      MODE: where.mode,
      GIT_REPO_DIRECTORY: where.root,
      LOG_LEVEL: "info",
      GIT_CONFIG_COUNT: String(configs + 1),
      [`GIT_CONFIG_KEY_${configs}`]: "core.quotePath",
      [`GIT_CONFIG_VALUE_${configs}`]: "false",
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const stop = (): void => {
    child.kill();
    rmSync(folder, { recursive: true, force: true });
  };
  // However this process ends but SIGKILL (that one closes the IPC channel): decap-server goes too.
  process.once("exit", stop);
  const started = new Promise<true | string>((resolve) => {
    let last = "";
    const lines = (chunk: Buffer): void => {
      for (const raw of chunk.toString("utf8").split("\n")) {
        // winston's lines: "info: …" / "error: …", coloured.
        const line = raw.replace(/\u001b\[[0-9;]*m/g, "").trim();
        if (line === "" || !/^(error|warn)\b/i.test(line)) continue;
        last = line;
        // A failed save names its request, photos and all: the start of it says enough.
        process.stderr.write(`decap-server: ${line.length > 300 ? `${line.slice(0, 300)}…` : line}\n`);
      }
    };
    child.stdout!.on("data", lines);
    child.stderr!.on("data", lines);
    child.on("message", (message: { listening?: true; failed?: string }) => {
      if (message.listening) resolve(true);
      else if (message.failed !== undefined) resolve(message.failed);
    });
    child.once("error", (error) => resolve(error.message));
    child.once("exit", (code, signal) => resolve(last || (signal ?? `exit code ${code}`)));
  });
  return { child, socket, started, stop };
}

/** Whether `url` answers, asked until it does or `gaveUp()` says the server has stopped. */
async function answered(url: string, gaveUp: () => boolean): Promise<boolean> {
  while (!gaveUp()) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return false;
}
