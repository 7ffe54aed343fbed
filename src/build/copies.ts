/** Files copied into the output (originals, Decap's bundle, the files of a kit): the same while their source is. */
import { statSync } from "node:fs";
import { sha256 } from "../media/cache.ts";
import type { PreviousBuild } from "../previous-build.ts";
import { UNCHANGED, type OutputFile } from "../write-files.ts";

/** A copied file is the same while its source is: same path, size, times and inode (the change time moves on every write, also one that keeps the modification time). */
export function copyKey(content: OutputFile["content"]): string | undefined {
  if (typeof content !== "object" || !("copyFrom" in content)) return undefined;
  const facts = statSync(content.copyFrom);
  return sha256(JSON.stringify(["copy", content.copyFrom, facts.size, facts.mtimeMs, facts.ctimeMs, facts.ino]));
}

/** The file with its key; left as it is (unread) when the last build made the same copy. */
export const reusedCopy =
  (previous: PreviousBuild) =>
  (file: OutputFile): OutputFile => {
    const key = copyKey(file.content);
    return key !== undefined && previous.reusable(file.path, key) ? { ...file, content: UNCHANGED, key } : { ...file, ...(key !== undefined && { key }) };
  };
