/**
 * A WordPress site's REST API as a source (/wp-json/wp/v2/posts): the
 * public posts, page by page, with their categories, tags and featured
 * image (_embed). Items have the keys of a WordPress export (wordpress:ID),
 * so a site imported from one and updated from the other stays one import.
 */
import type { Fetcher } from "./fetch.ts";
import { plainText } from "./html.ts";
import { resolved, type ImportItem, type ItemPhoto, type SourceRead } from "./item.ts";

/** More pages than a press archive has: a server that never ends its list. */
const MAX_PAGES = 500;
const PER_PAGE = 100;

interface Rendered {
  readonly rendered?: string;
}
interface Term {
  readonly taxonomy?: string;
  readonly name?: string;
}
interface Media {
  readonly source_url?: string;
  readonly alt_text?: string;
  readonly caption?: Rendered;
}
interface Post {
  readonly id?: number;
  readonly link?: string;
  readonly slug?: string;
  readonly status?: string;
  readonly date_gmt?: string;
  readonly title?: Rendered;
  readonly content?: Rendered;
  readonly _embedded?: { readonly "wp:featuredmedia"?: readonly Media[]; readonly "wp:term"?: readonly (readonly Term[])[] };
}

/** The API's root for an address of the site: its /wp-json/ (the address given, or found in a page's <link rel="https://api.w.org/">). */
export function apiRoot(address: string, page?: string): string | undefined {
  const url = new URL(address);
  const at = url.pathname.indexOf("/wp-json");
  if (at !== -1) return `${url.origin}${url.pathname.slice(0, at)}/wp-json/`;
  const linked = page?.match(/<link[^>]+rel=["']https:\/\/api\.w\.org\/["'][^>]*>/i)?.[0].match(/href=["']([^"']+)["']/i)?.[1];
  return resolved(linked, address);
}

function itemOf(post: Post, base: string): ImportItem | undefined {
  if (post.id === undefined) return undefined;
  const terms = (post._embedded?.["wp:term"] ?? []).flat();
  const names = (taxonomy: string) => terms.filter((t) => t.taxonomy === taxonomy && t.name).map((t) => plainText(t.name!));
  const media = post._embedded?.["wp:featuredmedia"]?.[0];
  const photos: ItemPhoto[] = [];
  const featured = resolved(media?.source_url, base);
  if (featured !== undefined) {
    const caption = plainText(media?.caption?.rendered ?? "");
    photos.push({ src: featured, ...(media?.alt_text?.trim() && { alt: media.alt_text.trim() }), ...(caption && { caption }) });
  }
  const gmt = post.date_gmt?.trim() ?? "";
  const instant = Date.parse(/Z|[+-]\d\d:\d\d$/.test(gmt) ? gmt : `${gmt}Z`);
  const link = resolved(post.link, base);
  return {
    key: `wordpress:${post.id}`,
    ...(link && { link }),
    title: plainText(post.title?.rendered ?? ""),
    ...(!Number.isNaN(instant) && { date: { instant, hasTime: true } }),
    dateText: gmt,
    status: post.status === "publish" || post.status === undefined ? "publish" : "draft",
    categories: names("category"),
    tags: names("post_tag"),
    html: post.content?.rendered ?? "",
    base: link ?? base,
    ...(post.slug && { slug: post.slug }),
    photos,
    downloads: [],
    notes: [],
  };
}

/** Every public post of the API at `root`, page by page until an empty one (or WordPress's 400 after the last). */
export async function readWpApi(root: string, fetcher: Fetcher): Promise<SourceRead | { readonly reason: string }> {
  const items: ImportItem[] = [];
  const failures: { address: string; reason: string }[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const address = new URL(`wp/v2/posts?page=${page}&per_page=${PER_PAGE}&_embed=1`, root).href;
    const fetched = await fetcher.get(address);
    if (!fetched.ok) {
      if (page > 1 && /answered 400\b/.test(fetched.reason)) break;
      if (page === 1) return { reason: fetched.reason };
      failures.push({ address, reason: fetched.reason });
      break;
    }
    let posts: unknown;
    try {
      posts = JSON.parse(fetched.bytes.toString("utf8"));
    } catch {
      posts = undefined;
    }
    if (!Array.isArray(posts)) {
      const reason = "it is not a list of WordPress posts";
      if (page === 1) return { reason };
      failures.push({ address, reason });
      break;
    }
    if (posts.length === 0) break;
    for (const post of posts as Post[]) {
      const item = itemOf(post, root);
      if (item) items.push(item);
    }
  }
  return { items, skipped: [], origin: new URL(root).origin, failures };
}
