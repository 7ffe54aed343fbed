/** The data the templates see as `pressroom`: the same for every page, apart from the lists Eleventy pages through. */
import type { SitePlan } from "../site/plan.ts";

/** The pages to render: each list is paged through one item per page (layouts/*.njk). */
export interface PageLists {
  readonly releases: SitePlan["releases"];
  readonly listings: SitePlan["listings"];
  readonly indexes: SitePlan["indexes"];
  readonly redirects: SitePlan["redirects"];
}

export interface SharedData {
  readonly site: SitePlan["site"];
  readonly t: SitePlan["strings"];
  readonly nav: { readonly home: string; readonly departments: string; readonly archive: string };
  readonly stylesheet: string;
}

export type TemplateData = SharedData & PageLists;

/** What every page shows alike: site, words, navigation, stylesheet. */
export const sharedData = (plan: SitePlan, stylesheet: string): SharedData => ({
  site: plan.site,
  t: plan.strings,
  nav: {
    home: plan.urls.href(plan.urls.home),
    departments: plan.urls.href(plan.urls.departments),
    archive: plan.urls.href(plan.urls.archive),
  },
  stylesheet,
});
