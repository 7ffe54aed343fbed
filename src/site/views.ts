/**
 * View models: everything a template prints, already formatted in the site's
 * language and time zone. Templates only place these values; they compute
 * nothing and decide nothing.
 */
import { formatInstant, isoInstant } from "../content/dates.ts";
import type { Contact, Department, MediaImage, Release, Site } from "../content/model.ts";
import type { Strings } from "../i18n/index.ts";
import { renderBody, sanitizedHtml } from "../markdown/render.ts";
import { slugify } from "../content/slug.ts";
import { sharingView, type SharingView } from "./sharing.ts";
import { figureHtml, pictureHtml } from "../media/html.ts";
import { extensionOf, figureView, leadPhotoView, thumbnailHtml, type DownloadView, type ImageView, type LeadPhotoView, type ReleaseMedia, type SocialImageView } from "./media-views.ts";
import { mediaPath, type Urls } from "./urls.ts";
import type { LanguageParts } from "./translations.ts";

export interface LinkView {
  readonly url: string;
  readonly text: string;
}

export interface DateView {
  readonly text: string;
  readonly iso: string;
}

export interface ContactView {
  /** The contact's vCard, to save in an address book. */
  readonly vcard?: string;
  readonly name: string;
  readonly role?: string;
  readonly phone?: string;
  readonly phoneHref?: string;
  readonly email?: string;
}

export interface ReleaseView {
  /** Where the page is written (site-relative) and how it is linked. */
  readonly path: string;
  readonly url: string;
  readonly canonical: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly date: DateView;
  readonly updated?: DateView;
  /** What changed at `updated`. */
  readonly changeNote?: string;
  /** Every change, oldest first, for the list at the page's foot: first publication, then the update. */
  readonly history: readonly HistoryEntry[];
  /** Set once the withdrawal has taken effect. */
  readonly withdrawn?: { readonly date: DateView; readonly reason: string };
  /** Only in a preview: why the release would not be public now (draft, embargo). */
  readonly notice?: PreviewNotice;
  /** Only in a preview: what check says of the release's file, which the press officer may never see in a terminal. */
  readonly notes?: PreviewNotes;
  readonly departments: readonly LinkView[];
  readonly bodyHtml: string;
  /** Photos of the media list that the body does not show already. */
  readonly images: readonly ImageView[];
  readonly downloads: readonly DownloadView[];
  /** Every file in one ZIP, when there is more than one. */
  readonly kit?: { readonly href: string; readonly label: string };
  readonly socialImage?: SocialImageView;
  /** The release's first photo, its largest web version in the widely read format (JPEG or PNG), for feeds. */
  readonly leadPhoto?: LeadPhotoView;
  readonly contacts: readonly ContactView[];
  readonly tags: readonly string[];
  /** Each tag linked to its page. */
  readonly tagLinks: readonly LinkView[];
  /** Description, Open Graph, Twitter card and schema.org fields. */
  readonly sharing: SharingView;
}

/** A release's page: a translated release's versions carry their languages (site/translations.ts). */
export type PageView = ReleaseView & Partial<LanguageParts>;

export interface HistoryEntry {
  readonly date: DateView;
  readonly text: string;
}

export interface ItemView {
  readonly url: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly date: DateView;
  readonly departments: string;
  /** Listed in the archive, marked as taken back. */
  readonly withdrawn?: boolean;
  /** The languages it is translated into, each linked, named in itself. */
  readonly translations?: readonly { readonly lang: string; readonly name: string; readonly url: string }[];
  /** Only in a preview: the short mark of a draft or embargoed release. */
  readonly notice?: string;
  /** A small picture of the release's first photo (markup made here; decorative, the title beside it says it all). */
  readonly thumbnail?: string;
}

/** Dates formatted in this process, by the strings they were formatted with: most are asked for several times. */
const formatted = new WeakMap<Strings, Map<string, DateView>>();

