/**
 * The check that old addresses collide with no page (check.ts) is kept by a
 * hash of what it depends on: a content checked without a collision is not
 * planned again — and any change that makes one is still found, also one in
 * contacts.yaml alone (a contact's vCard is a page of its own).
 */
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { checkContent } from "../../src/check.ts";
import { MediaCache } from "../../src/media/cache.ts";
import { fixture, scratchDirs } from "../helpers.ts";

const scratch = scratchDirs();

function workspace(): { content: string; check: () => ReturnType<typeof checkContent>; store: () => unknown } {
  const content = scratch();
  cpSync(fixture("valid"), content, { recursive: true });
  const dir = scratch();
  return {
    content,
    check: () => checkContent(content, { cache: new MediaCache({ dir, write: true }) }),
    store: () => {
      const found = readdirSync(dir, { recursive: true }).map(String).find((name) => name.endsWith("addresses.json"));
      return found && JSON.parse(readFileSync(path.join(dir, found), "utf8"));
    },
  };
}

const RELEASE = path.join("releases", "2026", "2026-11-27-radwege-am-ring.md");

test("a content without collisions is remembered, and a change that makes one is found though nothing else changed", async () => {
  const w = workspace();
  assert.deepEqual((await w.check()).problems, []);
  const remembered = w.store() as { key: string };
  assert.match(remembered.key, /^[0-9a-f]{64}$/);
  assert.deepEqual((await w.check()).problems, []);
  assert.deepEqual(w.store(), remembered, "the same content: the same record");

  // An old address that a contact's vCard will have: no collision yet.
  const file = path.join(w.content, RELEASE);
  writeFileSync(file, readFileSync(file, "utf8").replace("aliases: [", "aliases: [/kontakte/neumann.vcf, "));
  assert.deepEqual((await w.check()).problems, []);
  // Then the contact arrives in contacts.yaml, and nothing else changes.
  const contacts = path.join(w.content, "contacts.yaml");
  writeFileSync(contacts, readFileSync(contacts, "utf8") + "neumann:\n  name: Petra Neumann\n  phone: 0251 492-0\n");
  const after = await w.check();
  assert.deepEqual(after.problems.map((p) => [p.code, p.file]), [["alias-conflict", "releases/2026/2026-11-27-radwege-am-ring.md"]]);
});
