/** Writing generated files into the output folder: in parallel, each folder made once, never outside it. */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export interface OutputFile {
  /** Relative to the output folder, forward slashes. */
  readonly path: string;
  /** Text or bytes to write, or the absolute path of a file to copy. */
  readonly content: string | Uint8Array | { readonly copyFrom: string };
}

export async function writeFiles(root: string, files: readonly OutputFile[], concurrency = 16): Promise<void> {
  const top = path.resolve(root) + path.sep;
  const targets = files.map((file) => {
    const target = path.resolve(top, file.path);
    if (!target.startsWith(top)) throw new Error(`refusing to write outside the output folder: ${file.path}`);
    return { target, content: file.content };
  });
  const seen = new Set<string>();
  for (const { target } of targets) {
    if (seen.has(target)) throw new Error(`two generated files would be written to ${target}`);
    seen.add(target);
  }
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string): Promise<unknown> => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const { target, content } = targets[next++]!;
      await folder(path.dirname(target));
      if (typeof content === "object" && "copyFrom" in content) await copyFile(content.copyFrom, target);
      else await writeFile(target, content);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