export function dateView(instant: number, hasTime: boolean, site: Site, strings: Strings): DateView {
  let known = formatted.get(strings);
  if (known === undefined) formatted.set(strings, (known = new Map()));
  const key = `${site.timeZone} ${instant} ${hasTime}`;
  let view = known.get(key);
  if (view === undefined) {
    const day = formatInstant(instant, site.timeZone, strings.dateFormat);
    const text = hasTime ? `${day}, ${formatInstant(instant, site.timeZone, strings.timeFormat)}` : day;
    view = { text, iso: isoInstant(instant, site.timeZone) };
    if (known.size >= 100_000) known.clear();
    known.set(key, view);
  }
  return view;
}

export const contactView = (c: Contact, vcard?: string): ContactView => ({
  ...(vcard !== undefined && { vcard }),
  name: c.name,
  ...(c.role && { role: c.role }),
  ...(c.phone && { phone: c.phone }),
  ...(c.phoneHref && { phoneHref: c.phoneHref }),
  ...(c.email && { email: c.email }),
});

const departmentLink = (d: Department, urls: Urls): LinkView => ({ url: urls.href(urls.department(d.id)), text: d.name });

/** A warning of check about a release's file, in the site's language, as the preview's page shows it. */
export interface PreviewNote {
  readonly line?: number;
  readonly message: string;
  readonly hint: string;
}

export interface PreviewNotes {
  readonly heading: string;
  readonly items: readonly { readonly where?: string; readonly message: string; readonly hint: string }[];
  readonly hintLabel: string;
}

export interface ReleaseViewOptions {
  /** What the media stage made for the release. */
  readonly media?: ReleaseMedia;
  /** Renders a body's text to sanitized HTML. */
  readonly bodies?: (source: string) => string;
  /** The withdrawal has taken effect (its date is not after the build's now). */
  readonly withdrawn?: boolean;
  /** The link to each contact's vCard. */
  readonly vcard?: (contact: Contact) => string | undefined;
  /** The tags that have a page (a tag only withdrawn releases have has none). */
  readonly tagPages?: ReadonlySet<string>;
  /** A preview build's clock: releases not public at it get a banner. Unset in a real build. */
  readonly previewAt?: number;
  /** A preview build's warnings about the release's file, shown in a box. Unset in a real build. */
  readonly previewNotes?: readonly PreviewNote[];
  /** The site's logo, absolute, for the publisher in schema.org data. */
  readonly logoUrl?: string;
}

export interface PreviewNotice {
  readonly kind: "draft" | "embargo";
  /** The banner's text. */
  readonly text: string;
  /** The listing's mark. */
  readonly mark: string;
}

/** Why a release shown in a preview would not be public at `now`, or undefined when it would. */
export function previewNotice(release: Release, now: number, site: Site, strings: Strings): PreviewNotice | undefined {
  if (release.draft) return { kind: "draft", text: strings.previewDraft, mark: strings.previewDraftMark };
  if (release.date > now) {
    return { kind: "embargo", text: strings.previewEmbargo(dateView(release.date, true, site, strings).text), mark: strings.previewEmbargoMark };
  }
  return undefined;
}

