/** The search page: where the search index's shards are, and the filters by department and year. */
import type { ContentModel, Release } from "../content/model.ts";
import type { Strings } from "../i18n/index.ts";
import { yearGroups } from "../search/shards.ts";
import { FILES } from "./files.ts";
import type { Urls } from "./urls.ts";

export interface SearchPage {
  readonly kind: "search";
  readonly path: string;
  readonly url: string;
  readonly heading: string;
  /** The Pagefind module the page's script loads: the newest shard's. */
  readonly index: string;
  /** The folders of the other shards, newest first, merged into the search. */
  readonly merge: readonly string[];
  readonly departments: readonly string[];
  readonly years: readonly string[];
  /** A search engine the form falls back to without JavaScript, restricted to the site. */
  readonly fallback?: { readonly name: string; readonly action: string; readonly query: string; readonly hidden: readonly { readonly name: string; readonly value: string }[] };
}

/** `listed`: the releases the index holds (published, not withdrawn). */
export function searchPage(model: ContentModel, listed: readonly Release[], strings: Strings, urls: Urls, shardSize?: number): SearchPage {
  const counts = new Map<string, number>();
  for (const release of listed) counts.set(String(release.year), (counts.get(String(release.year)) ?? 0) + 1);
  const folders = yearGroups(counts, shardSize).map((group) => urls.href(`/${FILES.searchFolder}/${group.name}/`)).reverse();
  const departments = [...new Set(listed.flatMap((r) => r.departments.map((d) => d.name)))].sort((a, b) => a.localeCompare(b, strings.locale));
  const years = [...new Set(listed.map((r) => String(r.year)))].sort().reverse();
  const fallback = model.site.searchFallback;
  const host = model.site.url.replace(/^https?:\/\//, "");
  return {
    kind: "search",
    path: urls.search,
    url: urls.href(urls.search),
    heading: strings.search.title,
    index: `${folders[0] ?? urls.href(`/${FILES.searchFolder}/`)}pagefind.js`,
    merge: folders.slice(1),
    departments,
    years,
    ...(fallback && {
      fallback: {
        name: fallback.name,
        action: fallback.url,
        query: fallback.query,
        hidden: [{ name: fallback.site, value: host }],
      },
    }),
  };
}
