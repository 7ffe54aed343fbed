/**
 * The photos and files of a release: the `media` list and the images its body
 * places. Files are found, kept inside the release's own folder, and photos
 * need alternative text.
 */
import path from "node:path";
import { problem, warning, type Location, type Problem } from "../errors/problem.ts";
import type { BodyImage } from "../markdown/images.ts";
import type { FileSystem } from "./fs.ts";
import type { Media, MediaImage } from "./model.ts";
import { commentedEmpty, type MediaData } from "./schema.ts";
import { isExternalImage } from "../markdown/render.ts";
import { mediaFileName } from "./slug.ts";
import { closest } from "./suggest.ts";

/** Shown on the page (as web versions), and downloadable in their original quality. TIFF is a photographer's print original. */
export const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "webp", "gif", "avif", "tif", "tiff"]);

/**
 * Offered as downloads. Only documents, print-quality images and media: a
 * file that a browser would run (HTML, SVG, XML, scripts) is never published
 * on the site's own address.
 */
export const DOWNLOAD_EXTENSIONS = new Set([
  "pdf", "txt", "csv", "rtf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp",
  "eps", "psd", "heic", "zip", "mp3", "m4a", "wav", "ogg", "mp4", "m4v", "mov", "webm",
]);

export const extensionOf = (file: string): string => path.extname(file).slice(1).toLowerCase();

export const isImageFile = (file: string): boolean => IMAGE_EXTENSIONS.has(extensionOf(file));

interface ReleasePaths {
  readonly absolutePath: string;
  /** Real path of the content folder. */
  readonly root: string;
  /** Every folder that holds a release file: another release's folder is never this release's to publish from. */
  readonly releaseFolders: ReadonlySet<string>;
  /** The release file's text, for the line of a field. */
  readonly text: string;
}

type Found = { readonly real: string } | { readonly code: "media-outside" | "media-type" | "media-missing"; readonly extension: string };

/** Where a file named in a release really is, if it may be published. */
function findFile(file: string, release: ReleasePaths, fs: FileSystem): Found {
  const extension = extensionOf(file);
  const hidden = file.split(/[/\\]/).some((segment) => segment.startsWith("."));
  if (path.isAbsolute(file) || /^[a-z]+:/i.test(file) || hidden) return { code: "media-outside", extension };
  if (!IMAGE_EXTENSIONS.has(extension) && !DOWNLOAD_EXTENSIONS.has(extension)) return { code: "media-type", extension };
  const real = fs.realFile(path.resolve(path.dirname(release.absolutePath), file));
  if (real === undefined) return { code: "media-missing", extension };
  // A release publishes files of its own folder only, never another release's (perhaps embargoed) media.
  const folder = path.dirname(fs.realFile(release.absolutePath) ?? release.absolutePath);
  if (!real.startsWith(release.root + path.sep) || !real.startsWith(folder + path.sep)) return { code: "media-outside", extension };
  // A release file beside others (a year folder) must not reach into a folder of another, perhaps embargoed, release.
  for (let dir = path.dirname(real); dir !== folder && dir.startsWith(folder + path.sep); dir = path.dirname(dir)) {
    if (release.releaseFolders.has(dir)) return { code: "media-outside", extension };
  }
  return { real };
}

/** A photo or download of a release resolved before is still the file it was: every address it is named by finds it. */
export function stillFound(media: Media, release: ReleasePaths, fs: FileSystem): boolean {
  const names = [media.file, ...(media.kind === "image" ? media.bodySources.map(localImagePath).filter((file) => file !== undefined) : [])];
  return names.every((file) => {
    const found = findFile(file, release, fs);
    return "real" in found && found.real === media.source;
  });
}

/** Files beside the one named that it may have meant: `Foto.JPG` for `foto.jpg`, a letter or two apart. */
function similarFiles(file: string, release: ReleasePaths, fs: FileSystem): string[] {
  const folder = path.dirname(file.replaceAll("\\", "/"));
  const names = (fs.filesIn?.(path.resolve(path.dirname(release.absolutePath), folder)) ?? []).filter(
    (name) => !name.startsWith(".") && (IMAGE_EXTENSIONS.has(extensionOf(name)) || DOWNLOAD_EXTENSIONS.has(extensionOf(name))),
  );
  return closest(path.basename(file), names).map((name) => (folder === "." ? name : `${folder}/${name}`));
}

function reportNotFound(found: Exclude<Found, { real: string }>, file: string, where: Location, release: ReleasePaths, fs: FileSystem, problems: Problem[]): void {
  if (found.code === "media-type") problems.push(problem("media-type", where, { file, extension: found.extension }));
  else if (found.code === "media-missing") problems.push(problem("media-missing", where, { file, suggestions: similarFiles(file, release, fs) }));
  else problems.push(problem(found.code, where, { file }));
}

/**
 * A photo without alt text. `alt: #Stadtfest am Hafen` is one too, to YAML (a value that starts with # is a
 * comment): then said at that line, with the line in quotes as the fix, not as an alt text never written.
 */
