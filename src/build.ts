/**
 * The pipeline: load → validate → resolve → publish → plan → render → swap.
 * `check` stops after validation and writes nothing.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseNow } from "./content/dates.ts";
import { contentExists, loadContent } from "./content/load.ts";
import type { ContentModel } from "./content/model.ts";
import { publishedReleases } from "./content/publish.ts";
import { resolveContent } from "./content/site.ts";
import { LAYOUTS_DIR } from "./eleventy/layouts.ts";
import { problem, ContentError, type Problem } from "./errors/problem.ts";
import { defaults as cacheDefaults, MediaCache } from "./media/cache.ts";
import { planMedia } from "./media/plan.ts";
import { eachLimited } from "./each-limited.ts";
import { probeMedia } from "./media/probe.ts";
import { defaults as imageDefaults } from "./media/recipe.ts";
import { makeImages, type RunStats } from "./media/run.ts";
import { planKit, writeKit, type KitPlan } from "./outputs/media-kit.ts";
import type { Release } from "./content/model.ts";
import { stringsFor } from "./i18n/index.ts";
import { UsageError } from "./errors/usage.ts";
import { checkOutputFolder, discard, stagingFolder, swapIn } from "./output-folder.ts";
import { mediaFiles, siteFiles } from "./outputs/site-files.ts";
import { defaults as planDefaults, planSite } from "./site/plan.ts";
import { FILES } from "./site/files.ts";
import { folderWriter, writeFiles } from "./write-files.ts";

export interface CheckResult {
  readonly model?: ContentModel;
  /** Errors: a build stops on any of them. */
  readonly problems: readonly Problem[];
  /** Worth fixing, but no reason to stop a build. */
  readonly warnings: readonly Problem[];
  /** Text of every content file read, for code frames in reports. */
  readonly sources: ReadonlyMap<string, string>;
}

export interface CheckOptions {
  /** The media cache: what an unchanged photo told last time is not decoded again. Default: read-only, in .cache/pressroom. */
  readonly cache?: MediaCache;
}

/** Validate a content folder completely (including decoding every image); writes nothing but the media cache it is given. */
export async function checkContent(contentDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  if (!(await contentExists(contentDir))) {
    return {
      problems: [problem("content-folder-missing", { file: contentDir }, { dir: contentDir })],
      warnings: [],
      sources: new Map(),
    };
  }
  const cache = options.cache ?? new MediaCache({ ...cacheDefaults, write: false });
  const raw = await loadContent(contentDir);
  const resolved = resolveContent(raw);
  const probed = await probeMedia(resolved.media, cache);
  const problems = [...resolved.problems, ...probed.problems];
  const warnings = [...resolved.warnings, ...probed.warnings];
  if (resolved.partial) {
    // Old addresses must not collide with any page, whenever each release is published.
    const everything = publishedReleases(resolved.partial, { now: Number.POSITIVE_INFINITY, drafts: true });
    problems.push(...planSite(resolved.partial, everything, { ...planDefaults, releaseViews: false }).problems);
  }
  return { ...(problems.length === 0 && resolved.model && { model: resolved.model }), problems, warnings, sources: raw.texts };
}

export interface BuildOptions {
  readonly contentDir: string;
  readonly outDir: string;
  /** The build's clock, as text (site time zone unless it has an offset); default: the current time. */
  readonly now?: string;
  /** Publish drafts too (local preview). */
  readonly drafts?: boolean;
  readonly layoutsDir?: string;
  readonly pageSize?: number;
  /** The media cache folder (default .cache/pressroom, relative to the working folder). */
  readonly cacheDir?: string;
  /** Photos in work at once (default: one per processor). */
  readonly concurrency?: number;
  /** Called as photos are done, for a progress line. */
  readonly onImageProgress?: (done: number, total: number) => void;
}

export interface BuildResult {
  readonly releases: number;
  readonly pages: number;
  readonly mediaFiles: number;
  readonly images: Omit<RunStats, "failures">;
  readonly warnings: readonly Problem[];
  readonly sources: ReadonlyMap<string, string>;
}

