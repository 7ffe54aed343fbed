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
import { NOT_YET, type OutputScan } from "./output-scan.ts";

/** The key of a file made anew on every build and compared by its bytes: it is recorded for its hash, never reused by key. */
export const BY_BYTES = "";

/** The sha256 is "" for files copied or streamed (kits): their keys name their sources' stat facts, which a restore changes anyway. */
type Entry = readonly [key: string, ino: number, size: number, mtimeMs: number, sha256: string];

interface BuildRecord {
  readonly files: { readonly [file: string]: Entry };
}

export interface RecordStore {
  readStore(name: string): Promise<unknown>;
  /** A small store, read before this function returns. */
  peekStore(name: string): unknown;
  writeStore(name: string, value: unknown): Promise<void>;
}

/** What a file's identity is told by. */
type Facts = Pick<Stats, "ino" | "size" | "mtimeMs"> & { isFile(): boolean };

/** The file on disk is the very one the record describes: same inode, size and time. */
const asRecorded = (facts: Facts | undefined, entry: Entry): boolean =>
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
  /** Files found the same as recorded in this build (they stay untouched until commit): their hash and identity. */
  private readonly confirmed = new Map<string, { sha256: string; size: number; facts: Facts }>();
  /** Files asked about before the output folder's scan answered (or without one), as they were then. */
  private readonly found = new Map<string, Facts | undefined>();
  private byKey: Map<string, string[]> | undefined;

  private constructor(
    private readonly outDir: string,
    private readonly name: string,
    private readonly files: ReadonlyMap<string, Entry>,
    private readonly scan: OutputScan | undefined,
  ) {}

  /**
   * What the last build into `outDir` recorded in `store` (nothing, if it recorded nothing or the folder is gone).
   * `scan` read the folder as this build started: its files are asked about there, not one by one on this thread.
   */
  static async open(store: RecordStore, outDir: string, scan?: OutputScan): Promise<PreviousBuild> {
    const out = path.resolve(outDir);
    const name = `builds/${sha256(out).slice(0, 16)}.json`;
    const saved = (await store.readStore(name)) as BuildRecord | undefined;
    const files = saved && typeof saved === "object" && saved.files && typeof saved.files === "object" ? Object.entries(saved.files) : [];
    return new PreviousBuild(out, name, new Map(files), scan);
  }

  /** `file` (relative) as it is in the output folder: as the scan or an earlier question found it (the same until the commit). */
  private factsAt(file: string): Facts | undefined {
    if (this.found.has(file)) return this.found.get(file);
    const scanned = this.scan === undefined ? NOT_YET : this.scan.factsOf(file);
    if (scanned !== NOT_YET) return scanned;
    const facts = statOf(path.join(this.outDir, file));
    this.found.set(file, facts);
    return facts;
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
    const facts = this.factsAt(file);
    if (!facts?.isFile() || facts.size !== entry[2]) return false;
    const hash = typeof entry[4] === "string" ? entry[4] : "";
    let same = asRecorded(facts, entry);
    if (!same && hash !== "") {
      try {
        same = sha256(readFileSync(path.join(this.outDir, file))) === hash;
      } catch {
        same = false;
      }
    }
    if (same && hash !== "") this.confirmed.set(file, { sha256: hash, size: facts.size, facts });
    return same;
  }

  /** The files the record holds with `key`: a group of files made together (the search index). */
  filesKeyed(key: string): string[] {
    if (this.byKey === undefined) {
      this.byKey = new Map();
      for (const [file, entry] of this.files) {
        if (!Array.isArray(entry)) continue;
        const group = this.byKey.get(entry[0]);
        if (group === undefined) this.byKey.set(entry[0], [file]);
        else group.push(file);
      }
    }
    return [...(this.byKey.get(key) ?? [])];
  }

  /** Note a file of the new build and its key, for the next build. */
  keep(file: string, key: string): void {
    this.kept.set(file, key);
  }

  /**
   * After the new output is in place: record what each kept file is now; `hashes` has those written from text or
   * bytes in this build, `rewritten` every file this build put in place (the others are as found).
   */
  async save(store: RecordStore, hashes: ReadonlyMap<string, string>, rewritten: ReadonlySet<string>): Promise<ReadonlyMap<string, string>> {
    const files: { [file: string]: Entry } = {};
    const identities = new Map<string, string>();
    for (const [file, key] of [...this.kept].sort(([a], [b]) => inCodeUnitOrder(a, b))) {
      const confirmed = this.confirmed.get(file);
      const facts = confirmed !== undefined && !rewritten.has(file) ? confirmed.facts : statOf(path.join(this.outDir, file));
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
