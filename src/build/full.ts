/**
 * A build that has something to do: load → validate → resolve → publish →
 * plan → render → commit, each step a module of build/. build.ts calls it
 * when the output is not up to date (up-to-date.ts).
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import { clockOf } from "../content/dates.ts";
import { publishedReleases, publishedTranslations } from "../content/publish.ts";
import { checkContent, type CheckResult } from "../check.ts";
import type { MediaCache } from "../media/cache.ts";
import { planMedia } from "../media/plan.ts";
import { defaults as imageDefaults } from "../media/recipe.ts";
import type { RunStats } from "../media/run.ts";
import type { ContentModel, Release } from "../content/model.ts";
import type { KitPlan } from "../outputs/media-kit.ts";
import type { MediaPlan } from "../media/plan.ts";
import { OutputUpdate } from "../output-folder.ts";
import { OutputScan } from "../output-scan.ts";
import { defaults as planDefaults, planSite, planViews, type PlanOptions } from "../site/plan.ts";
import type { OutputFile } from "../write-files.ts";
import { PreviousBuild } from "../previous-build.ts";
import { BodyCache } from "../markdown/body-cache.ts";
import { codeFingerprint } from "../fingerprint.ts";
import { BuildFailed, type BuildOptions, type BuildResult } from "./options.ts";
import { siteAssets, type SiteAssets } from "./assets.ts";
import { writeDescription } from "./description.ts";
import { planKits, writeKits } from "./kits.ts";
import { writeOtherFiles } from "./other-files.ts";
import { renderPages } from "./pages.ts";
import { photosDone, startPhotos } from "./photos.ts";
import { searchIndex } from "./search-index.ts";
import { stage } from "./timings.ts";
import { quietSpan, recordStamp, type BuildSummary, type StampInputs } from "./up-to-date.ts";
import { waitingAt } from "../content/waiting.ts";
import type { Problem } from "../errors/problem.ts";
import { localize } from "../errors/report.ts";
import type { Language } from "../i18n/strings.ts";
import type { PreviewNote } from "../site/views.ts";

export async function fullBuild(options: BuildOptions, layoutsDir: string, cache: MediaCache, inputs: StampInputs): Promise<BuildResult> {
  // The old output is read on a thread of its own while this one loads the content.
  const scan = OutputScan.start(options.outDir);
  try {
    return await buildWith(scan, options, layoutsDir, cache, inputs);
  } finally {
    scan?.close();
  }
}

async function buildWith(scan: OutputScan | undefined, options: BuildOptions, layoutsDir: string, cache: MediaCache, inputs: StampInputs): Promise<BuildResult> {
  const checked = await loadAndCheck(options, cache);
  const model = checked.model;
  stage("load and check");

  const now = clockOf(options.now, model.site.timeZone);
  const preview = options.preview ?? false;
  const published = publishedReleases(model, { now, drafts: false, preview });
  const images = options.images ?? imageDefaults;
  const media = planMedia(published, model.site, images, now, publishedTranslations(model, published, { now, drafts: preview, ...(preview && { preview }) }));
  const kits = planKits(published, model.site);
  // What the last build into this folder wrote: files whose inputs are the same stay as they are, not made again.
  const previous = await PreviousBuild.open(cache, options.outDir, scan);
  const bodies = await BodyCache.open(cache, codeFingerprint(), model.site.language);

  const writer = await OutputUpdate.begin(options.outDir, (file) => previous.factsOf(file), scan);
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
    const planOptions = {
      ...planOptionsOf({ options, now, preview, media, kits, kitBytes, bodies: bodies.html, assets }),
      ...(preview && { previewNotes: previewNotes(checked.warnings, model.site.language) }),
    };
    const views = planViews(model, published, planOptions);
    // Pagefind indexes on threads of its own while this one plans and renders the pages.
    search = searchIndex(views, options.searchShardSize, previous, cache);
    search.catch(() => undefined);
    const plan = planSite(model, published, planOptions, views);
    if (plan.problems.length > 0) throw new BuildFailed(plan.problems, checked.sources);
    stage("plan (bodies, kits)");
    const pages = await renderPages(plan, { layoutsDir: assets.layouts, assets: assets.shared, previous, writer, outDir: writer.root });
    stage("pages");
    const others = await writeOtherFiles(
      { model, published, plan, pages, assets: assets.files, search, contentDir: options.contentDir, ...(options.localEditor && { localEditor: options.localEditor }) },
      previous,
      writer,
    );
    stage("write, and the search index");
    const made = await photosDone(photos, media, previous);
    if (made.problems.length > 0) throw new BuildFailed(made.problems, checked.sources);
    stage("images (remaining)");
    await writeDescription({ plan, now, preview, ...(others.admin && { admin: others.admin }) }, previous, writer);
    stage("headers and manifest");
    await writer.commit();
    stage("commit");
    options.onPreviewState?.({
      contentDir: path.resolve(options.contentDir),
      root: realpathSync(options.contentDir),
      outDir: writer.root,
      layoutsDir: assets.layouts,
      model,
      views: plan.viewFacts,
      assets: assets.shared,
      planned: new Map(published.map((release) => [release.file, release])),
      images,
      cacheDir: cache.dir,
    });
    const warned = new Set(checked.warnings.map((w) => w.file));
    const summary: BuildSummary = {
      releases: published.length,
      pages: pages.kept.length + pages.written.length,
      mediaFiles: others.originals,
      images: made.stats,
      warnings: checked.warnings,
      sources: [...checked.sources].filter(([file]) => file === "site.yaml" || warned.has(file)),
      waiting: waitingAt(model, now),
    };
    const span = quietSpan(model, now, images.card.titleDays);
    const [identities] = await Promise.all([previous.save(cache, writer.hashes, new Set(writer.changed())), bodies.save(cache)]);
    await recordStamp(cache, inputs, { timeZone: model.site.timeZone, span, files: writer.list(), summary }, identities);
    stage("save caches");
    return { ...summary, sources: checked.sources, now, unchanged: false, changed: writer.changed() };
  } catch (error) {
    // Photos still in work must not write into the folder after it is left as it was.
    stop.abort();
    await photos?.catch(() => undefined);
    await search?.catch(() => undefined);
    await writer.abort();
    throw error;
  }
}


/** check's warnings by file, in the site's language: a preview shows them on the release's page (site/views.ts). */
function previewNotes(warnings: readonly Problem[], language: Language): Map<string, PreviewNote[]> {
  const notes = new Map<string, PreviewNote[]>();
  for (const warning of warnings) {
    const { message, hint } = localize(warning, language);
    const list = notes.get(warning.file) ?? [];
    list.push({ ...(warning.line !== undefined && { line: warning.line }), message, hint });
    notes.set(warning.file, list);
  }
  return notes;
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

/** How the site is planned (site/plan.ts), with what the media, the kits and the assets made. */
function planOptionsOf(inputs: PageInputs): PlanOptions {
  const { options, media, kits, kitBytes, assets } = inputs;
  return {
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
    translationCard: (translation) => media.translationCards.get(translation),
    reserved: [...media.paths, ...[...kits.values()].map((k) => k.path), ...assets.files.map((file) => file.path)],
    ...(assets.logoUrl && { logoUrl: assets.logoUrl }),
  };
}
