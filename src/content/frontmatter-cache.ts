/**
 * Front matter read by earlier builds, kept in the cache folder: parsing YAML
 * with line numbers is the largest part of reading a release, and between two
 * builds almost every file is the same. Keyed by a hash of the file's text,
 * valid only for the code that parsed it; only files without problems are
 * kept. Line numbers are needed only to report a problem: the first question
 * for one parses the file again.
 */
import { sha256, storePieces } from "../media/cache.ts";
import { splitRelease, type SplitRelease } from "./frontmatter.ts";
import type { YamlValue } from "./yaml.ts";

interface Entry {
  readonly value: YamlValue;
  readonly endLine: number;
  readonly bodyLine: number;
  /** The body is the text from here on. */
  readonly bodyStart: number;
}

const STORE = "frontmatter.json";

export interface FrontMatterStore {
  readStore(name: string): Promise<unknown>;
  writeStorePieces(name: string, pieces: Iterable<string>): Promise<void>;
}

/** Mappings as the YAML module makes them: without a prototype, so no field name reaches Object's methods. */
function revive(value: unknown): YamlValue {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(revive);
  const out: { [key: string]: YamlValue } = Object.create(null);
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = revive(item);
  return out;
}

export class FrontMatterCache {
  private readonly used = new Map<string, Entry>();
  private parsed = 0;

  private constructor(
    private readonly code: string,
    private readonly known: ReadonlyMap<string, Entry>,
  ) {}

  static async open(store: FrontMatterStore, code: string): Promise<FrontMatterCache> {
    const saved = (await store.readStore(STORE)) as { code?: unknown; entries?: unknown } | undefined;
    const usable = saved && typeof saved === "object" && saved.code === code && saved.entries && typeof saved.entries === "object";
    return new FrontMatterCache(code, new Map(usable ? Object.entries(saved.entries as Record<string, Entry>) : []));
  }

  /** splitRelease, from the cache when the file's text is the same. */
  split = (text: string, file: string): SplitRelease => {
    const key = sha256(text);
    const entry = this.used.get(key) ?? this.known.get(key);
    if (entry && typeof entry.bodyStart === "number" && entry.bodyStart <= text.length) {
      this.used.set(key, entry);
      let full: SplitRelease | undefined;
      return {
        data: {
          value: revive(entry.value),
          lineOf: (path, isKey) => (full ??= splitRelease(text, file)).data?.lineOf(path, isKey),
          problems: [],
          endLine: entry.endLine,
        },
        body: text.slice(entry.bodyStart),
        bodyLine: entry.bodyLine,
        problems: [],
      };
    }
    const split = splitRelease(text, file);
    this.parsed++;
    const value = split.data?.value;
    if (split.problems.length === 0 && value !== undefined && split.data?.endLine !== undefined && text.endsWith(split.body)) {
      this.used.set(key, { value, endLine: split.data.endLine, bodyLine: split.bodyLine, bodyStart: text.length - split.body.length });
    }
    return split;
  };

  /** Keep this run's entries, and only those, when anything changed. */
  async save(store: FrontMatterStore): Promise<void> {
    if (this.parsed === 0 && this.used.size === this.known.size) return;
    await store.writeStorePieces(STORE, storePieces(this.code, "entries", this.used));
  }
}
