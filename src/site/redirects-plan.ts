/**
 * Redirect pages for old addresses (a release's `aliases`): each a page at
 * the old address that sends the reader on, as long as it replaces no file
 * of the site and lies where the site is published.
 */
import path from "node:path";
import { aliasOutputPath } from "../content/alias.ts";
import type { Release, Site } from "../content/model.ts";
import { inCodeUnitOrder } from "../compare.ts";
import { problem, type Problem } from "../errors/problem.ts";
import { IMMUTABLE_FOLDERS } from "../outputs/headers.ts";
import { FILES } from "./files.ts";
import { mediaPath, outputFileOf, type Urls } from "./urls.ts";

export interface RedirectPage {
  /** Output file, relative to the output folder. */
  readonly outputPath: string;
  readonly from: string;
  readonly to: string;
  readonly toAbsolute: string;
  readonly title: string;
}

/**
 * The redirects, sorted by old address, and the problems of the aliases that
 * cannot have one. `planned`: every page and file the plan writes (by its
 * site-relative path); `reserved`: the other files of the build (web
 * versions, cards, kits, assets).
 */
export function planRedirects(
  site: Site,
  published: readonly Release[],
  urls: Urls,
  planned: readonly { readonly path: string }[],
  reserved: readonly string[] = [],
): { redirects: RedirectPage[]; problems: Problem[] } {
  const taken = new Set<string>([
    ...planned.map((p) => outputFileOf(p.path)),
    FILES.openData,
    FILES.searchFolder,
    ...published.flatMap((r) => [r.url, ...r.media.map((m) => mediaPath(r, m))].map(outputFileOf)),
    FILES.notFound,
    FILES.redirects,
    FILES.sitemap,
    FILES.robots,
    FILES.headers,
    FILES.manifest,
    FILES.jsonFeed,
    FILES.marker,
    ...reserved,
  ]);
  // A redirect may neither replace a file nor need a folder where a file is.
  const clashes = (file: string): boolean => {
    if (taken.has(file)) return true;
    const parts = file.split("/");
    return parts.slice(1).some((_, i) => taken.has(parts.slice(0, i + 1).join("/")));
  };
  const problems: Problem[] = [];
  const redirects: RedirectPage[] = [];
  for (const release of published) {
    for (const alias of release.aliases) {
      const at = { file: release.file, line: alias.line, field: alias.field };
      // Old addresses are paths on the site's host: below a base path, they must lie inside it.
      if (site.basePath && !alias.path.startsWith(`${site.basePath}/`)) {
        const reason = `it is outside ${site.basePath}/, where the site is published`;
        problems.push(problem("invalid-alias", at, { value: alias.path, reason }));
        continue;
      }
      const outputPath = aliasOutputPath(alias.path.slice(site.basePath.length));
      // Files there are cached for a year: a redirect page among them could never be changed.
      const hashedFolder = IMMUTABLE_FOLDERS.find((folder) => outputPath.startsWith(`${folder}/`));
      if (hashedFolder !== undefined) {
        const reason = `${site.basePath}/${hashedFolder}/ holds the site's own files, named by their content`;
        problems.push(problem("invalid-alias", at, { value: alias.path, reason }));
        continue;
      }
      // A manifest.json in a folder is what tells deploy that another site lives there: no redirect page may bear the name, at
      // any level. An alias is the one output file whose name the content chooses (pages are index.html, media files have the
      // extensions of images and documents, cards end in .vcf).
      if (path.posix.basename(outputPath) === FILES.manifest) {
        problems.push(problem("alias-reserved", at, { value: alias.path, name: FILES.manifest }));
        continue;
      }
      if (clashes(outputPath)) {
        problems.push(problem("alias-conflict", at, { value: alias.path }));
        continue;
      }
      taken.add(outputPath);
      redirects.push({
        outputPath,
        from: alias.path,
        to: urls.href(release.url),
        toAbsolute: site.url + release.url,
        title: release.title,
      });
    }
  }
  redirects.sort((a, b) => inCodeUnitOrder(a.from, b.from));
  return { redirects, problems };
}
