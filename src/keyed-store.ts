/**
 * Entries kept between builds in one file of the cache folder, keyed by a
 * hash of what each was made from and valid only for the code that made
 * them (rendered bodies, parsed front matter). Only the entries this run
 * asked for or added are kept, so the file never grows past the site; it is
 * written only when that set changed, one entry at a time, so thousands of
 * entries are never one string in memory.
 */

/** The cache folder's side: whole files by name (MediaCache). */
export interface StoreFiles {
  readStore(name: string): Promise<unknown>;
  /** `value`: what the pieces spell, as the next read would give it. */
  writeStorePieces(name: string, pieces: Iterable<string>, value?: unknown): Promise<void>;
}

function* pieces(code: string, entries: ReadonlyMap<string, unknown>): Generator<string> {
  yield `{"code":${JSON.stringify(code)},"entries":{`;
  let first = true;
  for (const [key, value] of entries) {
    yield `${first ? "" : ","}${JSON.stringify(key)}:${JSON.stringify(value)}`;
    first = false;
  }
  yield "}}";
}

export class KeyedStore<T> {
  private readonly used = new Map<string, T>();
  private added = 0;

  private constructor(
    private readonly name: string,
    private readonly code: string,
    /** What the last run kept: unchecked JSON, each caller checks the shape of what it takes. */
    private readonly known: ReadonlyMap<string, unknown>,
  ) {}

  /** The store `name` as the last run left it, or empty if another code made it. */
  static async open<T>(files: StoreFiles, name: string, code: string): Promise<KeyedStore<T>> {
    const saved = (await files.readStore(name)) as { code?: unknown; entries?: unknown } | undefined;
    const usable = saved && typeof saved === "object" && saved.code === code && saved.entries && typeof saved.entries === "object";
    return new KeyedStore<T>(name, code, new Map(usable ? Object.entries(saved.entries as object) : []));
  }

  /** The entry for `key` if it passes `valid`; then it is kept for the next run. */
  get(key: string, valid: (value: unknown) => value is T): T | undefined {
    const value = this.used.get(key) ?? this.known.get(key);
    if (value === undefined || !valid(value)) return undefined;
    this.used.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.used.set(key, value);
    this.added++;
  }

  async save(files: StoreFiles): Promise<void> {
    if (this.added === 0 && this.used.size === this.known.size) return;
    await files.writeStorePieces(this.name, pieces(this.code, this.used), { code: this.code, entries: Object.fromEntries(this.used) });
  }
}
