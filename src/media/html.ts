/**
 * The markup of a photo on a page: <picture> with a modern format and a
 * fallback in several widths, width and height against layout shift, and a
 * figure with caption, credit and the link to the original. One function
 * for photos of the media list and photos placed in the body.
 */

export interface PictureSource {
  readonly type: string;
  readonly srcset: string;
}

export interface PictureView {
  /** Modern formats first; the browser takes the first it knows. */
  readonly sources: readonly PictureSource[];
  /** The fallback for browsers without <picture>: a middle width of the last format. */
  readonly src: string;
  readonly srcset?: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

export interface FigureView {
  readonly picture: PictureView;
  readonly caption?: string;
  readonly credit?: string;
  readonly download: { readonly href: string; readonly label: string };
}

/** Photos fill the text column: 42rem wide, less the page margins on a phone. */
export const SIZES = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";

const escape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Listing thumbnails: 8rem wide beside the item's text. */
export const THUMBNAIL_SIZES = "8rem";

export function pictureHtml(p: PictureView, eager: boolean, layout: string = SIZES): string {
  const sizes = p.srcset || p.sources.length > 0 ? ` sizes="${layout}"` : "";
  const sources = p.sources.map((s) => `<source type="${escape(s.type)}" srcset="${escape(s.srcset)}"${sizes}>`).join("");
  const img =
    `<img src="${escape(p.src)}"${p.srcset ? ` srcset="${escape(p.srcset)}"${sizes}` : ""}` +
    ` width="${p.width}" height="${p.height}" alt="${escape(p.alt)}"` +
    ` loading="${eager ? "eager" : "lazy"}" decoding="async">`;
  return sources ? `<picture>${sources}${img}</picture>` : img;
}

export function figureHtml(f: FigureView, eager: boolean): string {
  const download = `<a class="download" href="${escape(f.download.href)}" download>${escape(f.download.label)}</a>`;
  const parts = [
    f.caption ? `<span class="caption">${escape(f.caption)}</span>` : "",
    f.credit ? `<span class="credit">${escape(f.credit)}</span>` : "",
  ].filter(Boolean);
  // Without caption or credit, the link alone would become the figure's name for screen readers.
  const below = parts.length > 0 ? `<figcaption>${[...parts, download].join(" ")}</figcaption>` : `<p class="download">${download}</p>`;
  return `<figure class="photo">${pictureHtml(f.picture, eager)}${below}</figure>`;
}

/** Media types of the web versions' formats, for <source type>. */
export const MIME: Readonly<Record<"webp" | "jpeg" | "png", string>> = { webp: "image/webp", jpeg: "image/jpeg", png: "image/png" };
