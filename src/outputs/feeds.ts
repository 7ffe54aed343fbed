/** The site's Atom feeds and sitemap, from the site plan. */
import type { FeedPlan } from "../site/feeds-plan.ts";
import type { SitePlan } from "../site/plan.ts";
import type { ReleaseView } from "../site/views.ts";
import { FILES } from "../site/files.ts";
import { translationStrings } from "../site/translations.ts";
import { atomFeed, type AtomEntry } from "./atom.ts";
import { absoluteLinks } from "./feed-html.ts";
import { jsonFeed } from "./json-feed.ts";
import { robots, sitemap } from "./sitemap.ts";
import type { Strings } from "../i18n/index.ts";
import { xmlEscape as escapeHtml } from "./xml.ts";

/** An empty feed still needs an `updated`: the start of the epoch keeps it stable. */
const EPOCH = "1970-01-01T00:00:00Z";

/** When a release last changed: its publication, update or withdrawal, whichever is latest. */
const lastChange = (r: ReleaseView): string =>
  [r.date.iso, r.updated?.iso, r.withdrawn?.date.iso].reduce<string>((latest, iso) => (iso !== undefined && Date.parse(iso) > Date.parse(latest) ? iso : latest), r.date.iso);

/** A withdrawn release stays in feeds, marked in its title, the reason before its text. */
const titleOf = (r: ReleaseView, strings: Strings): string => (r.withdrawn ? `${strings.withdrawn}: ${r.title}` : r.title);

function contentOf(r: ReleaseView, strings: Strings): string {
  const body = absoluteLinks(r.bodyHtml, r.canonical);
  const notes = [
    r.withdrawn && `<p><strong>${escapeHtml(strings.withdrawnOn(r.withdrawn.date.text))}</strong> ${escapeHtml(strings.withdrawnReason)}: ${escapeHtml(r.withdrawn.reason)}</p>`,
    r.updated && `<p><em>${escapeHtml(strings.updatedOn(r.updated.text))}${r.changeNote ? `: ${escapeHtml(r.changeNote)}` : ""}</em></p>`,
  ];
  return notes.filter(Boolean).join("\n") + (notes.some(Boolean) ? "\n" : "") + body;
}

const entryOf = (r: ReleaseView, strings: Strings): AtomEntry => ({
  url: r.canonical,
  title: titleOf(r, strings),
  ...(r.subtitle && { summary: r.subtitle }),
  published: r.date.iso,
  updated: lastChange(r),
  categories: [...r.departments.map((d) => d.text), ...r.tags],
  contentHtml: contentOf(r, strings),
  ...(r.leadPhoto && { image: { url: r.leadPhoto.url, type: r.leadPhoto.type } }),
});

/** The site's JSON Feed: the same releases as its Atom feed. */
export function jsonFeedFile(plan: SitePlan, feed: FeedPlan): string {
  return jsonFeed({
    title: plan.site.title,
    homePage: feed.alternate,
    feedUrl: `${plan.site.url}/${FILES.jsonFeed}`,
    ...(plan.site.description && { description: plan.site.description }),
    language: plan.site.language,
    author: plan.site.title,
    items: feed.entries.map((r) => ({
      url: r.canonical,
      title: titleOf(r, plan.strings),
      ...(r.sharing.description && { summary: r.sharing.description }),
      contentHtml: contentOf(r, plan.strings),
      published: r.date.iso,
      updated: lastChange(r),
      authors: r.departments.map((d) => d.text),
      tags: r.tags,
      ...(r.leadPhoto && { image: r.leadPhoto.url }),
    })),
  });
}

export function feedFile(plan: SitePlan, feed: FeedPlan): string {
  return atomFeed({
    self: feed.self,
    alternate: feed.alternate,
    title: feed.title,
    author: plan.site.title,
    language: feed.language ?? plan.site.language,
    entries: feed.entries.map((r) => entryOf(r, feed.language === undefined ? plan.strings : translationStrings(feed.language))),
    fallbackUpdated: EPOCH,
  });
}

export function sitemapFile(plan: SitePlan): string {
  const absolute = (path: string): string => plan.site.url + path;
  return sitemap([
    ...plan.listings.map((p) => ({ url: absolute(p.path) })),
    ...plan.indexes.map((p) => ({ url: absolute(p.path) })),
    ...plan.extras.map((p) => ({ url: absolute(p.path) })),
    ...plan.releases.map((r) => ({ url: r.canonical, lastmod: lastChange(r), ...(r.alternates && { alternates: r.alternates }) })),
  ]);
}

/** robots.txt only works at the root of a host; below a base path there is none to write. */
export function robotsFile(plan: SitePlan): string | undefined {
  return plan.site.basePath === "" ? robots(`${plan.site.url}/sitemap.xml`) : undefined;
}
