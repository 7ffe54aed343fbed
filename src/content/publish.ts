/**
 * The publish rule: a release is public when it is not a draft and its date is
 * not after the build's "now". Everything after this point sees only what this
 * returns; unpublished releases never reach a later stage.
 */
import type { ContentModel, Release } from "./model.ts";

export interface PublishOptions {
  /** The build's clock, milliseconds since the epoch. */
  readonly now: number;
  /** Include drafts (local preview only). Future releases stay out either way. */
  readonly drafts: boolean;
}

export const isPublished = (release: Release, options: PublishOptions): boolean =>
  (!release.draft || options.drafts) && release.date <= options.now;

/** Newest first; releases at the same instant in address order, so output is deterministic. */
export const newestFirst = (a: Release, b: Release): number =>
  b.date - a.date || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

export function publishedReleases(model: ContentModel, options: PublishOptions): Release[] {
  return model.releases.filter((r) => isPublished(r, options)).sort(newestFirst);
}
