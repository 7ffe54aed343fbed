/**
 * The media cache (`.cache/pressroom/` by default): what reading a photo told,
 * and its encoded web versions, keyed by hashes of the source bytes and of
 * everything that changes pixels. CI restores the folder between runs, so a
 * rebuild encodes only what changed.
 *
 * Every file is written under a temporary name and renamed, and an entry's
 * files are checked against the sizes and hashes its record lists before they
 * are used: a file cut short by an interrupted run is never published.
 */
import { createHash, randomBytes } from "node:crypto";
import { closeSync, createReadStream, existsSync, openSync, readFileSync, statSync, writeSync, type Stats } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors/usage.ts";

const LAYOUT = "v1";

export const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

export interface CacheOptions {
  readonly dir: string;
  /** `check` reads the cache but never writes. */
  readonly write: boolean;
}

export const defaults = { dir: path.join(".cache", "pressroom"), write: true } satisfies CacheOptions;

/** Stat facts under which a file's hash is remembered: any write, rename or copy changes one of them. */
type SourceStamp = readonly [ino: number, size: number, mtimeMs: number, ctimeMs: number, hash: string];

export interface EntryFile {
  readonly name: string;
  readonly data: Uint8Array;
}

interface EntryRecord {
  readonly files: readonly { readonly name: string; readonly bytes: number; readonly sha256: string }[];
  readonly meta: unknown;
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Small files in one read; large ones (a 100 MB TIFF) in chunks, so memory stays bounded. */
async function hashFile(file: string, size: number): Promise<string> {
  if (size <= 16 * 1024 * 1024) return sha256(await readFile(file));
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Stores this process read or wrote, by path, with the identity of the file they were read from or written to. */
const resident = new Map<string, { readonly facts: string; readonly value: unknown }>();

/** A file's identity on disk: inode, size, modification time. */
export const identityText = (facts: Pick<Stats, "ino" | "size" | "mtimeMs">): string => `${facts.ino} ${facts.size} ${facts.mtimeMs}`;

/** The identity of `file`, or undefined when it is no file. */
export const identityOf = (file: string): string | undefined => {
  const facts = statSync(file, { throwIfNoEntry: false });
  return facts?.isFile() ? identityText(facts) : undefined;
};

function remember(file: string, value: unknown): void {
  const facts = identityOf(file);
  if (facts === undefined) resident.delete(file);
  else resident.set(file, { facts, value });
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
}

export class MediaCache {
  readonly dir: string;
  readonly write: boolean;
  private readonly root: string;
  private stamps: Map<string, SourceStamp> | undefined;
  private stampsChanged = false;

  constructor(options: CacheOptions) {
    this.dir = path.resolve(options.dir);
    if (existsSync(this.dir) && !statSync(this.dir).isDirectory()) {
      throw new UsageError(`the media cache ${options.dir} is a file, not a folder; pass another with --cache DIR`);
    }
    this.write = options.write;
    this.root = path.join(this.dir, LAYOUT);
  }

  private async loadStamps(): Promise<Map<string, SourceStamp>> {
    if (!this.stamps) {
      const saved = await readJson(path.join(this.root, "sources.json"));
      this.stamps = new Map(saved && typeof saved === "object" ? (Object.entries(saved) as [string, SourceStamp][]) : []);
    }
    return this.stamps;
  }

  /** sha256 of a file's bytes; remembered by its stat facts, so an unchanged file is not read again. */
  async sourceHash(file: string): Promise<string> {
    const stamps = await this.loadStamps();
    const facts = await stat(file);
    const known = stamps.get(file);
    if (
      Array.isArray(known) &&
      known[0] === facts.ino &&
      known[1] === facts.size &&
      known[2] === facts.mtimeMs &&
      known[3] === facts.ctimeMs &&
      typeof known[4] === "string"
    ) {
      return known[4];
    }
    const hash = await hashFile(file, facts.size);
    stamps.set(file, [facts.ino, facts.size, facts.mtimeMs, facts.ctimeMs, hash]);
    this.stampsChanged = true;
    return hash;
  }

  private recordPath = (kind: string, key: string): string => path.join(this.root, kind, key.slice(0, 2), `${key}.json`);
  private filePath = (kind: string, key: string, name: string): string => path.join(this.root, kind, key.slice(0, 2), `${key}-${name}`);

  /** A small record (what a probe found), or undefined. */
  async readRecord(kind: string, key: string): Promise<unknown> {
    return readJson(this.recordPath(kind, key));
  }

  async writeRecord(kind: string, key: string, value: unknown): Promise<void> {
    if (this.write) await this.bestEffort(() => writeAtomically(this.recordPath(kind, key), JSON.stringify(value)));
  }

  /**
   * The cache only saves time: a full disk or a read-only folder must not
   * fail a build (the output is written elsewhere, and fails on its own).
   */
  private async bestEffort(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch {
      // Nothing kept: the next build does the work again.
    }
  }

  /** The files of an entry with its meta data, each checked against its record; undefined unless all are whole. */
  async readEntry(kind: string, key: string): Promise<{ files: EntryFile[]; meta: unknown } | undefined> {
    const record = (await readJson(this.recordPath(kind, key))) as EntryRecord | undefined;
    if (!record || !Array.isArray(record.files)) return undefined;
    const files = await Promise.all(
      record.files.map(async (expected): Promise<EntryFile | undefined> => {
        try {
          const data = await readFile(this.filePath(kind, key, expected.name));
          return data.length === expected.bytes && sha256(data) === expected.sha256 ? { name: expected.name, data } : undefined;
        } catch {
          return undefined;
        }
      }),
    );
    if (files.some((f) => f === undefined)) return undefined;
    return { files: files as EntryFile[], meta: record.meta };
  }

  /** Store an entry: its files first, its record last, so a record always describes files that are whole. */
  async writeEntry(kind: string, key: string, files: readonly EntryFile[], meta: unknown): Promise<void> {
    if (!this.write) return;
    await this.bestEffort(async () => {
      await Promise.all(files.map((file) => writeAtomically(this.filePath(kind, key, file.name), file.data)));
      const record: EntryRecord = {
        files: files.map((f) => ({ name: f.name, bytes: f.data.length, sha256: sha256(f.data) })),
        meta,
      };
      await writeAtomically(this.recordPath(kind, key), JSON.stringify(record));
    });
  }

  /**
   * A store kept in one file of its own (rendered bodies, what the last build
   * wrote), or undefined. Read once per process while the file stays the one
   * read or written (resident): a preview's builds do not parse their own
   * last write again. Callers never change what they are given.
   */
  async readStore(name: string): Promise<unknown> {
    const file = path.join(this.root, name);
    const facts = identityOf(file);
    if (facts === undefined) return undefined;
    const known = resident.get(file);
    if (known?.facts === facts) return known.value;
    const value = await readJson(file);
    if (value !== undefined) resident.set(file, { facts, value });
    return value;
  }

  /**
   * A small store (a key, a few bytes) read at once, or undefined: for a decision that cannot wait until this thread
   * is free for a read's callback.
   */
  peekStore(name: string): unknown {
    try {
      return JSON.parse(readFileSync(path.join(this.root, name), "utf8"));
    } catch {
      return undefined;
    }
  }

  async writeStore(name: string, value: unknown): Promise<void> {
    if (!this.write) return;
    const file = path.join(this.root, name);
    await this.bestEffort(async () => {
      await writeAtomically(file, JSON.stringify(value));
      remember(file, value);
    });
  }

  /**
   * A store written piece by piece (JSON text too large to build as one
   * string), under a temporary name and renamed; `value` is what the pieces
   * spell, for the next read in this process.
   */
  async writeStorePieces(name: string, pieces: Iterable<string>, value?: unknown): Promise<void> {
    if (!this.write) return;
    await this.bestEffort(async () => {
      const file = path.join(this.root, name);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
      const fd = openSync(temporary, "w");
      try {
        let batch = "";
        for (const piece of pieces) {
          batch += piece;
          if (batch.length >= 1 << 20) {
            writeSync(fd, batch);
            batch = "";
          }
        }
        writeSync(fd, batch);
      } catch (error) {
        closeSync(fd);
        await rm(temporary, { force: true });
        throw error;
      }
      closeSync(fd);
      await rename(temporary, file);
      if (value === undefined) resident.delete(file);
      else remember(file, value);
    });
  }

  async removeStore(name: string): Promise<void> {
    if (!this.write) return;
    const file = path.join(this.root, name);
    resident.delete(file);
    await this.bestEffort(() => rm(file, { force: true }));
  }

  /** Keep the remembered hashes for the next run. */
  async save(): Promise<void> {
    if (!this.write || !this.stampsChanged || !this.stamps) return;
    const stamps = this.stamps;
    await this.bestEffort(async () => {
      await mkdir(this.dir, { recursive: true });
      // Marks the folder for backup tools (https://bford.info/cachedir/).
      await writeFile(path.join(this.dir, "CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n# pressroom's media cache: safe to delete, rebuilt on the next build.\n");
      await writeAtomically(path.join(this.root, "sources.json"), JSON.stringify(Object.fromEntries(stamps)));
    });
    this.stampsChanged = false;
  }
}
