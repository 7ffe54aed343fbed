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
import { readFileSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { identityText, sha256 } from "./media/cache.ts";
import { inCodeUnitOrder } from "./compare.ts";

/** The key of a file made anew on every build and compared by its bytes: it is recorded for its hash, never reused by key. */
export const BY_BYTES = "";

/** The sha256 is "" for files copied or streamed (kits): their keys name their sources' stat facts, which a restore changes anyway. */
type Entry = readonly [key: string, ino: number, size: number, mtimeMs: number, sha256: string];

interface BuildRecord {
  readonly files: { readonly [file: string]: Entry };
}

export interface RecordStore {
  readStore(name: string): Promise<unknown>;
  writeStore(name: string, value: unknown): Promise<void>;
}

/** The file on disk is the very one the record describes: same inode, size and time. */
const asRecorded = (facts: Stats | undefined, entry: Entry): boolean =>
  facts !== undefined && facts.isFile() && facts.size === entry[2] && facts.ino === entry[1] && facts.mtimeMs === entry[3];

const statOf = (file: string): Stats | undefined => {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
};

export class PreviousBuild {
  private readonly kept = new Map<string, string>();
  /** Files found the same as recorded in this build (they stay untouched until commit): their hash and size. */
  private readonly confirmed = new Map<string, { sha256: string; size: number }>();

  private constructor(
    private readonly outDir: string,
    private readonly name: string,
    private readonly files: ReadonlyMap<string, Entry>,
  ) {}

  /** What the last build into `outDir` recorded in `store` (nothing, if it recorded nothing or the folder is gone). */
  static async open(store: RecordStore, outDir: string): Promise<PreviousBuild> {
    const out = path.resolve(outDir);
    const name = `builds/${sha256(out).slice(0, 16)}.json`;
    const saved = (await store.readStore(name)) as BuildRecord | undefined;
    const files = saved && typeof saved === "object" && saved.files && typeof saved.files === "object" ? Object.entries(saved.files) : [];
    return new PreviousBuild(out, name, new Map(files));
  }

  /**
   * Whether `file` in the current output holds exactly what `key` makes. A
   * file whose inode or time changed (the folder restored from a CI cache)
   * is read and compared by its hash.
   */
  reusable(file: string, key: string): boolean {
    if (key === BY_BYTES) return false;
    const entry = this.files.get(file);
    return Array.isArray(entry) && entry[0] === key && this.stillThere(file, entry);
  }

  /**
   * The sha256 and size the record holds for `file`, if the file there is
   * still the one it describes. A restored file (other inode and time) is read
   * and compared by its hash, as in reusable(): otherwise every file compared
   * by its bytes (feeds, vCards, search shards) would be written again after
   * a restore, though its bytes are the same.
   */
  factsOf(file: string): { sha256: string; size: number } | undefined {
    const confirmed = this.confirmed.get(file);
    if (confirmed !== undefined) return confirmed;
    const entry = this.files.get(file);
    if (!Array.isArray(entry) || typeof entry[4] !== "string" || entry[4] === "") return undefined;
    return this.stillThere(file, entry) ? this.confirmed.get(file) : undefined;
  }

  /** The file on disk is the one `entry` records: as recorded, or else its bytes hash as recorded. Confirmed files are remembered with their hash. */
  private stillThere(file: string, entry: Entry): boolean {
    const at = path.join(this.outDir, file);
    const facts = statOf(at);
    if (!facts?.isFile() || facts.size !== entry[2]) return false;
    const hash = typeof entry[4] === "string" ? entry[4] : "";
    let same = asRecorded(facts, entry);
    if (!same && hash !== "") {
      try {
        same = sha256(readFileSync(at)) === hash;
      } catch {
        same = false;
      }
    }
    if (same && hash !== "") this.confirmed.set(file, { sha256: hash, size: facts.size });
    return same;
  }

  /** The files the record holds with `key`: a group of files made together (the search index). */
  filesKeyed(key: string): string[] {
    return [...this.files].filter(([, entry]) => Array.isArray(entry) && entry[0] === key).map(([file]) => file);
  }

  /** Note a file of the new build and its key, for the next build. */
  keep(file: string, key: string): void {
    this.kept.set(file, key);
  }

  /** After the new output is in place: record what each kept file is now; `hashes` has those written in this build. */
  async save(store: RecordStore, hashes: ReadonlyMap<string, string>): Promise<ReadonlyMap<string, string>> {
    const files: { [file: string]: Entry } = {};
    const identities = new Map<string, string>();
    for (const [file, key] of [...this.kept].sort(([a], [b]) => inCodeUnitOrder(a, b))) {
      const facts = statOf(path.join(this.outDir, file));
      if (!facts?.isFile()) continue;
      const before = this.files.get(file);
      const unchanged = Array.isArray(before) && before[0] === key && before[2] === facts.size && typeof before[4] === "string";
      files[file] = [key, facts.ino, facts.size, facts.mtimeMs, hashes.get(file) ?? (unchanged ? before[4] : "")];
      identities.set(file, identityText(facts));
    }
    await store.writeStore(this.name, { files } satisfies BuildRecord);
    return identities;
  }
}
