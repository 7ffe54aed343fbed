/** The `media` list of a release: files found, kept inside the content folder, images with alt text. */
import path from "node:path";
import { problem, type Location, type Problem } from "../errors/problem.ts";
import type { FileSystem } from "./fs.ts";
import type { Media } from "./model.ts";
import type { MediaData } from "./schema.ts";
import { mediaFileName } from "./slug.ts";

export const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "webp", "gif", "avif", "tif", "tiff"]);

export const isImageFile = (file: string): boolean =>
  IMAGE_EXTENSIONS.has(path.extname(file).slice(1).toLowerCase());

export function resolveMedia(
  entries: readonly MediaData[],
  release: { readonly absolutePath: string; readonly root: string },
  at: (...fieldPath: (string | number)[]) => Location,
  fs: FileSystem,
  problems: Problem[],
): Media[] {
  const out: Media[] = [];
  const names = new Map<string, string>();
  const base = path.dirname(release.absolutePath);
  entries.forEach((entry, i) => {
    const file = entry.file;
    if (path.isAbsolute(file) || /^[a-z]+:/i.test(file)) {
      problems.push(problem("media-outside", at("media", i, "file"), { file }));
      return;
    }
    const real = fs.realFile(path.resolve(base, file));
    if (real === undefined) {
      problems.push(problem("media-missing", at("media", i, "file"), { file }));
      return;
    }
    if (!real.startsWith(release.root + path.sep)) {
      problems.push(problem("media-outside", at("media", i, "file"), { file }));
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
        ...(line !== undefined && { line }),
        title: entry.title || path.basename(file),
      });
    }
  });
  return out;
}
