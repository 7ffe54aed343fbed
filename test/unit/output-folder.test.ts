/**
 * The output folder's update: at the commit, the new build's files are in place and every other file and
 * folder of the old output is gone, also where a file of the old output gives way to a folder of the new one
 * or the other way round, and files written beside the build (a preview's quick page) that the build also has stay.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { OutputUpdate } from "../../src/output-folder.ts";
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

test("the commit leaves exactly the new build's files, whatever stood where they go", async () => {
  const root = oldOutput();
  const update = await OutputUpdate.begin(root);
  // As in a build, the old output is listed before the new files are written.
  await new Promise((resolve) => setTimeout(resolve, 200));
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
