/**
 * The screenshots of the press officers' guide (docs/anleitung.md), made from
 * the real editor and preview: `npm run guide-screenshots`. Runs
 * `pressroom edit` on a copy of the example site in a temporary git
 * repository, drives Debian's Chromium, and writes PNGs to docs/anleitung/.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = path.join(ROOT, "docs", "anleitung");
const NOW = "2026-11-28T12:00";

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const git = (cwd: string, ...args: string[]): void => {
  spawnSync("git", ["-c", "user.name=Presseamt", "-c", "user.email=presse@example.org", ...args], { cwd, stdio: "ignore" });
};

const repo = mkdtempSync(path.join(tmpdir(), "pressroom-guide-"));
const releases = path.join(repo, "content", "releases", "2026");
cpSync(path.join(ROOT, "content"), path.join(repo, "content"), { recursive: true });
writeFileSync(path.join(repo, ".gitignore"), ".cache/\ndist/\n");
// An embargoed release and a draft, as the guide describes them.
writeFileSync(
  path.join(releases, "2026-12-01-haushalt-2027.md"),
  "---\ntitle: Rat beschließt den Haushalt 2027\ndate: 2026-12-01 10:00\ndepartment: presseamt\n---\n\nDer Rat hat den Haushalt für 2027 beschlossen.\n",
);
writeFileSync(
  path.join(releases, "2026-11-28-adventsmarkt.md"),
  "---\ntitle: Adventsmarkt auf dem Domplatz\ndate: 2026-11-28 09:00\ndepartment: presseamt\ndraft: true\n---\n\nDer Adventsmarkt öffnet am Freitag.\n",
);
git(repo, "init", "-q", "-b", "main");
git(repo, "add", ".");
git(repo, "commit", "-q", "-m", "Beispiel");

const port = await freePort();
const edit = spawn(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), "edit", "--content", "content", "--port", String(port), "--now", NOW], {
  cwd: repo,
  env: { ...process.env, NO_COLOR: "1" },
});
let log = "";
edit.stdout.on("data", (d) => (log += d));
edit.stderr.on("data", (d) => (log += d));
const base = `http://127.0.0.1:${port}`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
// edit prints the editor's address, then the preview's, once both answer (labels in the site's language).
while (!log.includes(`${base}/\n`)) {
  if (edit.exitCode !== null) throw new Error(log);
  await wait(200);
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
mkdirSync(OUT, { recursive: true });
const shot = async (page: Page, name: string): Promise<void> => {
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  process.stdout.write(`docs/anleitung/${name}.png\n`);
};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "de-DE" });
  await page.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort()));
  await page.goto(`${base}/admin/`);
  await page.getByRole("button", { name: "Login" }).click();
  await page.getByText("Pressemitteilungen").first().waitFor();
  // The list, not its loading spinner.
  await page.getByText("Beiträge laden").waitFor({ state: "hidden", timeout: 30_000 });
  await page.locator("a[href*='/collections/releases/entries/']").first().waitFor({ timeout: 30_000 });
  await shot(page, "1-redaktion-liste");

  await page.goto(`${base}/admin/#/collections/releases/new`);
  await page.getByLabel("Titel", { exact: true }).fill("Neue Brücke über die Aa freigegeben");
  await page.getByLabel("Datum", { exact: true }).fill("2026-11-27T09:15");
  await page.getByRole("combobox", { name: "Amt" }).fill("Tiefbau");
  await page.keyboard.press("Enter");
  await page.getByRole("combobox", { name: "Pressekontakt" }).fill("Brandhorst");
  await page.keyboard.press("Enter");
  await page.locator("[data-slate-editor=true]").click();
  await page.keyboard.type("Die Brücke ist ab heute für Fuß- und Radverkehr offen.");
  await shot(page, "2-neue-meldung");
  await page.getByRole("button", { name: /Bild hinzufügen/i }).click();
  await page.getByRole("button", { name: /Wähle ein Bild/i }).click();
  await page.locator("input[type=file]").setInputFiles(path.join(ROOT, "content", "releases", "2026", "2026-01-01-neujahrsgruss", "neujahr.jpg"));
  await page.getByRole("button", { name: /Ausgewähltes Element verwenden/i }).click();
  await page.getByLabel("Alternativtext").fill("Die neue Stahlbrücke über der Aa im Morgenlicht");
  await page.getByLabel("Alternativtext").scrollIntoViewIfNeeded();
  await shot(page, "3-foto-alternativtext");
  await page.getByRole("button", { name: "Speichern" }).click();
  await page.getByText("Beitrag gespeichert").first().waitFor({ timeout: 30_000 });
  await page.getByText("Status: Entwurf").click();
  await shot(page, "4-status-veroeffentlichen");
  await page.keyboard.press("Escape");

  const preview = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "de-DE" });
  await preview.goto(`${base}/2026/12/01/haushalt-2027/`);
  await shot(preview, "5-vorschau-sperrfrist");
  await preview.goto(`${base}/2026/11/28/adventsmarkt/`);
  await shot(preview, "6-vorschau-entwurf");

  // A mistake: the department's name instead of its id. The preview shows the problem until it is fixed.
  writeFileSync(
    path.join(releases, "2026-11-28-adventsmarkt.md"),
    "---\ntitle: Adventsmarkt auf dem Domplatz\ndate: 2026-11-28 09:00\ndepartment: Presseamt der Stadt\ndraft: true\n---\n\nDer Adventsmarkt öffnet am Freitag.\n",
  );
  for (let i = 0; i < 100 && !log.includes("problems until they are fixed"); i++) await wait(200);
  const problems = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "de-DE" });
  await problems.goto(`${base}/2026/11/28/adventsmarkt/`, { waitUntil: "domcontentloaded" });
  await shot(problems, "7-vorschau-fehler");
} finally {
  await browser.close();
  edit.kill();
  rmSync(repo, { recursive: true, force: true });
}
