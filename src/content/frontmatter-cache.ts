/**
 * Front matter read by earlier builds, kept in the cache folder: parsing YAML
 * with line numbers is the largest part of reading a release, and between two
 * builds almost every file is the same. Keyed by a hash of the file's text,
 * valid only for the code that parsed it; only files without problems are
 * kept. Line numbers are needed only to report a problem: the first question
 * for one parses the file again.
 */
import { KeyedStore, type StoreFiles } from "../keyed-store.ts";
import { sha256 } from "../media/cache.ts";
import type { Language } from "../i18n/strings.ts";
import { splitRelease, type SplitRelease } from "./frontmatter.ts";
import type { YamlValue } from "./yaml.ts";

interface Entry {
  readonly value: YamlValue;
  /** The line of each field's value and of its key, by its path as JSON: where a release's media are, asked for every file. */
  readonly lines?: { readonly [path: string]: readonly [value: number | null, key: number | null] };
  readonly endLine: number;
  readonly bodyLine: number;
  /** The body is the text from here on. */
  readonly bodyStart: number;
}

const STORE = "frontmatter.json";

const isEntry = (value: unknown): value is Entry =>
  typeof value === "object" && value !== null && typeof (value as Entry).bodyStart === "number" && (value as Entry).value !== undefined;

/** Mappings as the YAML module makes them: without a prototype, so no field name reaches Object's methods. */
function revive(value: unknown): YamlValue {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(revive);
  const out: { [key: string]: YamlValue } = Object.create(null);
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = revive(item);
  return out;
}

/** The lines of every value and key below the top of `value`. */
function linesOf(value: YamlValue, lineOf: (path: readonly (string | number)[], key?: boolean) => number | undefined): Entry["lines"] {
  const lines: { [path: string]: readonly [number | null, number | null] } = {};
  const walk = (item: YamlValue, at: (string | number)[]): void => {
    if (at.length > 0) lines[JSON.stringify(at)] = [lineOf(at) ?? null, lineOf(at, true) ?? null];
    if (typeof item === "string") return;
    if (Array.isArray(item)) item.forEach((inner, i) => walk(inner, [...at, i]));
    else for (const [name, inner] of Object.entries(item)) walk(inner, [...at, name]);
  };
  walk(value, []);
  return lines;
}

export class FrontMatterCache {
  private constructor(private readonly store: KeyedStore<Entry>) {}

  static async open(files: StoreFiles, code: string): Promise<FrontMatterCache> {
    return new FrontMatterCache(await KeyedStore.open<Entry>(files, STORE, code));
  }

  /** splitRelease, from the cache when the file's text is the same. */
  split = (text: string, file: string, typography?: Language): SplitRelease => {
    const key = sha256(text);
    const entry = this.store.get(key, isEntry);
    if (entry && entry.bodyStart <= text.length) {
      let full: SplitRelease | undefined;
      return {
        data: {
          value: revive(entry.value),
          lineOf: (path, isKey) => {
            const known = entry.lines?.[JSON.stringify(path)]?.[isKey ? 1 : 0];
            return known !== undefined ? (known ?? undefined) : (full ??= splitRelease(text, file, typography)).data?.lineOf(path, isKey);
          },
          lineText: (line) => (full ??= splitRelease(text, file, typography)).data?.lineText?.(line),
          problems: [],
          endLine: entry.endLine,
        },
        body: text.slice(entry.bodyStart),
        bodyLine: entry.bodyLine,
        problems: [],
      };
    }
    const split = splitRelease(text, file, typography);
    const value = split.data?.value;
    if (split.problems.length === 0 && value !== undefined && split.data?.endLine !== undefined && text.endsWith(split.body)) {
      const lines = linesOf(value, split.data.lineOf);
      this.store.set(key, { value, lines, endLine: split.data.endLine, bodyLine: split.bodyLine, bodyStart: text.length - split.body.length });
    }
    return split;
  };

  /** Keep the entry of a text for the next run, unread (its release was taken whole from release-cache.ts); `textHash`: its sha256, the entry's key. */
  keep(textHash: string): void {
    this.store.get(textHash, isEntry);
  }

  /** Keep this run's entries, and only those. */
  async save(files: StoreFiles): Promise<void> {
    await this.store.save(files);
  }
}
