/**
 * The browser editor of a site with translations (site.yaml's `languages:`):
 * one collection per offered language over the release folders, listing and
 * saving only `index.<tag>.md`, whose form has only what a translation may
 * set; a site without `languages:` keeps the one collection it had.
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { parse as parseYaml } from "yaml";
import { checkContent } from "../src/check.ts";
import { judge } from "../src/cli/editor-rules.ts";
import { adminConfig, adminFiles } from "../src/outputs/admin.ts";
import { fixture, scratchDirs } from "./helpers.ts";

const scratch = scratchDirs();

type Field = { name: string; widget: string; required?: boolean; fields?: Field[]; label: string };
type Collection = { name: string; label: string; folder: string; path: string; extension: string; create: boolean; delete?: boolean; fields: Field[]; i18n?: unknown; summary: string };

const LANGUAGES = "languages:\n  en: { name: English }\n  de-x-ls: { name: Leichte Sprache }\n  ar: { name: العربية, direction: rtl }\n";

async function configOf(name: string, extra: string): Promise<{ collections: Collection[]; i18n?: unknown; files: string[]; page: string }> {
  const content = path.join(scratch(), "content");
  cpSync(fixture(name), content, { recursive: true });
  const site = path.join(content, "site.yaml");
  writeFileSync(site, `${readFileSync(site, "utf8")}editor:\n  backend: github\n  repo: stadt/presse\n${extra}`);
  const { model, problems } = await checkContent(content);
  assert.ok(model, JSON.stringify(problems));
  const options = { target: { kind: "host", backend: model.site.editor! }, contentPath: "content" } as const;
  const files = adminFiles(model, options);
  const page = files.find((f) => f.path === "admin/index.html")!.content as string;
  return { ...parseYaml(adminConfig(model, options)), files: files.map((f) => f.path), page };
}

/** The file Decap reads and writes for an entry: the collection's folder, its path with the entry's values, its extension. */
const fileOf = (c: Collection, values: Record<string, string>): string =>
  `${c.folder}/${c.path.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key]!)}.${c.extension}`;

describe("the editor of a site with translations", () => {
  test("without languages: one collection of releases, no translations, no i18n", async () => {
    const config = await configOf("valid", "");
    assert.deepEqual(
      config.collections.map((c) => c.name),
      ["releases"],
    );
    assert.equal(config.i18n, undefined);
    assert.equal(config.collections[0]!.summary, "{{title}} ({{date}})");
    assert.ok(!config.files.includes("admin/pressroom-translations.js") && !config.page.includes("pressroom-translations.js"));
  });

  test("among the releases, a translation (listed there too) says what it is, and a script keeps it from being saved there", async () => {
    const config = await configOf("valid", LANGUAGES);
    assert.equal(config.collections[0]!.summary, "{{title}} ({{date | default('Übersetzung: unter „Übersetzungen“ bearbeiten')}})");
    assert.ok(config.files.includes("admin/pressroom-translations.js"));
    assert.match(config.page, /<script src="pressroom-translations\.js" data-message="Das ist eine Übersetzung: bearbeiten Sie sie unter „Übersetzungen“ in ihrer Sprache, nicht hier/);
  });

  test("one collection per offered language, in site.yaml's order, named in the language itself, over the originals' folders", async () => {
    const config = await configOf("valid", LANGUAGES);
    const [releases, ...translations] = config.collections;
    assert.equal(releases!.name, "releases");
    assert.equal(releases!.extension, "md");
    assert.deepEqual(
      translations.map((c) => [c.name, c.label, c.extension]),
      [
        ["releases-en", "Übersetzungen: English", "en.md"],
        ["releases-de-x-ls", "Übersetzungen: Leichte Sprache", "de-x-ls.md"],
        ["releases-ar", "Übersetzungen: العربية", "ar.md"],
      ],
    );
    // Decap's i18n (multiple_files) would name the original index.de.md: not used.
    assert.equal(config.i18n, undefined);
    const values = { year: "2026", month: "11", day: "20", slug: "hallenbad" };
    for (const c of translations) {
      assert.equal(c.folder, releases!.folder);
      assert.equal(c.path, releases!.path);
      assert.equal(c.i18n, undefined);
      // Started from the original with `pressroom new --translation`, never as an entry of its own; never deleted with its folder.
      assert.equal(c.create, false);
      assert.equal(c.delete, false);
    }
    // The files Decap saves: beside index.md, as the content format names translations.
    assert.equal(fileOf(releases!, values), "content/releases/2026/2026-11-20-hallenbad/index.md");
    assert.deepEqual(
      translations.map((c) => fileOf(c, values)),
      ["en", "de-x-ls", "ar"].map((tag) => `content/releases/2026/2026-11-20-hallenbad/index.${tag}.md`),
    );
  });

  test("a translation's form has only what a translation may set: nothing of the original is written into its file", async () => {
    const config = await configOf("valid", LANGUAGES);
    for (const c of config.collections.slice(1)) {
      assert.deepEqual(
        c.fields.map((f) => f.name),
        ["title", "subtitle", "translated", "media", "body"],
      );
      const byName = new Map(c.fields.map((f) => [f.name, f]));
      assert.equal(byName.get("title")!.required, undefined, "a translation's title is required");
      assert.equal(byName.get("translated")!.required, false);
      assert.equal(byName.get("translated")!.widget, "datetime");
      // The alt text and caption of the original's photos; their credit comes from the original.
      const media = byName.get("media")!;
      assert.deepEqual(
        media.fields!.map((f) => [f.name, f.required ?? true]),
        [
          ["file", true],
          ["alt", true],
          ["caption", false],
        ],
      );
      // Labels as the original's form has them, where the field is the same.
      const original = new Map(config.collections[0]!.fields.map((f) => [f.name, f]));
      for (const name of ["title", "subtitle", "body"]) assert.deepEqual(byName.get(name), original.get(name));
    }
  });

  test("an English site's translations speak English", async () => {
    const config = await configOf("english", "languages:\n  de: { name: Deutsch }\n");
    assert.deepEqual(
      config.collections.map((c) => [c.name, c.label]),
      [
        ["releases", "Press releases"],
        ["releases-de", "Translations: Deutsch"],
      ],
    );
    assert.equal(config.collections[1]!.fields[2]!.label, "Translated");
  });

  test("the local editor (pressroom edit) lets each translation collection save its files, and no collection of another name", async () => {
    const config = await configOf("valid", LANGUAGES);
    const rules = { mode: "git", releases: "content/releases", branch: "main" } as const;
    const save = (collection: string, file: string) => ({
      action: "persistEntry",
      params: {
        branch: "main",
        dataFiles: [{ slug: "2026/2026-11-20-hallenbad/index", path: `content/releases/2026/2026-11-20-hallenbad/${file}`, raw: "---\ntitle: x\n---\n" }],
        assets: [],
        options: { collectionName: collection, commitMessage: "x", useWorkflow: true, status: "draft" },
      },
    });
    for (const c of config.collections) {
      const file = c.extension === "md" ? "index.md" : `index.${c.extension}`;
      assert.ok(judge(save(c.name, file), rules).ok, c.name);
      assert.ok(judge({ action: "publishUnpublishedEntry", params: { branch: "main", collection: c.name, slug: "2026/2026-11-20-hallenbad/index" } }, rules).ok, c.name);
    }
    for (const other of ["releases-", "releases-EN", "releases-../x", "pages", "releases-2024"]) {
      assert.equal(judge(save(other, "index.md"), rules).ok, false, other);
    }
  });
});
