/**
 * The HTML pages: those whose key is the same as in the previous build stay
 * in the output; only the rest go through Eleventy (not even loaded when
 * nothing changed), a few thousand at a time, each run's pages written at
 * once so they do not pile up in memory.
 */
import { sharedData, type PageLists, type SharedAssets, type SharedData } from "../eleventy/data.ts";
import { renderFingerprint } from "../fingerprint.ts";
import { withBoundedHeap } from "./heap.ts";
import type { PreviousBuild } from "../previous-build.ts";
import { NOT_FOUND, pageKeys, pickPages, type KeyedPage, type PageKeys } from "../site/pages.ts";
import type { SitePlan } from "../site/plan.ts";
import { UNCHANGED, type FolderWriter, type OutputFile } from "../write-files.ts";

export interface PageOptions {
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

export interface Pages {
  /** Pages of the previous output that stay as they are. */
  readonly kept: OutputFile[];
  /** Pages rendered and written, with their keys. */
  readonly written: { readonly path: string; readonly key: string }[];
}

export async function renderPages(plan: SitePlan, options: PageOptions): Promise<Pages> {
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
  const render = () => renderDirty(dirty, count, keys, shared, options);
  // Many pages at once (every page, after an update of pressroom or a template) in a folder built before.
  const written = count >= MANY_PAGES ? await withBoundedHeap(render) : await render();
  return { kept, written };
}

/** Pages rendered at once from which the heap's growth is bounded (build/heap.ts). */
const MANY_PAGES = 1000;

async function renderDirty(dirty: PageLists, count: number, keys: PageKeys, shared: SharedData, options: PageOptions): Promise<Pages["written"]> {
  const { renderSite } = await import("../eleventy/render.ts");
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
  return written;
}
