/**
 * The browser editor (Decap CMS in admin/): its configuration comes from the
 * site, a real build has it only with `editor:` in site.yaml, and a press
 * officer can write a release with a photo in Chromium against decap-server
 * on 127.0.0.1 (`pressroom edit`), which then checks and builds — with no
 * request leaving this machine.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { after, describe, test } from "node:test";
import { chromium } from "playwright-core";
import { parse as parseYaml } from "yaml";
import { build } from "../src/build.ts";
import { fixture, html, pressroom, ROOT, scratchDirs } from "./helpers.ts";

const scratch = scratchDirs();

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", ...args], { cwd, encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe("admin/ in a real build", () => {
  test("without editor: in site.yaml there is no admin/; with it, Decap and a config made from the site", async () => {
    const plain = scratch();
    await build({ contentDir: fixture("valid"), outDir: plain, now: "2026-11-27T12:00", cacheDir: scratch() });
    assert.equal(existsSync(path.join(plain, "admin")), false);

    const content = path.join(scratch(), "content");
    cpSync(fixture("valid"), content, { recursive: true });
    const site = path.join(content, "site.yaml");
    writeFileSync(site, `${readFileSync(site, "utf8")}editor:\n  backend: github\n  repo: stadt/presse\n`);
    const out = scratch();
    await build({ contentDir: content, outDir: out, now: "2026-11-27T12:00", cacheDir: scratch() });
    assert.ok(existsSync(path.join(out, "admin", "decap-cms.js")), "Decap's bundle is copied, not loaded from elsewhere");
    const $ = html(out, "admin/index.html");
    assert.deepEqual($("script").map((_, s) => $(s).attr("src")).get(), ["decap-cms.js"]);
    assert.match($('meta[name="robots"]').attr("content")!, /noindex/);
    const config = parseYaml(readFileSync(path.join(out, "admin", "config.yml"), "utf8"));
    assert.deepEqual(config.backend, { name: "github", repo: "stadt/presse", branch: "main" });
    assert.equal(config.local_backend, undefined);
    assert.equal(config.publish_mode, "editorial_workflow");
    const fields = new Map<string, Record<string, unknown>>(config.collections[0].fields.map((f: Record<string, unknown>) => [f.name, f]));
    assert.deepEqual(
      (fields.get("department")!.options as { value: string }[]).map((o) => o.value).sort(),
      Object.keys(parseYaml(readFileSync(path.join(content, "departments.yaml"), "utf8"))).sort(),
    );
    const media = fields.get("media")!.fields as { name: string; required?: boolean }[];
    assert.equal(media.find((f) => f.name === "alt")!.required, undefined, "alt text is required (Decap's default)");
    assert.equal(fields.get("date")!.format, "YYYY-MM-DD HH:mm");
    // The sitemap and the search know nothing of the editor.
    assert.doesNotMatch(readFileSync(path.join(out, "sitemap.xml"), "utf8"), /admin/);
  });

  test("a wrong backend is a content error with its line", () => {
    const content = path.join(scratch(), "content");
    cpSync(fixture("valid"), content, { recursive: true });
    const site = path.join(content, "site.yaml");
    writeFileSync(site, `${readFileSync(site, "utf8")}editor:\n  backend: bitbucket\n  repo: stadt/presse\n`);
    const result = pressroom(["check", "--content", content]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /site\.yaml:\d+/);
    assert.match(result.stderr, /editor\.backend/);
    assert.match(result.stderr, /github oder gitlab/);
  });
});

describe("pressroom edit", () => {
  let edit: ChildProcess | undefined;
  after(() => edit?.kill());

  test("a release with a photo written in the browser is committed, checks and builds; nothing leaves 127.0.0.1", async (t) => {
    const repo = scratch();
    cpSync(path.join(ROOT, "content"), path.join(repo, "content"), { recursive: true });
    writeFileSync(path.join(repo, ".gitignore"), ".cache/\ndist/\n");
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "start");

    const [port, editorPort] = [await freePort(), await freePort()];
    edit = spawn(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), "edit", "--content", "content", "--port", String(port), "--editor-port", String(editorPort)], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let log = "";
    edit.stdout!.on("data", (d) => (log += d));
    edit.stderr!.on("data", (d) => (log += d));
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 90_000;
    while (!log.includes("Editor:")) {
      assert.ok(Date.now() < deadline, `pressroom edit did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.match(log, new RegExp(`Editor: +${base}/admin/`));

    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    t.after(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const outside: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== "127.0.0.1" && url.protocol !== "data:" && url.protocol !== "blob:") {
        outside.push(url.href);
        return route.abort();
      }
      return route.continue();
    });
    // Publishing asks for confirmation.
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`${base}/admin/`);
    await page.getByRole("button", { name: "Login" }).click();
    await page.goto(`${base}/admin/#/collections/releases/new`);
    await page.getByLabel("Titel", { exact: true }).fill("Neue Brücke über die Aa freigegeben");
    await page.getByLabel("Datum", { exact: true }).fill("2026-11-27T09:15");
    await page.getByRole("combobox", { name: "Amt" }).fill("Tiefbau");
    await page.keyboard.press("Enter");
    await page.getByRole("combobox", { name: "Pressekontakt" }).fill("Brandhorst");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: /Bild hinzufügen/i }).click();
    await page.getByRole("button", { name: /Wähle ein Bild/i }).click();
    await page.locator("input[type=file]").setInputFiles(path.join(ROOT, "content", "releases", "2026", "2026-01-01-neujahrsgruss", "neujahr.jpg"));
    await page.getByRole("button", { name: /Ausgewähltes Element verwenden/i }).click();
    await page.getByLabel("Alternativtext").fill("Die neue Stahlbrücke über der Aa im Morgenlicht");
    await page.locator("[data-slate-editor=true]").click();
    await page.keyboard.type("Die Brücke ist ab heute für Fuß- und Radverkehr offen.");
    await page.getByRole("button", { name: "Speichern" }).click();
    await page.getByText("Beitrag gespeichert").first().waitFor({ timeout: 30_000 });
    // The editorial workflow: mark the entry ready ("Abgeschlossen"), then publish it.
    await page.getByText("Status: Entwurf").click();
    await page.getByText("Abgeschlossen", { exact: true }).click();
    await page.getByText("Status: Abgeschlossen").waitFor({ timeout: 30_000 });
    await page.getByText("Veröffentlichen", { exact: true }).first().click();
    await page.getByText("Jetzt veröffentlichen").click();
    await page.getByText(/Veröffentlicht/).first().waitFor({ timeout: 30_000 });
    const dir = path.join(repo, "content", "releases", "2026", "2026-11-27-neue-brucke-uber-die-aa-freigegeben");
    while (!existsSync(path.join(dir, "index.md")) || git(repo, "status", "--porcelain") !== "" || git(repo, "symbolic-ref", "--short", "HEAD").trim() !== "main") {
      assert.ok(Date.now() < deadline + 30_000, `the release was not published:\n${log}\n${git(repo, "status")}\n${git(repo, "log", "--all", "--oneline")}\n${git(repo, "ls-files", "--others", "content")}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.deepEqual(outside, [], "the editor asked servers other than 127.0.0.1");

    // On the main branch: the release and its photo side by side.
    const files = git(repo, "ls-tree", "-r", "--name-only", "main", "content/releases/2026/2026-11-27-neue-brucke-uber-die-aa-freigegeben").trim().split("\n");
    assert.deepEqual(files.map((f) => path.basename(f)).sort(), ["index.md", "neujahr.jpg"]);
    const check = pressroom(["check", "--content", "content"], { cwd: repo });
    assert.equal(check.status, 0, check.stderr);
    const out = path.join(repo, "dist");
    const built = pressroom(["build", "--content", "content", "--out", out, "--now", "2026-11-28T12:00"], { cwd: repo });
    assert.equal(built.status, 0, built.stderr);
    const $ = html(out, "2026/11/27/neue-brucke-uber-die-aa-freigegeben/index.html");
    assert.equal($("h1").text(), "Neue Brücke über die Aa freigegeben");
    assert.equal($(".release-body img, figure img").first().attr("alt"), "Die neue Stahlbrücke über der Aa im Morgenlicht");
    assert.match($("address").text(), /Tobias Brandhorst/);
  });
});
