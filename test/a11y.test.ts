/**
 * Accessibility: the example site's page kinds, served on 127.0.0.1 and
 * checked by axe in Debian's Chromium (WCAG 2.1 A and AA rules).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser } from "playwright-core";
import { readManifest } from "../src/outputs/manifest.ts";
import { pressroom, removeDir, tempDir } from "./helpers.ts";

type Rule = { pattern: RegExp; headers: [string, string][] };

/** The blocks of a `_headers` file, each path pattern as a regular expression (`*` matching anything). */
function headerRules(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (!line.startsWith(" ")) {
      const source = line.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const at = line.indexOf(":");
      rules.at(-1)!.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers of every block whose path matches, as a host reading `_headers` sends them. */
const headersFor = (rules: readonly Rule[], address: string): Record<string, string> =>
  Object.fromEntries(rules.filter((rule) => rule.pattern.test(address)).flatMap((rule) => rule.headers.map(([name, value]) => [name.toLowerCase(), value])));

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PAGES = [
  "/",
  "/seite/2/",
  "/2025/03/14/radwege-am-ring/",
  "/2021/04/22/neues-feuerwehrhaus-nord/",
  "/aemter/",
  "/aemter/tiefbauamt/",
  "/archiv/",
  "/2024/",
  "/2026/11/",
  "/2026/11/19/",
  "/2026/11/19/ring-radweg-bilanz/",
  "/2026/10/08/lichterfest-hafen/",
  "/themen/",
  "/themen/radverkehr/",
  "/kontakte/",
  "/suche/",
  "/suche/?q=Baustellen",
  "/404.html",
];
const REDIRECT = "/presse/archiv/4711.html";

let dir: string;
let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  dir = tempDir();
  const out = path.join(dir, "site");
  const built = pressroom(["build", "--content", "content", "--out", out, "--now", "2026-11-27T12:00"]);
  assert.equal(built.status, 0, built.stderr);
  // Served as a CDN serves the deployed site: each file with its type from manifest.json and the
  // headers _headers gives its address, the Content-Security-Policy among them.
  const manifest = readManifest(out);
  const rules = headerRules(readFileSync(path.join(out, "_headers"), "utf8"));
  server = createServer((req, res) => {
    const address = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = path.join(out, address);
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const entry = manifest.files[path.relative(out, file).split(path.sep).join("/")];
    if (!file.startsWith(out) || !existsSync(file) || entry === undefined || entry.cache === "host") {
      res.writeHead(404, { ...headersFor(rules, "/404.html"), "content-type": "text/html; charset=utf-8" }).end(readFileSync(path.join(out, "404.html")));
      return;
    }
    res.writeHead(200, { ...headersFor(rules, address), "content-type": entry.type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) removeDir(dir);
});

for (const url of PAGES) {
  test(`no WCAG A/AA violations on ${url}, and nothing the security policy refuses`, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const refused: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      const response = await page.goto(base + url);
      assert.equal(response?.status(), 200);
      assert.match(response!.headers()["content-security-policy"] ?? "", /script-src 'self'/, "served with the policy of _headers");
      // The stylesheet loads under the policy: the page is laid out by it.
      assert.equal(await page.evaluate("document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0"), true);
      assert.deepEqual(refused, []);
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      assert.deepEqual(summary, []);
      assert.ok(result.passes.length > 10, "axe ran its rules");
    } finally {
      await context.close();
    }
  });
}

test("an old .php address is served as HTML and leads the browser to its release", async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await page.goto(base + "/pm/2019/0815.php");
    assert.equal(response?.headers()["content-type"], "text/html; charset=utf-8");
    await page.waitForURL(/\/2019\/04\/03\/hafenbruecke-wird-saniert\/$/);
  } finally {
    await context.close();
  }
});

test("a redirect page leads the browser to its release and is accessible itself", async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(base + REDIRECT);
    await page.waitForURL(/\/2019\/02\/14\/abfuhrkalender-2019\/$/);
    assert.match(await page.locator("h1").innerText(), /Abfuhrkalender/);
    // Checked once more with the refresh taken out, so axe sees the redirect page and not its target.
    await page.route(base + REDIRECT, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, "");
      await route.fulfill({ response, body });
    });
    await page.goto(base + REDIRECT);
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    assert.deepEqual(result.violations.map((v) => v.id), []);
  } finally {
    await context.close();
  }
});

test("the page reads without its stylesheet and without JavaScript", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.route("**/*.css*", (route) => route.abort());
    await page.goto(`${base}/2025/03/14/radwege-am-ring/`);
    assert.equal(await page.locator("h1").innerText(), "Radwege am Ring werden breiter");
    assert.ok((await page.locator("main").innerText()).includes("Pressekontakt"));
  } finally {
    await context.close();
  }
});

test("the search finds a release by another form of a word in its text, and filters by department and year", async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|WebAssembly/i.test(message.text())) refused.push(message.text());
    });
    // The release says "Die Baustelle ist werktags …"; German stemming finds it for "Baustellen".
    await page.goto(`${base}/suche/?q=Baustellen`);
    const result = page.locator("[data-search-results] a", { hasText: "Radwege am Ring werden breiter" });
    await result.first().waitFor({ timeout: 15000 });
    assert.equal(await result.first().getAttribute("href"), "/2025/03/14/radwege-am-ring/");
    assert.deepEqual(refused, []);
    // Another department: the result is gone; the right department and year: it is back.
    await page.goto(`${base}/suche/?q=Baustellen&department=${encodeURIComponent("Sozialamt")}`);
    await page.locator("[data-search-status]").filter({ hasText: /Treffer/ }).waitFor({ timeout: 15000 });
    assert.equal(await result.count(), 0);
    await page.goto(`${base}/suche/?q=Baustellen&department=${encodeURIComponent("Tiefbauamt")}&year=2025`);
    await result.first().waitFor({ timeout: 15000 });
    // A withdrawn release is not in the index: its own words find nothing.
    await page.goto(`${base}/suche/?q=Laternenumzug`);
    await page.locator("[data-search-status]").filter({ hasText: /Keine Treffer/ }).waitFor({ timeout: 15000 });
  } finally {
    await context.close();
  }
});

test("without JavaScript, the search page says so and offers the site's search engine, which the policy lets the form reach", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${base}/suche/`);
    assert.match(await page.locator("main").innerText(), /braucht JavaScript/);
    const form = page.locator('form[action="https://duckduckgo.com/"]');
    assert.equal(await form.locator('input[name="sites"]').getAttribute("value"), "presse.musterstadt.de");
    assert.match(response!.headers()["content-security-policy"] ?? "", /form-action 'self' https:\/\/duckduckgo\.com/);
  } finally {
    await context.close();
  }
});
