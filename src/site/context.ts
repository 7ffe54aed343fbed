/**
 * What every part of the site plan works from: the site, its words and
 * addresses, and the views of the published releases. Made once by
 * planSite (plan.ts); the parts only read it.
 */
import type { Release, Site, Translation } from "../content/model.ts";
import type { Strings } from "../i18n/index.ts";
import type { Urls } from "./urls.ts";
import type { ItemView, ReleaseView } from "./views.ts";

export interface PlanContext {
  readonly site: Site;
  readonly strings: Strings;
  readonly urls: Urls;
  /** Each published release as a listing's entry (empty when `check` plans addresses only). */
  readonly items: ReadonlyMap<Release, ItemView>;
  /** Each published release's page view (empty when `check` plans addresses only). */
  readonly views: ReadonlyMap<Release, ReleaseView>;
  /** The published releases whose withdrawal has taken effect. */
  readonly withdrawn: ReadonlySet<Release>;
  /** The published translations of each published release that has any, in site.yaml's order of languages. */
  readonly translations: ReadonlyMap<Release, readonly Translation[]>;
  /** Releases per listing page. */
  readonly pageSize: number;
  /** Entries per Atom feed, newest first. */
  readonly feedSize: number;
}
