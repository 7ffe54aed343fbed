/** `pressroom serve`: a local preview on 127.0.0.1 that rebuilds on every change. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import { fixture, removeDir, ROOT, tempDir } from "./helpers.ts";

const dir = tempDir();
after(() => removeDir(dir));

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 30): Promise<T> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test("serves the build, rebuilds on a change, keeps the last good build on a mistake", async () => {
  const content = path.join(dir, "content");
  cpSync(fixture("valid"), content, { recursive: true });
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "bin", "pressroom.js"), "serve", "--content", content, "--out", path.join(dir, "out"), "--port", "18765"],
    { cwd: dir, env: { ...process.env, NO_COLOR: "1" } },
  );
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  try {
    const base = await until("the server", async () => /Server at (http:\/\/localhost:\d+)\//.exec(output)?.[1]);
    const page = async (url: string): Promise<string> => (await fetch(base.replace("localhost", "127.0.0.1") + url)).text();
    assert.match(await page("/"), /Radwege am Ring werden breiter/);

    const file = path.join(content, "releases/2026/2026-11-27-radwege-am-ring.md");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("title: Radwege am Ring werden breiter", "title: Radwege am Ring sind fertig"));
    await until("the rebuild", async () => ((await page("/")).includes("Radwege am Ring sind fertig") ? true : undefined));

    writeFileSync(file, original.replace("department: tiefbauamt", "department: tiefbauammt"));
    await until("the problem report", async () => (output.includes("[unknown-department]") ? true : undefined));
    assert.match(output, /Did you mean "tiefbauamt"\?/);
    assert.match(await page("/"), /Radwege am Ring sind fertig/, "the last good build is still served");
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
});
