/**
 * The preview on a generated archive: a save that changes a release's text or
 * title is on screen (Chromium's load event, the new words in the page) before
 * the build that follows it has finished, and a save that breaks the file shows
 * its problem just as soon. Whatever the quick lane showed, the preview's
 * folder ends up with exactly the files and bytes of a cold preview build
 * of the same content.
 */
import assert from "node:assert/strict";
import { appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { generateCorpus } from "../scripts/gen-corpus.ts";
import { launchChromium } from "./browser.ts";
import { listFiles, pressroom, ROOT, scratchDirs } from "./helpers.ts";
import { startServe, until, type Serving } from "./serve-process.ts";

const newDir = scratchDirs();
const NOW = "2026-12-01T12:00:00+01:00";
/** Large enough that a build takes seconds here, while one page takes a fraction of one. */
const RELEASES = 300;

/** The files of a folder and their bytes. */
const snapshot = (dir: string): Map<string, string> =>
  new Map(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file)).toString("base64")]));

describe("the preview's quick lane on a generated archive", () => {
  const work = newDir();
  const content = path.join(work, "content");
  const out = path.join(work, "preview");
  let serving: Serving;
  const output = (): string => serving.output();
  let browser: Browser;
  let page: Page;
  let file = "";
  let url = "";
  /** The builds the preview has finished so far (its terminal says so after each). */
  const builds = (): number => output().split(/^Vorschau gebaut/m).length - 1;

  before(async () => {
    await generateCorpus({ out: content, releases: RELEASES, seed: 5 });
    const year = readdirSync(path.join(content, "releases")).sort()[3]!;
    const name = readdirSync(path.join(content, "releases", year)).filter((f) => f.endsWith(".md")).sort()[2]!;
    file = path.join(content, "releases", year, name);
    const [, y, m, d, slug] = /^(\d{4})-(\d\d)-(\d\d)-(.+)\.md$/.exec(name)!;
    url = `/${y}/${m}/${d}/${slug}/`;
    serving = await startServe(["--content", content, "--out", out, "--cache", path.join(work, "cache"), "--port", "0", "--now", NOW], { cwd: work, seconds: 300 });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(new URL(url, serving.base).href);
  });
  after(async () => {
    if (process.env.SHOW_OUTPUT) console.log(output());
    await browser?.close();
    await serving?.stop();
  });

  /**
   * Saves `change` once the preview is idle, and waits for the open page to load with what `shows` looks for;
   * says how many builds had finished when it did.
   */
  async function save(change: () => void, shows: (html: string) => boolean): Promise<{ text: string; buildsBefore: number; buildsAtLoad: number }> {
    await until("the preview's build", () => (builds() >= settled ? true : undefined));
    // A reload that follows that build (the page of problems shown again) comes before the save.
    await new Promise((r) => setTimeout(r, 700));
    const buildsBefore = builds();
    settled = buildsBefore + 1;
    const end = Date.now() + 120_000;
    const loads: Promise<unknown>[] = [];
    const next = (): Promise<unknown> => page.waitForEvent("load", { timeout: Math.max(1, end - Date.now()) });
    loads.push(next());
    change();
    for (;;) {
      await loads.shift();
      const buildsAtLoad = builds();
      loads.push(next());
      // Another reload may have begun already: its own load event comes next.
      const text = await page.content().catch(() => "");
      if (shows(text)) return { text, buildsBefore, buildsAtLoad };
    }
  }
  /** The builds that must have finished before the next save: the first one, then one after each save. */
  let settled = 1;

  test("a saved text is in the open page before the build that follows it is done", async () => {
    for (let i = 0; i < 3; i++) {
      const marker = `Nachtrag-${i}-zum-Text`;
      const seen = await save(() => appendFileSync(file, `\n${marker}\n`), (html) => html.includes(marker));
      // The build after a save takes seconds at this size; the page came from the quick lane, not from it.
      assert.equal(seen.buildsAtLoad, seen.buildsBefore, `save ${i}: the page was reloaded before the build finished`);
    }
  });

  test("a new title and subtitle are in the open page before the build that follows them is done", async () => {
    const before = readFileSync(file, "utf8");
    const retitled = before.replace(/^title: .*$/m, 'title: "Neuer Titel aus dem Schnellweg"').replace(/^date:/m, 'subtitle: "Mit einer Unterzeile"\ndate:');
    const seen = await save(() => writeFileSync(file, retitled), (html) => html.includes("Neuer Titel aus dem Schnellweg") && html.includes("Mit einer Unterzeile"));
    assert.equal(seen.buildsAtLoad, seen.buildsBefore, "the page was reloaded before the build finished");
  });

  test("a save that breaks the file shows its problem at once; fixing it brings the page back", async () => {
    const good = readFileSync(file, "utf8");
    const broken = await save(() => writeFileSync(file, good.replace(/^date: .*$/m, "date: 31.11.2026")), (html) => html.includes("31.11.2026"));
    assert.match(broken.text, /invalid-date|impossible-date/);
    // The terminal says it too, once (the build that follows finds the same problem and does not repeat it).
    await until("the problem on the terminal", () => (/\[invalid-date\]/.test(output()) ? true : undefined));
    // That build fails: no "Vorschau gebaut" follows it, and the next save need not wait for one.
    await new Promise((r) => setTimeout(r, 3000));
    settled = builds();
    assert.equal(output().split("[invalid-date]").length - 1, 1);
    const fixed = await save(() => writeFileSync(file, `${good}\nWieder richtig.\n`), (html) => html.includes("Wieder richtig."));
    assert.equal(fixed.buildsAtLoad, fixed.buildsBefore, "the page came back before the build finished");
  });

  test("after saves of every kind the preview's folder has exactly the files and bytes of a cold preview build", async () => {
    const text = readFileSync(file, "utf8");
    // A new title (its page at once, the listings and feeds from the build), then a text again, quickly one after the other.
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: "Ein neuer Titel für die Vorschau"'));
    await new Promise((r) => setTimeout(r, 30));
    appendFileSync(file, "\nNoch ein Satz.\n");
    const cold = path.join(work, "cold");
    const built = pressroom(["build", "--preview", "--content", content, "--out", cold, "--cache", path.join(work, "cold-cache"), "--now", NOW]);
    assert.equal(built.status, 0, built.stderr);
    const expected = snapshot(cold);
    const differs = (): string[] => {
      const actual = snapshot(out);
      const files = new Set([...expected.keys(), ...actual.keys()]);
      return [...files].filter((f) => expected.get(f) !== actual.get(f));
    };
    let last: string[] = [];
    await until(
      "the preview's folder to match a cold build",
      () => {
        last = differs();
        return last.length === 0 ? true : undefined;
      },
      120,
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${last.slice(0, 10).join(", ")}`);
    });
    assert.ok(readFileSync(path.join(out, url.slice(1), "index.html"), "utf8").includes("Ein neuer Titel für die Vorschau"));
  });
});

test("the quick lane makes a release's page with the bytes a build makes of the same text, for every release of the example site", async () => {
  const { build } = await import("../src/build.ts");
  const { quickPages } = await import("../src/build/quick-page.ts");
  type State = Parameters<typeof quickPages>[0];
  const work = newDir();
  const content = path.join(work, "content");
  cpSync(path.join(ROOT, "content"), content, { recursive: true });
  const preview = { contentDir: content, cacheDir: path.join(work, "cache"), preview: true, now: NOW } as const;
  let state: State | undefined;
  await build({ ...preview, outDir: path.join(work, "preview"), onPreviewState: (kept) => (state = kept) });
  assert.ok(state, "the build gave the preview its state");
  const releases = [...state.planned.keys()];
  assert.ok(releases.length >= 5);
  // Every release's text changed at once, in one save of several files.
  for (const file of releases) appendFileSync(path.join(content, file), "\nEin Satz, der später dazukam.\n");
  const shown = await quickPages(state, releases.map((file) => path.join(content, file)));
  assert.equal(shown?.kind, "pages");
  assert.equal(shown.kind === "pages" && shown.written.size, releases.length);
  const cold = path.join(work, "cold");
  await build({ ...preview, outDir: cold, cacheDir: path.join(work, "cold-cache") });
  for (const page of shown.kind === "pages" ? shown.written.keys() : []) {
    assert.equal(readFileSync(path.join(work, "preview", page), "utf8"), readFileSync(path.join(cold, page), "utf8"), page);
  }
  // New words in the front matter too: each release's page from the quick lane is the build's page of them.
  // The first release with a subtitle loses it; the others get new ones.
  const cut = releases.find((file) => /^subtitle: /m.test(readFileSync(path.join(content, file), "utf8")));
  assert.ok(cut, "a release of the example has a subtitle");
  for (const file of releases) {
    const source = readFileSync(path.join(content, file), "utf8");
    const subtitled = file === cut ? source.replace(/^subtitle: .*\n/m, "") : source.replace(/^subtitle: (["']?)/m, "subtitle: $1Anders – ");
    const retitled = subtitled.replace(/^title: (["']?)/m, "title: $1Neu – ");
    // A tag new to the site too: it gets a page, and the release's page links it.
    writeFileSync(path.join(content, file), retitled.replace(/^tags: \[/m, "tags: [Schnellweg, ").replace(/^---\n([\s\S]*?)\n---/, (all, head: string) => (/^tags:/m.test(head) ? all : `---\n${head}\ntags: [Schnellweg]\n---`)));
  }
  const retitled = await quickPages(state, releases.map((file) => path.join(content, file)));
  assert.equal(retitled?.kind, "pages");
  if (retitled.kind === "pages") await retitled.drawing;
  const again = path.join(work, "cold-again");
  await build({ ...preview, outDir: again, cacheDir: path.join(work, "cold-cache") });
  for (const page of retitled.kind === "pages" ? retitled.written.keys() : []) {
    const quick = readFileSync(path.join(work, "preview", page), "utf8");
    assert.match(quick, /Neu – /, page);
    assert.match(quick, /href="\/themen\/schnellweg\/"/, page);
    assert.equal(quick, readFileSync(path.join(again, page), "utf8"), page);
    // The card with the new title and the kit with its new text file, which the page names, are in place too.
    for (const [, named] of quick.matchAll(/(?:og:image" content="https:\/\/[^/]+|href=")(\/[^"]+\.(?:png|jpg|zip))"/g)) {
      assert.ok(readFileSync(path.join(again, named!)).equals(readFileSync(path.join(work, "preview", named!))), `${page}: ${named}`);
    }
  }
});
