/**
 * Tags: one per address ("Radverkehr" and "radverkehr" are one tag), each
 * with a listing of its releases and a feed, and the index of all tags.
 */
import type { Release } from "../content/model.ts";
import { slugify } from "../content/slug.ts";
import { inCodeUnitOrder } from "../compare.ts";
import type { PlanContext } from "./context.ts";
import { feedOf, type FeedPlan } from "./feeds-plan.ts";
import { paginate, type IndexEntry, type ListingFamily, type ListingPage } from "./listings.ts";

export interface Tag {
  readonly slug: string;
  /** The spelling most releases use (ties: the first in code-unit order). */
  readonly name: string;
  readonly releases: readonly Release[];
}

/** The tags of the releases, one per address: "Radverkehr" and "radverkehr" are one tag. Sorted by name. */
export function tagsOf(releases: readonly Release[]): Tag[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; releases: Release[] }>();
  for (const release of releases) {
    const seen = new Set<string>();
    for (const name of release.tags) {
      const slug = slugify(name);
      if (slug === "" || seen.has(slug)) continue;
      seen.add(slug);
      const tag = bySlug.get(slug) ?? { spellings: new Map<string, number>(), releases: [] };
      bySlug.set(slug, tag);
      tag.spellings.set(name, (tag.spellings.get(name) ?? 0) + 1);
      tag.releases.push(release);
    }
  }
  return [...bySlug]
    .map(([slug, tag]) => {
      const [name] = [...tag.spellings].sort((a, b) => b[1] - a[1] || inCodeUnitOrder(a[0], b[0]))[0]!;
      return { slug, name, releases: tag.releases };
    })
    .sort((a, b) => inCodeUnitOrder(a.slug, b.slug));
}

/**
 * A listing and a feed per tag of the listed releases (`tags`, from tagsOf):
 * a tag has a page while a listed release has it; its feed also keeps the
 * withdrawn ones, marked.
 */
export function tagListings(tags: readonly Tag[], published: readonly Release[], context: PlanContext): ListingFamily {
  const { site, strings, urls } = context;
  const listings: ListingPage[] = [];
  const feeds: FeedPlan[] = [];
  const entries: IndexEntry[] = [];
  const taggedAll = new Map(tagsOf(published).map((tag) => [tag.slug, tag.releases]));
  for (const tag of tags) {
    const base = urls.tag(tag.slug);
    const { feed, link } = feedOf(base, `${site.title}: ${tag.name}`, taggedAll.get(tag.slug)!, context);
    feeds.push(feed);
    listings.push(...paginate("tag", base, strings.releasesTagged(tag.name), tag.releases, context, { feed: link }));
    entries.push({ url: urls.href(base), text: tag.name, count: strings.releaseCount(tag.releases.length) });
  }
  return { listings, feeds, entries };
}
