/**
 * The editor of a site with translations, in Chromium: Decap itself (the
 * bundle and config.yml a build writes, on Decap's in-memory `test-repo`
 * backend instead of a git host) takes the language collections, lists a
 * release's translation under its language only, and saves `index.en.md`
 * with nothing but what a translation may set.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { parse as parseYaml, stringify } from "yaml";
import { checkContent } from "../src/check.ts";
import { adminFiles } from "../src/outputs/admin.ts";
import { launchChromium, saveReviewPublish } from "./browser.ts";
import { fixture, git, officeRepository, scratchDirs, startEdit } from "./helpers.ts";

// The functions given to page.evaluate run in the page; the project's TypeScript has no DOM types.
declare const window: { repoFiles: Record<string, unknown> };

const scratch = scratchDirs();
const FOLDER = "2026-11-20-hallenbad";
const ORIGINAL = readFileSync(path.join(fixture("valid"), "releases", "2026", FOLDER, "index.md"), "utf8");
const TRANSLATION = [
  "---",
  "title: 'New indoor pool: topping-out on Friday'",
  "translated: 2026-11-22 10:00",
  "media:",
  "  - file: baustelle.jpg",
  "    alt: Shell of the indoor pool with a crane",
  "draft: true",
  "---",
  "",
  "The city invites everyone to the topping-out ceremony.",
  "",
].join("\n");
type Repo = { releases: { "2026": Record<string, Record<string, { content: string; path: string }>> } };
/** The release with its English translation, as Decap's in-memory backend holds files. */
const repository = (): Repo => ({
  releases: {
    "2026": {
      [FOLDER]: {
        "index.md": { content: ORIGINAL, path: `releases/2026/${FOLDER}/index.md` },
        "index.en.md": { content: TRANSLATION, path: `releases/2026/${FOLDER}/index.en.md` },
      },
    },
  },
});

/** What a translation's front matter may set (docs/content.md). */
const ALLOWED = ["title", "subtitle", "translated", "draft", "media"];

/** The admin/ folder a build of the valid site with languages writes, its config on Decap's in-memory backend. */
async function adminFolder(): Promise<string> {
  const content = path.join(scratch(), "content");
  cpSync(fixture("valid"), content, { recursive: true });
  writeFileSync(
    path.join(content, "site.yaml"),
    `${readFileSync(path.join(content, "site.yaml"), "utf8")}editor:\n  backend: github\n  repo: stadt/presse\nlanguages:\n  en: { name: English }\n  de-x-ls: { name: Leichte Sprache }\n`,
  );
  // The build does not know translations yet (branch languages): the config is made from the settings alone.
  const { model } = await checkContent(content);
  assert.ok(model);
  const out = scratch();
  mkdirSync(path.join(out, "admin"));
  for (const file of adminFiles(model, { target: { kind: "host", backend: model.site.editor! }, contentPath: "" })) {
    const target = path.join(out, file.path);
    if (typeof file.content === "object" && "copyFrom" in file.content) cpSync(file.content.copyFrom, target);
    else writeFileSync(target, file.content as string, { flag: "w" });
  }
  const config = parseYaml(readFileSync(path.join(out, "admin", "config.yml"), "utf8"));
  // test-repo takes every file of a media folder for a photo: the photos' folder is one without the release files here.
  const collections = config.collections.map((c: object) => ({ ...c, media_folder: "/media", public_folder: "/media" }));
  writeFileSync(path.join(out, "admin", "config.yml"), stringify({ ...config, media_folder: "media", collections, backend: { name: "test-repo" }, publish_mode: "simple" }));
  return out;
}

