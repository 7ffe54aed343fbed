/**
 * The site plan: every page the build writes, as plain view data, from the
 * published releases only. Eleventy renders this plan; nothing else decides
 * what exists.
 */
import { aliasOutputPath } from "../content/alias.ts";
import type { ContentModel, Release } from "../content/model.ts";
import { problem, type Problem } from "../errors/problem.ts";
import { stringsFor, type Strings } from "../i18n/index.ts";
import { FILES } from "./files.ts";
import { IMMUTABLE_FOLDERS } from "../outputs/headers.ts";
import { mediaPath, outputFileOf, urlsFor, type Urls } from "./urls.ts";
import { itemView, releaseView, type ItemView, type LinkView, type ReleaseMedia, type ReleaseView } from "./views.ts";
import { inCodeUnitOrder } from "../compare.ts";

export interface PlanOptions {
  /** Releases per listing page. */
  readonly pageSize: number;
  /** Entries per Atom feed, newest first. */
  readonly feedSize: number;
  /** Render the release pages' views (Markdown bodies); `check` only needs the addresses. */
  readonly releaseViews: boolean;
  /** What the media stage made for each release (web versions, card, kit). */
  readonly media?: (release: Release) => ReleaseMedia | undefined;
  /** Renders a body's text to sanitized HTML (default: markdown-it and the sanitizer; a build passes its body cache). */
  readonly bodies?: (source: string) => string;
  /** Files written besides pages and originals (web versions, cards, kits): no old address may take them. */
  readonly reserved?: readonly string[];
}

export const defaults = { pageSize: 20, feedSize: 50, releaseViews: true } satisfies PlanOptions;

export type ListingKind = "home" | "department" | "year";

export interface PageLink {
  readonly url: string;
  readonly number: number;
  readonly current: boolean;
  /** Pages are left out before this one. */
  readonly gapBefore: boolean;
}

/** First, last, and the pages near the current one: a pager stays short on 500 pages. */
export function pageWindow(current: number, count: number, reach = 2): number[] {
  const numbers = new Set([1, count]);
  for (let n = current - reach; n <= current + reach; n++) if (n >= 1 && n <= count) numbers.add(n);
  return [...numbers].sort((a, b) => a - b);
}

export interface ListingPage {
  readonly kind: ListingKind;
  /** Site-relative path (where the file goes) and link. */
  readonly path: string;
  readonly url: string;
  readonly heading: string;
  /** The <title>: heading, and the page number past page 1. */
  readonly title: string;
  readonly description?: string;
  readonly items: readonly ItemView[];
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly pageLabel: string;
  readonly newer?: string;
  readonly older?: string;
  /** Site-relative paths of the pages before and after, for rel=prev/next with the site's address. */
  readonly newerPath?: string;
  readonly olderPath?: string;
  readonly pages: readonly PageLink[];
  /** The Atom feed of this listing, to subscribe to. */
  readonly feed?: LinkView;
}

export interface FeedPlan {
  readonly path: string;
  /** Absolute addresses of the feed and of the page it mirrors. */
  readonly self: string;
  readonly alternate: string;
  readonly title: string;
  readonly entries: readonly ReleaseView[];
}

export interface IndexEntry extends LinkView {
  readonly count: string;
  readonly description?: string;
}

export interface IndexPage {
  readonly path: string;
  readonly url: string;
  readonly heading: string;
  readonly entries: readonly IndexEntry[];
}

export interface RedirectPage {
  /** Output file, relative to the output folder. */
  readonly outputPath: string;
  readonly from: string;
  readonly to: string;
  readonly toAbsolute: string;
  readonly title: string;
}

