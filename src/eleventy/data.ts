/** The data the templates see as `pressroom`: the same for every page, apart from the lists Eleventy pages through. */
import { FILES } from "../site/files.ts";
import type { SitePlan } from "../site/plan.ts";

/** The pages to render: each list is paged through one item per page (layouts/*.njk). */
export interface PageLists {
  readonly releases: SitePlan["releases"];
  readonly listings: SitePlan["listings"];
  readonly indexes: SitePlan["indexes"];
  readonly redirects: SitePlan["redirects"];
  readonly extras: SitePlan["extras"];
}

export interface SharedData {
  readonly site: SitePlan["site"];
  readonly t: SitePlan["strings"];
  readonly nav: {
    readonly home: string;
    readonly departments: string;
    readonly archive: string;
    readonly contacts: string;
    readonly search: string;
    readonly openData: string;
  };
  readonly stylesheet: string;
  /** The search page's script (hashed name). */
  readonly searchScript: string;
}

export type TemplateData = SharedData & PageLists;

/** What every page shows alike: site, words, navigation, stylesheet. */
export const sharedData = (plan: SitePlan, assets: { readonly stylesheet: string; readonly searchScript: string }): SharedData => ({
  site: plan.site,
  t: plan.strings,
  nav: {
    home: plan.urls.href(plan.urls.home),
    departments: plan.urls.href(plan.urls.departments),
    archive: plan.urls.href(plan.urls.archive),
    contacts: plan.urls.href(plan.urls.contacts),
    search: plan.urls.href(plan.urls.search),
    openData: plan.urls.href(`/${FILES.openData}`),
  },
  stylesheet: assets.stylesheet,
  searchScript: assets.searchScript,
});
