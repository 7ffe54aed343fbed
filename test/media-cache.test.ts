/**
 * The media cache: a rebuild with nothing changed encodes nothing, a changed
 * photo re-encodes only itself, and a damaged cache entry is never published.
 * The content is made here, with photos drawn by sharp, so each test can
 * change a photo without touching a fixture.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import sharp from "sharp";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { MediaCache } from "../src/media/cache.ts";
import { listFiles, scratchDirs } from "./helpers.ts";

const NOW = "2026-11-27T12:00";
const fresh = scratchDirs();

async function photo(file: string, colour: string, width = 1000, height = 667): Promise<void> {
  const stripe = await sharp({ create: { width: Math.round(width / 3), height, channels: 3, background: "#ffffff" } }).png().toBuffer();
  await sharp({ create: { width, height, channels: 3, background: colour } })
    .composite([{ input: stripe, left: 0, top: 0 }])
    .jpeg({ quality: 85 })
    .toFile(file);
}

/** A site of three releases: two photos and a PDF (a kit), one photo, and none (a text card). */
async function makeSite(root: string): Promise<void> {
  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write("site.yaml", "title: Stadt Cachestadt\nurl: https://presse.cachestadt.example\nlanguage: de\ntimezone: Europe/Berlin\nfooter:\n  imprint: https://www.pruefstadt.example/impressum\n  privacy: https://www.pruefstadt.example/datenschutz\n");
  write("departments.yaml", "presseamt:\n  name: Presseamt\n  contact: presse\n");
  write("contacts.yaml", "presse:\n  name: Pressestelle\n  email: presse@cachestadt.example\n");
  write(
    "releases/2026-11-01-zwei-fotos/index.md",
    "---\ntitle: Zwei Fotos\ndate: 2026-11-01 10:00\ndepartment: presseamt\nmedia:\n" +
      "  - file: erstes.jpg\n    alt: Das erste Foto\n    credit: Stadt Cachestadt\n" +
      "  - file: zweites.jpg\n    alt: Das zweite Foto\n" +
      "  - file: plan.pdf\n    title: Ein Plan\n---\n\nText.\n",
  );
  write("releases/2026-11-01-zwei-fotos/plan.pdf", "%PDF-1.4\n% a stand-in\n");
  write("releases/2026-11-02-ein-foto/index.md", "---\ntitle: Ein Foto\ndate: 2026-11-02 10:00\ndepartment: presseamt\n---\n\n![Das dritte Foto](drittes.jpg)\n");
  write("releases/2026-11-03-ohne-foto.md", "---\ntitle: Ohne Foto\ndate: 2026-11-03 10:00\ndepartment: presseamt\n---\n\nText.\n");
  await photo(path.join(root, "releases/2026-11-01-zwei-fotos/erstes.jpg"), "#3366aa");
  await photo(path.join(root, "releases/2026-11-01-zwei-fotos/zweites.jpg"), "#aa6633");
  await photo(path.join(root, "releases/2026-11-02-ein-foto/drittes.jpg"), "#33aa66", 800, 1200);
}

const snapshot = (out: string): Map<string, Buffer> => new Map(listFiles(out).map((f) => [f, readFileSync(path.join(out, f))]));

function assertSameOutput(a: string, b: string): void {
  const first = snapshot(a);
  const second = snapshot(b);
  assert.deepEqual([...second.keys()], [...first.keys()]);
  for (const [file, bytes] of first) assert.ok(second.get(file)!.equals(bytes), file);
}

/** Files of the cache entry whose files are named `<key>-<name>` and hold the web versions of one photo. */
function entryFiles(cache: string, key: string): string[] {
  const folder = path.join(cache, "v1", "web", key.slice(0, 2));
  return readdirSync(folder).filter((f) => f.startsWith(`${key}-`)).map((f) => path.join(folder, f));
}

