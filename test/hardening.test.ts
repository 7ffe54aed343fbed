/**
 * Content that tries to publish what it must not: pages replaced by media,
 * script-bearing files, another release's embargoed photo, hidden files,
 * redirects that would need a folder where a file is, ids that share a page.
 */
import assert from "node:assert/strict";
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import { checkReport, fixture, listFiles, pressroom, removeDir, tempDir } from "./helpers.ts";

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

test("every attempt is a located problem, all in one run", async () => {
  const { problems } = await checkReport("invalid-hardening");
  const seen = problems.map((p) => `${p.code} ${p.file}:${p.line} ${p.field ?? ""}`).sort();
  assert.deepEqual(seen, [
    "alias-conflict releases/2026-11-03-drei.md:5 aliases.0",
    "alias-conflict releases/2026-11-03-drei.md:5 aliases.1",
    "invalid-alias releases/2026-11-02-zwei.md:6 aliases.0",
    "invalid-id departments.yaml:4 a_b",
    "media-missing releases/2026-11-01-eins/index.md:16 media.5.file",
    "media-outside releases/2026-11-01-eins/index.md:11 media.2.file",
    "media-outside releases/2026-11-01-eins/index.md:13 media.3.file",
    "media-type releases/2026-11-01-eins/index.md:7 media.0.file",
    "media-type releases/2026-11-01-eins/index.md:9 media.1.file",
    "missing-field departments.yaml:7 umweltamt.name",
    "no-contact releases/2031-01-01-geheim/index.md:4 contact",
    "unknown-contact departments.yaml:8 umweltamt.contact",
    "unknown-field departments.yaml:7 umweltamt.beschreibung",
    "updated-before-date releases/2026-11-01-eins/index.md:4 updated",
    "wrong-type releases/2026-11-01-eins/index.md:15 media.4",
  ]);
  assert.ok(!problems.some((p) => p.code === "unknown-department"), "a malformed department entry is still defined");
});

test("a very long file name gives a bounded address, and the build succeeds", () => {
  const dir = tempDir();
  dirs.push(dir);
  const content = path.join(dir, "content");
  cpSync(fixture("valid"), content, { recursive: true });
  const name = `2026-11-26-${"Bürgerinformation & Anhörung ".repeat(6).trim()}.md`;
  writeFileSync(path.join(content, "releases", name), "---\ntitle: Lang\ndate: 2026-11-26\ndepartment: tiefbauamt\n---\nText\n");
  const out = path.join(dir, "out");
  const result = pressroom(["build", "--content", content, "--out", out, "--now", "2026-11-27T12:00"]);
  assert.equal(result.status, 0, result.stderr);
  const page = listFiles(out).find((f) => f.startsWith("2026/11/26/"))!;
  const slug = page.split("/")[3]!;
  assert.ok(slug.length <= 80, slug);
  assert.match(slug, /^buergerinformation-anhoerung-buergerinformation/);
  assert.doesNotMatch(slug, /-and-/);
});
