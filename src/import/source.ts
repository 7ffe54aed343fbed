/**
 * Which kind of source `pressroom import SOURCE` was given, and reading it:
 * a file or an address of a WordPress export or a feed, or (with a mapping
 * file) saved HTML pages. The kind is read from what the source holds unless
 * --from names it.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { readFeed, feedKind } from "./feed.ts";
import { Fetcher, type FetchOptions } from "./fetch.ts";
import { originOf, type SourceRead } from "./item.ts";
import type { Mapping } from "./mapping.ts";
import { parseXml } from "./xml.ts";
import { isWxr, readWxr } from "./wxr.ts";
import { apiRoot, readWpApi } from "./wp-api.ts";

export const KINDS = ["wordpress", "feed", "html"] as const;
export type SourceKind = (typeof KINDS)[number];

export type Opened =
  | { readonly ok: true; readonly kind: SourceKind; readonly read: SourceRead; readonly fetcher: Fetcher; readonly localRoot?: string }
  | { readonly ok: false; readonly code: "import-source-unreadable"; readonly reason: string }
  | { readonly ok: false; readonly code: "import-source-unknown" }
  | { readonly ok: false; readonly code: "import-map-invalid"; readonly detail: string };

export interface OpenOptions {
  readonly from?: SourceKind;
  readonly mapping: Mapping;
  readonly timeZone: string;
  readonly fetch: FetchOptions;
  /** Reads saved HTML pages (html-pages.ts), loaded only for that kind. */
  readonly readPages?: (addresses: readonly string[], fetcher: Fetcher, mapping: Mapping, timeZone: string, root?: string) => Promise<SourceRead>;
}

const isAddress = (source: string): boolean => /^https?:\/\//i.test(source);

/** The source's text and where it came from, or why it cannot be read. */
async function firstText(source: string, fetcher: Fetcher): Promise<{ text: string; type: string } | { reason: string }> {
  if (isAddress(source)) {
    const fetched = await fetcher.get(source);
    return fetched.ok ? { text: fetched.bytes.toString("utf8"), type: fetched.type } : { reason: fetched.reason };
  }
  try {
    return { text: await readFile(source, "utf8"), type: "" };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { reason: code === "ENOENT" ? "there is no such file or folder" : code === "EISDIR" ? "it is a folder" : String((error as Error).message) };
  }
}

/** The saved HTML pages of a folder, sorted. */
async function pagesIn(folder: string): Promise<string[]> {
  const { readdir } = await import("node:fs/promises");
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.html?$/i.test(e.name) && !e.name.startsWith("."))
    .map((e) => pathToFileURL(path.join(e.parentPath, e.name)).href)
    .sort();
}

export async function openSource(source: string, options: OpenOptions): Promise<Opened> {
  const wpApi = async (root: string): Promise<Opened> => {
    const apiFetcher = new Fetcher(new URL(root).origin, undefined, options.fetch);
    const read = await readWpApi(root, apiFetcher);
    return "reason" in read ? { ok: false, code: "import-source-unreadable", reason: read.reason } : { ok: true, kind: "wordpress", read, fetcher: apiFetcher };
  };
  const address = isAddress(source);
  const origin = address ? originOf(source) : undefined;
  if (address && origin === undefined) return { ok: false, code: "import-source-unreadable", reason: "it is not a valid address" };
  const folder = !address && (await stat(source).catch(() => undefined))?.isDirectory();
  const localRoot = address ? undefined : folder ? path.resolve(source) : path.dirname(path.resolve(source));
  const fetcher = new Fetcher(origin, localRoot, options.fetch);
  const pages = async (addresses: readonly string[], pageFetcher: Fetcher): Promise<Opened> => {
    if (!options.readPages) return { ok: false, code: "import-source-unknown" };
    const { selectors } = options.mapping;
    if (!selectors.title || !selectors.date || !selectors.body) {
      return { ok: false, code: "import-map-invalid", detail: "saved HTML pages need a mapping file (--map FILE) whose selectors name at least title, date and body" };
    }
    const read = await options.readPages(addresses, pageFetcher, options.mapping, options.timeZone, localRoot);
    // Saved pages' own files are read from their folder; what they name on the old site comes from there (base_url).
    const siteFetcher = read.origin === pageFetcher.origin ? pageFetcher : new Fetcher(read.origin, localRoot, options.fetch);
    return { ok: true, kind: "html", read, fetcher: siteFetcher, ...(localRoot && { localRoot }) };
  };
  if (folder) {
    if (options.from !== undefined && options.from !== "html") return { ok: false, code: "import-source-unknown" };
    return pages(await pagesIn(source), fetcher);
  }
  // A WordPress site's REST API: its /wp-json/ address, or the site itself with --from wordpress.
  const api = address ? apiRoot(source) : undefined;
  if (api !== undefined) return wpApi(api);
  const first = await firstText(source, fetcher);
  if ("reason" in first) return { ok: false, code: "import-source-unreadable", reason: first.reason };
  if (address && options.from === "wordpress" && !/^\s*</.test(first.text)) return { ok: false, code: "import-source-unknown" };
  const isPage = address && /<html\b|<!doctype html/i.test(first.text);
  const linkedApi = isPage ? (apiRoot(source, first.text) ?? (options.from === "wordpress" ? new URL("/wp-json/", source).href : undefined)) : undefined;
  if (linkedApi !== undefined && (options.from === "wordpress" || (options.from === undefined && !options.mapping.selectors.body))) return wpApi(linkedApi);
  const looksXml = /^\s*(?:<\?xml|<rss|<feed|<rdf:RDF)/i.test(first.text);
  if (looksXml && options.from !== "html") {
    const parsed = parseXml(first.text);
    if (!parsed.ok) return { ok: false, code: "import-source-unreadable", reason: parsed.reason };
    if (isWxr(parsed.root) && options.from !== "feed") {
      const read = readWxr(parsed.root, options.timeZone);
      // An export file names its site: photos are fetched from there.
      const siteFetcher = address ? fetcher : new Fetcher(read.origin, localRoot, options.fetch);
      return { ok: true, kind: "wordpress", read, fetcher: siteFetcher, ...(localRoot && { localRoot }) };
    }
    if (feedKind(parsed.root) !== undefined && options.from !== "wordpress") {
      const start = address ? source : pathToFileURL(path.resolve(source)).href;
      const read = await readFeed(start, fetcher, first.text);
      if ("reason" in read) return { ok: false, code: "import-source-unreadable", reason: read.reason };
      const siteFetcher = address ? fetcher : new Fetcher(read.origin, localRoot, options.fetch);
      return { ok: true, kind: "feed", read, fetcher: siteFetcher, ...(localRoot && { localRoot }) };
    }
    return { ok: false, code: "import-source-unknown" };
  }
  if (/<html\b|<!doctype html/i.test(first.text) && (options.from === undefined || options.from === "html")) {
    return pages([address ? source : pathToFileURL(path.resolve(source)).href], fetcher);
  }
  // A list of addresses, one a line: pages of the old site.
  const lines = first.text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  if (!address && lines.length > 0 && lines.every((line) => originOf(line) !== undefined) && (options.from === undefined || options.from === "html")) {
    const listOrigin = originOf(lines[0]);
    return pages(lines, new Fetcher(listOrigin, localRoot, options.fetch));
  }
  return { ok: false, code: "import-source-unknown" };
}
