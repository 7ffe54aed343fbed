/** What differs between two manifests: files added, changed and removed; and which of them are pages. */
import type { Manifest, ManifestEntry } from "../outputs/manifest.ts";
import { inCodeUnitOrder } from "../compare.ts";

export interface Changes {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
}

/** The same file as far as a reader or a cache can tell: bytes, type, caching and redirect. */
export const sameEntry = (a: ManifestEntry, b: ManifestEntry): boolean =>
  a.sha256 === b.sha256 && a.type === b.type && a.cache === b.cache && a.redirect === b.redirect;

/** Files of `after` that `before` lacks or holds otherwise, and files only `before` has; sorted. */
export function compareManifests(before: Pick<Manifest, "files"> | undefined, after: Pick<Manifest, "files">): Changes {
  const old = before?.files ?? {};
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const [file, entry] of Object.entries(after.files)) {
    const was = Object.hasOwn(old, file) ? old[file] : undefined;
    if (was === undefined) added.push(file);
    else if (!sameEntry(was, entry)) changed.push(file);
    else unchanged++;
  }
  const removed = Object.keys(old).filter((file) => !Object.hasOwn(after.files, file));
  return { added: added.sort(inCodeUnitOrder), changed: changed.sort(inCodeUnitOrder), removed: removed.sort(inCodeUnitOrder), unchanged };
}

/** A page: what a reader opens at an address (HTML, redirect pages included). */
export const isPage = (entry: ManifestEntry): boolean => entry.type.startsWith("text/html");

/** The address a reader uses for an output file: a folder's index.html is asked for as the folder. */
export function addressOf(basePath: string, file: string): string {
  if (file === "index.html") return `${basePath}/`;
  if (file.endsWith("/index.html")) return `${basePath}/${file.slice(0, -"index.html".length)}`;
  return `${basePath}/${file}`;
}
