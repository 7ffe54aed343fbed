/**
 * The search of a built site whose index is in shards of whole years: the
 * search page loads the newest shard and merges the others, so a word of any
 * year is found. Served on 127.0.0.1 with the site's own _headers policy and
 * searched in Debian's Chromium.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { build } from "../src/build.ts";
import { readManifest } from "../src/outputs/manifest.ts";
import { fixture, listFiles, scratchDirs } from "./helpers.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const scratch = scratchDirs();
let out: string;
let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  out = path.join(scratch(), "site");
  // One release per shard at most: every year of the fixture is a shard of its own.
  await build({ contentDir: fixture("valid"), outDir: out, now: "2026-11-27T12:00", searchShardSize: 1 });
  const manifest = readManifest(out);
  const policy = /Content-Security-Policy: (.*)/.exec(readFileSync(path.join(out, "_headers"), "utf8"))![1]!;
  server = createServer((req, res) => {
    let file = path.join(out, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const entry = manifest.files[path.relative(out, file).split(path.sep).join("/")];
    if (!file.startsWith(out) || entry === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { "content-security-policy": policy, "content-type": entry.type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test("each year is a shard; the search page names the newest to load and the others to merge", () => {
  const shards = [...new Set(listFiles(out).filter((f) => f.startsWith("pagefind/")).map((f) => f.split("/")[1]))];
  assert.ok(shards.length >= 3, shards.join(", "));
  assert.ok(shards.includes("2025") && shards.includes("2026"), shards.join(", "));
  const page = readFileSync(path.join(out, "suche/index.html"), "utf8");
  assert.match(page, /data-index="\/pagefind\/2026\/pagefind\.js"/);
  const merged = /data-merge="([^"]*)"/.exec(page)![1]!.split(" ");
  assert.deepEqual([...merged].sort(), shards.filter((s) => s !== "2026").map((s) => `/pagefind/${s}/`).sort());
});

test("words of the newest and of older years are all found", async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Every file the search asks for exists (the browser's own favicon.ico aside), and nothing is refused.
    const errors: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) errors.push(`${response.status()} ${response.url()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
    });
    for (const [word, title] of [
      ["Radwege", "Radwege am Ring werden breiter"],
      ["Neujahrsempfang", "Neujahrsempfang im Rathaus"],
    ] as const) {
      await page.goto(`${base}/suche/?q=${encodeURIComponent(word)}`);
      const link = page.locator("[data-search-results] a", { hasText: title }).first();
      await link.waitFor({ timeout: 20000 });
      // Whichever shard found it, the link is the release's address on the site.
      assert.match((await link.getAttribute("href")) ?? "", /^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a tag's word finds its releases, and the subtitle ends as a sentence in the excerpt", async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // "Radverkehr" is only a tag of the release, in neither its title nor its text.
    await page.goto(`${base}/suche/?q=Radverkehr`);
    const link = page.locator("[data-search-results] a", { hasText: "Radwege am Ring werden breiter" }).first();
    await link.waitFor({ timeout: 20000 });
    await page.goto(`${base}/suche/?q=Hafenstra%C3%9Fe`);
    const excerpt = page.locator("[data-search-results] li", { hasText: "Radwege am Ring werden breiter" }).first();
    await excerpt.waitFor({ timeout: 20000 });
    // Not "… über die Hafenstraße Die Radwege …".
    assert.match(await excerpt.innerText(), /Hafenstraße\. Die Radwege/);
  } finally {
    await context.close();
  }
});
