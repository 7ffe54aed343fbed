/**
 * Listing pages: a list of releases cut into pages with a pager, and the
 * index pages that link to listings. The home page and the departments'
 * listings are here; the archive (archive.ts) and the tags (tags.ts) use the
 * same pages.
 */
import type { Department, Release } from "../content/model.ts";
import type { PlanContext } from "./context.ts";
import { feedOf, type FeedPlan } from "./feeds-plan.ts";
import type { ItemView, LinkView } from "./views.ts";

export type ListingKind = "home" | "department" | "year" | "month" | "day" | "tag" | "language";

export interface PageLink {
  readonly url: string;
  /** The page's number; its newest page has the highest. */
  readonly number: number;
  /** What the link says: the number, or "newest" for the listing's own address. */
  readonly label: string;
  readonly current: boolean;
  /** Pages are left out before this one. */
  readonly gapBefore: boolean;
}

/**
 * The pages a pager on page `current` of `count` links, newest first: the newest, the oldest, and the pages near
 * the current one (a pager stays short on 500 pages). Far from the newest page, none of them depends on `count`.
 */
export function pageWindow(current: number, count: number, reach = 2): number[] {
  const numbers = new Set([count, 1]);
  for (let n = current - reach; n <= current + reach; n++) if (n >= 1 && n <= count) numbers.add(n);
  return [...numbers].sort((a, b) => b - a);
}

/**
 * A listing's releases (newest first) cut into pages that keep what they hold: pages are counted from the oldest
 * release, `size` releases each, and the newest page, the listing's own address, holds the rest (`size` up to
 * 2 × `size` − 1 releases). A new release changes that page only, not every page after it: after a merge a CDN
 * has one page of the home listing to forget, not 500. Returned newest first, each with its number.
 */
export function stablePages<T>(items: readonly T[], size: number): { readonly number: number; readonly items: readonly T[] }[] {
  const count = Math.max(1, Math.floor(items.length / size));
  const newest = items.length - (count - 1) * size;
  const pages = [{ number: count, items: items.slice(0, newest) }];
  for (let n = count - 1; n >= 1; n--) pages.push({ number: n, items: items.slice(items.length - n * size, items.length - (n - 1) * size) });
  return pages;
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
  /** Counted from the oldest releases: the newest page has the highest number (stablePages). */
  readonly pageNumber: number;
  readonly pageCount: number;
  /** The listing's own address, its newest releases. */
  readonly newest: boolean;
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

/** Listings of one family, the feeds beside them and the entries of their index page. */
export interface ListingFamily {
  readonly listings: readonly ListingPage[];
  readonly feeds: readonly FeedPlan[];
  readonly entries: readonly IndexEntry[];
}

export interface ListingOptions {
  readonly description?: string;
  readonly feed?: LinkView;
  /** The <title> when it is not the heading (the home page: the site's title, its heading says what the list is). */
  readonly titleBase?: string;
  /** Releases per page (default: the plan's page size). */
  readonly pageSize?: number;
}

/** The pages of one listing at `base`, newest first, numbered from the oldest (stablePages; one empty page when there are none). */
export function paginate(kind: ListingKind, base: string, heading: string, releases: readonly Release[], context: PlanContext, options: ListingOptions = {}): ListingPage[] {
  const { strings, urls, items } = context;
  const { description, feed, titleBase = heading } = options;
  const pages = stablePages(releases, options.pageSize ?? context.pageSize);
  const count = pages.length;
  const pathOf = (n: number): string => (n === count ? base : urls.page(base, n));
  const link = (n: number): string => urls.href(pathOf(n));
  return pages.map((page) => {
    const n = page.number;
    return {
      kind,
      path: pathOf(n),
      url: link(n),
      heading,
      // The page's <title> ends with the site's title (base.njk): the home listing's older pages do not say it twice.
      title: n === count ? titleBase : titleBase === context.site.title ? strings.pageOf(n) : `${titleBase} – ${strings.pageOf(n)}`,
      ...(description && { description }),
      items: page.items.flatMap((r) => items.get(r) ?? []),
      pageNumber: n,
      pageCount: count,
      newest: n === count,
      pageLabel: strings.pageOf(n),
      ...(n < count && { newer: link(n + 1), newerPath: pathOf(n + 1) }),
      ...(n > 1 && { older: link(n - 1), olderPath: pathOf(n - 1) }),
      ...(feed && { feed }),
      pages: pageWindow(n, count).map((number, j, all) => ({
        url: link(number),
        number,
        label: number === count ? strings.newest : String(number),
        current: number === n,
        gapBefore: j > 0 && all[j - 1]! - number > 1,
      })),
    };
  });
}

/** The home page: the listed releases (not withdrawn), and the site's feed of every published one. */
export function homeListing(published: readonly Release[], listed: readonly Release[], context: PlanContext): ListingFamily {
  const { site, strings, urls } = context;
  const { feed, link } = feedOf(urls.home, site.title, published, context);
  // The header names the site already: the heading says what the page lists.
  const listings = paginate("home", urls.home, strings.home, listed, context, {
    ...(site.description !== undefined && { description: site.description }),
    feed: link,
    titleBase: site.title,
  });
  return { listings, feeds: [feed], entries: [] };
}

/** A listing and a feed per department (by name), and the departments' index entries. */
export function departmentListings(departments: readonly Department[], published: readonly Release[], context: PlanContext): ListingFamily {
  const { site, strings, urls } = context;
  const listings: ListingPage[] = [];
  const feeds: FeedPlan[] = [];
  const entries: IndexEntry[] = [];
  for (const department of [...departments].sort((a, b) => a.name.localeCompare(b.name, strings.locale))) {
    const own = published.filter((r) => r.departments.includes(department));
    const shown = own.filter((r) => !context.withdrawn.has(r));
    const base = urls.department(department.id);
    const { feed, link } = feedOf(base, `${site.title}: ${department.name}`, own, context);
    feeds.push(feed);
    listings.push(...paginate("department", base, strings.releasesOf(department.name), shown, context, {
      ...(department.description !== undefined && { description: department.description }),
      feed: link,
    }));
    entries.push({
      url: urls.href(base),
      text: department.name,
      count: strings.releaseCount(shown.length),
      ...(department.description && { description: department.description }),
    });
  }
  return { listings, feeds, entries };
}
