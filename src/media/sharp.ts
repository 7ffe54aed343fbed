/**
 * The one module that knows sharp: reading an image's header, checking that
 * it decodes, decoding it once into upright sRGB pixels, and encoding the web
 * versions and social cards from those pixels.
 */
import sharp, { type OverlayOptions, type Sharp } from "sharp";

/** Part of every cache key: another sharp or libvips may give other bytes. */
export const ENGINE = `sharp ${sharp.versions.sharp ?? "?"} libvips ${sharp.versions.vips} ${process.platform}-${process.arch}`;

/** Sources larger than this many pixels are refused before decoding (a small file can decode to gigabytes). */
export const MAX_INPUT_PIXELS = 100_000_000;

const NOT_A_PHOTO = "it is not a photo in a format pressroom reads (JPEG, PNG, WebP, GIF, AVIF or TIFF)";

/**
 * What went wrong with an image, in words for a press officer. `headerRead`:
 * its format was recognised already, so a failure to decode is damage, whatever
 * other image's complaint libvips' shared error text holds at that moment.
 */
export function reasonOf(error: unknown, headerRead = false): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return "it has too many pixels";
  if (!headerRead && /unsupported image format|bad seek|not a known file format/i.test(message)) return NOT_A_PHOTO;
  // sharp shares libvips' error text across the process; when another image cleared it, only this sentence is left.
  if (/premature end|truncated|corrupt|invalid|bad|vips|unexpected end|read error|warning treated as error/i.test(message)) {
    return "the file is damaged or incomplete (perhaps cut short while copying)";
  }
  return message.split("\n")[0]!.trim() || "unknown error";
}

export interface ImageHeader {
  /** Upright size (EXIF orientation applied). */
  readonly width: number;
  readonly height: number;
  readonly format: string;
  /** The compression inside a HEIF container: av1 is AVIF, hevc is HEIC. */
  readonly compression?: string;
  /** Colour space: srgb, cmyk, b-w, … */
  readonly space: string;
  readonly hasAlpha: boolean;
  readonly pages: number;
  readonly exif?: Buffer;
}

/** What the file's header says, without decoding its pixels. */
export async function readHeader(file: string): Promise<ImageHeader> {
  const meta = await sharp(file, { limitInputPixels: false }).metadata();
  if (!meta.width || !meta.height || !meta.format) throw new Error("it has no size or format");
  return {
    width: meta.autoOrient?.width ?? meta.width,
    height: meta.autoOrient?.height ?? meta.height,
    format: meta.format,
    ...(meta.compression && { compression: meta.compression }),
    space: meta.space,
    hasAlpha: meta.hasAlpha,
    pages: meta.pages ?? 1,
    ...(meta.exif && { exif: meta.exif }),
  };
}

const reading = (file: string) => sharp(file, { failOn: "warning", limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true });

/** Decode every pixel (at a reduced scale where the format allows), so a truncated or corrupt file fails here. */
export async function verifyDecodes(file: string): Promise<void> {
  await reading(file).resize(64, 64, { fit: "inside" }).raw().toBuffer();
}

/** Upright sRGB pixels, 8 bits per channel, alpha kept: the one decode every web version is made from. */
export interface Pixels {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
}

export async function decodePixels(file: string, maxWidth: number): Promise<Pixels> {
  const { data, info } = await reading(file)
    .autoOrient()
    .resize({ width: maxWidth, withoutEnlargement: true })
    .toColourspace("srgb")
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

export type WebFormat = "webp" | "jpeg" | "png";

export interface EncodeOptions {
  readonly format: WebFormat;
  readonly quality: number;
  /** WebP: 0 (fastest) to 6 (smallest); PNG: the zlib level, 0 to 9. */
  readonly effort: number;
  /** Written into the file's EXIF; nothing else of the source's metadata (no GPS, no camera serial) is. */
  readonly copyright?: string;
  readonly artist?: string;
}

export interface Encoded {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

const fromPixels = (pixels: Pixels) =>
  sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } });

function output(image: Sharp, options: EncodeOptions): Sharp {
  const ifd0: Record<string, string> = {};
  if (options.copyright) ifd0.Copyright = options.copyright;
  if (options.artist) ifd0.Artist = options.artist;
  // The colour space tag says sRGB, which the pixels are (libvips would write "uncalibrated").
  const tagged = image.withExif({ IFD0: ifd0, IFD2: { ColorSpace: "1" } });
  switch (options.format) {
    case "webp":
      return tagged.webp({ quality: options.quality, effort: options.effort });
    case "jpeg":
      return tagged.jpeg({ quality: options.quality, progressive: true });
    case "png":
      return tagged.png({ compressionLevel: options.effort });
  }
}