function altMissing(at: (...fieldPath: (string | number)[]) => Location, i: number, file: string, text: string): Problem {
  const where = at("media", i, "alt");
  const row = where.line === undefined ? undefined : text.split("\n", where.line)[where.line - 1];
  return commentedEmpty(where, `media.${i}.alt`, row) ?? problem("media-alt-missing", { ...at("media", i), field: `media.${i}.alt` }, { file });
}

export function resolveMedia(
  /** An entry that is malformed (already reported) is undefined, so later indexes stay right. */
  entries: readonly (MediaData | undefined)[],
  release: ReleasePaths,
  at: (...fieldPath: (string | number)[]) => Location,
  fs: FileSystem,
  problems: Problem[],
): Media[] {
  const out: Media[] = [];
  const names = new Map<string, string>();
  entries.forEach((entry, i) => {
    if (entry === undefined) return;
    const file = entry.file;
    const where = at("media", i, "file");
    const found = findFile(file, release, fs);
    if (!("real" in found)) {
      reportNotFound(found, file, where, release, fs, problems);
      return;
    }
    const name = mediaFileName(path.basename(file));
    const other = names.get(name);
    if (other !== undefined) {
      problems.push(problem("media-duplicate", where, { file, other }));
      return;
    }
    names.set(name, file);
    const common = {
      source: found.real,
      file,
      name,
      ...(where.line !== undefined && { line: where.line }),
      field: where.field!,
    };
    if (isImageFile(file)) {
      if (!entry.alt) {
        problems.push(altMissing(at, i, file, release.text));
        return;
      }
      out.push({
        kind: "image",
        ...common,
        alt: entry.alt,
        ...(entry.caption && { caption: entry.caption }),
        ...(entry.credit && { credit: entry.credit }),
        listed: true,
        bodySources: [],
      });
    } else {
      out.push({ kind: "file", ...common, title: entry.title || path.basename(file) });
    }
  });
  return out;
}

/** An address from the root of a site (/news/images/a.jpg), not one on another website (//host/a.jpg). */
export const isSiteAbsolute = (src: string): boolean => /^\/(?![/\\])/.test(src.trim());

/** The local file an image address in a body names, or undefined for an address on the web. */
export function localImagePath(src: string): string | undefined {
  const address = src.trim();
  if (address === "" || /^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith("/") || address.startsWith("#")) return undefined;
  const withoutQuery = address.replace(/[?#].*$/, "");
  try {
    return decodeURIComponent(withoutQuery);
  } catch {
    return withoutQuery;
  }
}

/**
 * The photos a body places from the release's own folder, added to `media`
 * (a photo also listed there keeps its entry, with alt text, caption and
 * credit). Addresses on the web stay as they are. An image without alt text
 * is a warning, not an error: migrated archives have thousands.
 */
export function resolveBodyImages(
  images: readonly BodyImage[],
  media: Media[],
  release: ReleasePaths,
  at: (line: number) => Location,
  fs: FileSystem,
  problems: Problem[],
  warnings: Problem[],
): void {
  for (const image of images) {
    const where = at(image.line);
    const noAlt = image.alt === undefined || image.alt.trim() === "";
    const file = localImagePath(image.src);
    if (isSiteAbsolute(image.src)) {
      // An address of the old site (/news/images/…): nothing in the content folder is published there.
      const name = path.posix.basename(localImagePath(image.src.trim().slice(1)) ?? image.src);
      const beside = fs.realFile(path.resolve(path.dirname(release.absolutePath), name)) !== undefined && isImageFile(name);
      problems.push(problem("image-site-absolute", where, { src: image.src, name, beside }));
      continue;
    }
    if (file === undefined) {
      // Shown as a link (markdown/render.ts), named by its alt text or its address.
      if (isExternalImage(image.src)) warnings.push(warning("image-external", where, { src: image.src }));
      else if (noAlt) warnings.push(warning("image-alt-missing-inline", where, { src: image.src, html: image.html === true }));
      continue;
    }
    const found = findFile(file, release, fs);
    if (!("real" in found)) {
      reportNotFound(found, file, where, release, fs, problems);
      continue;
    }
    if (!isImageFile(file)) {
      problems.push(problem("media-type", where, { file, extension: extensionOf(file) }));
      continue;
    }
    const known = media.findIndex((m) => m.source === found.real);
    if (known !== -1) {
      // Listed under media too, or placed twice: the page uses the entry's alt text where the body has none.
      const m = media[known]!;
      if (m.kind === "image" && !m.bodySources.includes(image.src)) media[known] = { ...m, bodySources: [...m.bodySources, image.src] };
      continue;
    }
    if (noAlt) warnings.push(warning("image-alt-missing-inline", where, { src: file, html: image.html === true }));
    const name = mediaFileName(path.basename(file));
    const other = media.find((m) => m.name === name);
    if (other !== undefined) {
      problems.push(problem("media-duplicate", where, { file, other: other.file }));
      continue;
    }
    const photo: MediaImage = {
      kind: "image",
      source: found.real,
      file,
      name,
      ...(where.line !== undefined && { line: where.line }),
      field: where.field!,
      alt: image.alt ?? "",
      ...(image.title && { caption: image.title }),
      listed: false,
      bodySources: [image.src],
    };
    media.push(photo);
  }
}
