/**
 * What the build makes of each photo: the widths and formats of its web
 * versions, their file names, and the key that identifies them in the cache.
 * Pure: from the facts of a photo to a plan, before any pixel is touched.
 */
import { sha256 } from "./cache.ts";
import { ENGINE, type WebFormat } from "./sharp.ts";
import { FILES } from "../site/files.ts";

/** Raise when the same options would give other bytes (a change of code, not of settings): old cache entries are then unused. */
export const RECIPE_VERSION = 2;

export interface ImageOptions {
  /** Widths of the web versions, in pixels; never wider than the original. */
  readonly widths: readonly number[];
  readonly webp: { readonly quality: number; readonly effort: number };
  readonly jpeg: { readonly quality: number };
  readonly png: { readonly compressionLevel: number };
  readonly card: {
    readonly width: number;
    readonly height: number;
    readonly quality: number;
    /**
     * Releases without a photo published at most this many days before the
     * build get a card with their title; older ones share their lead
     * department's card. A card costs ~15 ms of a processor; an archive of
     * 36,000 releases would spend ten minutes on cards nobody shares.
     */
    readonly titleDays: number;
  };
  /** Folder of the output that holds every web version and card. */
  readonly folder: string;
}

export const defaults = {
  widths: [480, 960, 1600],
  // Measured here, 3000 × 2000 photos to 1600 px (README, "Photos"): effort 2 takes 64 ms for 103 KB,
  // effort 4 173 ms for 96 KB at the same PSNR. AVIF (q50, effort 0) halves the bytes at twice the build
  // time, and browsers older than iOS 16 cannot show it; WebP reaches back to iOS 14.
  webp: { quality: 80, effort: 2 },
  jpeg: { quality: 82 },
  png: { compressionLevel: 9 },
  card: { width: 1200, height: 630, quality: 82, titleDays: 366 },
  folder: FILES.imagesFolder,
} satisfies ImageOptions;

/** WebP holds at most 16383 pixels a side; a taller image (an infographic) is made narrower to fit. */
export const MAX_HEIGHT = 16_383;

/** A version narrower than this share of the next one is not worth a file of its own. */
const MIN_STEP = 0.9;

export function widthsFor(original: number, widths: readonly number[]): number[] {
  const top = Math.min(original, Math.max(...widths));
  const below = widths.filter((w) => w < top && w <= original * MIN_STEP);
  return [...new Set([...below, top])].sort((a, b) => a - b);
}

const EXTENSION: Record<WebFormat, string> = { webp: "webp", jpeg: "jpg", png: "png" };

export interface Version {
  readonly format: WebFormat;
  readonly width: number;
  /** Output path, relative to the output folder. */
  readonly path: string;
  /** Name of the file in the cache entry. */
  readonly entryName: string;
}

export interface PhotoFacts {
  readonly hash: string;
  readonly width: number;
  readonly height: number;
  readonly hasAlpha: boolean;
  readonly animated: boolean;
}

export interface Credit {
  readonly copyright?: string;
  readonly artist?: string;
}

export interface PhotoPlan {
  readonly key: string;
  readonly source: string;
  /** Upright size of the largest version: the page's width and height attributes. */
  readonly width: number;
  readonly height: number;
  readonly formats: readonly WebFormat[];
  readonly versions: readonly Version[];
  readonly credit: Credit;
  /** Width to decode the source at: the largest version, or the card's width where the photo allows. */
  readonly decodeWidth: number;
}

const shortKey = (key: string): string => key.slice(0, 12);

/** The output path of a file derived from `key`: sharded by the key, named for people, hashed for caches. */
export const derivedPath = (options: ImageOptions, key: string, stem: string, suffix: string, extension: string): string =>
  `${options.folder}/${key.slice(0, 2)}/${stem}-${suffix}.${shortKey(key)}.${extension}`;

/**
 * The web versions of one photo. `stem` is its published name without
 * extension. An animated GIF or WebP has none: it is shown as it is.
 */
export function planPhoto(source: string, stem: string, facts: PhotoFacts, credit: Credit, options: ImageOptions): PhotoPlan {
  // The widest each version may be so that none is taller than MAX_HEIGHT.
  const fits = Math.max(1, Math.floor((MAX_HEIGHT * facts.width) / facts.height));
  const usable = Math.min(facts.width, fits);
  const widths = widthsFor(usable, options.widths);
  const formats: WebFormat[] = facts.animated ? [] : ["webp", facts.hasAlpha ? "png" : "jpeg"];
  const key = sha256(
    JSON.stringify({ recipe: RECIPE_VERSION, engine: ENGINE, source: facts.hash, widths, formats, webp: options.webp, jpeg: options.jpeg, png: options.png, credit }),
  );
  const versions = formats.flatMap((format) =>
    widths.map((width) => ({
      format,
      width,
      path: derivedPath(options, key, stem, String(width), EXTENSION[format]),
      entryName: `${width}.${EXTENSION[format]}`,
    })),
  );
  const top = widths[widths.length - 1]!;
  return {
    key,
    source,
    width: top,
    height: Math.max(1, Math.round((facts.height * top) / facts.width)),
    formats,
    versions,
    credit,
    decodeWidth: Math.min(usable, Math.max(top, options.card.width)),
  };
}

/** A photo too small or moving for a sharp 1200 × 630 card: the release gets a title card instead. */
export const suitsCard = (facts: PhotoFacts, options: ImageOptions): boolean =>
  !facts.animated && facts.width >= options.card.width / 2 && facts.height >= options.card.height / 2;