export function releaseView(release: Release, site: Site, strings: Strings, urls: Urls, options: ReleaseViewOptions = {}): ReleaseView {
  const { media, bodies } = options;
  let placed = 0;
  const eager = (): boolean => placed++ === 0;
  // Photos of the body come first on the page: the body is rendered first, so the first of them loads at once.
  const inBody = new Map<string, MediaImage>();
  for (const m of release.media) if (m.kind === "image") for (const src of m.bodySources) inBody.set(src, m);
  const bodyPhoto = (src: string, alt: string) => {
    const photo = inBody.get(src);
    return photo && figureView(photo, media?.photos.get(photo), alt || photo.alt, strings, urls, release);
  };
  const bodyHtml = renderBody(release.body, {
    figure: (src, alt) => {
      const figure = bodyPhoto(src, alt);
      return figure && figureHtml(figure, eager());
    },
    picture: (src, alt) => {
      const figure = bodyPhoto(src, alt);
      return figure && pictureHtml(figure.picture, eager());
    },
  }, bodies ?? ((text) => sanitizedHtml(text, site.language)));

  const images: ImageView[] = [];
  const downloads: DownloadView[] = [];
  for (const m of release.media) {
    if (m.kind === "image") {
      if (!m.listed || m.bodySources.length > 0) continue;
      const figure = figureView(m, media?.photos.get(m), m.alt, strings, urls, release);
      images.push({ ...figure, html: figureHtml(figure, eager()) });
    } else {
      const size = m.bytes === undefined ? "" : strings.fileSize(m.bytes);
      downloads.push({ href: urls.href(mediaPath(release, m)), title: m.title, details: [extensionOf(m.name), size].filter(Boolean).join(", ") });
    }
  }
  const card = media?.card;
  const kit = media?.kit;
  const lead = leadPhotoView(release, site, media);
  const date = dateView(release.date, release.hasTime, site, strings);
  const updated = release.updated === undefined ? undefined : dateView(release.updated, release.updatedHasTime ?? true, site, strings);
  const notice = options.previewAt === undefined ? undefined : previewNotice(release, options.previewAt, site, strings);
  const found = options.previewNotes ?? [];
  const notes: PreviewNotes | undefined =
    found.length === 0
      ? undefined
      : {
          heading: strings.previewNotes(found.length),
          items: found.map((n) => ({ ...(n.line !== undefined && { where: strings.previewNoteLine(n.line) }), message: n.message, hint: n.hint })),
          hintLabel: strings.previewNoteHint,
        };
  const view: Omit<ReleaseView, "sharing"> = {
    path: release.url,
    url: urls.href(release.url),
    canonical: site.url + release.url,
    title: release.title,
    ...(release.subtitle && { subtitle: release.subtitle }),
    date,
    ...(updated && { updated }),
    ...(release.changeNote && { changeNote: release.changeNote }),
    history: updated ? [{ date, text: strings.firstPublished }, { date: updated, text: release.changeNote ?? strings.updatedWithoutNote }] : [],
    ...(notice && { notice }),
    ...(notes && { notes }),
    ...(options.withdrawn && release.withdrawn && {
      withdrawn: { date: dateView(release.withdrawn.date, release.withdrawn.hasTime, site, strings), reason: release.withdrawn.reason },
    }),
    departments: release.departments.map((d) => departmentLink(d, urls)),
    bodyHtml,
    images,
    downloads,
    ...(kit && { kit: { href: urls.href(`/${kit.path}`), label: strings.kit.link(kit.files, strings.fileSize(kit.bytes)) } }),
    ...(card && {
      socialImage: { url: `${site.url}/${card.path}`, width: card.width, height: card.height, type: card.type, alt: card.alt },
    }),
    ...(lead && { leadPhoto: lead }),
    contacts: release.contacts.map((c) => contactView(c, options.vcard?.(c))),
    tags: release.tags,
    tagLinks: [...new Map(release.tags.map((tag) => [slugify(tag), tag])).entries()]
      .filter(([slug]) => slug !== "" && (options.tagPages?.has(slug) ?? true))
      .map(([slug, text]) => ({ url: urls.href(urls.tag(slug)), text })),
  };
  return { ...view, sharing: sharingView(view, site, strings, options.logoUrl) };
}

export const itemView = (
  release: Release,
  site: Site,
  strings: Strings,
  urls: Urls,
  withdrawn = false,
  notice?: PreviewNotice,
  media?: ReleaseMedia,
): ItemView => {
  const thumbnail = thumbnailHtml(release, urls, media);
  return {
  ...(notice && { notice: notice.mark }),
  url: urls.href(release.url),
  title: release.title,
  ...(release.subtitle && { subtitle: release.subtitle }),
  date: dateView(release.date, false, site, strings),
  departments: release.departments.map((d) => d.name).join(", "),
  ...(withdrawn && { withdrawn }),
  ...(thumbnail && { thumbnail }),
  };
};
