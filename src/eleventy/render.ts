/**
 * The one module that knows Eleventy. It renders the site plan through the
 * Nunjucks templates in layouts/. Eleventy never sees a content file: release
 * bodies reach it as finished, sanitized HTML in global data, so no template
 * language runs over what a press officer wrote, and no front matter of theirs
 * can set a permalink or run code.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { SitePlan } from "../site/plan.ts";

const refuse = (): never => {
  throw new Error("JavaScript front matter is disabled in pressroom templates");
};

export interface RenderOptions {
  /** Folder with the templates (default: the package's layouts/). */
  readonly layoutsDir: string;
  /** Address of the stylesheet, with its cache-busting query. */
  readonly stylesheet: string;
}

/** Data the templates see as `pressroom`. */
export interface TemplateData {
  readonly site: SitePlan["site"];
  readonly t: SitePlan["strings"];
  readonly nav: { readonly home: string; readonly departments: string; readonly archive: string };
  readonly stylesheet: string;
  readonly releases: SitePlan["releases"];
  readonly listings: SitePlan["listings"];
  readonly indexes: SitePlan["indexes"];
  readonly redirects: SitePlan["redirects"];
}

export async function renderSite(plan: SitePlan, outDir: string, options: RenderOptions): Promise<void> {
  const data: TemplateData = {
    site: plan.site,
    t: plan.strings,
    nav: {
      home: plan.urls.href(plan.urls.home),
      departments: plan.urls.href(plan.urls.departments),
      archive: plan.urls.href(plan.urls.archive),
    },
    stylesheet: options.stylesheet,
    releases: plan.releases,
    listings: plan.listings,
    indexes: plan.indexes,
    redirects: plan.redirects,
  };
  const input = path.resolve(options.layoutsDir);
  const eleventy = new Eleventy(input, path.resolve(outDir), {
    quietMode: true,
    // No eleventy.config.js of the working directory may change the build.
    configPath: false as unknown as string,
    config(config: any) {
      config.setTemplateFormats(["njk"]);
      config.setUseGitIgnore(false);
      // The templates live in node_modules when pressroom is installed as a dependency.
      config.ignores.delete("**/node_modules/**");
      config.setFrontMatterParsingOptions({ engines: { js: refuse, javascript: refuse } });
      config.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
      config.addGlobalData("pressroom", data);
      config.setDataDirectory("_data_none");
      config.setIncludesDirectory("_includes");
    },
  });
  eleventy.disableLogger();
  // Eleventy renders; the pages are written here, checked to stay inside the
  // output folder, and written in parallel (Eleventy writes one at a time).
  const pages = (await eleventy.toJSON()) as unknown as { outputPath: string | false; content: string }[];
  const root = path.resolve(outDir) + path.sep;
  const files = pages
    .filter((page): page is { outputPath: string; content: string } => typeof page.outputPath === "string")
    .map((page) => ({ file: path.resolve(page.outputPath), content: page.content }));
  for (const { file } of files) {
    if (!file.startsWith(root)) throw new Error(`a template tried to write outside the output folder: ${file}`);
  }
  await writeFiles(files);
}

/** Write files concurrently, creating each folder once. */
async function writeFiles(files: readonly { file: string; content: string }[], concurrency = 16): Promise<void> {
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const { file, content } = files[next++]!;
      await folder(path.dirname(file));
      await writeFile(file, content);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
