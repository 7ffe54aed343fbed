/**
 * The views of a release's files: its photos as pictures and figures (web
 * versions in srcset, the original to download), its other files as
 * downloads, its lead photo for feeds and a listing's thumbnail.
 */
import type { MediaImage, Release, Site } from "../content/model.ts";
import type { Strings } from "../i18n/index.ts";
import type { CardPlan } from "../media/card.ts";
import { MIME, pictureHtml, THUMBNAIL_SIZES, type FigureView, type PictureView } from "../media/html.ts";
import type { PhotoPlan } from "../media/recipe.ts";
import { mediaPath, type Urls } from "./urls.ts";

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

export interface LeadPhotoView {
  /** Absolute address. */
  readonly url: string;
  readonly type: string;
  readonly width: number;
  readonly alt: string;
}

/** What the media stage made for a release: web versions of its photos, its card and its kit. */
export interface ReleaseMedia {
  readonly photos: ReadonlyMap<MediaImage, PhotoPlan>;
  readonly card?: CardPlan;
  readonly kit?: { readonly path: string; readonly bytes: number; readonly files: number };
}

export const extensionOf = (name: string): string => (name.includes(".") ? name.split(".").pop()!.toUpperCase() : "");

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

export function figureView(media: MediaImage, plan: PhotoPlan | undefined, alt: string, strings: Strings, urls: Urls, release: Release): FigureView {
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

export function leadPhotoView(release: Release, site: Site, media: ReleaseMedia | undefined): LeadPhotoView | undefined {
  const photo = release.media.find((m): m is MediaImage => m.kind === "image");
  const plan = photo && media?.photos.get(photo);
  if (!photo || !plan) return undefined;
  const format = plan.formats[plan.formats.length - 1];
  const largest = plan.versions.filter((v) => v.format === format).at(-1);
  if (!format || !largest) return undefined;
  return { url: `${site.url}/${largest.path}`, type: MIME[format], width: largest.width, alt: photo.alt };
}

/** The first photo of the release as a listing's thumbnail, when it has web versions. */
export function thumbnailHtml(release: Release, urls: Urls, media: ReleaseMedia | undefined): string | undefined {
  const photo = release.media.find((m): m is MediaImage => m.kind === "image");
  const plan = photo && media?.photos.get(photo);
  if (!photo || !plan || plan.versions.length === 0) return undefined;
  return pictureHtml(pictureView(photo, plan, "", "", urls), false, THUMBNAIL_SIZES);
}
