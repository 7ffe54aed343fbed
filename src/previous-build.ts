/**
 * What the last build wrote into an output folder, kept in the cache folder:
 * each file's key (a hash of everything it was made from) and its identity on
 * disk. A file of the next build with the same key stays in the output as it
 * is instead of being rendered and written again — but only if the file
 * there is still the one the last build wrote (same inode, size and
 * modification time): a file edited or replaced by hand is made again.
 *
 * Keys of files whose names carry a content hash (web versions, cards) are
 * their paths.
 */
import { statSync, type Stats } from "node:fs";
import path from "node:path";
import { sha256 } from "./media/cache.ts";

type Entry = readonly [key: string, ino: number, size: number, mtimeMs: number];

interface Record {
  readonly files: { readonly [file: string]: Entry };
}

export interface RecordStore {
  readStore(name: string): Promise<unknown>;
  writeStore(name: string, value: unknown): Promise<void>;
}

const statOf = (file: string): Stats | undefined => {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
};

export class PreviousBuild {
  private readonly kept = new Map<string, string>();

  private constructor(
    private readonly outDir: string,
    private readonly name: string,
    private readonly files: ReadonlyMap<string, Entry>,
  ) {}

  /** What the last build into `outDir` recorded in `store` (nothing, if it recorded nothing or the folder is gone). */
  static async open(store: RecordStore, outDir: string): Promise<PreviousBuild> {
    const out = path.resolve(outDir);
    const name = `builds/${sha256(out).slice(0, 16)}.json`;
    const saved = (await store.readStore(name)) as Record | undefined;
    const files = saved && typeof saved === "object" && saved.files && typeof saved.files === "object" ? Object.entries(saved.files) : [];
    return new PreviousBuild(out, name, new Map(files));
  }

  /** The absolute path of `file` in the current output when it holds exactly what `key` makes; else undefined. */
  reusable(file: string, key: string): string | undefined {
    const entry = this.files.get(file);
    if (!Array.isArray(entry) || entry[0] !== key) return undefined;
    const at = path.join(this.outDir, file);
    const facts = statOf(at);
    return facts?.isFile() && facts.ino === entry[1] && facts.size === entry[2] && facts.mtimeMs === entry[3] ? at : undefined;
  }

  /** Note a file of the new build and its key, for the next build. */
  keep(file: string, key: string): void {
    this.kept.set(file, key);
  }

  /** After the new output is in place: record what each kept file is now. */
  async save(store: RecordStore): Promise<void> {
    const files: { [file: string]: Entry } = {};
    for (const [file, key] of [...this.kept].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const facts = statOf(path.join(this.outDir, file));
      if (facts?.isFile()) files[file] = [key, facts.ino, facts.size, facts.mtimeMs];
    }
    await store.writeStore(this.name, { files } satisfies Record);
  }
}
