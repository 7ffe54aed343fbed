/**
 * Reading the content folder from disk: the only file I/O of the content
 * model. Files are read with the synchronous calls: for thousands of small
 * files one call each is several times faster than open, stat, read and close
 * through the thread pool, and nothing else waits meanwhile.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { inCodeUnitOrder } from "../compare.ts";

export interface RawContent {
  /** Absolute, real path of the content folder. */
  readonly root: string;
  /** Text of every file read, by content-relative path ("releases/2026/x.md"). */
  readonly texts: ReadonlyMap<string, string>;
  /** Content-relative paths of the release files, sorted. */
  readonly releaseFiles: readonly string[];
  /** Files that could not be read, with the reason. */
  readonly unreadable: ReadonlyMap<string, string>;
  /**
   * Symbolic links anywhere in the content folder, never followed: each with
   * where it points, content-relative, when that is inside the folder.
   */
  readonly links?: ReadonlyMap<string, string | undefined>;
}

export const SITE_FILE = "site.yaml";
export const DEPARTMENTS_FILE = "departments.yaml";
export const CONTACTS_FILE = "contacts.yaml";
export const RELEASES_DIR = "releases";

const RELEASE_FILE = /\.(md|markdown)$/i;

/** Strip a byte order mark and make line endings \n, so line numbers and parsing agree. */
export const normalizeText = (text: string): string => text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

const utf8 = new TextDecoder("utf-8", { fatal: true });
/** A content file's bytes as text: UTF-8 or it throws (code ERR_ENCODING_INVALID_ENCODED_DATA), normalized. */
export const decodeText = (bytes: Uint8Array): string => normalizeText(utf8.decode(bytes));

/** Release files below `dir` (content-relative as `relative`), and every symbolic link met on the way, not followed. */
function walk(dir: string, relative: string, out: string[], links: Map<string, string | undefined>, root: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const rel = relative === "" ? entry.name : `${relative}/${entry.name}`;
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) links.set(rel, linkTarget(full, root));
    else if (entry.isDirectory()) walk(full, rel, out, links, root);
    else if (entry.isFile() && RELEASE_FILE.test(entry.name) && rel.startsWith(`${RELEASES_DIR}/`)) out.push(rel);
  }
}

const isLink = (file: string): boolean => {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
};

/** Where a link points, content-relative, when that is inside the content folder (the place is named, nothing is read). */
function linkTarget(link: string, root: string): string | undefined {
  try {
    const target = path.resolve(path.dirname(link), readlinkSync(link));
    return target.startsWith(root + path.sep) ? path.relative(root, target).split(path.sep).join("/") : undefined;
  } catch {
    return undefined;
  }
}

export async function contentExists(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** `settingsOnly`: site.yaml, departments.yaml and contacts.yaml, no release (what `new` needs). */
export async function loadContent(contentDir: string, options: { settingsOnly?: boolean } = {}): Promise<RawContent> {
  const root = await realpath(contentDir);
  const releaseFiles: string[] = [];
  const links = new Map<string, string | undefined>();
  if (!options.settingsOnly) walk(root, "", releaseFiles, links, root);
  else for (const file of [SITE_FILE, DEPARTMENTS_FILE, CONTACTS_FILE]) if (isLink(path.join(root, file))) links.set(file, linkTarget(path.join(root, file), root));
  releaseFiles.sort(inCodeUnitOrder);
  const texts = new Map<string, string>();
  const unreadable = new Map<string, string>();
  const files = [SITE_FILE, DEPARTMENTS_FILE, CONTACTS_FILE, ...releaseFiles];
  for (const file of files) {
    // A linked settings file is reported as a link (content/site.ts), never read.
    if (links.has(file)) continue;
    try {
      texts.set(file, decodeText(readFileSync(path.join(root, file))));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") continue;
      const reason =
        code === undefined || code === "ERR_ENCODING_INVALID_ENCODED_DATA"
          ? "it is not saved as UTF-8 text (perhaps Latin-1 or Windows-1252)"
          : `error ${code}`;
      unreadable.set(file, reason);
    }
  }
  return { root, texts, releaseFiles, unreadable, links };
}
