/**
 * The browser editor (Decap CMS in admin/): its configuration comes from the
 * site, a real build has it only with `editor:` in site.yaml (with a security
 * policy of its own, out of the sitemap, feeds and search), and a press
 * officer can write a release with a photo in Chromium against decap-server
 * on 127.0.0.1 (`pressroom edit`), which is published through the editorial
 * workflow onto the main branch, then checks and builds — with no request
 * leaving this machine.
 */
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium } from "playwright-core";
import { saveReviewPublish } from "./browser.ts";
import { parse as parseYaml } from "yaml";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { mediaSchema, releaseSchema } from "../src/content/schema.ts";
import { adminConfig } from "../src/outputs/admin.ts";
import { fixture, git, officeRepository, startEdit, html, listFiles, pressroom, readText, ROOT, scratchDirs } from "./helpers.ts";

const scratch = scratchDirs();
const NOW = "2026-11-27T12:00";

type Field = { name: string; widget: string; required?: boolean; options?: { label: string; value: string }[]; fields?: Field[]; format?: string };

/** A copy of a fixture site whose site.yaml ends with `extra`. */
function siteWith(name: string, extra: string): string {
  const content = path.join(scratch(), "content");
  cpSync(fixture(name), content, { recursive: true });
  const site = path.join(content, "site.yaml");
  writeFileSync(site, `${readFileSync(site, "utf8")}${extra}`);
  return content;
}

/** The blocks of `_headers` whose path matches `address`, their headers joined as a host joins them. */
function headersFor(text: string, address: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let applies = false;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (!line.startsWith(" ")) {
      const pattern = line.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
      applies = new RegExp(`^${pattern}$`).test(address);
    } else if (applies) {
      const at = line.indexOf(":");
      const name = line.slice(0, at).trim();
      found.set(name, [...(found.get(name) ?? []), line.slice(at + 1).trim()]);
    }
  }
  return found;
}

