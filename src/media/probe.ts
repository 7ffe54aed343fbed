/**
 * Checking every media file before anything is written: its size, that an
 * image is what its name says and decodes completely, and the facts the web
 * versions are planned from. What a photo told is kept in the media cache by
 * the hash of its bytes, so an unchanged photo is not decoded again.
 */
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MediaRef } from "../content/release.ts";
import type { ImageFacts, MediaImage } from "../content/model.ts";
import { extensionOf } from "../content/media.ts";
import { problem, warning, type Location, type Problem } from "../errors/problem.ts";
import { eachLimited } from "../each-limited.ts";
import type { MediaCache } from "./cache.ts";
import type { ImageHeader } from "./sharp.ts";

/**
 * What a probe record was made with. sharp and exif-reader are loaded only
 * when a photo has to be read (a check of unchanged photos needs neither), so
 * the record names sharp's package version, which fixes its libvips.
 */
const PROBE_ENGINE = (() => {
  try {
    const main = fileURLToPath(import.meta.resolve("sharp"));
    const { version } = JSON.parse(readFileSync(path.join(path.dirname(main), "..", "package.json"), "utf8")) as { version: string };
    return `sharp ${version} ${process.platform}-${process.arch}`;
  } catch {
    return `sharp unknown ${process.platform}-${process.arch}`;
  }
})();

/** Larger files are refused: git hosts reject them, and no reader waits for them. */
export const MAX_MEDIA_BYTES = 100 * 1024 * 1024;

/** The format a file's extension promises, as sharp names it, and how to name each format. */
const FORMATS: Record<string, { readonly name: string; readonly extension: string }> = {
  jpeg: { name: "JPEG", extension: "jpg" },
  png: { name: "PNG", extension: "png" },
  webp: { name: "WebP", extension: "webp" },
  gif: { name: "GIF", extension: "gif" },
  avif: { name: "AVIF", extension: "avif" },
  heic: { name: "HEIC", extension: "heic" },
  tiff: { name: "TIFF", extension: "tif" },
};
const PROMISED: Record<string, string> = { jpg: "jpeg", jpeg: "jpeg", png: "png", webp: "webp", gif: "gif", avif: "avif", tif: "tiff", tiff: "tiff" };

/** jpeg, png, …, and for HEIF containers avif or heic. */
const formatOf = (header: ImageHeader): string =>
  header.format === "heif" ? (header.compression === "av1" ? "avif" : "heic") : header.format;

const megabytes = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

interface Probed {
  readonly engine: string;
  readonly facts: Omit<ImageFacts, "hash">;
  readonly cmyk: boolean;
}

/** Read, check and describe one image; problems go to `problems`. */
async function probeImage(media: MediaImage, at: Location, problems: Problem[]): Promise<Probed | undefined> {
  const [{ MAX_INPUT_PIXELS, readHeader, reasonOf, verifyDecodes }, { exifCredit }] = await Promise.all([import("./sharp.ts"), import("./exif.ts")]);
  let header: ImageHeader;
  try {
    header = await readHeader(media.source);
  } catch (error) {
    problems.push(problem("media-unreadable", at, { file: media.file, reason: reasonOf(error) }));
    return undefined;
  }
  if (header.width * header.height > MAX_INPUT_PIXELS) {
    const limit = `${MAX_INPUT_PIXELS / 1_000_000} megapixels`;
    problems.push(problem("image-too-many-pixels", at, { file: media.file, width: header.width, height: header.height, limit }));
    return undefined;
  }
  const actual = formatOf(header);
  if (FORMATS[actual] === undefined) {
    problems.push(problem("media-unreadable", at, { file: media.file, reason: `it is not a photo (the file holds ${actual.toUpperCase()} data)` }));
    return undefined;
  }
  try {
    await verifyDecodes(media.source);
  } catch (error) {
    problems.push(problem("media-unreadable", at, { file: media.file, reason: reasonOf(error, true) }));
    return undefined;
  }
  const credit = exifCredit(header.exif);
  return {
    engine: PROBE_ENGINE,
    cmyk: header.space === "cmyk",
    facts: {
      width: header.width,
      height: header.height,
      format: actual,
      hasAlpha: header.hasAlpha,
      animated: header.pages > 1 && (actual === "gif" || actual === "webp"),
      ...credit,
    },
  };
}

const isProbed = (value: unknown): value is Probed =>
  typeof value === "object" && value !== null && (value as Probed).engine === PROBE_ENGINE && typeof (value as Probed).facts?.width === "number";

export interface ProbeResult {
  readonly problems: Problem[];
  readonly warnings: Problem[];
}

/** Fill in the size of every media file and the facts of every image. */
export async function probeMedia(found: readonly MediaRef[], cache: MediaCache, concurrency = 4): Promise<ProbeResult> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  // The published names of each release's media: a renamed original must not take another's name.
  const names = new Map<string, Set<string>>();
  for (const { file, media } of found) names.set(file, (names.get(file) ?? new Set()).add(media.name));
  await eachLimited(found, concurrency, async ({ file, media }) => {
    const at: Location = { file, ...(media.line !== undefined && { line: media.line }), field: media.field };
    const bytes = (await stat(media.source)).size;
    media.bytes = bytes;
    if (bytes > MAX_MEDIA_BYTES) {
      problems.push(problem("media-too-large", at, { file: media.file, size: megabytes(bytes), limit: megabytes(MAX_MEDIA_BYTES) }));
      return;
    }
    if (media.kind !== "image") return;
    const hash = await cache.sourceHash(media.source);
    const cached = await cache.readRecord("probe", hash);
    let probed = isProbed(cached) ? cached : undefined;
    if (!probed) {
      probed = await probeImage(media, at, problems);
      if (!probed) return;
      await cache.writeRecord("probe", hash, probed);
    }
    // The name is checked on every run: the cache knows the bytes, not what the file is called.
    const promised = PROMISED[extensionOf(media.file)];
    if (probed.facts.format !== promised) {
      const known = FORMATS[probed.facts.format]!;
      const facts = { file: media.file, actual: known.name, extension: extensionOf(media.file), suggested: known.extension, promised: FORMATS[promised!]!.name };
      // Archives hold JPEGs named .png: the web versions are made from the picture itself, and the
      // original is published under a name that says what it is, unless that name is taken.
      const renamed = `${media.name.replace(/\.[^.]+$/, "")}.${known.extension}`;
      const taken = names.get(file)!;
      if (taken.has(renamed)) {
        problems.push(problem("media-format-mismatch", at, facts));
        return;
      }
      taken.add(renamed);
      media.name = renamed;
      warnings.push(warning("media-format-renamed", at, { ...facts, published: renamed }));
    }
    if (probed.cmyk) warnings.push(warning("image-cmyk", at, { file: media.file }));
    media.facts = { ...probed.facts, hash };
  });
  return { problems, warnings };
}
