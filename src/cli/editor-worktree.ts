/**
 * The folder decap-server works in: a git worktree of the press officer's
 * repository of its own, in the cache, never the officer's folder.
 *
 * decap-server commits with `git add .` and switches branches in the folder
 * it is given. In the officer's folder that swept a half-written release
 * into an unrelated commit and took it away from the folder, and the
 * preview read files while the branch under them changed. In a worktree of
 * its own it commits only what the editor wrote, and the officer's files,
 * staged, changed or new, are never read, committed, moved or deleted.
 *
 * The worktree has a branch of its own, `pressroom-edit/<branch>` (git lets
 * one branch be checked out in one folder only, and the officer's branch is
 * checked out in theirs). The two are kept level:
 * - before each request, the editor's branch takes up what the officer
 *   committed themselves (a fast-forward; a merge when both moved);
 * - after "Publish", the officer's branch takes the published commit with
 *   `git merge --ff-only` in their folder: git writes the release's files
 *   and nothing else, and refuses, touching nothing, when one of their own
 *   uncommitted files is in the way. Refused, it is tried again before the
 *   next request and at the next start.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";
import type { Language } from "../i18n/strings.ts";

/** What the editor's git work says on the terminal, in the site's language. */
const TEXTS = {
  de: {
    published: (branch: string, files: string[]) =>
      `Veröffentlicht: ${files.join(", ")} ${files.length === 1 ? "ist" : "sind"} jetzt in ${branch} und in Ihrem Ordner. Ihre übrigen Dateien bleiben, wie sie sind.`,
    blocked: (branch: string, reason: string) =>
      `Veröffentlicht, aber noch nicht in Ihrem Ordner: dort liegt unter demselben Namen eine eigene Datei, die noch nicht in git gespeichert (committet) ist, und sie wird nicht überschrieben (${reason}). ` +
      `Speichern (committen) oder verschieben Sie diese Datei; pressroom übernimmt die Meldung dann beim nächsten Speichern im Browser oder beim nächsten Start in ${branch}.`,
    diverged: (branch: string, reason: string) =>
      `Ihre eigenen Commits in ${branch} und die der Redaktion lassen sich nicht zusammenführen (${reason}). Die Redaktion arbeitet bis dahin ohne Ihre neuen Commits weiter.`,
    broken: (reason: string) => `Der Arbeitsordner der Redaktion ließ sich nicht anlegen: ${reason}`,
    busy: (pid: string) =>
      `Die Redaktion läuft für dieses Repository schon (pressroom edit, Prozess ${pid}): arbeiten Sie dort weiter, oder beenden Sie sie dort mit Strg+C und starten Sie dann neu.`,
  },
  en: {
    published: (branch: string, files: string[]) =>
      `Published: ${files.join(", ")} ${files.length === 1 ? "is" : "are"} now in ${branch} and in your folder. Your other files stay as they are.`,
    blocked: (branch: string, reason: string) =>
      `Published, but not in your folder yet: a file of your own of the same name there is not committed, and it is not overwritten (${reason}). ` +
      `Commit or move that file; pressroom then brings the release into ${branch} at the next save in the browser or the next start.`,
    diverged: (branch: string, reason: string) =>
      `Your own commits on ${branch} and the editor's cannot be merged (${reason}). Until then the editor works without your new commits.`,
    broken: (reason: string) => `The editor's working folder could not be made: ${reason}`,
    busy: (pid: string) => `The editor is running for this repository already (pressroom edit, process ${pid}): keep working there, or stop it there with Ctrl+C and start again.`,
  },
} satisfies Record<Language, unknown>;

interface Result {
  readonly ok: boolean;
  readonly out: string;
  readonly err: string;
}

/** One git command in `cwd`; paths with umlauts unquoted. */
const git = (cwd: string, ...args: string[]): Promise<Result> =>
  new Promise((resolve) => {
    // A git that waits (a lock another program holds) must not hold up the editor's requests for good.
    execFile("git", ["-c", "core.quotePath=false", ...args], { cwd, encoding: "utf8", maxBuffer: 16 * 1024 * 1024, timeout: 120_000 }, (error, out, err) =>
      resolve({ ok: error === null, out: out.trim(), err: err.trim() }),
    );
  });

/** git's complaint in one line: its first "error:"/"fatal:" line and the files it lists (indented by a tab). */
const reasonOf = (result: Result): string => {
  const lines = result.err.split("\n");
  const first = lines.find((line) => /^(error|fatal):/.test(line)) ?? lines[0] ?? "";
  return [first.trim(), ...lines.filter((line) => line.startsWith("\t")).map((line) => line.trim())].join(" ").trim();
};

const sameFolder = (a: string, b: string): boolean => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/** The same place: the same path, or (when it exists) the same folder by another way. */
const samePlace = (a: string, b: string): boolean => path.resolve(a) === path.resolve(b) || sameFolder(a, b);

/** The folders of the repository's worktrees, and why each is locked (`git worktree lock --reason`), if it is. */
async function worktreesOf(root: string): Promise<{ folder: string; locked?: string }[]> {
  const listed = await git(root, "worktree", "list", "--porcelain");
  const trees: { folder: string; locked?: string }[] = [];
  for (const line of listed.out.split("\n")) {
    if (line.startsWith("worktree ")) trees.push({ folder: line.slice("worktree ".length) });
    else if ((line === "locked" || line.startsWith("locked ")) && trees.length > 0) trees[trees.length - 1]!.locked = line.slice("locked ".length);
  }
  return trees;
}

/** The reason a running `pressroom edit` locks its worktree with: the process, to tell a running one from one that ended. */
const LOCKED_BY = "pressroom edit, process ";

