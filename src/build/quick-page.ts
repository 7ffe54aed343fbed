/**
 * The preview's quick lane. While a press officer writes, almost every save
 * changes the text of one release and nothing else; its page then depends on
 * that text and on what the last build planned, which the preview keeps in
 * memory. Such a save is rendered on its own and shown at once, before the
 * build that follows it (which makes every other file, and the same page
 * again) has finished. Anything else — front matter, photos, settings,
 * templates, a new or removed file — is left to that build.
 */
import { lstatSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ContentModel, Media, Release } from "../content/model.ts";
import { decodeText, normalizeText, SITE_FILE } from "../content/load.ts";
import { nodeFileSystem } from "../content/fs.ts";
import { sha256 } from "../media/cache.ts";
import { releaseContext, resolveRelease } from "../content/release.ts";
import { sharedData, type SharedAssets } from "../eleventy/data.ts";
import { stringsFor } from "../i18n/index.ts";
import type { Problem } from "../errors/problem.ts";
import { outputFileOf, urlsFor } from "../site/urls.ts";
import { viewWith, type ViewFacts } from "../site/plan.ts";

/**
 * What the last successful preview build knew, kept by the preview for the next save. Plain data (it crosses
 * from the thread that builds to the one that serves): no function, no class but Map and Set.
 */
export interface PreviewState {
  /** The content folder as it is watched (absolute), and its real path (as the build read it). */
  readonly contentDir: string;
  readonly root: string;
  readonly outDir: string;
  /** The templates the build rendered with. */
  readonly layoutsDir: string;
  readonly model: ContentModel;
  /** What the views of the releases were made from besides the releases. */
  readonly views: ViewFacts;
  readonly assets: SharedAssets;
  /** The releases the plan has a page for, by their file (content-relative, forward slashes). */
  readonly planned: ReadonlyMap<string, Release>;
}

export type QuickResult =
  /** The pages written (output-relative) with the sha256 of their bytes. */
  | { readonly kind: "pages"; readonly written: ReadonlyMap<string, string> }
  /** The saved files have problems: the preview shows them until a save fixes them. */
  | { readonly kind: "problems"; readonly problems: readonly Problem[]; readonly sources: ReadonlyMap<string, string> };

/** Everything of a release but its text, and what only the media probe fills in or only a problem's location uses. */
function besidesText(release: Release): string {
  const media = release.media.map((m: Media) => {
    const { name: _name, bytes: _bytes, line: _line, ...rest } = m;
    if (rest.kind === "image") {
      const { facts: _facts, ...image } = rest as typeof rest & { facts?: unknown };
      return image;
    }
    return rest;
  });
  return JSON.stringify({ ...release, body: null, media });
}

/** Every folder that holds a release file (absolute), once per state. */
const folders = new WeakMap<PreviewState, ReadonlySet<string>>();
function foldersOf(state: PreviewState): ReadonlySet<string> {
  let found = folders.get(state);
  if (found === undefined) {
    found = new Set(state.model.releases.map((release) => path.dirname(path.join(state.root, release.file))));
    folders.set(state, found);
  }
  return found;
}

/**
 * The pages of the releases `files` (absolute paths the watcher reported changed), when each changed only in
 * its text; their problems when one of them has any; undefined when the build must decide.
 */
export async function quickPages(state: PreviewState, files: readonly string[]): Promise<QuickResult | undefined> {
  const { model } = state;
  const site = model.site;
  const releaseFolders = foldersOf(state);
  const problems: Problem[] = [];
  const sources = new Map<string, string>();
  const fresh: [Release, Release][] = [];
  for (const absolute of new Set(files)) {
    const file = path.relative(state.contentDir, absolute).split(path.sep).join("/");
    const planned = state.planned.get(file);
    if (planned === undefined) return undefined;
    const absolutePath = path.join(state.root, file);
    let text: string;
    try {
      if (!lstatSync(absolutePath).isFile()) return undefined;
      const bytes = readFileSync(absolutePath);
      if (bytes.byteLength > site.limits.releaseFile) return undefined;
      text = decodeText(bytes);
    } catch {
      return undefined;
    }
    sources.set(file, text);
    const context = releaseContext({ timeZone: site.timeZone, language: site.language, limits: site.limits, departments: model.departments, contacts: model.contacts, fs: nodeFileSystem });
    const before = problems.length;
    const release = resolveRelease({ file, text, absolutePath, root: state.root, releaseFolders }, context, problems);
    if (problems.length > before) continue;
    if (release === undefined || besidesText(release) !== besidesText(planned)) return undefined;
    // All but the text as the build planned it: the same objects the plan's facts are keyed by (contacts written
    // in the release for their vCards, the media as probed, in the same places of the text).
    fresh.push([{ ...planned, body: release.body }, planned]);
  }
  if (problems.length > 0) {
    // The page of problems is in the language site.yaml gives, as after a build.
    try {
      sources.set(SITE_FILE, normalizeText(readFileSync(path.join(state.root, SITE_FILE), "utf8")));
    } catch {
      // Without it, the page is in English, as a build's would be.
    }
    return { kind: "problems", problems, sources };
  }

  const { views, pages } = await render(state, fresh);
  const written = new Map<string, string>();
  for (const view of views) {
    const file = outputFileOf(view.path);
    const page = pages.find((p) => p.path === file);
    if (page === undefined || typeof page.content !== "string" || page.content.trim() === "") return undefined;
    const target = path.join(state.outDir, file);
    // Whole or not at all: the server may be reading the page this moment.
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.pressroom-quick-${process.pid}`);
    writeFileSync(temporary, page.content);
    renameSync(temporary, target);
    written.set(file, sha256(page.content));
  }
  return { kind: "pages", written };
}

/** The pages of `releases` (each with the release as planned), rendered as a build would; nothing written. */
async function render(state: PreviewState, releases: readonly (readonly [Release, Release])[]) {
  const site = state.model.site;
  const { renderSite } = await import("../eleventy/render.ts");
  const strings = stringsFor(site.language);
  const urls = urlsFor(strings, site.basePath);
  const viewOf = viewWith(site, strings, urls, state.views);
  const views = releases.map(([release, planned]) => viewOf(release, planned));
  const shared = sharedData({ site, strings, urls }, state.assets);
  const pages = await renderSite({ ...shared, releases: views, listings: [], indexes: [], redirects: [], extras: [] }, state.outDir, { layoutsDir: state.layoutsDir });
  return { views, pages };
}

/** Renders one planned page and drops it: the first save then finds the code loaded and warm. */
export async function rehearse(state: PreviewState): Promise<void> {
  const first = state.planned.values().next();
  if (!first.done) await render(state, [[first.value, first.value]]);
}
