/**
 * The web versions of the photos and the social cards: made on sharp's
 * threads while the build plans and renders the pages, then awaited; a photo
 * that could not be made stops the build with its release's file and line.
 */
import { problem, type Problem } from "../errors/problem.ts";
import type { MediaCache } from "../media/cache.ts";
import type { MediaPlan } from "../media/plan.ts";
import type { ImageOptions } from "../media/recipe.ts";
import { makeImages, type RunStats } from "../media/run.ts";
import type { OutputUpdate } from "../output-folder.ts";
import type { PreviousBuild } from "../previous-build.ts";

export interface PhotoOptions {
  readonly cache: MediaCache;
  readonly images: ImageOptions;
  readonly previous: PreviousBuild;
  readonly signal: AbortSignal;
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Starts the work; its promise never rejects unobserved (the build awaits it in photosDone, or abandons it). */
export function startPhotos(media: MediaPlan, writer: OutputUpdate, options: PhotoOptions): Promise<RunStats> {
  const { previous } = options;
  const work = makeImages(media.work, writer.write, {
    cache: options.cache,
    images: options.images,
    signal: options.signal,
    unchanged: (file) => previous.reusable(file, file),
    ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  work.catch(() => undefined);
  return work;
}

/** Waits for the last photos and cards; the problems of those that could not be made, if any. */
export async function photosDone(work: Promise<RunStats>, media: MediaPlan, previous: PreviousBuild): Promise<{ stats: Omit<RunStats, "failures">; problems: Problem[] }> {
  for (const file of media.paths) previous.keep(file, file);
  const { failures, ...stats } = await work;
  const problems = [...failures].map(([source, reason]) => {
    const owner = media.owners.get(source)!;
    const at = { file: owner.release.file, ...(owner.media.line !== undefined && { line: owner.media.line }), field: owner.media.field };
    return problem("media-unreadable", at, { file: owner.media.file, reason });
  });
  return { stats, problems };
}
