/** Every file of the site that is not an HTML page: assets, media, feeds, sitemap, robots, redirects, vCards, open data. */
import type { Release } from "../content/model.ts";
import { FILES } from "../site/files.ts";
import type { SitePlan } from "../site/plan.ts";
import { mediaPath, outputFileOf } from "../site/urls.ts";
import type { OutputFile } from "../write-files.ts";
import { feedFile, jsonFeedFile, robotsFile, sitemapFile } from "./feeds.ts";
import { redirectsFile } from "./redirects.ts";
import { openDataFile } from "./open-data.ts";
import { vcardOf } from "./vcard.ts";

/** The originals of the published releases' media, next to their pages. */
export const mediaFiles = (published: readonly Release[]): OutputFile[] =>
  published.flatMap((release) =>
    release.media.map((media) => ({ path: outputFileOf(mediaPath(release, media)), content: { copyFrom: media.source } })),
  );

export function siteFiles(plan: SitePlan, assets: readonly OutputFile[]): OutputFile[] {
  const robots = robotsFile(plan);
  return [
    ...assets,
    { path: FILES.redirects, content: redirectsFile(plan.redirects) },
    { path: FILES.sitemap, content: sitemapFile(plan) },
    ...(robots !== undefined ? [{ path: FILES.robots, content: robots }] : []),
    ...plan.feeds.map((feed) => ({ path: outputFileOf(feed.path), content: feedFile(plan, feed) })),
    // The site's feed (the first) once more as JSON Feed.
    ...plan.feeds.slice(0, 1).map((feed) => ({ path: FILES.jsonFeed, content: jsonFeedFile(plan, feed) })),
    { path: FILES.openData, content: openDataFile(plan) },
    ...plan.vcards.map((card) => ({
      path: outputFileOf(card.path),
      content: vcardOf(card.contact, {
        organization: plan.site.title,
        departments: card.departments,
        url: plan.site.url + card.page,
        language: plan.site.language,
      }),
    })),
  ];
}