describe("the media cache", () => {
  let content: string;
  let cache: string;
  let cold: string;
  let coldStats: Awaited<ReturnType<typeof build>>["images"];

  before(async () => {
    content = path.join(fresh(), "content");
    await makeSite(content);
    cache = path.join(fresh(), "cache");
    cold = path.join(fresh(), "out");
    coldStats = (await build({ contentDir: content, outDir: cold, now: NOW, cacheDir: cache })).images;
  });

  test("a cold build encodes every photo and card once", () => {
    assert.equal(coldStats.photos, 3);
    assert.equal(coldStats.cards, 3);
    // Three photos (the cards of the first two releases are cut from their lead photos in the same pass) and one text card.
    assert.equal(coldStats.encoded, 4);
    assert.equal(coldStats.reused, 0);
    assert.ok(existsSync(path.join(cache, "CACHEDIR.TAG")));
  });

  test("a rebuild with nothing changed encodes nothing and writes the same bytes", async () => {
    const out = path.join(fresh(), "out");
    const { images } = await build({ contentDir: content, outDir: out, now: NOW, cacheDir: cache });
    assert.equal(images.encoded, 0);
    assert.equal(images.reused, 4);
    assertSameOutput(cold, out);
  });

  test("check reads the cache but writes nothing into it", async () => {
    const empty = path.join(fresh(), "never-written");
    const result = await checkContent(content, { cache: new MediaCache({ dir: empty, write: false }) });
    assert.deepEqual(result.problems, []);
    assert.ok(!existsSync(empty));
  });

  test("a damaged cache entry is made again, never published", async () => {
    const out = path.join(fresh(), "out");
    const first = listFiles(cold).find((f) => /\/erstes-480\.[0-9a-f]{12}\.webp$/.test(f))!;
    // The key is in the record's name; its first 12 characters are in the published name.
    const short = first.match(/\.([0-9a-f]{12})\.webp$/)![1]!;
    const records = readdirSync(path.join(cache, "v1", "web", short.slice(0, 2))).filter((f) => f.startsWith(short) && f.endsWith(".json"));
    assert.equal(records.length, 1);
    const key = records[0]!.replace(/\.json$/, "");
    const victim = entryFiles(cache, key).find((f) => f.endsWith("-480.webp"))!;
    truncateSync(victim, 100);
    const { images } = await build({ contentDir: content, outDir: out, now: NOW, cacheDir: cache });
    assert.equal(images.encoded, 1, "only the damaged photo");
    assertSameOutput(cold, out);
    assert.ok(readFileSync(victim).length > 100, "the entry is whole again");
  });

  test("a changed photo re-encodes only itself", async () => {
    const out = path.join(fresh(), "out");
    await photo(path.join(content, "releases/2026-11-01-zwei-fotos/zweites.jpg"), "#aa3399");
    const { images } = await build({ contentDir: content, outDir: out, now: NOW, cacheDir: cache });
    assert.equal(images.encoded, 1);
    assert.equal(images.reused, 3);
    const before = listFiles(cold).filter((f) => f.startsWith("img/"));
    const now = listFiles(out).filter((f) => f.startsWith("img/"));
    const changed = now.filter((f) => !before.includes(f));
    assert.ok(changed.length > 0 && changed.every((f) => /\/zweites-\d+\./.test(f)), changed.join(", "));
    // Same content as a build from nothing.
    const reference = path.join(fresh(), "out");
    await build({ contentDir: content, outDir: reference, now: NOW, cacheDir: path.join(fresh(), "cache") });
    assertSameOutput(reference, out);
  });
});

test("a store this process wrote is read back from memory, and from the file again once another writer changed it", async () => {
  const dir = fresh();
  const cache = new MediaCache({ dir, write: true });
  const value = { files: { "a.html": ["key", 1, 2, 3, "hash"] } };
  await cache.writeStore("builds/x.json", value);
  assert.equal(await cache.readStore("builds/x.json"), value, "the very object written: not parsed again");
  const other = new MediaCache({ dir, write: true });
  assert.equal(await other.readStore("builds/x.json"), value, "the same for another cache object on the same folder");
  const file = readdirSync(dir, { recursive: true, withFileTypes: true }).find((e) => e.name === "x.json")!;
  writeFileSync(path.join(file.parentPath, file.name), JSON.stringify({ files: {} }));
  assert.deepEqual(await cache.readStore("builds/x.json"), { files: {} }, "a file changed by another process is read");
  await cache.writeStorePieces("y.json", ['{"code":"c",', '"entries":{}}'], { code: "c", entries: {} });
  assert.deepEqual(await cache.readStore("y.json"), { code: "c", entries: {} });
});
