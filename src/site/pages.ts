/**
 * Every HTML page of the plan with its output file and its key: a hash of the
 * page's own data, the data all pages share, and the fingerprint of the code
 * and templates. Two builds give a page the same key only if they would
 * render it to the same bytes, so a build renders only pages whose key
 * changed and takes the rest from the previous output.
 */
import { createHash } from "node:crypto";
import type { PageLists, SharedData } from "../eleventy/data.ts";
import { outputFileOf } from "./urls.ts";

export interface KeyedPage {
  /** Relative to the output folder. */
  readonly file: string;
  readonly key: string;
}

/** The page without pagination (layouts/404.njk). */
export const NOT_FOUND = "404.html";

export interface PageKeys {
  readonly pages: ReadonlyMap<object, KeyedPage>;
  readonly notFound: KeyedPage;
}

/** The sha256 of each view's body, made once per view for the keys of its page and of its search shard. */
const bodyHashes = new WeakMap<object, string>();

/** The sha256 of `view`'s body (its sanitized HTML, photos placed). */
export function bodyHashOf(view: { readonly bodyHtml: string }): string {
  let hash = bodyHashes.get(view);
  if (hash === undefined) bodyHashes.set(view, (hash = createHash("sha256").update(view.bodyHtml).digest("hex")));
  return hash;
}

/**
 * `item` as text for a key, a body (the largest part of a release's view by far) as its hash: the same text for the
 * same data, without escaping the body into JSON for one key and hashing it again for the next.
 */
export function keyText(item: unknown): string {
  if (typeof item === "object" && item !== null && typeof (item as { bodyHtml?: unknown }).bodyHtml === "string") {
    const view = item as { readonly bodyHtml: string };
    return JSON.stringify({ ...view, bodyHtml: bodyHashOf(view) });
  }
  return JSON.stringify(item);
}

export function pageKeys(lists: PageLists, shared: SharedData, fingerprint: string): PageKeys {
  const base = createHash("sha256").update(fingerprint).update("\0").update(JSON.stringify(shared)).update("\0");
  const keyOf = (kind: string, item: unknown): string => base.copy().update(kind).update("\0").update(keyText(item)).digest("hex");
  const pages = new Map<object, KeyedPage>();
  for (const [kind, items] of [["release", lists.releases], ["listing", lists.listings], ["index", lists.indexes]] as const) {
    for (const item of items) pages.set(item, { file: outputFileOf(item.path), key: keyOf(kind, item) });
  }
  for (const item of lists.redirects) pages.set(item, { file: item.outputPath, key: keyOf("redirect", item) });
  for (const item of lists.extras) pages.set(item, { file: outputFileOf(item.path), key: keyOf(item.kind, item) });
  return { pages, notFound: { file: NOT_FOUND, key: keyOf("404", null) } };
}

/** Only the items of `lists` that `pick` says yes to. */
export function pickPages(lists: PageLists, pick: (item: object) => boolean): PageLists {
  return {
    releases: lists.releases.filter(pick),
    listings: lists.listings.filter(pick),
    indexes: lists.indexes.filter(pick),
    redirects: lists.redirects.filter(pick),
    extras: lists.extras.filter(pick),
  };
}