/** Whether process `pid` runs (EPERM: it runs, as another user's). */
function runs(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface EditorWorktree {
  /** The worktree: decap-server's folder. */
  readonly folder: string;
  /** Its branch, the one decap-server is told to save onto and publish into. */
  readonly branch: string;
  /** Before a request: the two branches level (the officer's commits in, a waiting publish out). */
  sync(): Promise<void>;
  /** After "Publish": the officer's branch and folder take the published release. */
  published(): Promise<void>;
  /** Unlocks the worktree for the next `pressroom edit`. */
  release(): void;
}

/**
 * Makes (or repairs) the worktree in `folder` for the officer's `branch` of
 * the repository at `root`, and brings it level with that branch. Throws a
 * message for the terminal when git refuses.
 */
export async function editorWorktree(root: string, branch: string, folder: string, language: () => Language, say: (line: string) => void): Promise<EditorWorktree> {
  const own = `pressroom-edit/${branch}`;
  const t = (): (typeof TEXTS)[Language] => TEXTS[language()];
  const fail = (result: Result): never => {
    throw new Error(t().broken(reasonOf(result) || result.out));
  };
  const must = async (cwd: string, ...args: string[]): Promise<Result> => {
    const result = await git(cwd, ...args);
    return result.ok ? result : fail(result);
  };

  // One pressroom edit at a time works in it; the lock of one that ended without unlocking (kill -9) is lifted.
  for (const tree of await worktreesOf(root)) {
    if (tree.locked === undefined || !samePlace(tree.folder, folder)) continue;
    const pid = tree.locked.startsWith(LOCKED_BY) ? tree.locked.slice(LOCKED_BY.length) : "";
    if (/^\d+$/.test(pid) && Number(pid) !== process.pid && runs(Number(pid))) throw new Error(t().busy(pid));
    await must(root, "worktree", "unlock", tree.folder);
  }
  // A worktree whose folder was deleted (the cache emptied) is forgotten; the branch and its commits stay.
  await must(root, "worktree", "prune");
  if (!(await git(root, "rev-parse", "--verify", "--quiet", `refs/heads/${own}`)).ok) await must(root, "branch", "--no-track", own, branch);
  const registered = (await worktreesOf(root)).find((tree) => samePlace(tree.folder, folder));
  const healthy = registered !== undefined && sameFolder((await git(folder, "rev-parse", "--show-toplevel")).out || "/nonexistent", folder);
  if (!healthy) {
    if (registered) await git(root, "worktree", "remove", "--force", folder);
    // Whatever else is in its place in the cache is ours (a half-made worktree): made anew.
    if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
    await must(root, "worktree", "prune");
    await must(root, "worktree", "add", "--quiet", folder, own);
  } else {
    // What a save that was cut off (pressroom ended mid-way) left behind must not go into the next commit.
    await must(folder, "checkout", "--quiet", "--force", own);
    await must(folder, "clean", "-fdq");
  }

  const rev = async (name: string): Promise<string | undefined> => {
    const result = await git(root, "rev-parse", "--verify", "--quiet", `refs/heads/${name}^{commit}`);
    return result.ok ? result.out : undefined;
  };
  const isAncestor = async (a: string, b: string): Promise<boolean> => (await git(root, "merge-base", "--is-ancestor", a, b)).ok;
  // Each refusal is said once per commit it concerns, not at every request.
  let saidFor = "";
  const sayOnce = (key: string, line: string): void => {
    if (key === saidFor) return;
    saidFor = key;
    say(line);
  };

  /** The officer's branch takes the editor's commits: in their folder only when git can do it without touching their changes. */
  const deliver = async (from: string, to: string): Promise<void> => {
    const head = await git(root, "symbolic-ref", "--quiet", "HEAD");
    const result =
      head.out === `refs/heads/${branch}`
        ? await git(root, "merge", "--ff-only", "--no-edit", "--quiet", own)
        : // Not checked out here (the officer switched branches meanwhile): the ref alone, forward only; git refuses a branch checked out elsewhere.
          await git(root, "fetch", "--quiet", ".", `refs/heads/${own}:refs/heads/${branch}`);
    if (!result.ok) return sayOnce(`blocked ${to}`, t().blocked(branch, reasonOf(result)));
    const files = (await git(root, "diff", "--name-only", from, to)).out.split("\n").filter(Boolean);
    saidFor = "";
    if (files.length > 0) say(t().published(branch, files));
  };

  const sync = async (): Promise<void> => {
    const theirs = await rev(branch);
    const ours = await rev(own);
    if (theirs === undefined || ours === undefined || theirs === ours) return;
    if (await isAncestor(ours, theirs)) {
      // The officer committed (or pulled): the editor starts from there.
      await git(folder, "merge", "--ff-only", "--quiet", branch);
      return;
    }
    if (!(await isAncestor(theirs, ours))) {
      // Both moved: the officer's commits are merged into the editor's branch first, as "Publish" would have.
      const merged = await git(folder, "merge", "--no-edit", "--no-verify", "--quiet", branch);
      if (!merged.ok) {
        await git(folder, "merge", "--abort");
        return sayOnce(`diverged ${theirs} ${ours}`, t().diverged(branch, reasonOf(merged)));
      }
    }
    await deliver(theirs, (await rev(own))!);
  };

  await must(root, "worktree", "lock", "--reason", `${LOCKED_BY}${process.pid}`, folder);
  await sync();
  return {
    folder,
    branch: own,
    sync,
    published: sync,
    // Synchronous: called as the process exits.
    release: () => void spawnSync("git", ["worktree", "unlock", folder], { cwd: root, stdio: "ignore" }),
  };
}
