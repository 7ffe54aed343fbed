/** The search page: where the search index's shards are, and the filters by department and year. */
import type { ContentModel, Release, Translation } from "../content/model.ts";
import type { Strings } from "../i18n/index.ts";
import { languageChrome, languageSearchPath, type LanguageParts } from "./translations.ts";
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
  /** On the site's search page: the search pages of the languages translations are in, each named in itself. */
  readonly languages?: readonly { readonly lang: string; readonly name: string; readonly url: string }[];
}

/** A language's search page: its language, direction and interface strings. */
export type LanguageSearchPage = SearchPage & Pick<LanguageParts, "lang" | "dir" | "uiLang" | "t" | "footerLinks" | "search">;

/**
 * The site's search page and, when releases are translated, one per language with translations (/en/search/):
 * the browser's Pagefind loads the index of the page's <html lang>, so each searches its own language with its
 * stemming, in the shards that hold it. The shards are counted with the translations in them (search/shards.ts).
 */
export function searchPages(
  model: ContentModel,
  listed: readonly Release[],
  translations: ReadonlyMap<Release, readonly Translation[]>,
  strings: Strings,
  urls: Urls,
  shardSize?: number,
): LanguageSearchPage[] {
  const counts = new Map<string, number>();
  for (const release of listed) counts.set(String(release.year), (counts.get(String(release.year)) ?? 0) + 1 + (translations.get(release)?.length ?? 0));
  const groups = yearGroups(counts, shardSize);
  const pages: LanguageSearchPage[] = [];
  for (const language of model.site.languages) {
    const own = listed.filter((r) => translations.get(r)?.some((t) => t.language === language.tag));
    if (own.length === 0) continue;
    const years = new Set(own.map((r) => String(r.year)));
    const chrome = languageChrome(model.site, language, urls, true);
    const path = languageSearchPath(language.tag);
    pages.push({ ...searchPage(model, own, chrome.t!, urls, groups.filter((g) => g.years.some((y) => years.has(y))), path), ...chrome });
  }
  const site = searchPage(model, listed, strings, urls, groups, urls.search);
  const languages = pages.map((p) => ({ lang: p.lang!, name: model.site.languages.find((l) => l.tag === p.lang)!.name, url: p.url }));
  return [languages.length > 0 ? { ...site, languages } : site, ...pages];
}

/** `listed`: the releases the index holds (published, not withdrawn); `groups`: the shards to search, oldest first. */
function searchPage(model: ContentModel, listed: readonly Release[], strings: Strings, urls: Urls, groups: readonly { readonly name: string }[], path: string): SearchPage {
  const folders = groups.map((group) => urls.href(`/${FILES.searchFolder}/${group.name}/`)).reverse();
  const departments = [...new Set(listed.flatMap((r) => r.departments.map((d) => d.name)))].sort((a, b) => a.localeCompare(b, strings.locale));
  const years = [...new Set(listed.map((r) => String(r.year)))].sort().reverse();
  const fallback = model.site.searchFallback;
  const host = model.site.url.replace(/^https?:\/\//, "");
  return {
    kind: "search",
    path,
    url: urls.href(path),
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
