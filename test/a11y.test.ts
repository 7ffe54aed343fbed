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
import { pressroom, removeDir, tempDir } from "./helpers.ts";

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
  server = createServer((req, res) => {
    let file = path.join(out, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!file.startsWith(out) || !existsSync(file)) {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(readFileSync(path.join(out, "404.html")));
      return;
    }
    const type = file.endsWith(".css") ? "text/css" : file.endsWith(".jpg") ? "image/jpeg" : "text/html; charset=utf-8";
    res.writeHead(200, { "content-type": type }).end(readFileSync(file));
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
  test(`no WCAG A/AA violations on ${url}`, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(base + url);
      assert.equal(response?.status(), 200);
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      assert.deepEqual(summary, []);
      assert.ok(result.passes.length > 10, "axe ran its rules");
    } finally {
      await context.close();
    }
  });
}

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