/** One web version of `pixels`, `width` pixels wide. */
export async function encodeWidth(pixels: Pixels, width: number, options: EncodeOptions): Promise<Encoded> {
  const resized = width < pixels.width ? fromPixels(pixels).resize({ width }) : fromPixels(pixels);
  const { data, info } = await output(resized, options).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A crop of `pixels` to exactly width × height, around what draws the eye (sharp's attention strategy). */
export async function encodeCrop(pixels: Pixels, width: number, height: number, options: EncodeOptions): Promise<Encoded> {
  const image = fromPixels(pixels).resize({ width, height, fit: "cover", position: sharp.strategy.attention });
  const flat = pixels.channels === 4 || pixels.channels === 2 ? image.flatten({ background: "#ffffff" }) : image;
  const { data, info } = await output(flat, options).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export interface TextBlock {
  /** Pango markup, already escaped. */
  readonly markup: string;
  /** Font family and style, e.g. "DejaVu Sans Bold". */
  readonly font: string;
  readonly fontfile?: string;
  /** Font sizes to try, largest first: the first one whose lines fit `maxHeight` is used. */
  readonly sizes: readonly number[];
  readonly left: number;
  readonly top: number;
  /** Lines are wrapped at word boundaries to this width. */
  readonly width: number;
  readonly maxHeight: number;
  /** Lines set flush right, against the block's right edge (text written right to left). */
  readonly align?: "right";
}

/** A block's text as pixels (RGBA), ready to lay on a card. */
interface TextLayer {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/**
 * Lines of text as transparent pixels: the largest size whose lines fit the
 * block, or else the smallest, cut to the block. Words longer than a line
 * (German compounds) are broken between letters rather than run over.
 * Raw pixels, not a PNG: the layer is only ever laid on a card.
 */
async function renderText(block: TextBlock): Promise<TextLayer> {
  let last: TextLayer | undefined;
  for (const size of block.sizes) {
    const { data, info } = await sharp({
      text: {
        text: block.markup,
        font: `${block.font} ${size}`,
        ...(block.fontfile && { fontfile: block.fontfile }),
        width: block.width,
        dpi: 72,
        rgba: true,
        wrap: "word-char",
        ...(block.align && { align: block.align }),
      },
    })
      .raw()
      .toBuffer({ resolveWithObject: true });
    last = { data, width: info.width, height: info.height };
    if (info.height <= block.maxHeight && info.width <= block.width) return last;
  }
  const width = Math.min(last!.width, block.width);
  const height = Math.min(last!.height, block.maxHeight);
  const data = await sharp(last!.data, { raw: { width: last!.width, height: last!.height, channels: 4 } })
    .extract({ left: 0, top: 0, width, height })
    .raw()
    .toBuffer();
  return { data, width, height };
}

/**
 * Layers of blocks that came again, by their block: a department's line is the same on the cards of all its
 * releases, a title is on one card. A layer is kept from the second time its block is asked for, so the titles'
 * layers (up to a megabyte of pixels each) are never kept; a few dozen at most, the oldest goes first.
 */
const seenBlocks = new Set<string>();
const keptLayers = new Map<string, Promise<TextLayer>>();
const SEEN_BLOCKS = 512;
const KEPT_LAYERS = 32;

/** Drops the oldest entries past `size`. */
function trim(entries: Set<string> | Map<string, unknown>, size: number): void {
  if (entries.size > size) entries.delete(entries.keys().next().value!);
}

function textLayer(block: TextBlock): Promise<TextLayer> {
  const key = JSON.stringify(block);
  const kept = keptLayers.get(key);
  if (kept) return kept;
  const drawn = renderText(block);
  if (!seenBlocks.has(key)) {
    trim(seenBlocks.add(key), SEEN_BLOCKS);
    return drawn;
  }
  trim(keptLayers.set(key, drawn), KEPT_LAYERS);
  drawn.catch(() => keptLayers.delete(key));
  return drawn;
}

/** A block's text as a layer at its place: flush right blocks end at the block's right edge. */
async function layerOf(block: TextBlock): Promise<OverlayOptions> {
  const text = await textLayer(block);
  return {
    input: text.data,
    raw: { width: text.width, height: text.height, channels: 4 },
    left: block.align === "right" ? block.left + block.width - text.width : block.left,
    top: block.top,
  };
}

/** An SVG background with blocks of text on it, as pixels: drawn once and shared by many cards. */
export async function drawBackground(svg: string, blocks: readonly TextBlock[]): Promise<Pixels> {
  const layers = await Promise.all(blocks.map(layerOf));
  const { data, info } = await sharp(Buffer.from(svg))
    .composite(layers)
    .flatten({ background: "#ffffff" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** A card: blocks of text (Pango wraps them) on a background. */
export async function drawCard(background: Pixels, blocks: readonly TextBlock[], options: EncodeOptions): Promise<Encoded> {
  const layers = await Promise.all(blocks.map(layerOf));
  const image = fromPixels(background).composite(layers);
  const { data, info } = await output(image, options).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** An SVG or PNG drawn as a square PNG of `size` pixels, its proportions kept on a transparent ground (a favicon). */
export async function squarePng(input: Buffer, size: number): Promise<Buffer> {
  return sharp(input, { density: 300 })
    .resize(size, size, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
