/**
 * Addresses. A release's address comes from its file name and its date, never
 * from its title: /2026/11/27/radwege-am-ring/. Every address is lowercase
 * ASCII (ä→ae, ö→oe, ü→ue, ß→ss). The one module that knows the slug library.
 */
import slugifyLib from "@sindresorhus/slugify";
import type { LocalParts } from "./dates.ts";

/** Longest slug, in characters: addresses stay readable and far below file name limits. */
export const MAX_SLUG = 80;

/** Slugs made in this process: a build asks for the same tags' and departments' slugs thousands of times. */
const made = new Map<string, string>();

export function slugify(text: string): string {
  let slug = made.get(text);
  if (slug === undefined) {
    if (made.size >= 100_000) made.clear();
    made.set(text, (slug = slugOf(text)));
  }
  return slug;
}

function slugOf(text: string): string {
  const slug = slugifyLib(text, {
    lowercase: true,
    decamelize: false,
    separator: "-",
    // The library writes "and" for &, which is English in a German address.
    customReplacements: [["&", " "]],
  });
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const atWord = cut.lastIndexOf("-");
  return (atWord > MAX_SLUG / 2 ? cut.slice(0, atWord) : cut.slice(0, MAX_SLUG)).replace(/-+$/, "");
}

const LEADING_DATE = /^\d{4}-\d{2}-\d{2}(?:[-_ ]+|$)/;

/**
 * The slug of a release from its path inside releases/: the file name without
 * extension (or the folder name for index.md), a leading date removed.
 */
export function releaseSlug(relativePath: string): string {
  const parts = relativePath.split("/");
  let name = parts[parts.length - 1]!.replace(/\.(md|markdown)$/i, "");
  if (name.toLowerCase() === "index" && parts.length > 1) name = parts[parts.length - 2]!;
  const withoutDate = name.replace(LEADING_DATE, "");
  return slugify(withoutDate) || slugify(name) || "mitteilung";
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** /YYYY/MM/DD/slug/ from the release's local date. */
export function releaseUrl(date: LocalParts, slug: string): string {
  return `/${date.year}/${pad(date.month)}/${pad(date.day)}/${slug}/`;
}

/** The published file name of a media file: slugified, extension kept in lowercase. */
export function mediaFileName(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, "") : "";
  const base = slugify(stem) || "datei";
  return ext ? `${base}.${ext}` : base;
}
