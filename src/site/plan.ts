/**
 * The site plan: every page the build writes, as plain view data, from the
 * published releases only. Eleventy renders this plan; nothing else decides
 * what exists. Each family of pages is planned by a module of its own
 * (listings, archive, tags, feeds, contacts, search, redirects); this one
 * makes the views they share and puts the plan together.
 */
import type { Contact, ContentModel, Release, Site, Translation } from "../content/model.ts";
import { isWithdrawn, publishedTranslations } from "../content/publish.ts";
import type { Problem } from "../errors/problem.ts";
import { stringsFor, type Strings } from "../i18n/index.ts";
import { archiveListings } from "./archive.ts";
import { contactsPage, type ContactsPage } from "./contacts-page.ts";
import type { PlanContext } from "./context.ts";
import type { FeedPlan } from "./feeds-plan.ts";
import { departmentListings, homeListing, type IndexPage, type ListingPage } from "./listings.ts";
import { planRedirects, type RedirectPage } from "./redirects-plan.ts";
import { searchPages, type SearchPage } from "./search-page.ts";
import { tagListings, tagsOf } from "./tags.ts";
import { urlsFor, type Urls } from "./urls.ts";
import { vcardPlans, type VcardPlan } from "./vcards.ts";
import type { ReleaseMedia } from "./media-views.ts";
import type { CardPlan } from "../media/card.ts";
import { itemView, previewNotice, releaseView, type PageView, type PreviewNote, type ReleaseViewOptions } from "./views.ts";
import { languageListings, originalParts, searchableLanguages, translationPath, translationView, versionsOf } from "./translations.ts";

export interface PlanOptions {
  /** Releases per listing page. */
  readonly pageSize: number;
  /** Entries per Atom feed, newest first. */
  readonly feedSize: number;
  /** Render the release pages' views (Markdown bodies); `check` only needs the addresses. */
  readonly releaseViews: boolean;
  /** What the media stage made for each release (web versions, card, kit). */
  readonly media?: (release: Release) => ReleaseMedia | undefined;
  /** A translation's own social card, when the media stage made one (else it shares the original's). */
  readonly translationCard?: (translation: Translation) => CardPlan | undefined;
  /** Renders a body's text to sanitized HTML (default: markdown-it and the sanitizer; a build passes its body cache). */
  readonly bodies?: (source: string) => string;
  /** Files written besides pages and originals (web versions, cards, kits): no old address may take them. */
  readonly reserved?: readonly string[];
  /** A preview (`pressroom serve`): drafts and embargoed releases are among `published`, each marked. */
  readonly preview?: boolean;
  /** The build's clock: withdrawals dated after it have not taken effect yet (default: all have). */
  readonly now?: number;
  /** Releases per shard of the search index (search/shards.ts). */
  readonly searchShardSize?: number;
  /** The site's logo, absolute: the publisher's logo in each release's schema.org data. */
  readonly logoUrl?: string;
  /** In a preview: check's warnings by release file, each shown on the release's page. */
  readonly previewNotes?: ReadonlyMap<string, readonly PreviewNote[]>;
}

export const defaults = { pageSize: 20, feedSize: 50, releaseViews: true } satisfies PlanOptions;

/** Pages of their own kind, one each: rendered by layouts/extra.njk through pages/<kind>.njk. */
export type ExtraPage = ContactsPage | SearchPage;

export interface SitePlan {
  readonly site: ContentModel["site"];
  readonly strings: Strings;
  readonly urls: Urls;
  /** Every release page: the originals, then the translations. */
  readonly releases: readonly PageView[];
  readonly listings: readonly ListingPage[];
  readonly indexes: readonly IndexPage[];
  readonly redirects: readonly RedirectPage[];
  readonly extras: readonly ExtraPage[];
  readonly feeds: readonly FeedPlan[];
  readonly vcards: readonly VcardPlan[];
  /** The releases the search index holds: published and not withdrawn, newest first, each followed by its translations. */
  readonly searchable: readonly PageView[];
  /** Every published release, withdrawn ones included, newest first: for the open data file. */
  readonly releaseData: readonly PageView[];
  readonly problems: readonly Problem[];
  /**
   * What a release's page view is made from besides the release, as plain data: the preview makes the page of
   * a release whose text changed since from it, at once (build/quick-page.ts, with `viewWith`).
   */
  readonly viewFacts: ViewFacts;
}

