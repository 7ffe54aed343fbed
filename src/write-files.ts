/** Writing generated files into the output folder: in parallel, each folder made once, never outside it. */
import { copyFile, link, mkdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { eachLimited } from "./each-limited.ts";

export interface OutputFile {
  /** Relative to the output folder, forward slashes. */
  readonly path: string;
  /**
   * Text or bytes to write, the absolute path of a file to copy, or of a file
   * of the previous output that holds the same bytes (hard-linked, or copied
   * where the file system cannot link).
   */
  readonly content: string | Uint8Array | { readonly copyFrom: string } | { readonly linkFrom: string };
  /** What the file is made from, for the next build to reuse it (see previous-build.ts). */
  readonly key?: string;
}

export interface FolderWriter {
  /** The absolute path of `file` (relative, forward slashes) inside the folder; throws for a path that leads out of it. */
  readonly target: (file: string) => string;
  readonly write: (file: string, content: OutputFile["content"]) => Promise<void>;
  /** Make the folder `file` goes into, for a writer of its own (a ZIP stream); its absolute path. */
  readonly prepare: (file: string) => Promise<string>;
}

/** Writes below `root` only, making each folder once. */
export function folderWriter(root: string): FolderWriter {
  const top = path.resolve(root) + path.sep;
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string): Promise<unknown> => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };
  const target = (file: string): string => {
    const resolved = path.resolve(top, file);
    if (!resolved.startsWith(top)) throw new Error(`refusing to write outside the output folder: ${file}`);
    return resolved;
  };
  // A path linked to a file of the previous output is never written through: that would change the old file too.
  const linked = new Set<string>();
  const prepare = async (file: string): Promise<string> => {
    const to = target(file);
    await folder(path.dirname(to));
    return to;
  };
  return {
    target,
    prepare,
    async write(file, content) {
      const to = await prepare(file);
      if (linked.delete(to)) await unlink(to);
      if (typeof content === "string" || content instanceof Uint8Array) await writeFile(to, content);
      else if ("copyFrom" in content) await copyFile(content.copyFrom, to);
      else {
        linked.add(to);
        await link(content.linkFrom, to).catch(() => copyFile(content.linkFrom, to));
      }
    },
  };
}

export async function writeFiles(root: string, files: readonly OutputFile[], concurrency = 16): Promise<void> {
  const writer = folderWriter(root);
  const seen = new Set<string>();
  for (const file of files) {
    const target = writer.target(file.path);
    if (seen.has(target)) throw new Error(`two generated files would be written to ${target}`);
    seen.add(target);
  }
  await eachLimited(files, concurrency, (file) => writer.write(file.path, file.content));
}
