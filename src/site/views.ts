/**
 * View models: everything a template prints, already formatted in the site's
 * language and time zone. Templates only place these values; they compute
 * nothing and decide nothing.
 */
import { formatInstant, isoInstant } from "../content/dates.ts";
import type { Contact, Department, Release, Site } from "../content/model.ts";
import type { Strings } from "../i18n/index.ts";
import { renderBody } from "../markdown/render.ts";
import { mediaPath, type Urls } from "./urls.ts";

export interface LinkView {
  readonly url: string;
  readonly text: string;
}

export interface DateView {
  readonly text: string;
  readonly iso: string;
}

export interface ImageView {
  readonly src: string;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
  readonly width?: number;
  readonly height?: number;
  readonly downloadLabel: string;
}

export interface DownloadView {
  readonly href: string;
  readonly title: string;
  readonly details: string;
}

export interface ContactView {
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
  readonly departments: readonly LinkView[];
  readonly bodyHtml: string;
  readonly images: readonly ImageView[];
  readonly downloads: readonly DownloadView[];
  readonly contacts: readonly ContactView[];
  readonly tags: readonly string[];
}

export interface ItemView {
  readonly url: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly date: DateView;
  readonly departments: string;
}

export function dateView(instant: number, hasTime: boolean, site: Site, strings: Strings): DateView {
  const day = formatInstant(instant, site.timeZone, strings.dateFormat);
  const text = hasTime ? `${day}, ${formatInstant(instant, site.timeZone, strings.timeFormat)}` : day;
  return { text, iso: isoInstant(instant, site.timeZone) };
}

const contactView = (c: Contact): ContactView => ({
  name: c.name,
  ...(c.role && { role: c.role }),
  ...(c.phone && { phone: c.phone }),
  ...(c.phoneHref && { phoneHref: c.phoneHref }),
  ...(c.email && { email: c.email }),
});

const departmentLink = (d: Department, urls: Urls): LinkView => ({ url: urls.href(urls.department(d.id)), text: d.name });

export function releaseView(release: Release, site: Site, strings: Strings, urls: Urls): ReleaseView {
  const images: ImageView[] = [];
  const downloads: DownloadView[] = [];
  for (const media of release.media) {
    const href = urls.href(mediaPath(release, media));
    const size = media.bytes === undefined ? "" : strings.fileSize(media.bytes);
    if (media.kind === "image") {
      const original = [media.width && media.height ? `${media.width} × ${media.height} px` : "", size]
        .filter(Boolean)
        .join(", ");
      images.push({
        src: href,
        alt: media.alt,
        ...(media.caption && { caption: media.caption }),
        ...(media.credit && { credit: `${strings.photo}: ${media.credit}` }),
        ...(media.width !== undefined && { width: media.width }),
        ...(media.height !== undefined && { height: media.height }),
        downloadLabel: original ? `${strings.downloadOriginal} (${original})` : strings.downloadOriginal,
      });
    } else {
      const ext = media.name.includes(".") ? media.name.split(".").pop()!.toUpperCase() : "";
      downloads.push({ href, title: media.title, details: [ext, size].filter(Boolean).join(", ") });
    }
  }
  return {
    path: release.url,
    url: urls.href(release.url),
    canonical: site.url + release.url,
    title: release.title,
    ...(release.subtitle && { subtitle: release.subtitle }),
    date: dateView(release.date, release.hasTime, site, strings),
    ...(release.updated !== undefined && { updated: dateView(release.updated, release.updatedHasTime ?? true, site, strings) }),
    departments: release.departments.map((d) => departmentLink(d, urls)),
    bodyHtml: renderBody(release.body),
    images,
    downloads,
    contacts: release.contacts.map(contactView),
    tags: release.tags,
  };
}

export const itemView = (release: Release, site: Site, strings: Strings, urls: Urls): ItemView => ({
  url: urls.href(release.url),
  title: release.title,
  ...(release.subtitle && { subtitle: release.subtitle }),
  date: dateView(release.date, false, site, strings),
  departments: release.departments.map((d) => d.name).join(", "),
});
