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
import type { CardPlan } from "../media/card.ts";
import { sharingView, type SharingView } from "./sharing.ts";
import { figureHtml, MIME, pictureHtml, THUMBNAIL_SIZES, type FigureView, type PictureView } from "../media/html.ts";
import type { PhotoPlan } from "../media/recipe.ts";
import { mediaPath, type Urls } from "./urls.ts";

export interface LinkView {
  readonly url: string;
  readonly text: string;
}

export interface DateView {
  readonly text: string;
  readonly iso: string;
}

export interface ImageView extends FigureView {
  /** The figure's markup, as the default template places it. */
  readonly html: string;
}

/** The picture shown when the release is shared (Open Graph). */
export interface SocialImageView {
  /** Absolute address. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly type: string;
  readonly alt: string;
}

export interface DownloadView {
  readonly href: string;
  readonly title: string;
  readonly details: string;
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

export interface HistoryEntry {
  readonly date: DateView;
  readonly text: string;
}

export interface LeadPhotoView {
  /** Absolute address. */
  readonly url: string;
  readonly type: string;
  readonly width: number;
  readonly alt: string;
}

export interface ItemView {
  readonly url: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly date: DateView;
  readonly departments: string;
  /** Listed in the archive, marked as taken back. */
  readonly withdrawn?: boolean;
  /** Only in a preview: the short mark of a draft or embargoed release. */
  readonly notice?: string;
  /** A small picture of the release's first photo (markup made here; decorative, the title beside it says it all). */
  readonly thumbnail?: string;
}

export function dateView(instant: number, hasTime: boolean, site: Site, strings: Strings): DateView {
  const day = formatInstant(instant, site.timeZone, strings.dateFormat);
  const text = hasTime ? `${day}, ${formatInstant(instant, site.timeZone, strings.timeFormat)}` : day;
  return { text, iso: isoInstant(instant, site.timeZone) };
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

/** What the media stage made for a release: web versions of its photos, its card and its kit. */
export interface ReleaseMedia {
  readonly photos: ReadonlyMap<MediaImage, PhotoPlan>;
  readonly card?: CardPlan;
  readonly kit?: { readonly path: string; readonly bytes: number; readonly files: number };
}

const extensionOf = (name: string): string => (name.includes(".") ? name.split(".").pop()!.toUpperCase() : "");

function pictureView(media: MediaImage, plan: PhotoPlan | undefined, original: string, alt: string, urls: Urls): PictureView {
  const facts = media.facts;
  if (!plan || plan.versions.length === 0) {
    // An animated GIF, shown as it is.
    return { sources: [], src: original, width: facts?.width ?? 0, height: facts?.height ?? 0, alt };
  }
  const srcset = (format: string): { list: string; middle: string } => {
    const versions = plan.versions.filter((v) => v.format === format);
    const href = (path: string): string => urls.href(`/${path}`);
    return {
      list: versions.map((v) => `${href(v.path)} ${v.width}w`).join(", "),
      middle: href(versions[Math.min(1, versions.length - 1)]!.path),
    };
  };
  const [modern, fallback] = [plan.formats[0]!, plan.formats[plan.formats.length - 1]!];
  const last = srcset(fallback);
  return {
    sources: modern === fallback ? [] : [{ type: MIME[modern], srcset: srcset(modern).list }],
    src: last.middle,
    srcset: last.list,
    width: plan.width,
    height: plan.height,
    alt,
  };
}

function figureView(media: MediaImage, plan: PhotoPlan | undefined, alt: string, strings: Strings, urls: Urls, release: Release): FigureView {
  const original = urls.href(mediaPath(release, media));
  const details = [
    extensionOf(media.name),
    media.facts ? `${media.facts.width} × ${media.facts.height} px` : "",
    media.bytes === undefined ? "" : strings.fileSize(media.bytes),
  ].filter(Boolean);
  return {
    picture: pictureView(media, plan, original, alt, urls),
    ...(media.caption && { caption: media.caption }),
    ...(media.credit && { credit: `${strings.photo}: ${media.credit}` }),
    download: { href: original, label: strings.originalFile(details.join(", ")) },
  };
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

function leadPhotoView(release: Release, site: Site, media: ReleaseMedia | undefined): LeadPhotoView | undefined {
  const photo = release.media.find((m): m is MediaImage => m.kind === "image");
  const plan = photo && media?.photos.get(photo);
  if (!photo || !plan) return undefined;
  const format = plan.formats[plan.formats.length - 1];
  const largest = plan.versions.filter((v) => v.format === format).at(-1);
  if (!format || !largest) return undefined;
  return { url: `${site.url}/${largest.path}`, type: MIME[format], width: largest.width, alt: photo.alt };
}

/** The first photo of the release as a listing's thumbnail, when it has web versions. */
function thumbnailHtml(release: Release, urls: Urls, media: ReleaseMedia | undefined): string | undefined {
  const photo = release.media.find((m): m is MediaImage => m.kind === "image");
  const plan = photo && media?.photos.get(photo);
  if (!photo || !plan || plan.versions.length === 0) return undefined;
  return pictureHtml(pictureView(photo, plan, "", "", urls), false, THUMBNAIL_SIZES);
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