export class BuildFailed extends ContentError {
  readonly sources: ReadonlyMap<string, string>;
  constructor(problems: readonly Problem[], sources: ReadonlyMap<string, string>) {
    super(problems);
    this.sources = sources;
  }
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const layoutsDir = options.layoutsDir ?? LAYOUTS_DIR;
  const cache = new MediaCache({ dir: options.cacheDir ?? cacheDefaults.dir, write: true });
  checkOutputFolder(options.outDir, [options.contentDir, layoutsDir, process.cwd(), cache.dir]);
  const checked = await checkContent(options.contentDir, { cache });
  if (!checked.model) throw new BuildFailed(checked.problems, checked.sources);
  const model = checked.model;

  let now = Date.now();
  if (options.now !== undefined) {
    const parsed = parseNow(options.now, model.site.timeZone);
    if (parsed === undefined) throw new UsageError(`--now "${options.now}" is not a date like 2026-11-27T10:30`);
    now = parsed;
  }
  const published = publishedReleases(model, { now, drafts: options.drafts ?? false });
  const media = planMedia(published, model.site, imageDefaults);
  const strings = stringsFor(model.site.language);
  const kits = new Map<Release, KitPlan>();
  for (const release of published) {
    const kit = planKit(release, model.site, strings);
    if (kit) kits.set(release, kit);
  }

  const staging = await stagingFolder(options.outDir);
  const stop = new AbortController();
  let images: ReturnType<typeof makeImages> | undefined;
  try {
    const writer = folderWriter(staging);
    // Kits first: the pages print their sizes.
    const kitBytes = new Map<Release, number>();
    await eachLimited([...kits], 4, async ([release, kit]) => {
      const target = await writer.prepare(kit.path);
      await writeKit(target, kit);
      kitBytes.set(release, (await stat(target)).size);
    });
    const plan = planSite(model, published, {
      ...planDefaults,
      ...(options.pageSize && { pageSize: options.pageSize }),
      media: (release) => {
        const kit = kits.get(release);
        const card = media.cards.get(release);
        return {
          photos: media.photos,
          ...(card && { card }),
          ...(kit && { kit: { path: kit.path, files: kit.files, bytes: kitBytes.get(release)! } }),
        };
      },
      reserved: [...media.paths, ...[...kits.values()].map((k) => k.path)],
    });
    if (plan.problems.length > 0) throw new BuildFailed(plan.problems, checked.sources);

    // Photos are encoded on sharp's threads while the pages render on this one.
    images = makeImages(media.work, writer.write, {
      cache,
      images: imageDefaults,
      signal: stop.signal,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      ...(options.onImageProgress && { onProgress: options.onImageProgress }),
    });
    images.catch(() => undefined);
    const css = await readFile(path.join(layoutsDir, FILES.stylesheet));
    const stylesheet = `${model.site.basePath}/${FILES.stylesheet}?v=${createHash("sha256").update(css).digest("hex").slice(0, 10)}`;
    const { renderSite } = await import("./eleventy/render.ts");
    const pages = await renderSite(plan, staging, { layoutsDir, stylesheet });
    const originals = mediaFiles(published);
    await writeFiles(staging, [...pages, ...siteFiles(plan, css), ...originals]);
    const { failures, ...stats } = await images;
    if (failures.size > 0) {
      const problems = [...failures].map(([source, reason]) => {
        const owner = media.owners.get(source)!;
        const at = { file: owner.release.file, ...(owner.media.line !== undefined && { line: owner.media.line }), field: owner.media.field };
        return problem("media-unreadable", at, { file: owner.media.file, reason });
      });
      throw new BuildFailed(problems, checked.sources);
    }
    await swapIn(staging, options.outDir);
    return {
      releases: published.length,
      pages: pages.length,
      mediaFiles: originals.length,
      images: stats,
      warnings: checked.warnings,
      sources: checked.sources,
    };
  } catch (error) {
    // Photos still in work must not write into the folder after it is gone.
    stop.abort();
    await images?.catch(() => undefined);
    await discard(staging);
    throw error;
  }
}
