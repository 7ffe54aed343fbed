/**
 * The preview's quick lane. While a press officer writes, almost every save
 * changes one release's words: its text, title, subtitle, tags, departments,
 * contacts or the note of an update. Its page then depends on those and on
 * what the last build planned, which the preview keeps in memory. Such a save
 * is rendered on its own and shown at once, before the build that follows it
 * (which makes every other file — listings, feeds, search, a card with the
 * new title — and the same page again) has finished. A save that moves the
 * page or changes what exists — its date or address, a draft or embargo,
 * a withdrawal, photos, old addresses, settings, templates, a new or removed
 * file — is left to that build, and so is a save of a file check warns about
 * (or warned about before): its page shows the warnings.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Contact, ContentModel, Media, Release } from "../content/model.ts";
import { decodeText, normalizeText, SITE_FILE } from "../content/load.ts";
import { nodeFileSystem } from "../content/fs.ts";
import { MediaCache, sha256 } from "../media/cache.ts";
import type { CardPlan } from "../media/card.ts";
import { planMedia } from "../media/plan.ts";
import type { ImageOptions, PhotoPlan } from "../media/recipe.ts";
import type { ReleaseMedia } from "../site/media-views.ts";
import { kitText, planKit, writeKit } from "../outputs/media-kit.ts";
import type { UNCHANGED } from "../write-files.ts";
import { releaseContext, resolveRelease } from "../content/release.ts";
import { slugify } from "../content/slug.ts";
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
  /** How the build made photos and cards, and where it keeps them (a release's card shows its title). */
  readonly images: ImageOptions;
  readonly cacheDir: string;
}

export type QuickResult =
  /**
   * The pages written (output-relative) with the sha256 of their bytes; `drawing`: the new social cards they name,
   * drawn after the pages are in place (a card is not shown on the page; drawing one takes a good part of the save).
   */
  | { readonly kind: "pages"; readonly written: ReadonlyMap<string, string>; readonly drawing: Promise<void> }
  /** The saved files have problems: the preview shows them until a save fixes them. */
  | { readonly kind: "problems"; readonly problems: readonly Problem[]; readonly sources: ReadonlyMap<string, string> };

/**
 * What a save must leave as it was to be shown from the quick lane: everything of a release but its words (and
 * what only the media probe fills in or only a problem's location uses). The page's address, its place in the
 * archive, whether and when it is public, and the files planned beside it follow from these.
 */
function fixedPart(release: Release): string {
  const media = release.media.map((m: Media) => {
    const { name: _name, bytes: _bytes, line: _line, ...rest } = m;
    if (rest.kind === "image") {
      const { facts: _facts, ...image } = rest as typeof rest & { facts?: unknown };
      return image;
    }
    return rest;
  });
  const { body: _b, title: _t, subtitle: _s, tags: _g, departments: _d, contacts: _c, updated: _u, updatedHasTime: _h, changeNote: _n, ...fixed } = release;
  return JSON.stringify({ ...fixed, media });
}

/**
 * The release as saved (its fixedPart equal to the planned one's), on the objects the plan's facts are keyed by:
 * the media as probed (in the same places of the text), and each contact written in the release as planned when
 * it is the same (its vCard's link is looked up by it). Undefined when a contact written in the release is new or
 * changed: its vCard is the build's.
 */
function asPlanned(saved: Release, planned: Release, model: ContentModel): Release | undefined {
  const named = new Set(model.contacts.values());
  const contacts: Contact[] = [];
  for (const contact of saved.contacts) {
    if (named.has(contact)) {
      contacts.push(contact);
      continue;
    }
    const same = planned.contacts.find((c) => !named.has(c) && JSON.stringify(c) === JSON.stringify(contact));
    if (same === undefined) return undefined;
    contacts.push(same);
  }
  return { ...saved, media: planned.media, contacts };
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
 * its words (see fixedPart); their problems when one of them has any; undefined when the build must decide.
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
    if (release === undefined || fixedPart(release) !== fixedPart(planned)) return undefined;
    // The page shows check's warnings about its file (site/views.ts): which ones, besides this file's own, the build knows.
    if (context.warnings.length > 0 || state.views.notes?.has(file)) return undefined;
    const shown = asPlanned(release, planned, model);
    if (shown === undefined) return undefined;
    fresh.push([shown, planned]);
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

  const { facts, drawing } = await withMedia(state, withTags(state.views, fresh), fresh);
  const { views, pages } = await render(state, facts, fresh).catch(async (error: unknown) => {
    await drawing;
    throw error;
  });
  const contents: [string, string][] = [];
  for (const view of views) {
    const file = outputFileOf(view.path);
    const page = pages.find((p) => p.path === file);
    if (page === undefined || typeof page.content !== "string" || page.content.trim() === "") {
      // Left to the build, which starts once no card of this save is still being written.
      await drawing;
      return undefined;
    }
    contents.push([file, page.content]);
  }
  const written = new Map<string, string>();
  for (const [file, content] of contents) {
    writeWhole(path.join(state.outDir, file), content);
    written.set(file, sha256(content));
  }
  return { kind: "pages", written, drawing };
}

