/**
 * The site's own files beside the pages: the stylesheet (with the theme's
 * colours), the search script, the logo and the icon, each named by its
 * content; and the layouts folder with the content's own templates.
 */
import { languagesCss } from "../theme/languages.ts";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Site } from "../content/model.ts";
import type { ThemeFiles } from "../check.ts";
import type { SharedAssets } from "../eleventy/data.ts";
import { layoutsWith } from "../eleventy/overrides.ts";
import { sha256 } from "../media/cache.ts";
import { FILES, searchScriptFile, stylesheetFile } from "../site/files.ts";
import { logoFile, logoView, themeCss } from "../theme/assets.ts";
import { favicon } from "../theme/favicon.ts";
import type { OutputFile } from "../write-files.ts";

export interface SiteAssets {
  /** The layouts folder the pages are rendered with. */
  readonly layouts: string;
  /** The files to write (the icon is the logo's file when there is a logo). */
  readonly files: readonly OutputFile[];
  /** The logo's absolute address, for the publisher in schema.org data. */
  readonly logoUrl?: string;
  /** What the templates link to. */
  readonly shared: SharedAssets;
}

export async function siteAssets(themeFiles: ThemeFiles | undefined, site: Site, cacheDir: string, layoutsDir: string): Promise<SiteAssets> {
  const theme: ThemeFiles = themeFiles ?? { templates: new Map() };
  const layouts = layoutsWith(theme.templates, cacheDir, layoutsDir);
  const css = Buffer.concat([await readFile(path.join(layouts, FILES.stylesheet)), Buffer.from(themeCss(site.theme) + languagesCss(site))]);
  const stylesheet = stylesheetFile(sha256(css));
  const logo = theme.logo && { path: logoFile(theme.logo), content: theme.logo.bytes };
  const icon = await favicon(site.theme.color, theme.logo && logo && { file: theme.logo, path: logo.path });
  const js = await readFile(path.join(layouts, FILES.searchScript));
  const script = searchScriptFile(sha256(js));
  return {
    layouts,
    files: [{ path: stylesheet, content: css }, { path: script, content: js }, ...(icon.file ? [icon.file] : []), icon.ico, ...(logo ? [logo] : [])],
    ...(logo && { logoUrl: `${site.url}/${logo.path}` }),
    shared: {
      stylesheet: `${site.basePath}/${stylesheet}`,
      searchScript: `${site.basePath}/${script}`,
      ...(theme.logo && { logo: logoView(theme.logo, site.basePath) }),
      favicon: { href: `${site.basePath}/${icon.path}`, type: icon.type },
    },
  };
}