export interface SitePlan {
  readonly site: ContentModel["site"];
  readonly strings: Strings;
  readonly urls: Urls;
  readonly releases: readonly ReleaseView[];
  readonly listings: readonly ListingPage[];
  readonly indexes: readonly IndexPage[];
  readonly redirects: readonly RedirectPage[];
  readonly feeds: readonly FeedPlan[];
  readonly problems: readonly Problem[];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

function paginate(
  kind: ListingKind,
  base: string,
  heading: string,
  releases: readonly Release[],
  items: ReadonlyMap<Release, ItemView>,
  options: PlanOptions,
  strings: Strings,
  urls: Urls,
  description?: string,
  feed?: LinkView,
): ListingPage[] {
  const pages = chunk(releases, options.pageSize);
  const count = pages.length;
  const link = (n: number): string => urls.href(urls.page(base, n));
  return pages.map((page, i) => {
    const n = i + 1;
    return {
      kind,
      path: urls.page(base, n),
      url: link(n),
      heading,
      title: n > 1 ? `${heading} – ${strings.pageOf(n, count)}` : heading,
      ...(description && { description }),
      items: page.flatMap((r) => items.get(r) ?? []),
      pageNumber: n,
      pageCount: count,
      pageLabel: strings.pageOf(n, count),
      ...(n > 1 && { newer: link(n - 1), newerPath: urls.page(base, n - 1) }),
      ...(n < count && { older: link(n + 1), olderPath: urls.page(base, n + 1) }),
      ...(feed && { feed }),
      pages: pageWindow(n, count).map((number, j, all) => ({
        url: link(number),
        number,
        current: number === n,
        gapBefore: j > 0 && number - all[j - 1]! > 1,
      })),
    };
  });
}

/** `published` must already be filtered and sorted newest first (see content/publish.ts). */
export function planSite(model: ContentModel, published: readonly Release[], options: PlanOptions = defaults): SitePlan {
  const { site } = model;
  const strings = stringsFor(site.language);
  const urls = urlsFor(strings, site.basePath);
  // Listing entries are only needed to render; `check` plans addresses only.
  const items = new Map(options.releaseViews ? published.map((r) => [r, itemView(r, site, strings, urls)]) : []);
  const views = new Map(options.releaseViews ? published.map((r) => [r, releaseView(r, site, strings, urls, options.media?.(r), options.bodies)]) : []);
  const feeds: FeedPlan[] = [];
  const addFeed = (base: string, title: string, releases: readonly Release[]): LinkView => {
    const path = `${base}${FILES.feed}`;
    feeds.push({
      path,
      self: site.url + path,
      alternate: site.url + base,
      title,
      entries: releases.slice(0, options.feedSize).flatMap((r) => views.get(r) ?? []),
    });
    return { url: urls.href(path), text: strings.subscribe };
  };
  const listings: ListingPage[] = [];
  const homeFeed = addFeed(urls.home, site.title, published);
  listings.push(
    ...paginate("home", urls.home, site.title, published, items, options, strings, urls, site.description, homeFeed),
  );

  const departmentEntries: IndexEntry[] = [];
  const departments = [...model.departments.values()].sort((a, b) => a.name.localeCompare(b.name, strings.locale));
  for (const department of departments) {
    const own = published.filter((r) => r.departments.includes(department));
    const base = urls.department(department.id);
    const heading = strings.releasesOf(department.name);
    const feed = addFeed(base, `${site.title}: ${department.name}`, own);
    listings.push(...paginate("department", base, heading, own, items, options, strings, urls, department.description, feed));
    departmentEntries.push({
      url: urls.href(base),
      text: department.name,
      count: strings.releaseCount(own.length),
      ...(department.description && { description: department.description }),
    });
  }

  const years = [...new Set(published.map((r) => r.year))].sort((a, b) => b - a);
  const yearEntries: IndexEntry[] = [];
  for (const year of years) {
    const own = published.filter((r) => r.year === year);
    listings.push(...paginate("year", urls.year(year), strings.releasesIn(year), own, items, options, strings, urls));
    yearEntries.push({ url: urls.href(urls.year(year)), text: String(year), count: strings.releaseCount(own.length) });
  }

  const indexes: IndexPage[] = [
    { path: urls.departments, url: urls.href(urls.departments), heading: strings.departments, entries: departmentEntries },
    { path: urls.archive, url: urls.href(urls.archive), heading: strings.archive, entries: yearEntries },
  ];

  const releases = [...views.values()];

  const taken = new Set<string>([
    ...listings.map((p) => outputFileOf(p.path)),
    ...indexes.map((p) => outputFileOf(p.path)),
    ...published.flatMap((r) => [r.url, ...r.media.map((m) => mediaPath(r, m))].map(outputFileOf)),
    ...feeds.map((f) => outputFileOf(f.path)),
    FILES.notFound,
    FILES.redirects,
    FILES.sitemap,
    FILES.robots,
    FILES.headers,
    FILES.manifest,
    FILES.jsonFeed,
    FILES.marker,
    ...(options.reserved ?? []),
  ]);
  // A redirect may neither replace a file nor need a folder where a file is.
  const clashes = (file: string): boolean => {
    if (taken.has(file)) return true;
    const parts = file.split("/");
    return parts.slice(1).some((_, i) => taken.has(parts.slice(0, i + 1).join("/")));
  };
  const problems: Problem[] = [];
  const redirects: RedirectPage[] = [];
  for (const release of published) {
    for (const alias of release.aliases) {
      const at = { file: release.file, line: alias.line, field: alias.field };
      // Old addresses are paths on the site's host: below a base path, they must lie inside it.
      if (site.basePath && !alias.path.startsWith(`${site.basePath}/`)) {
        const reason = `it is outside ${site.basePath}/, where the site is published`;
        problems.push(problem("invalid-alias", at, { value: alias.path, reason }));
        continue;
      }
      const outputPath = aliasOutputPath(alias.path.slice(site.basePath.length));
      // Files there are cached for a year: a redirect page among them could never be changed.
      const hashedFolder = IMMUTABLE_FOLDERS.find((folder) => outputPath.startsWith(`${folder}/`));
      if (hashedFolder !== undefined) {
        const reason = `${site.basePath}/${hashedFolder}/ holds the site's own files, named by their content`;
        problems.push(problem("invalid-alias", at, { value: alias.path, reason }));
        continue;
      }
      if (clashes(outputPath)) {
        problems.push(problem("alias-conflict", at, { value: alias.path }));
        continue;
      }
      taken.add(outputPath);
      redirects.push({
        outputPath,
        from: alias.path,
        to: urls.href(release.url),
        toAbsolute: site.url + release.url,
        title: release.title,
      });
    }
  }
  redirects.sort((a, b) => inCodeUnitOrder(a.from, b.from));
  return { site, strings, urls, releases, listings, indexes, redirects, feeds, problems };
}
