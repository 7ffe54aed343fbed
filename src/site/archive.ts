/**
 * The archive: a listing per year, and — as every prefix of a release's
 * address is a page — per month (/2026/11/) and per day (/2026/11/19/), on
 * one page each. Withdrawn releases keep their place here, marked.
 */
import type { Release } from "../content/model.ts";
import type { PlanContext } from "./context.ts";
import { paginate, type IndexEntry, type ListingFamily, type ListingPage } from "./listings.ts";
import { dateView } from "./views.ts";

export function archiveListings(published: readonly Release[], context: PlanContext): ListingFamily {
  const { site, strings, urls } = context;
  const listings: ListingPage[] = [];
  const years = [...new Set(published.map((r) => r.year))].sort((a, b) => b - a);
  const entries: IndexEntry[] = [];
  for (const year of years) {
    const own = published.filter((r) => r.year === year);
    listings.push(...paginate("year", urls.year(year), strings.releasesIn(year), own, context));
    entries.push({ url: urls.href(urls.year(year)), text: String(year), count: strings.releaseCount(own.length) });
  }
  const whole = { pageSize: Number.MAX_SAFE_INTEGER };
  for (const [base, own] of groupBy(published, (r) => r.url.split("/").slice(0, 3).join("/") + "/")) {
    const [year, month] = base.split("/").slice(1, 3).map(Number) as [number, number];
    listings.push(...paginate("month", base, strings.releasesInMonth(strings.months[month - 1]!, year), own, context, whole));
  }
  for (const [base, own] of groupBy(published, (r) => r.url.split("/").slice(0, 4).join("/") + "/")) {
    const day = dateView(own[0]!.date, false, site, strings).text;
    listings.push(...paginate("day", base, strings.releasesOn(day), own, context, whole));
  }
  return { listings, feeds: [], entries };
}

/** Items grouped by a key, groups in the order their first item came (newest first here). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
