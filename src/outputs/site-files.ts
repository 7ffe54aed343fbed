/** Every file of the site that is not an HTML page: stylesheet, media, feeds, sitemap, robots, redirects. */
import type { Release } from "../content/model.ts";
import { FILES } from "../site/files.ts";
import type { SitePlan } from "../site/plan.ts";
import { mediaPath, outputFileOf } from "../site/urls.ts";
import type { OutputFile } from "../write-files.ts";
import { feedFile, jsonFeedFile, robotsFile, sitemapFile } from "./feeds.ts";
import { redirectsFile } from "./redirects.ts";

/** The originals of the published releases' media, next to their pages. */
export const mediaFiles = (published: readonly Release[]): OutputFile[] =>
  published.flatMap((release) =>
    release.media.map((media) => ({ path: outputFileOf(mediaPath(release, media)), content: { copyFrom: media.source } })),
  );

export function siteFiles(plan: SitePlan, stylesheet: OutputFile): OutputFile[] {
  const robots = robotsFile(plan);
  return [
    stylesheet,
    { path: FILES.redirects, content: redirectsFile(plan.redirects) },
    { path: FILES.sitemap, content: sitemapFile(plan) },
    ...(robots !== undefined ? [{ path: FILES.robots, content: robots }] : []),
    ...plan.feeds.map((feed) => ({ path: outputFileOf(feed.path), content: feedFile(plan, feed) })),
    // The site's feed (the first) once more as JSON Feed.
    ...plan.feeds.slice(0, 1).map((feed) => ({ path: FILES.jsonFeed, content: jsonFeedFile(plan, feed) })),
  ];
}