describe("admin/ in a real build", () => {
  let plain: string;
  let out: string;
  let content: string;
  before(async () => {
    plain = scratch();
    content = siteWith("valid", "editor:\n  backend: github\n  repo: stadt/presse\n");
    out = scratch();
    await Promise.all([
      build({ contentDir: fixture("valid"), outDir: plain, now: NOW, cacheDir: scratch() }),
      build({ contentDir: content, outDir: out, now: NOW, cacheDir: scratch() }),
    ]);
  });

  test("without editor: in site.yaml a build has no admin/", () => {
    assert.equal(existsSync(path.join(plain, "admin")), false);
    assert.doesNotMatch(readText(plain, "_headers"), /admin/);
  });

  test("config.yml is made from the site: its departments and contacts, German labels, required alt text, the editorial workflow", () => {
    const config = parseYaml(readText(out, "admin/config.yml"));
    assert.equal(config.locale, "de");
    assert.deepEqual(config.backend, { name: "github", repo: "stadt/presse", branch: "main" });
    assert.equal(config.local_backend, undefined, "a real build saves at the git host only");
    assert.equal(config.publish_mode, "editorial_workflow");
    const [releases] = config.collections;
    // A folder per release with its photos beside index.md, as the loader reads releases.
    assert.equal(releases.folder, "releases");
    assert.equal(releases.path, "{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}/index");
    assert.deepEqual([releases.media_folder, releases.public_folder], ["", ""]);
    const fields = new Map<string, Field>(releases.fields.map((f: Field) => [f.name, f]));
    // Every field is one of the front matter's, named as there.
    for (const name of fields.keys()) assert.ok(name === "body" || name in releaseSchema.shape, name);
    for (const f of fields.get("media")!.fields!) assert.ok(f.name in mediaSchema.shape, f.name);
    const departments = parseYaml(readFileSync(path.join(content, "departments.yaml"), "utf8")) as Record<string, { name: string }>;
    const contacts = parseYaml(readFileSync(path.join(content, "contacts.yaml"), "utf8")) as Record<string, { name: string }>;
    const options = (name: string) => [...fields.get(name)!.options!].sort((a, b) => a.value.localeCompare(b.value));
    assert.deepEqual(options("department"), Object.entries(departments).map(([value, d]) => ({ label: d.name, value })).sort((a, b) => a.value.localeCompare(b.value)));
    assert.deepEqual(options("contact"), Object.entries(contacts).map(([value, c]) => ({ label: c.name, value })).sort((a, b) => a.value.localeCompare(b.value)));
    assert.equal(fields.get("department")!.widget, "select");
    assert.equal(fields.get("contact")!.required, false);
    assert.equal(fields.get("date")!.format, "YYYY-MM-DD HH:mm");
    const alt = fields.get("media")!.fields!.find((f) => f.name === "alt")!;
    assert.equal(alt.required, true);
    assert.equal(fields.get("title")!.widget, "string");
    assert.match(JSON.stringify(releases.fields), /"label":"Alternativtext"/);
  });

  test("the page loads Decap from the site itself, and nothing lists the editor", () => {
    const $ = html(out, "admin/index.html");
    assert.deepEqual($("script").map((_, s) => $(s).attr("src")).get(), ["decap-cms.js", "pressroom-datetime.js", "pressroom-words.js"]);
    assert.equal($('script[src="pressroom-datetime.js"]').attr("data-time-zone"), "Europe/Berlin", "the date field works in the site's zone");
    assert.match($('meta[name="robots"]').attr("content")!, /noindex/);
    assert.equal($("html").attr("lang"), "de");
    const files = listFiles(path.join(out, "admin"));
    assert.ok(files.includes("decap-cms.js"));
    assert.ok(files.some((f) => /^\d+\.decap-cms\.js$/.test(f)), "the chunks it loads on demand");
    assert.ok(!files.some((f) => f.endsWith(".map") || /^\d+\.cms\.js$/.test(f)), "no source maps, no second build of the chunks");
    for (const file of ["sitemap.xml", "feed.xml", "feed.json", "releases.json"]) assert.doesNotMatch(readText(out, file), /\/admin\//, file);
    // The search index's files are named by their content: the same names, the same index.
    const search = (dir: string) => listFiles(dir).filter((f) => f.startsWith("pagefind/"));
    assert.deepEqual(search(out), search(plain));
    assert.equal(readText(plain, "sitemap.xml"), readText(out, "sitemap.xml"), "the sitemap is the same with and without the editor");
  });

  test("_headers: the editor has a policy of its own, the pages keep theirs, and neither is joined with the other", () => {
    const headers = readText(out, "_headers");
    const admin = headersFor(headers, "/admin/index.html");
    assert.equal(admin.get("Content-Security-Policy")!.length, 1);
    const policy = admin.get("Content-Security-Policy")![0]!;
    assert.match(policy, /script-src 'self' 'unsafe-eval'(;|$)/);
    assert.match(policy, /connect-src 'self' blob: https:\/\/api\.github\.com(;|$)/);
    assert.deepEqual(admin.get("X-Robots-Tag"), ["noindex, nofollow"]);
    assert.deepEqual(admin.get("X-Content-Type-Options"), ["nosniff"]);
    for (const address of ["/", "/index.html", "/2026/11/20/hallenbad/", "/feed.xml"]) {
      const page = headersFor(headers, address).get("Content-Security-Policy");
      assert.equal(page?.length, 1, address);
      assert.doesNotMatch(page![0]!, /'unsafe-(eval|inline)'/, address);
    }
    // A site without the editor keeps its one policy for every address.
    assert.equal(headersFor(readText(plain, "_headers"), "/").get("Content-Security-Policy")!.length, 1);
    assert.match(readText(plain, "_headers"), /^\/\*\n {2}Content-Security-Policy: /);
  });

  test("an English site's editor speaks English, and a GitLab of the city's own is asked at its own address", async () => {
    const english = siteWith("english", "editor:\n  backend: gitlab\n  repo: stadt/presse\n  base_url: https://git.example.org\n  api_root: https://git.example.org/api/v4\n  app_id: 0a1b2c\n");
    const { model } = await checkContent(english);
    const config = parseYaml(adminConfig(model!, { target: { kind: "host", backend: model!.site.editor! }, contentPath: "content" }));
    assert.equal(config.locale, "en");
    assert.equal(config.collections[0].folder, "content/releases");
    assert.deepEqual(config.backend, {
      name: "gitlab",
      repo: "stadt/presse",
      branch: "main",
      base_url: "https://git.example.org",
      api_root: "https://git.example.org/api/v4",
      app_id: "0a1b2c",
      auth_type: "pkce",
    });
    const labels = config.collections[0].fields.map((f: Field & { label: string }) => f.label);
    assert.ok(labels.includes("Title") && labels.includes("Department"), labels.join());
  });

  test("a wrong editor: section is a content error with its line, field and hint", () => {
    const content = siteWith("valid", "editor:\n  backend: bitbucket\n  repo: presse\n  base_url: http://auth.example.org\n");
    const result = pressroom(["check", "--content", content]);
    assert.equal(result.status, 1);
    // Every mistake of the section at once, each on its line.
    for (const [line, field, hint] of [
      [10, "editor.backend", /github oder gitlab/],
      [11, "editor.repo", /besitzer\/name/],
      [12, "editor.base_url", /https:\/\/-Adresse/],
    ] as const) {
      assert.match(result.stderr, new RegExp(`site\\.yaml:${line} [^\\n]*\\n[^]*?${field.replace(".", "\\.")}`), field);
      assert.match(result.stderr, hint, field);
    }
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");

    const notAGroup = pressroom(["check", "--content", siteWith("valid", "editor: github\n")]);
    assert.equal(notAGroup.status, 1);
    assert.match(notAGroup.stderr, /site\.yaml:9 /);
    assert.match(notAGroup.stderr, /eine Gruppe mit backend: \(github oder gitlab\), repo:/);
  });
});



describe("pressroom edit", () => {
  let edit: ChildProcess | undefined;
  after(() => edit?.kill());

  test("a release with a photo written in the browser is published onto main, checks and builds; nothing leaves 127.0.0.1", async (t) => {
    // A press office's repository: the site in content/, no .gitignore (edit keeps its own folders out of commits).
    const repo = officeRepository(scratch());

    const running = await startEdit(repo);
    edit = running.child;
    const { base, waitFor } = running;
    // The editor's address first, then the preview's, in the site's language.
    assert.match(running.log, new RegExp(`Redaktion: +${base}/admin/\\nVorschau: +${base}/\\n`));

    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    t.after(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const outside: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
      outside.push(url.href);
      return route.abort();
    });
    // Publishing asks for confirmation: unanswered, nothing is published.
    page.on("dialog", (dialog) => void dialog.accept());
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(`${error.name}: ${error.message}\n${error.stack ?? ""}`));
    await page.goto(`${base}/admin/`);
    await page.getByRole("button", { name: "Login" }).click();
    // The list: newest first, under a new-release button whose plus every font has (Decap's own is U+FF0B, a box on many computers).
    await page.getByText("+ Pressemitteilung", { exact: true }).waitFor({ timeout: 30_000 });
    const entries = page.locator("a[href*='/collections/releases/entries/']");
    await entries.first().waitFor({ timeout: 30_000 });
    const dates = (await entries.allInnerTexts()).map((text) => /\((\d{4}-\d\d-\d\d)/.exec(text)?.[1] ?? "");
    assert.ok(dates.length >= 2 && dates.every((d) => d !== ""), dates.join(", "));
    assert.deepEqual(dates, [...dates].sort().reverse());
    await page.goto(`${base}/admin/#/collections/releases/new`);
    await page.getByLabel("Titel", { exact: true }).fill("Neue Brücke über die Aa freigegeben");
    await page.getByLabel("Datum", { exact: true }).fill("2026-11-27T09:15");
    await page.getByRole("combobox", { name: "Amt" }).fill("Tiefbau");
    await page.keyboard.press("Enter");
    await page.getByRole("combobox", { name: "Pressekontakt" }).fill("Jaskowiak");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: /Bild hinzufügen/i }).click();
    await page.getByRole("button", { name: /Wähle ein Bild/i }).click();
    await page.locator("input[type=file]").setInputFiles(path.join(ROOT, "test", "fixtures", "valid", "releases", "2026", "2026-11-20-hallenbad", "baustelle.jpg"));
    await page.getByRole("button", { name: /Ausgewähltes Element verwenden/i }).click();
    await page.getByLabel("Alternativtext").fill("Die neue Stahlbrücke über der Aa im Morgenlicht");
    await page.locator("[data-slate-editor=true]").click();
    await page.keyboard.type("Die Brücke ist ab heute für Fuß- und Radverkehr offen.");
    // Saved, the release waits on its branch until it is marked ready and published.
    await saveReviewPublish(page);
    assert.deepEqual(outside, [], "the editor asked servers other than 127.0.0.1");
    // The trial saw a "pageerror: undefined" once; the whole path, list to publish, throws none here.
    assert.deepEqual(pageErrors, []);
    // Everything the editor asked for passed the checks of the preview's front (editor-api.ts).
    assert.doesNotMatch(running.log, /Abgelehnt|Refused/);

    // The folder is named after the title (umlauts kept), the photo beside index.md, on main.
    const folder = "content/releases/2026/2026-11-27-neue-brücke-über-die-aa-freigegeben";
    await waitFor(() => git(repo, "branch", "--list", "cms/*") === "" && existsSync(path.join(repo, folder, "index.md")), "the release was not merged");
    assert.equal(git(repo, "symbolic-ref", "--short", "HEAD").trim(), "main");
    const onMain = git(repo, "-c", "core.quotePath=false", "ls-tree", "-r", "--name-only", "main").trim().split("\n");
    assert.deepEqual(onMain.filter((f) => f.startsWith(`${folder}/`)).sort(), [`${folder}/baustelle.jpg`, `${folder}/index.md`]);
    assert.ok(!onMain.some((f) => f.startsWith(".cache/") || f.startsWith("dist/")), "the preview and the cache stay out of the commits");
    assert.match(readFileSync(path.join(repo, ".git", "info", "exclude"), "utf8"), /^\/\.cache\/pressroom\/$/m);

    const check = pressroom(["check", "--content", "content"], { cwd: repo });
    assert.equal(check.status, 0, check.stderr);
    const out = path.join(repo, "dist");
    const built = pressroom(["build", "--content", "content", "--out", out, "--now", "2026-11-28T12:00"], { cwd: repo });
    assert.equal(built.status, 0, built.stderr);
    // The address spells the umlauts as every address of the site does.
    const $ = html(out, "2026/11/27/neue-bruecke-ueber-die-aa-freigegeben/index.html");
    assert.equal($("h1").text().trim(), "Neue Brücke über die Aa freigegeben");
    const photo = $("main picture img").first();
    assert.equal(photo.attr("alt"), "Die neue Stahlbrücke über der Aa im Morgenlicht");
    assert.ok(existsSync(path.join(out, photo.attr("src")!)), photo.attr("src"));
    assert.match($("main").text(), /Birgit Jaskowiak/);
    assert.match($("main").text(), /Fuß- und Radverkehr/);
    assert.equal(existsSync(path.join(out, "admin")), false, "a real build of a site without editor: has no editor");
  });
});
