/**
 * The one module that knows Eleventy. It renders the site plan through the
 * Nunjucks templates in layouts/. Eleventy never sees a content file: release
 * bodies reach it as finished, sanitized HTML in global data, so no template
 * language runs over what a press officer wrote, and no front matter of theirs
 * can set a permalink or run code.
 */
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { SitePlan } from "../site/plan.ts";
import type { OutputFile } from "../write-files.ts";

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

/** The HTML pages of the plan, with their paths in the output folder `outDir`. Writes nothing. */
export async function renderSite(plan: SitePlan, outDir: string, options: RenderOptions): Promise<OutputFile[]> {
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
  // Eleventy only renders; the caller writes the pages together with every other file.
  const pages = (await eleventy.toJSON()) as unknown as { outputPath: string | false; content: string }[];
  const root = path.resolve(outDir);
  return pages.flatMap((page) =>
    typeof page.outputPath === "string" ? [{ path: path.relative(root, page.outputPath).split(path.sep).join("/"), content: page.content }] : [],
  );
}
