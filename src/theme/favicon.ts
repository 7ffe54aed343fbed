/**
 * The site's icon in the browser's tab and bookmarks: the logo when site.yaml
 * names one, else a sheet of paper on the site's colour. Browsers ask for
 * /favicon.ico on every page without one, so every build writes it too: a
 * missing icon is a 404 in every server log, on every page view.
 */
import { sha256 } from "../media/cache.ts";
import { squarePng } from "../media/sharp.ts";
import { FILES } from "../site/files.ts";
import type { LogoFile } from "./logo.ts";

/** pressroom's own colour (layouts/assets/style.css: --brand), for a site without one. */
const DEFAULT_COLOR = "#005a9c";
/** The size of the icon in favicon.ico: what a browser tab shows, at twice the pixels. */
const ICO_SIZE = 32;

export interface Favicon {
  /** The icon the pages link to, in assets/ and named by its content: the logo's own file, or the drawn icon. */
  readonly path: string;
  /** The drawn icon's file; none when the logo is the icon (it is written as the logo). */
  readonly file?: { readonly path: string; readonly content: Buffer };
  readonly type: "image/svg+xml" | "image/png";
  /** /favicon.ico, for what asks for it without reading the page. */
  readonly ico: { readonly path: string; readonly content: Buffer };
}

/** A sheet of paper with three lines of text, white on `color`: a press release, whatever the site's name. */
export const drawnIcon = (color: string): string =>
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  `<rect width="32" height="32" rx="6" fill="${color}"/>` +
  '<path d="M9 6h10l5 5v15H9z" fill="#fff"/>' +
  `<path d="M12 14h9M12 18h9M12 22h6" stroke="${color}" stroke-width="2"/>` +
  "</svg>\n";

/**
 * An ICO file holding one PNG image: the format's header (reserved, type 1 = icon,
 * one image), one directory entry (width and height, no palette, 1 plane, 32 bits,
 * the PNG's length and where it starts) and the PNG itself.
 */
export function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt8(size >= 256 ? 0 : size, 6);
  header.writeUInt8(size >= 256 ? 0 : size, 7);
  header.writeUInt8(0, 8);
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, png]);
}

/** The site's icon: the logo (at `logoPath` in the output), or the drawn sheet on the site's colour. */
export async function favicon(color: string | undefined, logo?: { readonly file: LogoFile; readonly path: string }): Promise<Favicon> {
  const ico = async (source: Buffer) => ({ path: FILES.favicon, content: icoOf(await squarePng(source, ICO_SIZE), ICO_SIZE) });
  if (logo) return { path: logo.path, type: logo.file.type === "png" ? "image/png" : "image/svg+xml", ico: await ico(logo.file.bytes) };
  const drawn = Buffer.from(drawnIcon(color ?? DEFAULT_COLOR));
  const file = { path: `${FILES.assetsFolder}/icon.${sha256(drawn).slice(0, 12)}.svg`, content: drawn };
  return { path: file.path, file, type: "image/svg+xml", ico: await ico(drawn) };
}