describe("the editor's translations in Chromium", () => {
  let browser: Browser;
  let out: string;
  /** index.en.md as the editor saved it. */
  let savedTranslation: string | undefined;
  before(async () => {
    [browser, out] = await Promise.all([launchChromium(), adminFolder()]);
  });
  after(() => browser?.close());

  /** A page of the editor on `files` (Decap's in-memory repository): its errors and what it asked for outside admin/. */
  async function editorPage(files: Repo) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`${error.message}\n${error.stack ?? ""}`));
    page.on("dialog", (dialog) => void dialog.accept());
    const asked: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      const file = path.join(out, decodeURIComponent(url.pathname).replace(/\/$/, "/index.html"));
      if (url.origin === "http://127.0.0.1:9" && file.startsWith(out) && existsSync(file)) return route.fulfill({ path: file });
      asked.push(url.href);
      return route.abort();
    });
    await page.addInitScript((repo) => {
      window.repoFiles = repo;
    }, files);
    return { page, errors, asked };
  }

  test("a translation is listed under its language, and saved with only what a translation may set", { timeout: 90_000 }, async () => {
    const files = repository();
    const { page, errors, asked } = await editorPage(files);
    await page.goto("http://127.0.0.1:9/admin/#/collections/releases-en");
    await page.getByRole("button", { name: "Login" }).click();
    // The collections, named in their languages; the English one lists the translation by its title and folder.
    await page.getByText("Übersetzungen: Leichte Sprache").first().waitFor({ timeout: 30_000 });
    const entry = page.getByText(`New indoor pool: topping-out on Friday (2026/${FOLDER})`);
    await entry.waitFor({ timeout: 30_000 });
    await entry.click();
    const title = page.getByLabel("Titel", { exact: true });
    await title.waitFor();
    // The form has no field of the original's: no date, no department.
    assert.equal(await page.getByLabel("Datum", { exact: true }).count(), 0);
    assert.equal(await page.getByRole("combobox", { name: "Amt" }).count(), 0);
    await title.fill("New indoor pool: topping-out ceremony on Friday");
    await page.getByLabel(/^Untertitel/).fill("Everyone is invited");
    if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });
    await page.getByText("Veröffentlichen", { exact: true }).first().click();
    await page.getByText("Jetzt veröffentlichen").click();
    await page.getByText("Beitrag gespeichert").first().waitFor({ timeout: 30_000 });

    const saved = (await page.evaluate(() => window.repoFiles)) as Repo;
    const folder = saved.releases["2026"][FOLDER]!;
    assert.deepEqual(Object.keys(folder).sort(), ["index.en.md", "index.md"], "saved as index.en.md beside index.md, nothing else");
    assert.equal(folder["index.md"]!.content, ORIGINAL, "the original untouched");
    const text = folder["index.en.md"]!.content;
    savedTranslation = text;
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
    assert.deepEqual(
      Object.keys(front).filter((key) => !ALLOWED.includes(key)),
      [],
      text,
    );
    assert.equal(front.title, "New indoor pool: topping-out ceremony on Friday");
    assert.equal(front.subtitle, "Everyone is invited");
    assert.equal(front.draft, true, "a field the form has not is kept");
    assert.match(text, /^translated: 2026-11-22 10:00$/m, "the date as pressroom reads it");
    assert.deepEqual(front.media, [{ file: "baustelle.jpg", alt: "Shell of the indoor pool with a crane" }]);
    assert.match(text, /The city invites everyone to the topping-out ceremony\./);
    // Only the photo's preview, from the stand-in media folder the in-memory repository has not.
    assert.deepEqual(
      asked.filter((url) => !url.endsWith("/baustelle.jpg")),
      [],
      "the editor asked for nothing else outside admin/",
    );
    assert.deepEqual(errors, []);
  });

  test("among the releases a translation says what it is, and is never saved there with the original's fields", { timeout: 90_000 }, async () => {
    const { page, errors } = await editorPage(repository());
    await page.goto("http://127.0.0.1:9/admin/#/collections/releases");
    await page.getByRole("button", { name: "Login" }).click();
    // Decap lists every .md file of a release folder here: the translation's missing date is replaced by what it is.
    const entry = page.getByText("New indoor pool: topping-out on Friday (Übersetzung: unter „Übersetzungen“ bearbeiten)");
    await entry.waitFor({ timeout: 30_000 });
    await page.getByText(/^Neues Hallenbad: Richtfest am Freitag \(2026-11-20/).waitFor();
    await entry.click();
    // Filled in as the form demands, it is still refused: it would be a translation with a date and a department.
    await page.getByLabel("Datum", { exact: true }).fill("2026-11-20T09:00");
    await page.getByRole("combobox", { name: "Amt" }).fill("Kultur");
    await page.keyboard.press("Enter");
    await page.getByText("Veröffentlichen", { exact: true }).first().click();
    await page.getByText("Jetzt veröffentlichen").click();
    await page.getByText(/Das ist eine Übersetzung: bearbeiten Sie sie unter „Übersetzungen“ in ihrer Sprache/).first().waitFor({ timeout: 30_000 });
    const saved = (await page.evaluate(() => window.repoFiles)) as Repo;
    assert.equal(saved.releases["2026"][FOLDER]!["index.en.md"]!.content, TRANSLATION);
    // Decap rejects a refused save with its own action object, which no one handles: "Object" is that, and nothing else was thrown.
    assert.deepEqual(
      errors.map((e) => e.trim()),
      ["Object"],
    );
  });

  // Switch on when the translation core (branch languages) is merged: until then check reads index.en.md as a release of its own.
  test("the translation the editor saved passes pressroom check", async () => {
    assert.ok(savedTranslation, "the first test saved it");
    const content = path.join(scratch(), "content");
    cpSync(fixture("valid"), content, { recursive: true });
    writeFileSync(path.join(content, "site.yaml"), `${readFileSync(path.join(content, "site.yaml"), "utf8")}languages:\n  en: { name: English }\n`);
    writeFileSync(path.join(content, "releases", "2026", FOLDER, "index.en.md"), savedTranslation);
    const { problems } = await checkContent(content);
    assert.deepEqual(problems, []);
  });
});