/** What the page view of a published release shows besides the release itself. */
export interface ViewFacts {
  /** The build's clock; a preview marks releases not public at it. */
  readonly now: number;
  readonly preview: boolean;
  readonly logoUrl?: string;
  /** What the media stage made for each published release. */
  readonly media: ReadonlyMap<Release, ReleaseMedia>;
  readonly withdrawn: ReadonlySet<Release>;
  /** The link to each contact's vCard. */
  readonly vcardOf: ReadonlyMap<Contact, string>;
  /** The tags that have a page. */
  readonly tagPages: ReadonlySet<string>;
  /** The published translations of each published release. */
  readonly translations: ReadonlyMap<Release, readonly Translation[]>;
  /** Only in a preview (planViews sets it from PlanOptions.previewNotes when `preview`): check's warnings by file. */
  readonly notes?: ReadonlyMap<string, readonly PreviewNote[]>;
}

/**
 * The views of the releases and what they are made from: the first part of a plan, enough for the search index,
 * which a build starts on while the rest of the plan is made (planSite).
 */
export interface PlannedViews extends Pick<SitePlan, "site" | "strings" | "urls" | "searchable" | "viewFacts" | "vcards"> {
  readonly listed: readonly Release[];
  readonly tags: ReturnType<typeof tagsOf>;
  readonly items: PlanContext["items"];
  readonly views: PlanContext["views"];
  /** The pages of the translations. */
  readonly translated: readonly PageView[];
}

/** `published` must already be filtered and sorted newest first (see content/publish.ts). */
export function planViews(model: ContentModel, published: readonly Release[], options: PlanOptions = defaults): PlannedViews {
  const { site } = model;
  const strings = stringsFor(site.language);
  const urls = urlsFor(strings, site.basePath);
  const now = options.now ?? Number.POSITIVE_INFINITY;
  // Withdrawn releases keep their page and their place in the archive (year, month, day) and feeds, marked;
  // the other listings and the search leave them out.
  const withdrawn = new Set(published.filter((r) => isWithdrawn(r, now)));
  const listed = published.filter((r) => !withdrawn.has(r));
  const tags = tagsOf(listed);
  const vcards = vcardPlans(model, published, urls);
  const vcardOf = new Map(vcards.map((v) => [v.contact, urls.href(v.path)]));
  const translations = publishedTranslations(model, published, { now, drafts: options.preview === true, ...(options.preview && { preview: true }) });
  const media = new Map<Release, ReleaseMedia>();
  if (options.releaseViews && options.media) {
    for (const release of published) {
      const made = options.media(release);
      if (made) media.set(release, made);
    }
  }
  const viewFacts: ViewFacts = {
    now,
    preview: options.preview ?? false,
    ...(options.logoUrl && { logoUrl: options.logoUrl }),
    media,
    withdrawn,
    vcardOf,
    tagPages: new Set(tags.map((tag) => tag.slug)),
    translations,
    ...(options.preview && options.previewNotes && { notes: options.previewNotes }),
  };
  const { translated, items, views } = releaseViews(published, options, site, strings, urls, viewFacts);
  const translationsOf = (r: Release): PageView[] => (translations.has(r) ? translated.filter((t) => t.path.startsWith(r.url)) : []);
  const searchable = listed.flatMap((r) => [...(views.get(r) ? [views.get(r)!] : []), ...translationsOf(r)]);
  return { site, strings, urls, searchable, viewFacts, vcards, listed, tags, items, views, translated };
}

