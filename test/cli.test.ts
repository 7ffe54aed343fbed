/** The pressroom command as a press officer uses it: check, build (new: test/new.test.ts). */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, symlinkSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import { fixture, listFiles, pressroom, removeDir, ROOT, tempDir } from "./helpers.ts";

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

test("check on valid content says so (in the site's language), and what waits, and exits 0", () => {
  const result = pressroom(["check", "--content", fixture("valid"), "--now", "2026-11-27T12:00"]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(
    result.stdout,
    `Inhalt ist gültig: 7 Meldungen in ${fixture("valid")} geprüft.\n` +
      "1 Meldung mit Sperrfrist: „FUTURESECRET Sperrfrist“ erscheint am 24.12.2026 um 12:00 Uhr\n" +
      "1 Entwurf (draft: true), wird nicht veröffentlicht.\n",
  );
  assert.equal(result.stderr, "");
});

test("help prints the usage and exits 0", () => {
  const result = pressroom(["--help"]);
  assert.equal(result.status, 0);
  assert.match(result.stdout, /^Usage: pressroom <command>/);
});

test("build refuses to replace a folder it did not make", () => {
  const dir = tempDir();
  dirs.push(dir);
  cpSync(fixture("valid"), path.join(dir, "notes"), { recursive: true });
  const result = pressroom(["build", "--content", fixture("valid"), "--out", path.join(dir, "notes"), "--now", "2026-11-27T12:00"]);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /was not made by pressroom/);
  assert.ok(listFiles(path.join(dir, "notes")).includes("site.yaml"), "the folder is untouched");
});

test("works when installed as a dependency, with its templates inside node_modules", () => {
  const dir = tempDir();
  dirs.push(dir);
  const pkg = path.join(dir, "node_modules", "pressroom");
  for (const part of ["bin", "lib", "layouts", "package.json"]) cpSync(path.join(ROOT, part), path.join(pkg, part), { recursive: true });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(pkg, "node_modules"));
  cpSync(fixture("valid"), path.join(dir, "content"), { recursive: true });
  const result = spawnSync(process.execPath, [path.join(pkg, "bin", "pressroom.js"), "build", "--now", "2026-11-27T12:00"], {
    cwd: dir,
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  const files = listFiles(path.join(dir, "dist"));
  assert.ok(files.includes("index.html"), files.join(" "));
  assert.ok(files.includes("2026/11/27/radwege-am-ring/index.html"));
});
