/**
 * The output folder's update: at the commit, the new build's files are in place and every other file and
 * folder of the old output is gone, also where a file of the old output gives way to a folder of the new one
 * or the other way round, and files written beside the build (a preview's quick page) that the build also has stay.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { OutputUpdate } from "../../src/output-folder.ts";
import { NOT_YET, OutputScan } from "../../src/output-scan.ts";
import { FILES } from "../../src/site/files.ts";
import { listFiles } from "../helpers.ts";

function oldOutput(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "pressroom-output-"));
  const put = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  put(FILES.marker, "old");
  put("kept/index.html", "old kept");
  put("stale/deep/er/index.html", "stale");
  put("stale-file.xml", "stale");
  put("was-file", "a file that becomes a folder");
  put("was-folder/inner/index.html", "a folder that becomes a file");
  put("mixed/stays.html", "old");
  put("mixed/goes.html", "old");
  return root;
}

for (const [how, scanned] of [["as the scan found it", true], ["walked at the commit", false]] as const) test(`the commit leaves exactly the new build's files, whatever stood where they go (the old output ${how})`, async () => {
  const root = oldOutput();
  const scan = scanned ? OutputScan.start(root) : undefined;
  const update = await OutputUpdate.begin(root, undefined, scan);
  // As in a build, the old output is read before the new files are written.
  if (scan) {
    const listed = await scan.listing();
    for (const file of listFiles(root)) assert.ok(listed.includes(path.join(root, file)), file);
    assert.ok(listed.includes(path.join(root, "stale/deep")));
  }
  await update.write("kept/index.html", "new kept");
  await update.write("was-file/index.html", "now a folder");
  await update.write("was-folder", "now a file");
  await update.write("mixed/stays.html", "new");
  await update.write("fresh/a/b/index.html", "new folder");
  await update.commit();
  assert.deepEqual(listFiles(root).sort(), [FILES.marker, "fresh/a/b/index.html", "kept/index.html", "mixed/stays.html", "was-file/index.html", "was-folder"].sort());
  assert.equal(readFileSync(path.join(root, "was-folder"), "utf8"), "now a file");
  assert.equal(readFileSync(path.join(root, "was-file/index.html"), "utf8"), "now a folder");
  assert.deepEqual(listFiles(path.join(root, "mixed")), ["stays.html"]);
  // Emptied folders go too.
  assert.equal(existsSync(path.join(root, "stale")), false);
  assert.equal(existsSync(path.join(root, "was-folder/inner")), false);
});

test("the scan tells a file's identity to a thread that does not let a callback in", () => {
  const root = oldOutput();
  const scan = OutputScan.start(root)!;
  try {
    // Asked in one synchronous loop, as the build keys its pages: the answer is taken from the worker's port.
    const end = Date.now() + 20_000;
    let facts = scan.factsOf("mixed/stays.html");
    while (facts === NOT_YET && Date.now() < end) facts = scan.factsOf("mixed/stays.html");
    assert.notEqual(facts, NOT_YET, "the scan never answered");
    const stats = statSync(path.join(root, "mixed/stays.html"));
    assert.deepEqual(facts && facts !== NOT_YET && [facts.ino, facts.size, facts.mtimeMs, facts.isFile()], [stats.ino, stats.size, stats.mtimeMs, true]);
    assert.equal(scan.factsOf("mixed"), undefined, "a folder is no file");
    assert.equal(scan.factsOf("not-there.html"), undefined);
  } finally {
    scan.close();
  }
});

test("no scan of a folder that is not there", () => {
  assert.equal(OutputScan.start(path.join(os.tmpdir(), "pressroom-no-such-output", String(process.pid))), undefined);
});

test("a scan that fails leaves every question to the file system and the commit to its own walk", async () => {
  const root = oldOutput();
  // A file where the folder should be: the worker cannot read it.
  const scan = OutputScan.start(path.join(root, "stale-file.xml"))!;
  await assert.rejects(scan.listing(), /ENOTDIR|not a directory/);
  assert.equal(scan.factsOf("index.html"), NOT_YET);
  scan.close();
});
