/**
 * The pipeline: load → validate → resolve → publish → plan → render → commit.
 * `check` stops after validation and writes nothing. Each step is a module
 * of build/; `build()` below is the list of them, in order.
 */
import { clockOf } from "./content/dates.ts";
import { publishedReleases } from "./content/publish.ts";
import { LAYOUTS_DIR } from "./eleventy/layouts.ts";
import { ContentError, type Problem } from "./errors/problem.ts";
import { checkContent, type CheckResult } from "./check.ts";
import { defaults as cacheDefaults, MediaCache } from "./media/cache.ts";
import { planMedia } from "./media/plan.ts";
import { defaults as imageDefaults, type ImageOptions } from "./media/recipe.ts";
import type { RunStats } from "./media/run.ts";
import type { ContentModel, Release } from "./content/model.ts";
import type { KitPlan } from "./outputs/media-kit.ts";
import type { MediaPlan } from "./media/plan.ts";
import { checkOutputFolder, OutputUpdate } from "./output-folder.ts";
import type { LocalEditorTarget } from "./outputs/admin.ts";
import { defaults as planDefaults, planSite, type SitePlan } from "./site/plan.ts";
import type { OutputFile } from "./write-files.ts";
import { PreviousBuild } from "./previous-build.ts";
import { BodyCache } from "./markdown/body-cache.ts";
import { codeFingerprint } from "./fingerprint.ts";
import { siteAssets, type SiteAssets } from "./build/assets.ts";
import { writeDescription } from "./build/description.ts";
import { planKits, writeKits } from "./build/kits.ts";
import { writeOtherFiles } from "./build/other-files.ts";
import { renderPages } from "./build/pages.ts";
import { photosDone, startPhotos } from "./build/photos.ts";
import { searchIndex } from "./build/search-index.ts";
import { stage } from "./build/timings.ts";

export { checkContent, type CheckOptions, type CheckResult } from "./check.ts";

export interface BuildOptions {
  readonly contentDir: string;
  readonly outDir: string;
  /** The build's clock, as text (site time zone unless it has an offset); default: the current time. */
  readonly now?: string;
  /** The preview (`pressroom serve`, `build --preview`): drafts and embargoed releases too, each with a banner; marked in the manifest, never deployed. */
  readonly preview?: boolean;
  readonly layoutsDir?: string;
  readonly pageSize?: number;
  /** Releases per shard of the search index (default search/shards.ts SHARD_SIZE). */
  readonly searchShardSize?: number;
  /** The media cache folder (default .cache/pressroom, relative to the working folder). */
  readonly cacheDir?: string;
  /** Photos in work at once (default: one per processor). */
  readonly concurrency?: number;
  /** Sizes, formats and cards of the web versions (default: the built-in recipe). */
  readonly images?: ImageOptions;
  /**
   * The local editor (`pressroom edit`): admin/ is built to save at `url` (the preview's own `/admin/api/v1`)
   * on `branch`, whatever site.yaml's `editor:` says.
   */
  readonly localEditor?: LocalEditorTarget;
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
  /** The content and the build's clock: what still waits for its time is told after the build. */
  readonly model: ContentModel;
  readonly now: number;
}

export class BuildFailed extends ContentError {
  readonly sources: ReadonlyMap<string, string>;
  constructor(problems: readonly Problem[], sources: ReadonlyMap<string, string>) {
    super(problems);
    this.sources = sources;
  }
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  stage("start");
  const layoutsDir = options.layoutsDir ?? LAYOUTS_DIR;
  const cache = new MediaCache({ dir: options.cacheDir ?? cacheDefaults.dir, write: true });
  checkOutputFolder(options.outDir, [options.contentDir, layoutsDir, process.cwd(), cache.dir]);
  const checked = await loadAndCheck(options, cache);
  const model = checked.model;
  stage("load and check");

  const now = clockOf(options.now, model.site.timeZone);
  const preview = options.preview ?? false;
  const published = publishedReleases(model, { now, drafts: false, preview });
  const images = options.images ?? imageDefaults;
  const media = planMedia(published, model.site, images, now);
  const kits = planKits(published, model.site);
  // What the last build into this folder wrote: files whose inputs are the same stay as they are, not made again.
  const previous = await PreviousBuild.open(cache, options.outDir);
  const bodies = await BodyCache.open(cache, codeFingerprint(), model.site.language);