describe("a translation edited with pressroom edit", () => {
  test("is saved on its own branch, published onto main as index.en.md with only what a translation may set, and checks", { timeout: 180_000 }, async (t) => {
    const repo = officeRepository(scratch());
    writeFileSync(path.join(repo, "content", "site.yaml"), `${readFileSync(path.join(repo, "content", "site.yaml"), "utf8")}languages:\n  en: { name: English }\n`);
    writeFileSync(path.join(repo, "content", "releases", "2026", FOLDER, "index.en.md"), TRANSLATION);
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "English");
    const running = await startEdit(repo);
    t.after(() => running.stop());
    const browser = await launchChromium();
    t.after(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`${running.base}/admin/#/collections/releases-en`);
    await page.getByRole("button", { name: "Login" }).click();
    await page.getByText(`New indoor pool: topping-out on Friday (2026/${FOLDER})`).click({ timeout: 30_000 });
    await page.getByLabel("Titel", { exact: true }).fill("New indoor pool: topping-out ceremony on Friday");
    await saveReviewPublish(page);
    assert.doesNotMatch(running.log, /Abgelehnt|Refused/);
    const file = `content/releases/2026/${FOLDER}/index.en.md`;
    await running.waitFor(() => git(repo, "branch", "--list", "cms/*") === "" && /ceremony/.test(readFileSync(path.join(repo, file), "utf8")), "the translation was not merged");
    const text = git(repo, "show", `main:${file}`);
    const front = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
    assert.deepEqual(
      Object.keys(front).filter((key) => !ALLOWED.includes(key)),
      [],
      text,
    );
    assert.equal(git(repo, "show", `main:content/releases/2026/${FOLDER}/index.md`), ORIGINAL);
    const { problems } = await checkContent(path.join(repo, "content"));
    assert.deepEqual(problems, []);
  });
});
