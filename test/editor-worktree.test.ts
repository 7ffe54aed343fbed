/**
 * `pressroom edit` never touches the press officer's own files (issue #26,
 * points 1 and 5), and the editor's date field works in the site's time zone
 * whatever the browser's (point 4). One `pressroom edit` in a real git
 * repository with a half-written release and a changed file left
 * uncommitted, and the real editor in Chromium: a release written, reviewed
 * and published in a browser set to UTC, one saved in a browser in New York.
 * And the worktree on its own: kept, cleaned, made anew, and a publish that
 * an uncommitted file of the officer's is in the way of waits for it.
 */
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { saveReviewPublish } from "./browser.ts";
import { editorWorktree } from "../src/cli/editor-worktree.ts";
import { git, officeRepository, startEdit, ROOT, scratchDirs } from "./helpers.ts";

const scratch = scratchDirs();
const HALF_DONE = "content/releases/2026/2026-12-07-halbfertig.md";
const CHANGED = "content/releases/2026/2026-11-27-radwege-am-ring.md";



/** The wall-clock time in Berlin, minutes since the epoch of its digits (to compare two such times). */
function berlinNow(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
const minutes = (time: string): number => Date.parse(`${time.replace(" ", "T")}:00Z`) / 60_000;

let edit: ChildProcess | undefined;
let browser: Browser | undefined;
after(async () => {
  await browser?.close();
  edit?.kill();
});

/** A press office's repository: the valid site in content/, one commit on main. */
const repository = (): string => officeRepository(scratch());

test("the editor's worktree: kept between runs, cleaned, made anew, one pressroom edit at a time; the officer's commits taken in; a publish waits for their file in the way", async () => {
  const repo = repository();
  const folder = path.join(repo, ".cache", "pressroom", "editor-worktree");
  const said: string[] = [];
  const open = () => editorWorktree(repo, "main", folder, () => "de", (line) => said.push(line));
  const rev = (name: string): string => git(repo, "rev-parse", name).trim();

  let worktree = await open();
  assert.equal(worktree.branch, "pressroom-edit/main");
  assert.equal(git(folder, "symbolic-ref", "--short", "HEAD").trim(), "pressroom-edit/main");
  assert.equal(rev("pressroom-edit/main"), rev("main"));
  // What a save cut off midway left in it goes, before it could go into a commit.
  writeFileSync(path.join(folder, "content", "releases", "liegengeblieben.md"), "x");
  worktree = await open();
  assert.equal(existsSync(path.join(folder, "content", "releases", "liegengeblieben.md")), false);
  // The cache deleted: made anew.
  rmSync(path.join(repo, ".cache"), { recursive: true });
  worktree = await open();
  assert.ok(existsSync(path.join(folder, "content", "site.yaml")));
  // Another pressroom edit that runs works in it: this one does not start. One that ended without unlocking is no hindrance.
  worktree.release();
  git(repo, "worktree", "lock", "--reason", `pressroom edit, process ${process.ppid}`, folder);
  await assert.rejects(open(), /^Error: Die Redaktion läuft für dieses Repository schon \(pressroom edit, Prozess \d+\)/);
  git(repo, "worktree", "unlock", folder);
  git(repo, "worktree", "lock", "--reason", "pressroom edit, process 999999999", folder);
  worktree = await open();
  assert.match(git(repo, "worktree", "list", "--porcelain"), new RegExp(`locked pressroom edit, process ${process.pid}\n`));

  // The officer commits on main themselves: the editor's branch takes it before its next request.
  writeFileSync(path.join(repo, "content", "releases", "2026", "2026-12-09-selbst.md"), "---\ntitle: Selbst\n---\n");
  git(repo, "add", "content/releases/2026/2026-12-09-selbst.md");
  git(repo, "commit", "-q", "-m", "selbst");
  await worktree.sync();
  assert.equal(rev("pressroom-edit/main"), rev("main"));

  // A release published in the editor (a commit on its branch), where the officer has an uncommitted file of that name.
  const release = "content/releases/2026/2026-12-08-markt.md";
  writeFileSync(path.join(folder, release), "aus der Redaktion\n");
  git(folder, "add", release);
  git(folder, "commit", "-q", "-m", "Create Pressemitteilung");
  writeFileSync(path.join(repo, release), "meine eigene\n");
  const main = rev("main");
  await worktree.published();
  assert.equal(readFileSync(path.join(repo, release), "utf8"), "meine eigene\n", "never overwritten");
  assert.equal(rev("main"), main);
  assert.match(said.at(-1)!, /^Veröffentlicht, aber noch nicht in Ihrem Ordner: .*content\/releases\/2026\/2026-12-08-markt\.md/);
  await worktree.sync();
  assert.equal(said.filter((line) => line.startsWith("Veröffentlicht, aber")).length, 1, "said once");
  // Moved away: the next request brings it.
  rmSync(path.join(repo, release));
  await worktree.sync();
  assert.equal(readFileSync(path.join(repo, release), "utf8"), "aus der Redaktion\n");
  assert.equal(rev("main"), rev("pressroom-edit/main"));
  assert.equal(said.at(-1), "Veröffentlicht: content/releases/2026/2026-12-08-markt.md ist jetzt in main und in Ihrem Ordner. Ihre übrigen Dateien bleiben, wie sie sind.");
  worktree.release();
  assert.doesNotMatch(git(repo, "worktree", "list", "--porcelain"), /locked/);
});

test("the editor works beside the officer's uncommitted files without touching them, in the site's time zone", async () => {
  // A press office's repository, and what the officer has not committed: a half-written release, a changed one.
  const repo = repository();
  const start = git(repo, "rev-parse", "HEAD").trim();
  writeFileSync(path.join(repo, HALF_DONE), "---\ntitle: Halbfertig\ndate: 2026-12-07 09:00\ndepartment: tiefbauamt\ndraft: true\n---\n\nNoch nicht fertig.\n");
  appendFileSync(path.join(repo, CHANGED), "\nEin Satz, an dem die Pressestelle noch schreibt.\n");
  const mine = (): [Buffer, Buffer] => [readFileSync(path.join(repo, HALF_DONE)), readFileSync(path.join(repo, CHANGED))];
  const before = mine();
  const status = git(repo, "status", "--porcelain");

  const running = await startEdit(repo);
  edit = running.child;
  const { base, waitFor } = running;
  // Said at the start, in plain German: what is uncommitted, and that it stays so.
  assert.match(running.log, /Änderungen, die noch nicht in git gespeichert \(committet\) sind: [^\n]*2026-11-27-radwege-am-ring\.md/);
  assert.match(running.log, /2026-12-07-halbfertig\.md/);
  assert.match(running.log, /sie bleiben, wie sie sind, nicht committet/);

  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  /** The editor's form for a new release, in a browser whose computer is set to `timezoneId`. */
  const newRelease = async (timezoneId: string): Promise<Page> => {
    const page = await (await browser!.newContext({ timezoneId, viewport: { width: 1280, height: 900 } })).newPage();
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`${base}/admin/`);
    await page.getByRole("button", { name: "Login" }).click();
    await page.goto(`${base}/admin/#/collections/releases/new`);
    return page;
  };
  const date = (page: Page) => page.getByLabel("Datum", { exact: true });
  /** "Jetzt" gives the time in Berlin (the site's zone), whatever the browser's; the input shows what is saved. */
  const now = async (page: Page): Promise<string> => {
    await page.getByTestId("now-button").click();
    const shown = (await date(page).inputValue()).replace("T", " ");
    assert.ok(Math.abs(minutes(shown) - minutes(berlinNow())) <= 1, `„Jetzt“ gave ${shown}, in Berlin it is ${berlinNow()}`);
    return shown;
  };
  const fillRest = async (page: Page, title: string): Promise<void> => {
    await page.getByLabel("Titel", { exact: true }).fill(title);
    await page.getByRole("combobox", { name: "Amt" }).fill("Tiefbau");
    await page.keyboard.press("Enter");
    await page.locator("[data-slate-editor=true]").click();
    await page.keyboard.type("Der Markt findet ab Samstag auf dem Rathausplatz statt.");
  };

  // A browser in UTC: written with „Jetzt“ and a photo, reviewed and published.
  const utc = await newRelease("UTC");
  await fillRest(utc, "Wochenmarkt zieht um");
  const saved = await now(utc);
  await utc.getByRole("button", { name: /Bild hinzufügen/i }).click();
  await utc.getByRole("button", { name: /Wähle ein Bild/i }).click();
  await utc.locator("input[type=file]").setInputFiles(path.join(ROOT, "test", "fixtures", "valid", "releases", "2026", "2026-11-20-hallenbad", "baustelle.jpg"));
  await utc.getByRole("button", { name: /Ausgewähltes Element verwenden/i }).click();
  await utc.getByLabel("Alternativtext").fill("Marktstände auf dem Rathausplatz");
  await saveReviewPublish(utc);

  const folder = `content/releases/${saved.slice(0, 4)}/${saved.slice(0, 10)}-wochenmarkt-zieht-um`;
  // Said on the terminal once git has brought it into the officer's folder.
  await waitFor(() => /Veröffentlicht: [^\n]*wochenmarkt-zieht-um\/index\.md[^\n]* jetzt in main und in Ihrem Ordner/.test(running.log), "the release did not reach the officer's folder");
  assert.match(readFileSync(path.join(repo, folder, "index.md"), "utf8"), new RegExp(`^date: ${saved}$`, "m"), "saved in Berlin time");
  // The officer's files: byte for byte as they were, still uncommitted; their folder still on main.
  assert.deepEqual(mine(), before);
  assert.equal(git(repo, "symbolic-ref", "--short", "HEAD").trim(), "main");
  assert.equal(git(repo, "status", "--porcelain"), status, "nothing of theirs committed, staged or changed; the release is committed");
  // What reached main holds the new release and its photo, nothing else.
  assert.deepEqual(git(repo, "diff", "--name-only", start, "main").trim().split("\n").sort(), [`${folder}/baustelle.jpg`, `${folder}/index.md`]);
  for (const commit of git(repo, "rev-list", `${start}..main`).trim().split("\n")) {
    for (const file of git(repo, "diff-tree", "--no-commit-id", "--name-only", "-r", "-m", commit).trim().split("\n").filter(Boolean)) {
      assert.ok(file.startsWith(`${folder}/`), `${commit} holds ${file}`);
    }
  }
  // The preview shows it, and never read a folder whose branch was being switched (no photo "missing" meanwhile).
  const address = `${base}/${saved.slice(0, 10).replaceAll("-", "/")}/wochenmarkt-zieht-um/`;
  await waitFor(async () => (await fetch(address).catch(() => undefined))?.status === 200, `the preview does not show ${address}`);
  assert.doesNotMatch(running.log, /media-unreadable|nicht lesbar|Input file is missing/);

  // A browser in New York: „Jetzt“ is Berlin's time there too; a typed time (one New York's clocks skip) is saved as typed.
  const newYork = await newRelease("America/New_York");
  await fillRest(newYork, "Frühjahrsputz im Stadtpark");
  await now(newYork);
  await date(newYork).fill("2027-03-14T02:30");
  await newYork.getByRole("button", { name: "Speichern" }).click();
  await newYork.getByText("Beitrag gespeichert").first().waitFor();
  const draft = "content/releases/2027/2027-03-14-frühjahrsputz-im-stadtpark/index.md";
  const branch = "cms/releases/2027/2027-03-14-frühjahrsputz-im-stadtpark/index";
  assert.match(git(repo, "show", `${branch}:${draft}`), /^date: 2027-03-14 02:30$/m);
  assert.deepEqual(mine(), before, "a draft saved in the editor leaves the officer's files alone too");
  assert.equal(git(repo, "status", "--porcelain"), status);
  assert.equal(existsSync(path.join(repo, draft)), false, "a draft stays on its branch until it is published");
});
