/** CDN-ready output: hashed asset names, `_headers` and `manifest.json` checked against the files themselves. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { contentTypeOf } from "../src/outputs/content-type.ts";
import { parseManifest, readManifest, type Manifest } from "../src/outputs/manifest.ts";
import { fixture, listFiles, readText, scratchDirs } from "./helpers.ts";

const newOut = scratchDirs();
const NOW = "2026-11-27T12:00";

/** The blocks of a `_headers` file: path pattern and its headers. */
function parseHeaders(text: string): { pattern: string; headers: [string, string][] }[] {
  const blocks: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (!line.startsWith(" ")) blocks.push({ pattern: line, headers: [] });
    else {
      const [name, ...value] = line.trim().split(": ");
      blocks.at(-1)!.headers.push([name!, value.join(": ")]);
    }
  }
  return blocks;
}

/** Every header a host following the file would send for `urlPath` (all matching blocks, `*` matching anything). */
function headersFor(blocks: ReturnType<typeof parseHeaders>, urlPath: string): [string, string][] {
  const matches = (pattern: string): boolean =>
    new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(urlPath);
  return blocks.filter((block) => matches(block.pattern)).flatMap((block) => block.headers);
}

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

describe("the example site, ready for a CDN", () => {
  let out: string;
  let manifest: Manifest;
  let blocks: ReturnType<typeof parseHeaders>;
  before(async () => {
    out = newOut();
    await build({ contentDir: "content", outDir: out, now: NOW });
    manifest = readManifest(out);
    blocks = parseHeaders(readText(out, "_headers"));
  });

  test("manifest.json lists every file with its true hash, size and type, and nothing else", () => {
    const files = listFiles(out).filter((file) => file !== ".pressroom-output" && file !== "manifest.json");
    assert.deepEqual(Object.keys(manifest.files), files);
    for (const file of files) {
      const bytes = readFileSync(path.join(out, file));
      const entry = manifest.files[file]!;
      assert.equal(entry.sha256, sha256(bytes), file);
      assert.equal(entry.size, bytes.length, file);
      assert.equal(entry.type, entry.redirect ? "text/html; charset=utf-8" : contentTypeOf(file), file);
    }
    assert.equal(manifest.built, "2026-11-27T11:00:00.000Z", "the build's now, Berlin time in UTC");
    assert.equal(manifest.preview, false);
    assert.equal(manifest.site, "https://presse.musterstadt.de");
  });

  test("every file with a hash in its name is immutable, every other file is revalidated", () => {
    const hashed = /\.[0-9a-f]{12}\.[a-z]+$/;
    for (const [file, entry] of Object.entries(manifest.files)) {
      if (file === "_headers" || file === "_redirects") assert.equal(entry.cache, "host", file);
      else if (entry.cache === "immutable") assert.match(file, hashed);
      else assert.equal(entry.cache, "revalidate", file);
    }
    assert.ok(Object.keys(manifest.files).some((file) => file.startsWith("img/")), "web versions of photos are in the output");
    assert.ok(Object.entries(manifest.files).filter(([file]) => /^(img|assets)\//.test(file)).every(([, e]) => e.cache === "immutable"));
    assert.ok(Object.entries(manifest.files).filter(([file]) => file.endsWith(".html") || file.endsWith(".xml")).every(([, e]) => e.cache === "revalidate"));
  });

  test("_headers gives each served file exactly one Cache-Control, its manifest class, and the security headers", () => {
    for (const [file, entry] of Object.entries(manifest.files)) {
      if (entry.cache === "host") continue;
      const urls = [`/${file}`, ...(file.endsWith("index.html") ? [`/${file.slice(0, -"index.html".length)}`] : [])];
      for (const url of urls) {
        const headers = headersFor(blocks, url);
        const cache = headers.filter(([name]) => name === "Cache-Control").map(([, value]) => value);
        assert.equal(cache.length, 1, `${url}: ${cache.join(" + ")}`);
        assert.equal(cache[0], entry.cache === "immutable" ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate", url);
        const names = new Set(headers.map(([name]) => name));
        for (const name of ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"]) assert.ok(names.has(name), `${url}: ${name}`);
      }
    }
    const policy = headersFor(blocks, "/").find(([name]) => name === "Content-Security-Policy")![1];
    // Only WebAssembly (the search) may be compiled: no inline script, no eval.
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
    assert.match(policy, /script-src 'self'/);
    assert.deepEqual(headersFor(blocks, "/").find(([name]) => name === "X-Content-Type-Options"), ["X-Content-Type-Options", "nosniff"]);
  });

  test("a redirect page at an old .php address is served as HTML, and listed with where it leads", () => {
    const entry = manifest.files["pm/2019/0815.php"]!;
    assert.equal(entry.redirect, "/2019/04/03/hafenbruecke-wird-saniert/");
    assert.equal(entry.type, "text/html; charset=utf-8");
    const types = headersFor(blocks, "/pm/2019/0815.php").filter(([name]) => name === "Content-Type");
    assert.deepEqual(types, [["Content-Type", "text/html; charset=utf-8"]]);
    // Every redirect of _redirects is a redirect page of the manifest, and the other way round.
    const redirects = readText(out, "_redirects").trim().split("\n").map((line) => line.split(" "));
    const pages = Object.entries(manifest.files).filter(([, e]) => e.redirect !== undefined);
    assert.equal(pages.length, redirects.length);
    for (const [from, to] of redirects) {
      const file = from!.endsWith("/") ? `${from!.slice(1)}index.html` : from!.slice(1);
      assert.equal(manifest.files[file]?.redirect, to, from);
    }
  });

  test("the stylesheet's name is its hash, and pages link it by that name", () => {
    const styles = Object.keys(manifest.files).filter((file) => file.startsWith("assets/") && file.endsWith(".css"));
    assert.equal(styles.length, 1);
    const css = readFileSync(path.join(out, styles[0]!));
    assert.equal(styles[0], `assets/style.${sha256(css).slice(0, 12)}.css`);
    assert.match(readText(out, "index.html"), new RegExp(`href="/${styles[0]!.replace(/\./g, "\\.")}"`));
  });
});

describe("a site below a folder of its host", () => {
  test("_headers paths carry the folder", async () => {
    const out = newOut();
    await build({ contentDir: fixture("subpath"), outDir: out, now: NOW });
    const blocks = parseHeaders(readText(out, "_headers"));
    assert.ok(blocks.every((block) => block.pattern.startsWith("/presse/")), blocks.map((b) => b.pattern).join(", "));
    const cache = headersFor(blocks, "/presse/").filter(([name]) => name === "Cache-Control");
    assert.equal(cache.length, 1);
    assert.ok(statSync(path.join(out, "manifest.json")).size > 0);
  });
});

describe("an old address among the files named by their content", () => {
  test("is refused: a redirect page there would be cached for a year", async () => {
    const content = newOut();
    cpSync("content", content, { recursive: true });
    const file = path.join(content, "releases/2025/2025-04-30-maifest.md");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: /m, "aliases: [/img/maifest.jpg]\ntitle: "));
    const result = await checkContent(content);
    const found = result.problems.find((p) => p.code === "invalid-alias");
    assert.ok(found, result.problems.map((p) => p.code).join(", "));
    assert.match(found.message, /The alias "\/img\/maifest\.jpg" cannot be used: \/img\/ holds the site's own files, named by their content\./);
    assert.equal(found.file, "releases/2025/2025-04-30-maifest.md");
  });
});

describe("a preview build", () => {
  test("is marked in its manifest", async () => {
    const out = newOut();
    await build({ contentDir: "content", outDir: out, now: NOW, preview: true });
    assert.equal(readManifest(out).preview, true);
  });
});

describe("content types and manifests", () => {
  test("types of the files a site has", () => {
    assert.equal(contentTypeOf("index.html"), "text/html; charset=utf-8");
    assert.equal(contentTypeOf("aemter/bauamt/feed.xml"), "application/atom+xml; charset=utf-8");
    assert.equal(contentTypeOf("sitemap.xml"), "application/xml; charset=utf-8");
    assert.equal(contentTypeOf("img/ab/foto-480.0123456789ab.webp"), "image/webp");
    assert.equal(contentTypeOf("2026/11/19/x/Foto.JPG"), "image/jpeg");
    assert.equal(contentTypeOf("kontakt/anna.vcf"), "text/vcard; charset=utf-8");
    assert.equal(contentTypeOf("2026/11/19/x/pressemappe.zip"), "application/zip");
    assert.equal(contentTypeOf("_redirects"), "application/octet-stream");
  });

  test("a manifest that is not one is refused with its name", () => {
    assert.throws(() => parseManifest("{", "old/manifest.json"), /old\/manifest\.json is not a pressroom manifest: it is not JSON/);
    assert.throws(() => parseManifest('{"pressroom":2}', "m.json"), /m\.json is not a pressroom manifest: pressroom/);
    const evil = JSON.stringify({
      pressroom: 1, site: "x", built: "2026-01-01T00:00:00.000Z", preview: false, cacheControl: { immutable: "i", revalidate: "r" },
      files: { "../etc/passwd": { sha256: "0".repeat(64), size: 1, type: "text/plain", cache: "revalidate" } },
    });
    assert.throws(() => parseManifest(evil, "m.json"), /not a path inside the output folder/);
    assert.throws(() => readManifest(path.join(newOut(), "nothing")), /does not exist: build the site first/);
    // A manifest of an early version, without the Cache-Control table, is still read (a deploy then sends every file again).
    const early = JSON.stringify({ pressroom: 1, site: "x", built: "2026-01-01T00:00:00.000Z", preview: false, files: {} });
    assert.equal(parseManifest(early, "m.json").cacheControl, undefined);
  });
});
