/** The keyed store (bodies, front matter, releases): cut in 16 files, of which a run writes only those whose entries changed. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { KeyedStore, type StoreFiles } from "../../src/keyed-store.ts";

const key = (n: number): string => createHash("sha256").update(String(n)).digest("hex");
const isText = (value: unknown): value is string => typeof value === "string";

function memory() {
  const files = new Map<string, string>([["texts.json", '{"code":"c","entries":{}}']]);
  const written: string[] = [];
  const store: StoreFiles = {
    readStore: async (name) => (files.has(name) ? JSON.parse(files.get(name)!) : undefined),
    writeStorePieces: async (name, pieces) => {
      written.push(name);
      files.set(name, [...pieces].join(""));
    },
    removeStore: async (name) => void files.delete(name),
  };
  return { files, written, store };
}

test("a run that changes one entry writes the file that held it and the file of the new one, not all 16", async () => {
  const { files, written, store } = memory();
  const first = await KeyedStore.open<string>(store, "texts.json", "c");
  for (let n = 0; n < 64; n++) first.set(key(n), `text ${n}`);
  await first.save(store);
  assert.equal(written.length, 16);
  assert.ok(!files.has("texts.json"), "the single file of older versions is gone");
  written.length = 0;

  const second = await KeyedStore.open<string>(store, "texts.json", "c");
  for (let n = 1; n < 64; n++) assert.equal(second.get(key(n), isText), `text ${n}`);
  second.set(key(64), "text 64");
  await second.save(store);
  const shards = new Set([key(0)[0], key(64)[0]].map((c) => `texts/${c}.json`));
  assert.deepEqual(new Set(written), shards);
  written.length = 0;

  const third = await KeyedStore.open<string>(store, "texts.json", "c");
  for (let n = 1; n <= 64; n++) third.get(key(n), isText);
  await third.save(store);
  assert.deepEqual(written, [], "nothing changed, nothing written");
  assert.equal(third.get(key(0), isText), undefined, "an entry the last run did not use is gone");
});

test("files another code wrote are written anew, so no stale entry stays", async () => {
  const { files, store } = memory();
  const old = await KeyedStore.open<string>(store, "texts.json", "old");
  for (let n = 0; n < 32; n++) old.set(key(n), `old ${n}`);
  await old.save(store);
  const next = await KeyedStore.open<string>(store, "texts.json", "new");
  assert.equal(next.get(key(1), isText), undefined);
  next.set(key(1), "new 1");
  await next.save(store);
  const codes = new Set([...files.values()].map((text) => (JSON.parse(text) as { code: string }).code));
  assert.deepEqual(codes, new Set(["new"]));
});
