/**
 * Photos at the edges, built end to end: a very tall infographic, a title of
 * one long German compound, an image hidden in an HTML comment, a lead photo
 * too small for a card, and a file renamed to a wrong ending after a build
 * filled the cache.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import sharp from "sharp";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { MediaCache } from "../src/media/cache.ts";
import { html, listFiles, scratchDirs } from "./helpers.ts";

const NOW = "2026-11-27T12:00";
const fresh = scratchDirs();

function write(root: string, file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

const release = (title: string, body: string, media = ""): string =>
  `---\ntitle: ${title}\ndate: 2026-11-01 10:00\ndepartment: presseamt\n${media}---\n\n${body}\n`;

async function makeSite(root: string): Promise<void> {
  write(root, "site.yaml", "title: Stadt Randstadt\nurl: https://presse.randstadt.example\nlanguage: de\ntimezone: Europe/Berlin\nfooter:\n  imprint: https://www.pruefstadt.example/impressum\n  privacy: https://www.pruefstadt.example/datenschutz\n");
  write(root, "departments.yaml", "presseamt:\n  name: Presseamt\n  contact: presse\n");
  write(root, "contacts.yaml", "presse:\n  name: Pressestelle\n  email: presse@randstadt.example\n");
  write(root, "releases/2026-11-01-grafik/index.md", release("Haushalt in Zahlen", "![Balken für jedes Amt, von oben nach unten](haushalt.png)"));
  write(
    root,
    "releases/2026-11-02-kita/index.md",
    release("Kindertagesstättenbedarfsplanungsfortschreibung beschlossen", '<!-- Noch nicht freigegeben: <img src="geheim.jpg" alt="x"> -->\n\nText.'),
  );
  write(root, "releases/2026-11-03-klein/index.md", release("Kleines Logo", "Text.", "media:\n  - file: logo.png\n    alt: Das Logo\n"));
  write(root, "releases/2026-11-04-umbenannt/index.md", release("Umbenannt", "Text.", "media:\n  - file: foto.jpg\n    alt: Ein Foto\n"));
  // 400 × 20000: taller than WebP can hold.
  await sharp({ create: { width: 400, height: 20000, channels: 3, background: "#2266aa" } }).png().toFile(path.join(root, "releases/2026-11-01-grafik/haushalt.png"));
  await sharp({ create: { width: 300, height: 200, channels: 3, background: "#aa2222" } }).jpeg().toFile(path.join(root, "releases/2026-11-02-kita/geheim.jpg"));
  await sharp({ create: { width: 120, height: 80, channels: 4, background: "#22aa6680" } }).png().toFile(path.join(root, "releases/2026-11-03-klein/logo.png"));
  await sharp({ create: { width: 800, height: 600, channels: 3, background: "#888888" } }).jpeg().toFile(path.join(root, "releases/2026-11-04-umbenannt/foto.jpg"));
}

describe("photos at the edges", () => {
  let content: string;
  let cache: string;
  let out: string;
  before(async () => {
    content = path.join(fresh(), "content");
    await makeSite(content);
    cache = path.join(fresh(), "cache");
    out = path.join(fresh(), "out");
    await build({ contentDir: content, outDir: out, now: NOW, cacheDir: cache });
  });

  test("a very tall image gets versions no taller than 16383 pixels, with matching attributes", async () => {
    const $ = html(out, "2026/11/01/grafik/index.html");
    const img = $("figure.photo img");
    const src = img.attr("src")!;
    const meta = await sharp(path.join(out, src)).metadata();
    assert.ok(meta.height <= 16383, String(meta.height));
    const ratio = Number(img.attr("height")) / Number(img.attr("width"));
    assert.ok(Math.abs(ratio - 50) < 0.5, String(ratio));
  });

  test("a title of one long word makes a title card of 1200 × 630", async () => {
    const $ = html(out, "2026/11/01/kita/index.html");
    const card = $('meta[property="og:image"]').attr("content")!.replace("https://presse.randstadt.example", "");
    const meta = await sharp(path.join(out, card)).metadata();
    assert.deepEqual([meta.width, meta.height], [1200, 630]);
  });

  test("an image inside an HTML comment is not published, copied or put in a card", () => {
    const secret = readFileSync(path.join(content, "releases/2026-11-02-kita/geheim.jpg"));
    assert.ok(!listFiles(out).some((f) => f.includes("geheim") || readFileSync(path.join(out, f)).equals(secret)));
  });

  test("a lead photo too small for a card gets a title card; the photo itself is shown with PNG fallback", () => {
    const $ = html(out, "2026/11/01/klein/index.html");
    assert.match($('meta[property="og:image"]').attr("content")!, /\/klein-1200x630\.[0-9a-f]{12}\.png$/);
    assert.match($("figure.photo img").attr("src")!, /\/logo-120\.[0-9a-f]{12}\.png$/, "transparency kept: PNG, not JPEG");
    assert.equal($("figure.photo figcaption").length, 0, "no caption or credit: the download link is not the figure's name");
    assert.equal($("figure.photo p.download a").length, 1);
  });

  test("a file renamed to a wrong ending is noticed even when the cache knows its bytes", async () => {
    const folder = path.join(content, "releases/2026-11-04-umbenannt");
    renameSync(path.join(folder, "foto.jpg"), path.join(folder, "foto.png"));
    writeFileSync(path.join(folder, "index.md"), release("Umbenannt", "Text.", "media:\n  - file: foto.png\n    alt: Ein Foto\n"));
    const result = await checkContent(content, { cache: new MediaCache({ dir: cache, write: false }) });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.warnings.filter((w) => w.code === "media-format-renamed").map((w) => w.message),
      ['The file "foto.png" is a JPEG image, but its name ends in .png; its web versions are made from the picture, and the original is published as "foto.jpg".'],
    );
  });

  test("a media cache that is a file is a usage error, not a crash", async () => {
    const file = path.join(fresh(), "cache-file");
    writeFileSync(file, "");
    await assert.rejects(() => build({ contentDir: content, outDir: path.join(fresh(), "o"), now: NOW, cacheDir: file }), {
      name: "UsageError",
      message: /is a file, not a folder/,
    });
    assert.ok(existsSync(file));
  });
});