/**
 * The plan's facts with the media files of each release as saved, as the build would make them (the kits written
 * before the page that names them, for their sizes): the social card shows a recent release's title and departments, the kit's text file
 * its title, departments and contacts. The cards are drawn meanwhile (`drawing`); one that cannot be made is left
 * to the build, which says why.
 */
async function withMedia(state: PreviewState, facts: ViewFacts, releases: readonly (readonly [Release, Release])[]): Promise<{ facts: ViewFacts; drawing: Promise<void> }> {
  const site = state.model.site;
  const strings = stringsFor(site.language);
  const changed: [Release, ReleaseMedia][] = [];
  const work: { photos: PhotoPlan[]; cards: CardPlan[] } = { photos: [], cards: [] };
  for (const [release, planned] of releases) {
    const made = facts.media.get(planned);
    if (made === undefined) continue;
    let media = made;
    const plan = planMedia([release], site, state.images, facts.now);
    const card = plan.cards.get(release);
    if (made.card !== undefined && card !== undefined && card.path !== made.card.path) {
      media = { ...media, card };
      work.cards.push(card);
      // A card cut from a photo is made with the photo's web versions (those in the output are not made again).
      if (card.kind === "photo") work.photos.push(...plan.work.photos);
    }
    const kit = made.kit && kitText(release, site, strings) !== kitText(planned, site, strings) ? planKit(release, site, strings) : undefined;
    if (kit !== undefined) {
      const target = path.join(state.outDir, kit.path);
      const temporary = temporaryOf(target);
      await writeKit(temporary, kit);
      const bytes = statSync(temporary).size;
      renameSync(temporary, target);
      media = { ...media, kit: { path: kit.path, files: kit.files, bytes } };
    }
    if (media !== made) changed.push([planned, media]);
  }
  if (changed.length === 0) return { facts, drawing: Promise.resolve() };
  let drawing = Promise.resolve();
  if (work.cards.length > 0) {
    const { makeImages } = await import("../media/run.ts");
    // The build that follows keeps the cache; this one only reads it, so the two never write it at once.
    const cache = new MediaCache({ dir: state.cacheDir, write: false });
    const write = async (file: string, data: Uint8Array | typeof UNCHANGED): Promise<void> => {
      if (data instanceof Uint8Array) writeWhole(path.join(state.outDir, file), data);
    };
    const unchanged = (file: string): boolean => existsSync(path.join(state.outDir, file));
    drawing = makeImages(work, write, { cache, images: state.images, concurrency: 1, unchanged }).then(
      () => undefined,
      () => undefined,
    );
  }
  return { facts: { ...facts, media: new Map([...facts.media, ...changed]) }, drawing };
}

/** Every tag of a release the listings show has a page (site/tags.ts): one new to the site gets it with the build. */
function withTags(facts: ViewFacts, releases: readonly (readonly [Release, Release])[]): ViewFacts {
  const added = releases
    .filter(([, planned]) => !facts.withdrawn.has(planned))
    .flatMap(([release]) => release.tags.map(slugify))
    .filter((slug) => slug !== "" && !facts.tagPages.has(slug));
  return added.length === 0 ? facts : { ...facts, tagPages: new Set([...facts.tagPages, ...added]) };
}

/** Beside `target`, hidden, this process's own. */
const temporaryOf = (target: string): string => path.join(path.dirname(target), `.${path.basename(target)}.pressroom-quick-${process.pid}`);

/** Whole or not at all: the server may be reading the file this moment. */
function writeWhole(target: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = temporaryOf(target);
  writeFileSync(temporary, data);
  renameSync(temporary, target);
}

/** The pages of `releases` (each with the release as planned), rendered as a build would; nothing written. */
async function render(state: PreviewState, facts: ViewFacts, releases: readonly (readonly [Release, Release])[]) {
  const site = state.model.site;
  const { renderSite } = await import("../eleventy/render.ts");
  const strings = stringsFor(site.language);
  const urls = urlsFor(strings, site.basePath);
  const viewOf = viewWith(site, strings, urls, facts);
  const views = releases.map(([release, planned]) => viewOf(release, planned));
  const shared = sharedData({ site, strings, urls }, state.assets);
  const pages = await renderSite({ ...shared, releases: views, listings: [], indexes: [], redirects: [], extras: [] }, state.outDir, { layoutsDir: state.layoutsDir });
  return { views, pages };
}

/** Renders one planned page and drops it: the first save then finds the code loaded and warm. */
export async function rehearse(state: PreviewState): Promise<void> {
  const first = state.planned.values().next();
  if (!first.done) await render(state, state.views, [[first.value, first.value]]);
}