  const writer = await OutputUpdate.begin(options.outDir);
  const stop = new AbortController();
  let photos: Promise<RunStats> | undefined;
  let search: Promise<OutputFile[]> | undefined;
  try {
    // Photos and cards are made on sharp's threads while this one plans and renders the pages.
    photos = startPhotos(media, writer, {
      cache,
      images,
      previous,
      signal: stop.signal,
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      ...(options.onImageProgress && { onProgress: options.onImageProgress }),
    });
    // Kits first: the pages print their sizes.
    const kitBytes = await writeKits(kits, previous, writer);
    await bodies.renderAll(published.map((release) => release.body));
    const assets = await siteAssets(checked.theme, model.site, cache.dir, layoutsDir);
    const plan = planPages(model, published, { options, now, preview, media, kits, kitBytes, bodies: bodies.html, assets });
    if (plan.problems.length > 0) throw new BuildFailed(plan.problems, checked.sources);
    stage("plan (bodies, kits)");

    // Pagefind indexes in a process of its own while this one renders the pages.
    search = searchIndex(plan, options.searchShardSize, previous);
    search.catch(() => undefined);
    const pages = await renderPages(plan, { layoutsDir: assets.layouts, assets: assets.shared, previous, writer, outDir: writer.root });
    stage("pages");
    const searchFiles = await search;
    stage("search index (remaining)");
    const others = await writeOtherFiles(
      { model, published, plan, pages, assets: assets.files, search: searchFiles, contentDir: options.contentDir, ...(options.localEditor && { localEditor: options.localEditor }) },
      previous,
      writer,
    );
    stage("write");
    const made = await photosDone(photos, media, previous);
    if (made.problems.length > 0) throw new BuildFailed(made.problems, checked.sources);
    stage("images (remaining)");
    await writeDescription({ plan, now, preview, ...(others.admin && { admin: others.admin }) }, previous, writer);
    stage("headers and manifest");
    await writer.commit();
    stage("commit");
    await Promise.all([previous.save(cache, writer.hashes), bodies.save(cache)]);
    stage("save caches");
    return {
      releases: published.length,
      pages: pages.kept.length + pages.written.length,
      mediaFiles: others.originals,
      images: made.stats,
      warnings: checked.warnings,
      sources: checked.sources,
      model,
      now,
    };
  } catch (error) {
    // Photos still in work must not write into the folder after it is left as it was.
    stop.abort();
    await photos?.catch(() => undefined);
    await search?.catch(() => undefined);
    await writer.abort();
    throw error;
  }
}

/** The content, loaded and checked; a build stops here on any problem. */
async function loadAndCheck(options: BuildOptions, cache: MediaCache): Promise<CheckResult & { readonly model: ContentModel }> {
  const checked = await checkContent(options.contentDir, { cache, clock: { ...(options.now !== undefined && { now: options.now }) } });
  if (!checked.model) throw new BuildFailed(checked.problems, checked.sources);
  return { ...checked, model: checked.model };
}

interface PageInputs {
  readonly options: BuildOptions;
  readonly now: number;
  readonly preview: boolean;
  readonly media: MediaPlan;
  readonly kits: ReadonlyMap<Release, KitPlan>;
  readonly kitBytes: ReadonlyMap<Release, number>;
  readonly bodies: (source: string) => string;
  readonly assets: SiteAssets;
}

/** The site plan (site/plan.ts) with what the media, the kits and the assets made. */
function planPages(model: ContentModel, published: readonly Release[], inputs: PageInputs): SitePlan {
  const { options, media, kits, kitBytes, assets } = inputs;
  return planSite(model, published, {
    ...planDefaults,
    now: inputs.now,
    preview: inputs.preview,
    ...(options.searchShardSize && { searchShardSize: options.searchShardSize }),
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
    bodies: inputs.bodies,
    reserved: [...media.paths, ...[...kits.values()].map((k) => k.path), ...assets.files.map((file) => file.path)],
    ...(assets.logoUrl && { logoUrl: assets.logoUrl }),
  });
}
