/**
 * The pipeline: load → validate → resolve → publish → plan → render → commit.
 * `check` stops after validation and writes nothing.
 */
import { statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { clockOf } from "./content/dates.ts";
import { publishedReleases } from "./content/publish.ts";
import { LAYOUTS_DIR } from "./eleventy/layouts.ts";
import { problem, ContentError, type Problem } from "./errors/problem.ts";
import { checkContent, type ThemeFiles } from "./check.ts";

export { checkContent, type CheckOptions, type CheckResult } from "./check.ts";
import { defaults as cacheDefaults, MediaCache, sha256 } from "./media/cache.ts";
import { planMedia } from "./media/plan.ts";
import { eachLimited } from "./each-limited.ts";
import { defaults as imageDefaults, type ImageOptions } from "./media/recipe.ts";
import { makeImages, type RunStats } from "./media/run.ts";
import { planKit, writeKit, type KitPlan } from "./outputs/media-kit.ts";
import type { ContentModel, Release } from "./content/model.ts";
import { stringsFor } from "./i18n/index.ts";
import { checkOutputFolder, OutputUpdate } from "./output-folder.ts";
import { mediaFiles, siteFiles } from "./outputs/site-files.ts";
import { adminFiles, adminHeaders, adminOptionsOf, type LocalEditorTarget } from "./outputs/admin.ts";
import { defaults as planDefaults, planSite } from "./site/plan.ts";
import { FILES, searchScriptFile, stylesheetFile } from "./site/files.ts";
import { searchFingerprint, searchIndexFiles } from "./search/pagefind.ts";
import { searchRecords } from "./search/records.ts";
import { searchShards, type SearchShard } from "./search/shards.ts";
import { describeOutput } from "./outputs/manifest.ts";
import { UNCHANGED, writeFiles, type FolderWriter, type OutputFile } from "./write-files.ts";
import { PreviousBuild } from "./previous-build.ts";
import { BodyCache } from "./markdown/body-cache.ts";
import { codeFingerprint, renderFingerprint } from "./fingerprint.ts";
import { sharedData, type PageLists, type SharedAssets } from "./eleventy/data.ts";
import { layoutsWith } from "./eleventy/overrides.ts";
import { logoFile, logoView, themeCss } from "./theme/assets.ts";
import { favicon } from "./theme/favicon.ts";
import { NOT_FOUND, pageKeys, pickPages, type KeyedPage } from "./site/pages.ts";
import type { SitePlan } from "./site/plan.ts";

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

/** PRESSROOM_TIMINGS=1 prints how long each stage took, to standard error (for profiling, see docs/performance.md). */
const stage = process.env.PRESSROOM_TIMINGS
  ? (() => {
      let last = performance.now();
      return (name: string): void => {
        const now = performance.now();
        const { rss, heapUsed } = process.memoryUsage();
        const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0).padStart(5)} MiB`;
        process.stderr.write(`${name.padEnd(24)} ${((now - last) / 1000).toFixed(2).padStart(6)} s  rss ${mib(rss)}  heap ${mib(heapUsed)}\n`);
        last = now;
      };
    })()
  : (): void => undefined;

export async function build(options: BuildOptions): Promise<BuildResult> {
  stage("start");
  const layoutsDir = options.layoutsDir ?? LAYOUTS_DIR;
  const cache = new MediaCache({ dir: options.cacheDir ?? cacheDefaults.dir, write: true });
  checkOutputFolder(options.outDir, [options.contentDir, layoutsDir, process.cwd(), cache.dir]);
  const checked = await checkContent(options.contentDir, { cache, clock: { ...(options.now !== undefined && { now: options.now }) } });
  if (!checked.model) throw new BuildFailed(checked.problems, checked.sources);
  const model = checked.model;
  stage("load and check");

  const now = clockOf(options.now, model.site.timeZone);
  const preview = options.preview ?? false;
  const published = publishedReleases(model, { now, drafts: false, preview });
  const images = options.images ?? imageDefaults;
  const media = planMedia(published, model.site, images, now);
  const strings = stringsFor(model.site.language);
  const kits = new Map<Release, KitPlan>();
  for (const release of published) {
    const kit = planKit(release, model.site, strings);
    if (kit) kits.set(release, kit);
  }

  // What the last build into this folder wrote: files whose inputs are the same stay as they are, not made again.
  const previous = await PreviousBuild.open(cache, options.outDir);
  const bodies = await BodyCache.open(cache, codeFingerprint(), model.site.language);

  const writer = await OutputUpdate.begin(options.outDir);
  const stop = new AbortController();
  let imageWork: ReturnType<typeof makeImages> | undefined;
  let searchWork: Promise<OutputFile[]> | undefined;
  try {
    // Photos and cards are made on sharp's threads while this one plans and renders the pages.
    imageWork = makeImages(media.work, writer.write, {
      cache,
      images,
      signal: stop.signal,
      unchanged: (file) => previous.reusable(file, file),
      ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
      ...(options.onImageProgress && { onProgress: options.onImageProgress }),
    });
    imageWork.catch(() => undefined);
    // Kits first: the pages print their sizes.
    const kitBytes = new Map<Release, number>();
    await eachLimited([...kits], 4, async ([release, kit]) => {
      const key = kitKey(kit);
      previous.keep(kit.path, key);
      if (previous.reusable(kit.path, key)) {
        await writer.write(kit.path, UNCHANGED);
        kitBytes.set(release, statSync(writer.target(kit.path)).size);
      } else {
        const target = await writer.prepare(kit.path);
        await writeKit(target, kit);
        kitBytes.set(release, (await stat(target)).size);
      }
    });
    await bodies.renderAll(published.map((release) => release.body));
    const theme: ThemeFiles = checked.theme ?? { templates: new Map() };
    const layouts = layoutsWith(theme.templates, cache.dir, layoutsDir);
    const css = Buffer.concat([await readFile(path.join(layouts, FILES.stylesheet)), Buffer.from(themeCss(model.site.theme))]);
    const stylesheet = stylesheetFile(sha256(css));
    const logo = theme.logo && { path: logoFile(theme.logo), content: theme.logo.bytes };
    const icon = await favicon(model.site.theme.color, theme.logo && logo && { file: theme.logo, path: logo.path });
    const js = await readFile(path.join(layouts, FILES.searchScript));
    const script = searchScriptFile(sha256(js));
    const plan = planSite(model, published, {
      ...planDefaults,
      now,
      preview,
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
      bodies: bodies.html,
      reserved: [...media.paths, ...[...kits.values()].map((k) => k.path), stylesheet, script, icon.path, icon.ico.path, ...(logo ? [logo.path] : [])],
      ...(logo && { logoUrl: `${model.site.url}/${logo.path}` }),
    });
    if (plan.problems.length > 0) throw new BuildFailed(plan.problems, checked.sources);
    stage("plan (bodies, kits)");

    // Pagefind indexes in a process of its own while this one renders the pages.
    const shards = searchShards(searchRecords(plan), options.searchShardSize);
    searchWork = searchIndex(shards, model.site.language, previous);
    searchWork.catch(() => undefined);
    const assets = {
      stylesheet: `${model.site.basePath}/${stylesheet}`,
      searchScript: `${model.site.basePath}/${script}`,
      ...(theme.logo && { logo: logoView(theme.logo, model.site.basePath) }),
      favicon: { href: `${model.site.basePath}/${icon.path}`, type: icon.type },
    };
    const pages = await renderPages(plan, { layoutsDir: layouts, assets, previous, writer, outDir: writer.root });
    stage("pages");
    const search = await searchWork;
    stage("search index (remaining)");
    for (const page of pages.written) previous.keep(page.path, page.key);
    // Copied files (originals, Decap's 6 MB bundle): a copy the last build made from the same file stays, unread.
    const reusedCopy = (file: OutputFile): OutputFile => {
      const key = copyKey(file.content);
      return key !== undefined && previous.reusable(file.path, key) ? { ...file, content: UNCHANGED, key } : { ...file, ...(key !== undefined && { key }) };
    };
    const originals = mediaFiles(published).map(reusedCopy);
    const admin = adminOptionsOf(model, options.contentDir, options.localEditor);
    const editor = (admin ? adminFiles(model, admin) : []).map(reusedCopy);
    const files = [
      ...pages.kept,
      ...siteFiles(plan, [{ path: stylesheet, content: css }, { path: script, content: js }, ...(icon.file ? [icon.file] : []), icon.ico, ...(logo ? [logo] : [])]),
      ...search,
      ...originals,
      ...editor,
    ];
    for (const file of files) if (file.key !== undefined) previous.keep(file.path, file.key);
    await writeFiles(writer, files, pages.written.map((page) => page.path));
    stage("write");
    for (const file of media.paths) previous.keep(file, file);
    const { failures, ...stats } = await imageWork;
    if (failures.size > 0) {
      const problems = [...failures].map(([source, reason]) => {
        const owner = media.owners.get(source)!;
        const at = { file: owner.release.file, ...(owner.media.line !== undefined && { line: owner.media.line }), field: owner.media.field };
        return problem("media-unreadable", at, { file: owner.media.file, reason });
      });
      throw new BuildFailed(problems, checked.sources);
    }
    stage("images (remaining)");
    // Last, what describes the whole output: caching headers and the manifest with every file's hash.
    const described = describeOutput({
      siteUrl: model.site.url,
      basePath: model.site.basePath,
      now,
      preview,
      files: writer.list(),
      redirects: new Map(plan.redirects.map((redirect) => [redirect.outputPath, redirect.to])),
      facts: (file) => writer.describe(file, (left) => previous.factsOf(left)),
      ...(model.site.searchFallback && { formTargets: [new URL(model.site.searchFallback.url).origin] }),
      ...(admin && { ownPolicy: adminHeaders(admin, model.site.url) }),
    });
    await writeFiles(writer, [
      { path: FILES.headers, content: described.headers },
      { path: FILES.manifest, content: described.manifest },
    ], writer.list());
    stage("headers and manifest");
    await writer.commit();
    stage("commit");
    await Promise.all([previous.save(cache, writer.hashes), bodies.save(cache)]);
    stage("save caches");
    return {
      releases: published.length,
      pages: pages.kept.length + pages.written.length,
      mediaFiles: originals.length,
      images: stats,
      warnings: checked.warnings,
      sources: checked.sources,
      model,
      now,
    };
  } catch (error) {
    // Photos still in work must not write into the folder after it is left as it was.
    stop.abort();
    await imageWork?.catch(() => undefined);
    await searchWork?.catch(() => undefined);
    await writer.abort();
    throw error;
  }
}

/** A copied file is the same while its source is: same path, size, time and inode. */
function copyKey(content: OutputFile["content"]): string | undefined {
  if (typeof content !== "object" || !("copyFrom" in content)) return undefined;
  const facts = statSync(content.copyFrom);
  return sha256(JSON.stringify(["copy", content.copyFrom, facts.size, facts.mtimeMs, facts.ino]));
}

/** A kit is the same while its plan and every file in it are. */
function kitKey(kit: KitPlan): string {
  const files = kit.entries.map((entry) => ("file" in entry && entry.file ? copyKey({ copyFrom: entry.file }) : null));
  return sha256(JSON.stringify(["kit", kit, files]));
}

/**
 * The search index (Pagefind), in shards of whole years (search/shards.ts),
 * each made again only when what it holds changed: a shard's files share one
 * key, the hash of every record in it.
 */
async function searchIndex(shards: readonly SearchShard[], language: SitePlan["site"]["language"], previous: PreviousBuild): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  const version = searchFingerprint();
  for (const shard of shards) {
    const folder = `${FILES.searchFolder}/${shard.name}`;
    const key = sha256(JSON.stringify(["search", codeFingerprint(), version, language, shard]));
    const recorded = previous.filesKeyed(key);
    if (recorded.length > 0 && recorded.every((file) => file.startsWith(`${folder}/`) && previous.reusable(file, key))) {
      files.push(...recorded.map((file) => ({ path: file, content: UNCHANGED, key })));
      continue;
    }
    for (const [file, content] of await searchIndexFiles(shard.records, { language })) files.push({ path: `${folder}/${file}`, content, key });
  }
  return files;
}

interface PageOptions {
  readonly layoutsDir: string;
  readonly assets: SharedAssets;
  readonly previous: PreviousBuild;
  readonly writer: FolderWriter;
  /** The output folder (Eleventy's, for the paths of the pages). */
  readonly outDir: string;
}

/** Pages rendered per Eleventy run: a run holds all its pages in memory, a site of 40,000 releases would not fit. */
const PAGES_PER_RUN = 4000;

type Part = { [K in keyof PageLists]: PageLists[K][number][] };

/** The lists cut into parts of at most `size` pages in all, in order. */
function chunks(lists: PageLists, size: number): PageLists[] {
  const parts: Part[] = [];
  let room = 0;
  const part = (): Part => {
    if (room === 0) {
      parts.push({ releases: [], listings: [], indexes: [], redirects: [], extras: [] });
      room = size;
    }
    room--;
    return parts[parts.length - 1]!;
  };
  for (const item of lists.releases) part().releases.push(item);
  for (const item of lists.listings) part().listings.push(item);
  for (const item of lists.indexes) part().indexes.push(item);
  for (const item of lists.redirects) part().redirects.push(item);
  for (const item of lists.extras) part().extras.push(item);
  return parts;
}

interface Pages {
  /** Pages of the previous output that stay as they are. */
  readonly kept: OutputFile[];
  /** Pages rendered and written, with their keys. */
  readonly written: { readonly path: string; readonly key: string }[];
}

/**
 * The HTML pages: those whose key is the same as in the previous build stay
 * in the output; only the rest go through Eleventy (not even loaded when
 * nothing changed), a few thousand at a time, each run's pages written at
 * once so they do not pile up in memory.
 */
async function renderPages(plan: SitePlan, options: PageOptions): Promise<Pages> {
  const shared = sharedData(plan, options.assets);
  const keys = pageKeys(plan, shared, renderFingerprint(options.layoutsDir));
  const kept: OutputFile[] = [];
  /** Whether the page stays as the previous build wrote it. */
  const stays = (page: KeyedPage): boolean => {
    if (!options.previous.reusable(page.file, page.key)) return false;
    kept.push({ path: page.file, content: UNCHANGED, key: page.key });
    return true;
  };
  const dirty = pickPages(plan, (item) => !stays(keys.pages.get(item)!));
  const count = dirty.releases.length + dirty.listings.length + dirty.indexes.length + dirty.redirects.length + dirty.extras.length;
  // Eleventy renders the 404 page with any other; alone, it may be the last build's too.
  if (count === 0 && stays(keys.notFound)) return { kept, written: [] };
  const { renderSite } = await import("./eleventy/render.ts");
  const written: { path: string; key: string }[] = [];
  const done = new Set<string>();
  for (const part of count === 0 ? [dirty] : chunks(dirty, PAGES_PER_RUN)) {
    const expected = new Map<string, string>([[NOT_FOUND, keys.notFound.key]]);
    for (const list of [part.releases, part.listings, part.indexes, part.redirects, part.extras]) {
      for (const item of list) {
        const page = keys.pages.get(item)!;
        expected.set(page.file, page.key);
      }
    }
    for (const page of await renderSite({ ...shared, ...part }, options.outDir, { layoutsDir: options.layoutsDir })) {
      const key = expected.get(page.path);
      if (key === undefined) throw new Error(`Eleventy wrote ${page.path}, which the plan does not know`);
      // A template that fails inside a conditional include can leave its page empty without an error.
      if (typeof page.content === "string" && page.content.trim() === "") throw new Error(`Eleventy rendered ${page.path} empty: a template failed`);
      if (done.has(page.path)) continue;
      done.add(page.path);
      await options.writer.write(page.path, page.content);
      written.push({ path: page.path, key });
      // Photos and cards wait on this thread for their next step.
      if (written.length % 200 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return { kept, written };
}
