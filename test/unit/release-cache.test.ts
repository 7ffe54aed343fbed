/**
 * Releases resolved by an earlier run (content/release-cache.ts) are taken
 * whole while their text and the settings are the same — and whatever depends
 * on other files is asked anew: a photo gone, a folder of another release in
 * the way, an address another release now has. To see which run resolved a
 * release, the cached entry's title is marked after the first run: a release
 * taken from the cache shows the mark, one resolved again does not.
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import sharp from "sharp";
import { checkContent } from "../../src/check.ts";
import { MediaCache } from "../../src/media/cache.ts";
import { scratchDirs } from "../helpers.ts";

const scratch = scratchDirs();
const MARK = " (from the cache)";

async function site(): Promise<string> {
  const content = path.join(scratch(), "content");
  mkdirSync(path.join(content, "releases", "2026", "2026-11-20-bad"), { recursive: true });
  writeFileSync(path.join(content, "site.yaml"), "title: T\nurl: https://t.example/\nlanguage: en\ntimezone: Europe/Berlin\n");
  writeFileSync(path.join(content, "departments.yaml"), "amt:\n  name: Amt\n  contact: p\n");
  writeFileSync(path.join(content, "contacts.yaml"), "p:\n  name: P\n  phone: 0123 45\n");
  writeFileSync(path.join(content, "releases", "2026", "2026-11-01-markt.md"), "---\ntitle: Markt\ndate: 2026-11-01\ndepartment: amt\naliases: [/alt/markt.html]\n---\n\nText mit ![](https://example.org/bild.jpg).\n");
  writeFileSync(path.join(content, "releases", "2026", "2026-11-20-bad", "index.md"), "---\ntitle: Bad\ndate: 2026-11-20\ndepartment: amt\nmedia:\n  - file: foto.jpg\n    alt: Das Bad\n---\n\nText.\n");
  await sharp({ create: { width: 40, height: 30, channels: 3, background: "#369" } }).jpeg().toFile(path.join(content, "releases", "2026", "2026-11-20-bad", "foto.jpg"));
  return content;
}

const titles = (result: Awaited<ReturnType<typeof checkContent>>): string[] => (result.model?.releases ?? []).map((r) => r.title).sort();

/** The cache's entries, every title marked. */
function markCache(dir: string): void {
  const folder = path.join(dir, "v1", "releases");
  for (const name of readdirSync(folder)) {
    const file = path.join(folder, name);
    const store = JSON.parse(readFileSync(file, "utf8")) as { entries: Record<string, { release: { title: string } }> };
    for (const entry of Object.values(store.entries)) entry.release.title += MARK;
    writeFileSync(file, JSON.stringify(store));
  }
}

/** The number of entries of the front matter cache in `dir`. */
function frontMatterEntries(dir: string): number {
  const folder = path.join(dir, "v1", "frontmatter");
  return readdirSync(folder).reduce((n, name) => n + Object.keys((JSON.parse(readFileSync(path.join(folder, name), "utf8")) as { entries: object }).entries).length, 0);
}

async function twice(change: (content: string) => void | Promise<void>) {
  const content = await site();
  const dir = scratch();
  const first = await checkContent(content, { cache: new MediaCache({ dir, write: true }) });
  assert.deepEqual(first.problems, []);
  markCache(dir);
  await change(content);
  return { first, second: await checkContent(content, { cache: new MediaCache({ dir, write: true }) }), content, dir };
}

test("an unchanged release is taken whole from the cache, with its warnings, and is the release resolving it gives", async () => {
  const { first, second, dir } = await twice(() => undefined);
  assert.deepEqual(titles(second), [`Bad${MARK}`, `Markt${MARK}`]);
  assert.equal(frontMatterEntries(dir), 2, "the front matter of releases taken from the cache is kept for the day the settings change");
  assert.deepEqual(second.warnings, first.warnings);
  assert.ok(second.warnings.some((w) => w.code === "image-external"), "the warning of the external image is told again");
  const unmarked = (r: NonNullable<typeof first.model>["releases"][number]) => ({ ...r, title: r.title.replace(MARK, "") });
  assert.deepEqual(second.model!.releases.map(unmarked), first.model!.releases.map(unmarked));
  const [bad] = second.model!.releases.filter((r) => r.file.endsWith("index.md"));
  assert.equal(bad!.contacts[0], second.model!.contacts.get("p"), "the contact is the one of contacts.yaml, not a copy");
  assert.equal(bad!.departments[0], second.model!.departments.get("amt"));
});

test("a changed text, other settings or a photo gone make the release resolved again", async () => {
  const edited = await twice((content) => {
    const file = path.join(content, "releases", "2026", "2026-11-01-markt.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Text", "Neuer Text"));
  });
  assert.deepEqual(titles(edited.second), ["Bad" + MARK, "Markt"]);

  const renamed = await twice((content) => writeFileSync(path.join(content, "departments.yaml"), "amt:\n  name: Amt für alles\n  contact: p\n"));
  assert.deepEqual(titles(renamed.second), ["Bad", "Markt"]);
  assert.equal(renamed.second.model!.releases[0]!.departments[0]!.name, "Amt für alles");

  const gone = await twice((content) => rmSync(path.join(content, "releases", "2026", "2026-11-20-bad", "foto.jpg")));
  assert.deepEqual(gone.second.problems.map((p) => p.code), ["media-missing"]);
});

test("a photo that another release's folder now holds is refused though its release did not change", async () => {
  // The flat release names a photo in a folder beside it; then that folder becomes a release of its own.
  const content = await site();
  const dir = scratch();
  mkdirSync(path.join(content, "releases", "2026", "bilder"));
  await sharp({ create: { width: 4, height: 3, channels: 3, background: "#963" } }).jpeg().toFile(path.join(content, "releases", "2026", "bilder", "stand.jpg"));
  const flat = path.join(content, "releases", "2026", "2026-11-01-markt.md");
  writeFileSync(flat, readFileSync(flat, "utf8").replace("aliases:", "media:\n  - file: bilder/stand.jpg\n    alt: Ein Stand\naliases:"));
  assert.deepEqual((await checkContent(content, { cache: new MediaCache({ dir, write: true }) })).problems, []);
  writeFileSync(path.join(content, "releases", "2026", "bilder", "index.md"), "---\ntitle: Bilder\ndate: 2026-11-02\ndepartment: amt\n---\n\nText.\n");
  const after = await checkContent(content, { cache: new MediaCache({ dir, write: true }) });
  assert.deepEqual(after.problems.map((p) => [p.code, p.file]), [["media-outside", "releases/2026/2026-11-01-markt.md"]]);
});

test("an address or an old address another release now has is a problem of the later file, cached or not", async () => {
  const { second } = await twice((content) => {
    writeFileSync(path.join(content, "releases", "2026", "2026-11-30-zweiter.md"), "---\ntitle: Zweiter\ndate: 2026-11-30\ndepartment: amt\naliases: [/alt/markt.html]\n---\n\nText.\n");
    mkdirSync(path.join(content, "releases", "archiv"));
    writeFileSync(path.join(content, "releases", "archiv", "2026-11-01-markt.md"), "---\ntitle: Markt again\ndate: 2026-11-01\ndepartment: amt\n---\n\nText.\n");
  });
  const found = second.problems.map((p) => [p.code, p.file]).sort();
  assert.deepEqual(found, [
    ["duplicate-alias", "releases/2026/2026-11-30-zweiter.md"],
    ["duplicate-url", "releases/archiv/2026-11-01-markt.md"],
  ]);
});
