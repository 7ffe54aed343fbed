/**
 * The pipeline: load → validate → resolve → publish → plan → render → swap.
 * `check` stops after validation and writes nothing.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseNow } from "./content/dates.ts";
import { contentExists, loadContent } from "./content/load.ts";
import type { ContentModel } from "./content/model.ts";
import { publishedReleases } from "./content/publish.ts";
import { resolveContent } from "./content/site.ts";
import { LAYOUTS_DIR } from "./eleventy/layouts.ts";
import { problem, ContentError, type Problem } from "./errors/problem.ts";
import { probeMedia } from "./media/probe.ts";
import { UsageError } from "./errors/usage.ts";
import { checkOutputFolder, discard, stagingFolder, swapIn } from "./output-folder.ts";
import { mediaFiles, siteFiles } from "./outputs/site-files.ts";
import { defaults as planDefaults, planSite } from "./site/plan.ts";
import { FILES } from "./site/files.ts";
import { writeFiles } from "./write-files.ts";

export interface CheckResult {
  readonly model?: ContentModel;
  readonly problems: readonly Problem[];
  /** Text of every content file read, for code frames in reports. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Validate a content folder completely (including decoding every image); writes nothing. */
export async function checkContent(contentDir: string): Promise<CheckResult> {
  if (!(await contentExists(contentDir))) {
    return {
      problems: [problem("content-folder-missing", { file: contentDir }, { dir: contentDir })],
      sources: new Map(),
    };
  }
  const raw = await loadContent(contentDir);
  const resolved = resolveContent(raw);
  const problems = [...resolved.problems, ...(await probeMedia(resolved.media))];
  if (resolved.partial) {
    // Old addresses must not collide with any page, whenever each release is published.
    const everything = publishedReleases(resolved.partial, { now: Number.POSITIVE_INFINITY, drafts: true });
    problems.push(...planSite(resolved.partial, everything, { ...planDefaults, releaseViews: false }).problems);
  }
  return { ...(problems.length === 0 && resolved.model && { model: resolved.model }), problems, sources: raw.texts };
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
}

export interface BuildResult {
  readonly releases: number;
  readonly pages: number;
  readonly mediaFiles: number;
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
  checkOutputFolder(options.outDir, [options.contentDir, layoutsDir, process.cwd()]);
  const checked = await checkContent(options.contentDir);
  if (!checked.model) throw new BuildFailed(checked.problems, checked.sources);
  const model = checked.model;

  let now = Date.now();
  if (options.now !== undefined) {
    const parsed = parseNow(options.now, model.site.timeZone);
    if (parsed === undefined) throw new UsageError(`--now "${options.now}" is not a date like 2026-11-27T10:30`);
    now = parsed;
  }
  const published = publishedReleases(model, { now, drafts: options.drafts ?? false });
  const plan = planSite(model, published, { ...planDefaults, ...(options.pageSize && { pageSize: options.pageSize }) });
  if (plan.problems.length > 0) throw new BuildFailed(plan.problems, checked.sources);

  const staging = await stagingFolder(options.outDir);
  try {
    const css = await readFile(path.join(layoutsDir, FILES.stylesheet));
    const stylesheet = `${model.site.basePath}/${FILES.stylesheet}?v=${createHash("sha256").update(css).digest("hex").slice(0, 10)}`;
    const { renderSite } = await import("./eleventy/render.ts");
    const pages = await renderSite(plan, staging, { layoutsDir, stylesheet });
    const media = mediaFiles(published);
    await writeFiles(staging, [...pages, ...siteFiles(plan, css), ...media]);
    await swapIn(staging, options.outDir);
    return { releases: published.length, pages: pages.length, mediaFiles: media.length, sources: checked.sources };
  } catch (error) {
    await discard(staging);
    throw error;
  }
}
