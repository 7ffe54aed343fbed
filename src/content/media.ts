/** The `media` list of a release: files found, kept inside the content folder, images with alt text. */
import path from "node:path";
import { problem, type Location, type Problem } from "../errors/problem.ts";
import type { FileSystem } from "./fs.ts";
import type { Media } from "./model.ts";
import type { MediaData } from "./schema.ts";
import { mediaFileName } from "./slug.ts";

/** Shown on the page, and downloadable in their original quality. */
export const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "webp", "gif", "avif"]);

/**
 * Offered as downloads. Only documents, print-quality images and media: a
 * file that a browser would run (HTML, SVG, XML, scripts) is never published
 * on the site's own address.
 */
export const DOWNLOAD_EXTENSIONS = new Set([
  "pdf", "txt", "csv", "rtf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp",
  "tif", "tiff", "eps", "psd", "heic", "zip", "mp3", "m4a", "wav", "ogg", "mp4", "m4v", "mov", "webm",
]);

const extensionOf = (file: string): string => path.extname(file).slice(1).toLowerCase();

export const isImageFile = (file: string): boolean => IMAGE_EXTENSIONS.has(extensionOf(file));

export function resolveMedia(
  /** An entry that is malformed (already reported) is undefined, so later indexes stay right. */
  entries: readonly (MediaData | undefined)[],
  release: { readonly absolutePath: string; readonly root: string },
  at: (...fieldPath: (string | number)[]) => Location,
  fs: FileSystem,
  problems: Problem[],
): Media[] {
  const out: Media[] = [];
  const names = new Map<string, string>();
  const base = path.dirname(release.absolutePath);
  // A release publishes files of its own folder only, never another release's (perhaps embargoed) media.
  const folder = path.dirname(fs.realFile(release.absolutePath) ?? release.absolutePath);
  entries.forEach((entry, i) => {
    if (entry === undefined) return;
    const file = entry.file;
    const where = at("media", i, "file");
    const hidden = file.split(/[/\\]/).some((segment) => segment.startsWith("."));
    if (path.isAbsolute(file) || /^[a-z]+:/i.test(file) || hidden) {
      problems.push(problem("media-outside", where, { file }));
      return;
    }
    const extension = extensionOf(file);
    if (!IMAGE_EXTENSIONS.has(extension) && !DOWNLOAD_EXTENSIONS.has(extension)) {
      problems.push(problem("media-type", where, { file, extension }));
      return;
    }
    const real = fs.realFile(path.resolve(base, file));
    if (real === undefined) {
      problems.push(problem("media-missing", where, { file }));
      return;
    }
    if (!real.startsWith(release.root + path.sep) || !real.startsWith(folder + path.sep)) {
      problems.push(problem("media-outside", where, { file }));
      return;
    }
    const name = mediaFileName(path.basename(file));
    const other = names.get(name);
    if (other !== undefined) {
      problems.push(problem("media-duplicate", at("media", i, "file"), { file, other }));
      return;
    }
    names.set(name, file);
    const line = at("media", i, "file").line;
    if (isImageFile(file)) {
      if (!entry.alt) {
        problems.push(problem("media-alt-missing", { ...at("media", i), field: `media.${i}.alt` }, { file }));
        return;
      }
      out.push({
        kind: "image",
        source: real,
        file,
        name,
        index: i,
        ...(line !== undefined && { line }),
        alt: entry.alt,
        ...(entry.caption && { caption: entry.caption }),
        ...(entry.credit && { credit: entry.credit }),
      });
    } else {
      out.push({
        kind: "file",
        source: real,
        file,
        name,
        index: i,
        ...(line !== undefined && { line }),
        title: entry.title || path.basename(file),
      });
    }
  });
  return out;
}
