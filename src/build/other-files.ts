/**
 * Everything the build writes besides pages, photos and kits: feeds,
 * sitemap, redirects, open data, the site's assets, the search index, the
 * originals and the browser editor — each kept as it is where the last build
 * wrote the same.
 */
import type { ContentModel, Release } from "../content/model.ts";
import { adminFiles, adminOptionsOf, type AdminOptions, type LocalEditorTarget } from "../outputs/admin.ts";
import { mediaFiles, siteFiles } from "../outputs/site-files.ts";
import { BY_BYTES, type PreviousBuild } from "../previous-build.ts";
import type { SitePlan } from "../site/plan.ts";
import { writeFiles, type FolderWriter, type OutputFile } from "../write-files.ts";
import { reusedCopy } from "./copies.ts";
import type { Pages } from "./pages.ts";

export interface OtherFiles {
  readonly model: ContentModel;
  readonly published: readonly Release[];
  readonly plan: SitePlan;
  readonly pages: Pages;
  /** The stylesheet, script, icon and logo (build/assets.ts). */
  readonly assets: readonly OutputFile[];
  /** The search index's files (build/search-index.ts), awaited only after every other file is written. */
  readonly search: Promise<readonly OutputFile[]>;
  readonly contentDir: string;
  readonly localEditor?: LocalEditorTarget;
}

/**
 * Writes them, the search index last: Pagefind often is still at work on its own threads when the
 * pages are done, and this thread writes the feeds, open data and copies in the meantime.
 * How many originals there are, and the browser editor's options when the site has one.
 */
export async function writeOtherFiles(input: OtherFiles, previous: PreviousBuild, writer: FolderWriter): Promise<{ originals: number; admin?: AdminOptions }> {
  const { model, pages } = input;
  for (const page of pages.written) previous.keep(page.path, page.key);
  // Copied files (originals, Decap's 6 MB bundle): a copy the last build made from the same file stays, unread.
  const originals = mediaFiles(input.published).map(reusedCopy(previous));
  const admin = adminOptionsOf(model, input.contentDir, input.localEditor);
  const editor = (admin ? adminFiles(model, admin) : []).map(reusedCopy(previous));
  const files = [...pages.kept, ...siteFiles(input.plan, input.assets), ...originals, ...editor];
  // Files without a key are made every time and left in place when their bytes are the same (output-folder.ts).
  for (const file of files) previous.keep(file.path, file.key ?? BY_BYTES);
  const written = pages.written.map((page) => page.path);
  await writeFiles(writer, files, written);
  const search = await input.search;
  for (const file of search) previous.keep(file.path, file.key ?? BY_BYTES);
  await writeFiles(writer, search, [...written, ...files.map((file) => file.path)]);
  return { originals: originals.length, ...(admin && { admin }) };
}
