/** Generated files and where they go: the output folder (output-folder.ts) writes them, never outside itself. */

/** The content of a file that stays as the previous build wrote it. */
export const UNCHANGED = { unchanged: true } as const;

export interface OutputFile {
  /** Relative to the output folder, forward slashes. */
  readonly path: string;
  /**
   * Text or bytes to write, the absolute path of a file to copy, or word that
   * the file the previous build wrote there holds these bytes already (it stays).
   */
  readonly content: string | Uint8Array | { readonly copyFrom: string } | typeof UNCHANGED;
  /** What the file is made from, for the next build to reuse it (see previous-build.ts). */
  readonly key?: string;
}

export interface FolderWriter {
  /** The absolute path of `file` (relative, forward slashes) inside the folder; throws for a path that leads out of it. */
  readonly target: (file: string) => string;
  readonly write: (file: string, content: OutputFile["content"]) => Promise<void>;
  /** Make the folder `file` goes into, for a writer of its own (a ZIP stream); the absolute path to write to. */
  readonly prepare: (file: string) => Promise<string>;
}

/** Write `files`, refusing two files of the same name, also one of `written` (files written before). */
export async function writeFiles(writer: FolderWriter, files: readonly OutputFile[], written: readonly string[] = []): Promise<void> {
  const seen = new Set<string>(written.map((file) => writer.target(file)));
  for (const file of files) {
    const target = writer.target(file.path);
    if (seen.has(target)) throw new Error(`two generated files would be written to ${target}`);
    seen.add(target);
  }
  for (const file of files) await writer.write(file.path, file.content);
}
