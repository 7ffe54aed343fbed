/**
 * The site's search index: published releases as Pagefind custom records, built in
 * memory by Pagefind's binary and handed back as files for the `pagefind/` folder.
 * The one module that imports `pagefind`.
 *
 * Pagefind's Node API drives one child process per Node process (a module-level
 * service in the package); `close()` ends it for every caller. So builds here run one
 * at a time, and each ends the child process when it is done, failed or not.
 */
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { inCodeUnitOrder } from "../compare.ts";

export interface SearchRecord {
  /** The release's address below the site's base path, e.g. `/2026/11/19/radwege/`. The browser
   * puts the folder that holds `pagefind/` in front (`/presse` for `/presse/pagefind/`). */
  readonly url: string;
  readonly title: string;
  /** As shown, e.g. `19.11.2026`. */
  readonly date: string;
  /** ISO 8601, for sorting newest first; one format for every record (it sorts as text). */
  readonly sortDate: string;
  /** Department names; more than one for a joint release. */
  readonly departments: readonly string[];
  readonly year: string;
  /** Plain text of subtitle and body. */
  readonly text: string;
  /** A translation's language tag (its own index, with its stemming); default: the index's language. */
  readonly language?: string;
}

export interface SearchIndexOptions {
  /** The records' language: German stemming finds "Baustelle" for "Baustellen". */
  readonly language: "de" | "en";
}

/** Filter names and the sort key, as the search client (layouts/assets/search.js) uses them. */
export const SEARCH_FIELDS = { department: "department", year: "year", sortDate: "date" } as const;

/**
 * The files our own client needs, by their path below `pagefind/`: the script and its worker,
 * the entry file, metadata, index, fragment and filter chunks. Left out: Pagefind's ready-made
 * UIs (`pagefind-ui.*`, `pagefind-modular-ui.*`, `pagefind-component-ui.*`),
 * `pagefind-highlight.js` and the playground, which Pagefind always writes (no option turns
 * them off); and WebAssembly files of languages the entry file does not name.
 */
const CLIENT_FILE = /^(?:pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|(?:index|fragment|filter)\/[\w-]+\.pf_(?:index|fragment|filter))$/;

/** The text Pagefind puts before each of its chunks' contents (inside the gzip stream). */
const SIGNATURE = "pagefind_dcd";

/**
 * Every file of the search index, by path below `pagefind/` (forward slashes), in code unit
 * order. The same records in the same order give the same bytes.
 */
export async function searchIndexFiles(records: readonly SearchRecord[], options: SearchIndexOptions): Promise<Map<string, Uint8Array>> {
  const problems = recordProblems(records);
  if (problems.length > 0) throw new Error(`The search index was not built: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`} with its records.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return oneAtATime(() => build(records, options));
}

/** Every problem of the records at once: addresses must be site-relative and unique, titles set. */
function recordProblems(records: readonly SearchRecord[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, record] of records.entries()) {
    const name = `record ${i + 1} (${JSON.stringify(record.url)})`;
    if (!record.url.startsWith("/") || record.url.startsWith("//")) problems.push(`${name}: the address must start with a single "/" (an address on the site).`);
    if (seen.has(record.url)) problems.push(`${name}: the address is given twice; each release is indexed once.`);
    seen.add(record.url);
    if (record.title.trim() === "") problems.push(`${name}: the title is empty.`);
  }
  return problems;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `job` after every job started before it has settled (Pagefind's service is one per process). */
function oneAtATime<T>(job: () => Promise<T>): Promise<T> {
  const result = queue.then(job);
  queue = result.catch(() => undefined);
  return result;
}

async function build(records: readonly SearchRecord[], options: SearchIndexOptions): Promise<Map<string, Uint8Array>> {
  try {
    const created = await call("start its indexer", () => pagefind.createIndex({ writePlayground: false }));
    failOn("start its indexer", created.errors);
    const index = created.index;
    if (index === undefined) throw new Error("Pagefind could not start its indexer: it returned no index.");
    // Every record sent at once, in order, and the answers awaited together: the service reads its messages one
    // after another from one pipe and handles each before it reads the next (Pagefind 1.x), so the order of
    // the records stays the order in the index, without a round trip per record. The determinism tests
    // compare the bytes of two builds and would show another version handling them out of order.
    const added = await Promise.allSettled(records.map((record) => call(`index ${record.url}`, () => index.addCustomRecord(customRecord(record, options)))));
    for (const [i, result] of added.entries()) {
      if (result.status === "rejected") throw result.reason;
      failOn(`index ${records[i]!.url}`, result.value.errors);
    }
    const output = await call("write the index", () => index.getFiles());
    failOn("write the index", output.errors);
    return clientFiles(output.files);
  } finally {
    await pagefind.close();
  }
}

function customRecord(record: SearchRecord, options: SearchIndexOptions): pagefind.CustomRecord {
  return {
    url: record.url,
    content: record.text,
    language: record.language ?? options.language,
    meta: { title: record.title, date: record.date, department: record.departments.join(", ") },
    filters: { [SEARCH_FIELDS.department]: [...record.departments], [SEARCH_FIELDS.year]: [record.year] },
    sort: { [SEARCH_FIELDS.sortDate]: record.sortDate },
  };
}

/** Runs one call to Pagefind, turning what it throws or rejects with (an Error or a bare string) into one Error. */
async function call<T>(step: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Pagefind could not ${step}: ${reason}${HINTS.find(([pattern]) => pattern.test(reason))?.[1] ?? ""}`, { cause: error });
  }
}

const HINTS: readonly [RegExp, string][] = [
  [/Failed to install|backend closed|ENOENT|spawn/i, "\nIts binary comes in the optional dependency @pagefind/linux-x64 (or the one for this platform): install without --omit=optional."],
];

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}: ${errors.join("; ")}`);
}

/** The files our client loads, keyed by forward-slash path, in code unit order. */
function clientFiles(files: readonly pagefind.IndexFile[]): Map<string, Uint8Array> {
  const byPath = new Map(files.map((file) => [file.path.split("\\").join("/"), file.content] as const));
  const entry = byPath.get("pagefind-entry.json");
  if (entry === undefined) throw new Error("Pagefind wrote no pagefind-entry.json: the index is incomplete.");
  const languages = (JSON.parse(new TextDecoder().decode(entry)) as { languages?: Record<string, { wasm?: string | null }> }).languages ?? {};
  const wasm = new Set(Object.values(languages).map((language) => `wasm.${language.wasm ?? "unknown"}.pagefind`));
  const kept = [...byPath].filter(([path]) => CLIENT_FILE.test(path) || wasm.has(path));
  for (const name of wasm) if (!byPath.has(name)) throw new Error(`Pagefind wrote no ${name}, which its entry file names: the index is incomplete.`);
  return new Map(kept.sort(([a], [b]) => inCodeUnitOrder(a, b)));
}

/**
 * The text inside the index's compressed chunks (fragments, filters, metadata, word index),
 * decompressed and joined. Fragments hold each record's address, meta and text verbatim; the word
 * index holds lower-cased stems. For checking what a build published (or did not).
 */
export function decompressedIndexText(files: ReadonlyMap<string, Uint8Array>): string {
  const decoder = new TextDecoder();
  const texts: string[] = [];
  for (const [path, content] of [...files].sort(([a], [b]) => inCodeUnitOrder(a, b))) {
    if (!/\.pf_\w+$/.test(path)) continue;
    const bytes = content[0] === 0x1f && content[1] === 0x8b ? gunzipSync(content) : content;
    const text = decoder.decode(bytes);
    texts.push(text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text);
  }
  return texts.join("\n");
}
