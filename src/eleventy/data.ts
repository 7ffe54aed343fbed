/** The data the templates see as `pressroom`: the same for every page, apart from the lists Eleventy pages through. */
import { FILES } from "../site/files.ts";
import type { LogoView } from "../theme/assets.ts";
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
  /** The site's logo in the header, when site.yaml names one. */
  readonly logo?: LogoView;
  /** The icon of the browser's tab (theme/favicon.ts). */
  readonly favicon: { readonly href: string; readonly type: string };
  /** Impressum, privacy notice, accessibility statement, contact: what site.yaml gives, in this order. */
  readonly footerLinks: readonly { readonly url: string; readonly text: string }[];
  /** The site's accounts elsewhere. */
  readonly social: readonly { readonly url: string; readonly text: string }[];
}

export interface SharedAssets {
  readonly stylesheet: string;
  readonly searchScript: string;
  readonly logo?: LogoView;
  readonly favicon: { readonly href: string; readonly type: string };
}

export type TemplateData = SharedData & PageLists;

/** What every page shows alike: site, words, navigation, stylesheet. */
export const sharedData = (plan: Pick<SitePlan, "site" | "strings" | "urls">, assets: SharedAssets): SharedData => ({
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
  ...(assets.logo && { logo: assets.logo }),
  favicon: assets.favicon,
  footerLinks: plan.site.theme.footer.map((link) => ({ url: link.url, text: plan.strings.footer[link.kind] })),
  social: plan.site.theme.social.map((account) => ({ url: account.url, text: account.name })),
});
