/** The Atom feed of a listing (the home page, a department, a tag) and the link to subscribe to it. */
import type { Release } from "../content/model.ts";
import type { PlanContext } from "./context.ts";
import { FILES } from "./files.ts";
import type { LinkView, ReleaseView } from "./views.ts";

export interface FeedPlan {
  readonly path: string;
  /** Absolute addresses of the feed and of the page it mirrors. */
  readonly self: string;
  readonly alternate: string;
  readonly title: string;
  readonly entries: readonly ReleaseView[];
  /** The feed of a language's translations: its tag (default: the site's language). */
  readonly language?: string;
}

/** The feed next to the listing at `base`: its newest releases (withdrawn ones too, marked by the feed). */
export function feedOf(base: string, title: string, releases: readonly Release[], context: PlanContext): { feed: FeedPlan; link: LinkView } {
  const { site, urls, strings } = context;
  const path = `${base}${FILES.feed}`;
  return {
    feed: {
      path,
      self: site.url + path,
      alternate: site.url + base,
      title,
      entries: releases.slice(0, context.feedSize).flatMap((r) => context.views.get(r) ?? []),
    },
    link: { url: urls.href(path), text: strings.subscribe },
  };
}
