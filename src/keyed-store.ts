/**
 * Entries kept between builds in the cache folder, keyed by a hash of what
 * each was made from and valid only for the code that made them (rendered
 * bodies, parsed front matter, resolved releases). Only the entries this run
 * asked for or added are kept, so the store never grows past the site. It is
 * kept in 16 files by the first character of the key (`bodies.json` is
 * `bodies/0.json` … `bodies/f.json`); a file is written only when its set of
 * entries changed — one changed release rewrites two of them, not all — one
 * entry at a time, so thousands of entries are never one string in memory.
 */

/** The cache folder's side: whole files by name (MediaCache). */
export interface StoreFiles {
  readStore(name: string): Promise<unknown>;
  /** `value`: what the pieces spell, as the next read would give it. */
  writeStorePieces(name: string, pieces: Iterable<string>, value?: unknown): Promise<void>;
  /** Remove a file of the store (the single file of versions before the store was cut in 16). */
  removeStore?(name: string): Promise<void>;
}

const SHARDS = "0123456789abcdef";

function* pieces(code: string, entries: ReadonlyMap<string, unknown>): Generator<string> {
  yield `{"code":${JSON.stringify(code)},"entries":{`;
  let first = true;
  for (const [key, value] of entries) {
    yield `${first ? "" : ","}${JSON.stringify(key)}:${JSON.stringify(value)}`;
    first = false;
  }
  yield "}}";
}

/** One of the files: what the last run kept in it, and what this run uses. */
interface Shard {
  readonly known: ReadonlyMap<string, unknown>;
  readonly used: Map<string, unknown>;
  added: number;
  /** The file holds what another code made (or nothing readable): it is written anew. */
  readonly stale: boolean;
}

/** The shard of a key: its first character when that is a hex digit (keys are sha256 in hex), else the last one of them. */
const shardOf = (key: string): number => {
  const at = SHARDS.indexOf(key[0] ?? "");
  return at === -1 ? SHARDS.length - 1 : at;
};

export class KeyedStore<T> {
  private constructor(
    private readonly name: string,
    private readonly code: string,
    private readonly shards: readonly Shard[],
  ) {}

  /** The file of shard `i` of the store `name`: bodies.json → bodies/3.json. */
  static fileOf(name: string, i: number): string {
    return `${name.replace(/\.json$/, "")}/${SHARDS[i]}.json`;
  }

  /** The store `name` as the last run left it; a file another code made counts as empty. */
  static async open<T>(files: StoreFiles, name: string, code: string): Promise<KeyedStore<T>> {
    const shards = await Promise.all(
      [...SHARDS].map(async (_, i): Promise<Shard> => {
        const saved = (await files.readStore(KeyedStore.fileOf(name, i))) as { code?: unknown; entries?: unknown } | undefined;
        const usable = saved && typeof saved === "object" && saved.code === code && saved.entries && typeof saved.entries === "object";
        return { known: new Map(usable ? Object.entries(saved.entries as object) : []), used: new Map(), added: 0, stale: saved !== undefined && !usable };
      }),
    );
    return new KeyedStore<T>(name, code, shards);
  }

  /** The entry for `key` if it passes `valid`; then it is kept for the next run. */
  get(key: string, valid: (value: unknown) => value is T): T | undefined {
    const shard = this.shards[shardOf(key)]!;
    const value = shard.used.get(key) ?? shard.known.get(key);
    if (value === undefined || !valid(value)) return undefined;
    shard.used.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    const shard = this.shards[shardOf(key)]!;
    shard.used.set(key, value);
    shard.added++;
  }

  async save(files: StoreFiles): Promise<void> {
    const changed = this.shards.map((shard, i) => [shard, i] as const).filter(([shard]) => shard.stale || shard.added > 0 || shard.used.size !== shard.known.size);
    if (changed.length === 0) return;
    await Promise.all(
      changed.map(async ([shard, i]) => {
        const value = { code: this.code, entries: Object.fromEntries(shard.used) };
        await files.writeStorePieces(KeyedStore.fileOf(this.name, i), pieces(this.code, shard.used), value);
      }),
    );
    await files.removeStore?.(this.name);
  }
}
