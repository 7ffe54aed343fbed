/**
 * The pages of translations: each translation's view at its original's
 * address plus its language tag (/2026/11/27/slug/en/), made from the
 * original's view with the translation's texts; the hreflang alternates and
 * the language switcher every version of a translated release carries.
 */
import type { MediaImage, OfferedLanguage, Release, Site, Translation } from "../content/model.ts";
import { stringsFor, type Language, type Strings } from "../i18n/index.ts";
import type { ReleaseMedia } from "./media-views.ts";
import { sharingView } from "./sharing.ts";
import type { Urls } from "./urls.ts";
import { itemView, releaseView, type ItemView, type ReleaseView, type ReleaseViewOptions } from "./views.ts";
import type { PlanContext } from "./context.ts";
import { feedOf, type FeedPlan } from "./feeds-plan.ts";
import { paginate, type ListingPage } from "./listings.ts";

/** One version of a release in the switcher: its language named in itself. */
export interface VersionLink {
  readonly lang: string;
  readonly name: string;
  readonly url: string;
  readonly current: boolean;
}

/** What a page of a translated release adds to its view. */
export interface LanguageParts {
  /** On a translation: the page's language and direction (<html lang dir>). */
  readonly lang?: string;
  readonly dir?: "ltr" | "rtl";
  /** On a translation: the interface strings of its page. */
  readonly t?: Strings;
  /** On a translation whose language has no interface strings of its own: the language the interface is in. */
  readonly uiLang?: Language;
  /** On a translation: whose text is authoritative. */
  readonly translationNote?: string;
  /** The footer's links (site.yaml footer:) in the words of the page's interface. */
  readonly footerLinks?: readonly { readonly url: string; readonly text: string }[];
  /** The search page of the page's language, when there is one (the header's search). */
  readonly search?: string;
  /** On a translation: its language's page (the header's first link). */
  readonly home?: string;
  /** Every version (the original first), for <link rel="alternate" hreflang> and the switcher. */
  readonly versions: readonly VersionLink[];
  /** Absolute addresses: every version's and x-default (the original's). */
  readonly alternates: readonly { readonly hreflang: string; readonly href: string }[];
}

/** The interface strings of a language: German for de-*, English for en-* and every language pressroom has none for. */
export const interfaceLanguage = (tag: string): Language => (tag.split("-")[0] === "de" ? "de" : "en");

/** The page address of a release's translation. */
export const translationPath = (original: { readonly url: string }, language: string): string => `${original.url}${language}/`;

/** The release as the translation shows it: its texts, the original's everything else (photos keep their place). */
function translated(original: Release, translation: Translation): Release {
  const { subtitle: _subtitle, ...rest } = original;
  return {
    ...rest,
    title: translation.title,
    ...(translation.subtitle && { subtitle: translation.subtitle }),
    body: translation.body,
    media: original.media.map((m) => {
      if (m.kind !== "image") return m;
      const own = translation.media.find((t) => t.file === m.file);
      // Placed where the translation's text places it, by the addresses it writes.
      const bodySources = translation.bodyImages.filter((b) => b.file === m.file).map((b) => b.src);
      return { ...m, bodySources, ...(own?.alt && { alt: own.alt }), ...(own?.caption && { caption: own.caption }) };
    }),
  };
}

/** The web versions the media stage made for the original's photos, found by the translation's photo objects. */
function translatedMedia(original: Release, shown: Release, media: ReleaseMedia | undefined): ReleaseMedia | undefined {
  if (media === undefined) return undefined;
  const photos = new Map(media.photos);
  shown.media.forEach((m, i) => {
    const plan = m.kind === "image" ? media.photos.get(original.media[i] as MediaImage) : undefined;
    if (m.kind === "image" && plan) photos.set(m, plan);
  });
  return { ...media, photos };
}

/** Every version of a release with translations: the original first, then its translations in site.yaml's order. */
export function versionsOf(original: Release, translations: readonly Translation[], site: Site, urls: Urls, current: string): VersionLink[] {
  const languages = new Map(site.languages.map((l) => [l.tag, l]));
  return [
    { lang: site.language, name: site.languageName ?? stringsFor(site.language).languageName, url: urls.href(original.url), current: current === site.language },
    ...translations.map((t) => ({ lang: t.language, name: languages.get(t.language)!.name, url: urls.href(translationPath(original, t.language)), current: current === t.language })),
  ];
}

function alternatesOf(versions: readonly VersionLink[], site: Site): LanguageParts["alternates"] {
  const absolute = (url: string): string => site.url + url.slice(site.basePath.length);
  return [...versions.map((v) => ({ hreflang: v.lang, href: absolute(v.url) })), { hreflang: "x-default", href: absolute(versions[0]!.url) }];
}

/** What the original's page of a translated release adds: the switcher and the alternates. */
export function originalParts(original: Release, translations: readonly Translation[], site: Site, urls: Urls): LanguageParts {
  const versions = versionsOf(original, translations, site, urls, site.language);
  return { versions, alternates: alternatesOf(versions, site) };
}

