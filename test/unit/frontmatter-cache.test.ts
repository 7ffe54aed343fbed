/** The front matter cache gives what parsing gives, line numbers included, and never a field from Object's prototype. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { FrontMatterCache } from "../../src/content/frontmatter-cache.ts";
import { splitRelease } from "../../src/content/frontmatter.ts";

/** A store in memory, written as the cache folder would be. */
function memoryStore() {
  const files = new Map<string, string>();
  return {
    files,
    readStore: async (name: string) => (files.has(name) ? JSON.parse(files.get(name)!) : undefined),
    writeStorePieces: async (name: string, pieces: Iterable<string>) => void files.set(name, [...pieces].join("")),
  };
}

/** The store's files (frontmatter/0.json … f.json) as one: each file's code, and every entry. */
function saved(files: ReadonlyMap<string, string>): { codes: string[]; entries: Record<string, unknown> } {
  const shards = [...files].filter(([name]) => name.startsWith("frontmatter/")).map(([, text]) => JSON.parse(text) as { code: string; entries: Record<string, unknown> });
  return { codes: [...new Set(shards.map((shard) => shard.code))], entries: Object.assign({}, ...shards.map((shard) => shard.entries)) };
}

const TEXT = "---\ntitle: Radwege am Ring\ndate: 2026-11-27 10:30\ndepartment: tiefbauamt\ntags: [Verkehr, Rad]\n---\n\nDer Text.\n";

test("a file read in an earlier run gives the same front matter, body and lines as parsing it", async () => {
  const store = memoryStore();
  const first = await FrontMatterCache.open(store, "code-1");
  first.split(TEXT, "releases/a.md");
  await first.save(store);

  const second = await FrontMatterCache.open(store, "code-1");
  const cached = second.split(TEXT, "releases/a.md");
  const parsed = splitRelease(TEXT, "releases/a.md");
  assert.deepEqual(cached.data?.value, parsed.data?.value);
  assert.equal(cached.body, parsed.body);
  assert.equal(cached.bodyLine, parsed.bodyLine);
  assert.equal(cached.data?.endLine, parsed.data?.endLine);
  assert.equal(cached.data?.lineOf(["department"]), 4);
  assert.equal(cached.data?.lineOf(["tags", 1]), parsed.data?.lineOf(["tags", 1]));
  const value = cached.data?.value as Record<string, unknown>;
  assert.equal(value.toString, undefined, "a mapping without Object's prototype");
});

test("another code, another text, or a file with problems is parsed again", async () => {
  const store = memoryStore();
  const first = await FrontMatterCache.open(store, "code-1");
  first.split(TEXT, "releases/a.md");
  const broken = "---\ntitle: a: b\n---\nText\n";
  assert.ok(first.split(broken, "releases/b.md").problems.length > 0);
  await first.save(store);
  assert.equal(Object.keys(saved(store.files).entries).length, 1, "only the file without problems is kept");

  const other = await FrontMatterCache.open(store, "code-2");
  other.split(TEXT.replace("Radwege", "Fußwege"), "releases/a.md");
  await other.save(store);
  const again = saved(store.files);
  assert.deepEqual(again.codes, ["code-2"], "a file of the other code is written anew");
  assert.deepEqual(Object.values(again.entries as Record<string, { value: { title: string } }>).map((e) => e.value.title), ["Fußwege am Ring"], "only this run's files are kept");
});

test("the lines of every field, keys and list items too, come from the cache without parsing the file again", async () => {
  const store = memoryStore();
  const text = "---\ntitle: Radwege\ndate: 2026-11-27\ndepartment: tiefbauamt\nmedia:\n  - file: karte.pdf\n    title: Karte\n  - file: foto.jpg\n    alt: Ein Foto\n---\nText.\n";
  const first = await FrontMatterCache.open(store, "code-1");
  first.split(text, "releases/a.md");
  await first.save(store);
  const parsed = splitRelease(text, "releases/a.md").data!;
  const cached = (await FrontMatterCache.open(store, "code-1")).split(text, "releases/a.md").data!;
  const paths: (string | number)[][] = [["title"], ["media"], ["media", 0], ["media", 0, "file"], ["media", 1, "alt"], ["nothing"]];
  for (const path of paths) {
    assert.equal(cached.lineOf(path), parsed.lineOf(path), `value of ${path.join(".")}`);
    assert.equal(cached.lineOf(path, true), parsed.lineOf(path, true), `key of ${path.join(".")}`);
  }
  assert.equal(cached.lineOf(["media", 1, "alt"]), 9);
  const entries = saved(store.files).entries as Record<string, { lines: Record<string, unknown> }>;
  assert.deepEqual(Object.values(entries)[0]!.lines['["media",1,"file"]'], [8, 8], "kept with the entry, not parsed again");
});