/** `published` must already be filtered and sorted newest first (see content/publish.ts); `planned`: its views, if made already. */
export function planSite(model: ContentModel, published: readonly Release[], options: PlanOptions = defaults, planned = planViews(model, published, options)): SitePlan {
  const { site, strings, urls, listed, tags, vcards, translated, viewFacts } = planned;
  const { withdrawn, translations, vcardOf } = viewFacts;
  const context: PlanContext = {
    site,
    strings,
    urls,
    withdrawn,
    pageSize: options.pageSize,
    feedSize: options.feedSize,
    translations,
    items: planned.items,
    views: planned.views,
  };

  const home = homeListing(published, listed, context);
  const departments = departmentListings([...model.departments.values()], published, context);
  const archive = archiveListings(published, context);
  const tagged = tagListings(tags, published, context);
  const languages = languageListings(published, context, translated);
  const listings = [...home.listings, ...departments.listings, ...archive.listings, ...tagged.listings, ...languages.listings];
  const feeds = [...home.feeds, ...departments.feeds, ...tagged.feeds, ...languages.feeds];
  const indexes: IndexPage[] = [
    { path: urls.departments, url: urls.href(urls.departments), heading: strings.departments, entries: departments.entries },
    { path: urls.archive, url: urls.href(urls.archive), heading: strings.archive, entries: archive.entries },
    ...(tagged.entries.length > 0 ? [{ path: urls.tags, url: urls.href(urls.tags), heading: strings.tags, entries: tagged.entries }] : []),
  ];
  const extras: ExtraPage[] = [
    contactsPage(model, published, strings, urls, vcardOf),
    ...searchPages(model, listed, context.translations, strings, urls, options.searchShardSize),
  ];
  // Translations' pages by their addresses, so `check` (which makes no views) finds an old address on one too.
  const translationPages = [...translations].flatMap(([r, list]) => list.map((t) => ({ path: translationPath(r, t.language) })));
  const { redirects, problems } = planRedirects(site, published, urls, [...listings, ...indexes, ...extras, ...vcards, ...feeds, ...translationPages], options.reserved);
  const originals = [...context.views.values()];
  const releases = translated.length === 0 ? originals : [...originals, ...translated];
  return { site, strings, urls, releases, listings, indexes, redirects, extras, feeds, vcards, searchable: planned.searchable, releaseData: originals, problems, viewFacts };
}

/**
 * How the view of a release is made, from the facts of a plan: its media, withdrawal and banner as `like`'s; in a
 * preview, the warnings about `file` (the release's, or its translation's).
 */
function viewOptionsOf(facts: ViewFacts, like: Release, bodies?: (source: string) => string, file = like.file): ReleaseViewOptions {
  const notes = facts.notes?.get(file);
  const media = facts.media.get(like);
  return {
    ...(media && { media }),
    ...(bodies && { bodies }),
    withdrawn: facts.withdrawn.has(like),
    ...(facts.preview && { previewAt: facts.now }),
    ...(notes && { previewNotes: notes }),
    vcard: (c) => facts.vcardOf.get(c),
    tagPages: facts.tagPages,
    ...(facts.logoUrl && { logoUrl: facts.logoUrl }),
  };
}

/**
 * The page view of a release from the facts of a plan; its media, withdrawal, banner and translations are looked
 * up as `like`'s (the same release as planned, or itself). `bodies` renders a body (default: markdown-it and the sanitizer).
 */
export function viewWith(site: Site, strings: Strings, urls: Urls, facts: ViewFacts, bodies?: (source: string) => string): (release: Release, like: Release) => PageView {
  return (release, like) => {
    const view: PageView = releaseView(release, site, strings, urls, viewOptionsOf(facts, like, bodies));
    const versions = facts.translations.get(like);
    return versions === undefined ? view : { ...view, ...originalParts(release, versions, site, urls) };
  };
}

/** The listing entry and the page view of each published release, and the views of their translations; none when `check` plans addresses only. */
function releaseViews(published: readonly Release[], options: PlanOptions, site: Site, strings: Strings, urls: Urls, facts: ViewFacts): Pick<PlanContext, "items" | "views"> & { translated: PageView[] } {
  if (!options.releaseViews) return { items: new Map(), views: new Map(), translated: [] };
  const { withdrawn, now, translations } = facts;
  const searchable = searchableLanguages(published.filter((r) => !withdrawn.has(r)), translations);
  const items = new Map(
    published.map((r) => {
      const item = itemView(r, site, strings, urls, withdrawn.has(r), options.preview ? previewNotice(r, now, site, strings) : undefined, facts.media.get(r));
      const versions = translations.get(r);
      return [r, versions ? { ...item, translations: versionsOf(r, versions, site, urls, site.language).slice(1).map(({ current: _, ...link }) => link) } : item];
    }),
  );
  const viewOf = viewWith(site, strings, urls, facts, options.bodies);
  const translated: PageView[] = [];
  const views = new Map(
    published.map((r) => {
      const versions = translations.get(r);
      for (const t of versions ?? []) {
        // In a preview, the notes of the translation's own file, not the original's.
        const viewOptions = viewOptionsOf(facts, r, options.bodies, t.file);
        const card = options.translationCard?.(t);
        const own = card && viewOptions.media ? { ...viewOptions, media: { ...viewOptions.media, card } } : viewOptions;
        translated.push(translationView(r, t, versions!, site, urls, own, searchable));
      }
      return [r, viewOf(r, r)];
    }),
  );
  return { items, views, translated };
}