/** The interface strings of a translation's page. */
export const translationStrings = (language: string): Strings => stringsFor(interfaceLanguage(language));

/** What a page in `language` shows in its own words besides its content: its interface strings and the footer's links. */
export function languageChrome(site: Site, language: OfferedLanguage, urls: Urls, searchable: boolean): Chrome {
  const t = translationStrings(language.tag);
  const ui = interfaceLanguage(language.tag);
  return {
    lang: language.tag,
    dir: language.direction,
    ...(ui !== language.tag.split("-")[0] && { uiLang: ui }),
    t,
    footerLinks: site.theme.footer.map((link) => ({ url: link.url, text: t.footer[link.kind] })),
    ...(searchable && { search: urls.href(languageSearchPath(language.tag)) }),
  };
}

type Chrome = Pick<LanguageParts, "lang" | "dir" | "uiLang" | "t" | "footerLinks" | "search">;

/** The search page of a language (search-page.ts makes it when the index holds a translation in it). */
export const languageSearchPath = (language: string): string => `${languagePath(language)}${translationStrings(language).segments.search}/`;

/** The languages the search index holds translations in: those of releases listed (published, not withdrawn). */
export const searchableLanguages = (listed: readonly Release[], translations: ReadonlyMap<Release, readonly Translation[]>): Set<string> =>
  new Set(listed.flatMap((r) => translations.get(r)?.map((t) => t.language) ?? []));

/** A translation's page view: the original's view made again with the translation's texts, at its own address. */
export function translationView(
  original: Release,
  translation: Translation,
  all: readonly Translation[],
  site: Site,
  urls: Urls,
  options: ReleaseViewOptions,
  searchable: ReadonlySet<string>,
): ReleaseView & LanguageParts {
  const language = site.languages.find((l) => l.tag === translation.language)!;
  const strings = translationStrings(translation.language);
  const shown = translated(original, translation);
  const media = translatedMedia(original, shown, options.media);
  const base = releaseView(shown, site, strings, urls, { ...options, ...(media && { media }) });
  const path = translationPath(original, translation.language);
  // A photo card shows the lead photo: its alt text in the translation's language.
  const card = options.media?.card;
  const lead = card?.kind === "photo" ? shown.media.find((m) => m.kind === "image" && m.source === card.source) : undefined;
  const socialImage = base.socialImage && lead?.kind === "image" && lead.alt ? { ...base.socialImage, alt: lead.alt } : base.socialImage;
  const view = { ...base, path, url: urls.href(path), canonical: site.url + path, ...(socialImage && { socialImage }) };
  const versions = versionsOf(original, all, site, urls, translation.language);
  return {
    ...view,
    sharing: sharingView(view, site, strings, options.logoUrl, translation.language),
    ...languageChrome(site, language, urls, searchable.has(language.tag)),
    translationNote: language.note ?? strings.translationNote(site.language),
    home: urls.href(languagePath(translation.language)),
    versions,
    alternates: alternatesOf(versions, site),
  };
}

/** The page of a language, listing the releases translated into it: /en/, /ar/. */
export const languagePath = (language: string): string => `/${language}/`;

/** What a language's listing and feed add: its language, direction and interface strings. */
export type LanguageListing = ListingPage & Chrome;

/**
 * A listing and an Atom feed per offered language with published translations: the translations, newest first,
 * each entry in its language (title, date, link to the translation). Withdrawn ones stay in the feed only.
 */
export function languageListings(published: readonly Release[], context: PlanContext, translatedViews: readonly ReleaseView[]): { listings: LanguageListing[]; feeds: FeedPlan[] } {
  const { site, urls } = context;
  const listings: LanguageListing[] = [];
  const feeds: FeedPlan[] = [];
  const viewOf = new Map(translatedViews.map((v) => [v.path, v]));
  const searchable = searchableLanguages(published.filter((r) => !context.withdrawn.has(r)), context.translations);
  for (const language of site.languages) {
    const originals = published.filter((r) => context.translations.get(r)?.some((t) => t.language === language.tag));
    if (originals.length === 0) continue;
    const strings = translationStrings(language.tag);
    const items = new Map<Release, ItemView>();
    const views = new Map<Release, ReleaseView>();
    for (const r of originals) {
      const translation = context.translations.get(r)!.find((t) => t.language === language.tag)!;
      const path = translationPath(r, language.tag);
      items.set(r, { ...itemView(translated(r, translation), site, strings, urls, context.withdrawn.has(r)), url: urls.href(path) });
      const view = viewOf.get(path);
      if (view) views.set(r, view);
    }
    const own: PlanContext = { ...context, strings, items, views };
    const base = languagePath(language.tag);
    const heading = strings.releasesInLanguage(language.name);
    const { feed, link } = feedOf(base, `${site.title}: ${language.name}`, originals, own);
    feeds.push({ ...feed, language: language.tag });
    const parts = languageChrome(site, language, urls, searchable.has(language.tag));
    listings.push(...paginate("language", base, heading, originals.filter((r) => !context.withdrawn.has(r)), own, { feed: link }).map((page) => ({ ...page, ...parts })));
  }
  return { listings, feeds };
}
