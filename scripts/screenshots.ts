/**
 * Screenshots of every page type, for reviewing a change of the design in a
 * pull request: `npm run screenshots [-- --only NAME] [-- --out DIR]`.
 *
 * Builds the example site (content/, at a fixed moment), serves it on
 * 127.0.0.1 as a CDN would (the security policy of _headers included), and
 * renders each page in Debian's Chromium at a phone's width (390 px) and a
 * desktop's (1280 px), light and dark, plus a printed release (PDF, turned
 * into PNGs by Debian's pdftoppm). Writes docs/screenshots/*.png, made small
 * with sharp, and removes screenshots of pages no longer listed.
 *
 * NAME for --only is one of the names in PAGES below (home, release, …);
 * `--only release` also makes the printed release.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import sharp from "sharp";
import { serveOutput } from "../test/browser.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const NOW = "2026-11-27T12:00";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PDFTOPPM = "/usr/bin/pdftoppm";

const { values } = parseArgs({ options: { out: { type: "string" }, only: { type: "string" } }, strict: true });
const OUT = path.resolve(values.out ?? path.join(ROOT, "docs", "screenshots"));

/** Each page type, with what to wait for before the picture is taken. */
const PAGES: readonly { name: string; path: string; ready?: string }[] = [
  { name: "home", path: "/" },
  { name: "release", path: "/2025/03/14/radwege-am-ring/" },
  { name: "withdrawn", path: "/2026/10/08/lichterfest-hafen/" },
  { name: "department", path: "/aemter/tiefbauamt/" },
  { name: "year", path: "/2024/" },
  { name: "contacts", path: "/kontakte/" },
  { name: "search", path: "/suche/?q=Baustellen", ready: "[data-search-results] a" },
  { name: "not-found", path: "/404.html" },
];
const VIEWS = [
  { device: "phone", width: 390, height: 844 },
  { device: "desktop", width: 1280, height: 900 },
] as const;
const SCHEMES = ["light", "dark"] as const;

if (values.only !== undefined && !PAGES.some((p) => p.name === values.only)) {
  // A typo would otherwise end in "0 screenshots" and look like success.
  process.stderr.write(`--only: no page named ${values.only}; one of ${PAGES.map((p) => p.name).join(", ")}\n`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  process.stderr.write(`Chromium is needed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)\n`);
  process.exit(1);
}
if (!existsSync(PDFTOPPM)) {
  process.stderr.write("pdftoppm is needed to turn the printed release into pictures: apt-get install -y poppler-utils\n");
  process.exit(1);
}

const started = performance.now();
const work = mkdtempSync(path.join(tmpdir(), "pressroom-screenshots-"));
const site = path.join(work, "site");
const built = spawnSync(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), "build", "--content", path.join(ROOT, "content"), "--out", site, "--now", NOW, "--cache", path.join(work, "cache")], {
  encoding: "utf8",
});
if (built.status !== 0) throw new Error(`the example site did not build:\n${built.stderr}`);

mkdirSync(OUT, { recursive: true });
const written = new Set<string>();
/** The names this script gives its pictures; only such files are ever removed from OUT (--out may be a folder with other PNGs). */
const OURS = /^([a-z-]+?)-(?:(?:phone|desktop)-(?:light|dark)(?:-full)?|print-\d+)\.png$/;
/** A PNG as small as it stays readable: a palette of 256 colours is plenty for a page. */
async function save(name: string, png: Buffer): Promise<void> {
  const file = path.join(OUT, `${name}.png`);
  writeFileSync(file, await sharp(png).png({ palette: true, quality: 85, effort: 10, compressionLevel: 9 }).toBuffer());
  written.add(path.basename(file));
  const shown = file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
  process.stdout.write(`${shown} (${Math.round(statSync(file).size / 1024)} KB)\n`);
}

const served = await serveOutput(site);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
try {
  const pages = PAGES.filter((p) => values.only === undefined || p.name === values.only);
  for (const view of VIEWS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({ viewport: { width: view.width, height: view.height }, colorScheme, reducedMotion: "reduce" });
      // Nothing but the site itself: no request may leave the machine.
      await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      const page = await context.newPage();
      for (const entry of pages) {
        await page.goto(served.base + entry.path, { waitUntil: "networkidle" });
        if (entry.ready) await page.locator(entry.ready).first().waitFor({ timeout: 15000 });
        await page.evaluate("document.fonts.ready");
        // Lazy photos below the first screen are not needed; those on it have loaded at networkidle.
        const full = entry.name === "release" && view.device === "desktop" && colorScheme === "light";
        await save(`${entry.name}-${view.device}-${colorScheme}`, await page.screenshot({ fullPage: false, animations: "disabled" }));
        if (full) {
          // Every photo of the page, then the whole page.
          await page.evaluate("Promise.all([...document.images].map((i) => { i.loading = 'eager'; return i.decode().catch(() => undefined); }))");
          await save(`${entry.name}-${view.device}-${colorScheme}-full`, await page.screenshot({ fullPage: true, animations: "disabled" }));
        }
      }
      await context.close();
    }
  }
  if (values.only === undefined || values.only === "release") {
    // The release on paper: A4, as the print stylesheet lays it out, each page a picture.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.base}/2025/03/14/radwege-am-ring/`, { waitUntil: "networkidle" });
    await page.evaluate("Promise.all([...document.images].map((i) => { i.loading = 'eager'; return i.decode().catch(() => undefined); }))");
    const pdf = path.join(work, "release.pdf");
    writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: false }));
    await context.close();
    const prefix = path.join(work, "print");
    const converted = spawnSync(PDFTOPPM, ["-png", "-r", "70", pdf, prefix], { encoding: "utf8" });
    if (converted.status !== 0) throw new Error(`pdftoppm failed: ${converted.stderr}`);
    const sheets = readdirSync(work).filter((f) => f.startsWith("print") && f.endsWith(".png")).sort();
    for (const [i, sheet] of sheets.entries()) await save(`release-print-${i + 1}`, readFileSync(path.join(work, sheet)));
  }
} finally {
  await browser.close();
  await served.close();
  rmSync(work, { recursive: true, force: true });
}

// A page taken off the list (or a printed page fewer) leaves no old picture behind; with --only,
// just that page's pictures are considered.
for (const file of readdirSync(OUT)) {
  const name = OURS.exec(file)?.[1];
  if (name !== undefined && !written.has(file) && (values.only === undefined || name === values.only)) rmSync(path.join(OUT, file));
}
const total = [...written].reduce((sum, file) => sum + statSync(path.join(OUT, file)).size, 0);
process.stdout.write(`${written.size} screenshots, ${Math.round(total / 1024)} KB, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
