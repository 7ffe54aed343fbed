/**
 * The publish rule: a release is public when it is not a draft and its date is
 * not after the build's "now". Everything after this point sees only what this
 * returns; unpublished releases never reach a later stage.
 */
import type { ContentModel, Release, Translation } from "./model.ts";
import { inCodeUnitOrder } from "../compare.ts";

export interface PublishOptions {
  /** The build's clock, milliseconds since the epoch. */
  readonly now: number;
  /** Include drafts (local preview only). */
  readonly drafts: boolean;
  /** The local preview: drafts and future releases too, every release of the content. */
  readonly preview?: boolean;
}

export const isPublished = (release: Release, options: PublishOptions): boolean =>
  options.preview === true || ((!release.draft || options.drafts) && release.date <= options.now);

/** A withdrawal takes effect at its date: before it, the release is listed as any other. */
export const isWithdrawn = (release: Release, now: number): boolean =>
  release.withdrawn !== undefined && release.withdrawn.date <= now;

/** Newest first; releases at the same instant in address order, so output is deterministic. */
export const newestFirst = (a: Release, b: Release): number => b.date - a.date || inCodeUnitOrder(a.url, b.url);

/** Soonest first, then in address order. */
export const oldestFirst = (a: Release, b: Release): number => a.date - b.date || inCodeUnitOrder(a.url, b.url);

export function publishedReleases(model: ContentModel, options: PublishOptions): Release[] {
  return model.releases.filter((r) => isPublished(r, options)).sort(newestFirst);
}

const within = (instant: number | undefined, since: number, now: number): boolean =>
  instant !== undefined && instant > since && instant <= now;

/**
 * Releases that went public, or were withdrawn, in (since, now]: what a
 * scheduled build must publish. Drafts never do.
 */
export const dueBetween = (model: ContentModel, since: number, now: number): Release[] =>
  model.releases.filter((r) => !r.draft && (within(r.date, since, now) || within(r.withdrawn?.date, since, now))).sort(oldestFirst);

/** Releases waiting for their time (embargoes), soonest first. */
export const waiting = (model: ContentModel, now: number): Release[] =>
  model.releases.filter((r) => !r.draft && r.date > now).sort(oldestFirst);

/** Withdrawals waiting for their time, soonest first. */
export const withdrawalsWaiting = (model: ContentModel, now: number): Release[] =>
  model.releases
    .filter((r) => !r.draft && r.withdrawn !== undefined && r.withdrawn.date > now)
    .sort((a, b) => a.withdrawn!.date - b.withdrawn!.date || inCodeUnitOrder(a.url, b.url));

/** Drafts, whatever their date, in file order. */
export const drafts = (model: ContentModel): Release[] =>
  model.releases.filter((r) => r.draft).sort((a, b) => inCodeUnitOrder(a.file, b.file));

/**
 * The translations of the published releases, each original's in the order site.yaml lists the languages:
 * a translation is public exactly when its original is (draft, embargo; a withdrawal withdraws it too), and its
 * own `draft: true` keeps just it back. Originals without a public translation are not in the map.
 */
export function publishedTranslations(model: ContentModel, published: readonly Release[], options: PublishOptions): Map<Release, Translation[]> {
  const out = new Map<Release, Translation[]>();
  if (!model.translations?.length) return out;
  const byFile = new Map(published.map((r) => [r.file, r]));
  const order = new Map(model.site.languages.map((l, i) => [l.tag, i]));
  for (const translation of model.translations) {
    const original = byFile.get(translation.original);
    if (original === undefined || (translation.draft && !options.drafts && options.preview !== true)) continue;
    out.set(original, [...(out.get(original) ?? []), translation]);
  }
  for (const list of out.values()) list.sort((a, b) => order.get(a.language)! - order.get(b.language)!);
  return out;
}
