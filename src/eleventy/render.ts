/**
 * The one module that knows Eleventy. It renders the site plan through the
 * Nunjucks templates in layouts/. Eleventy never sees a content file: release
 * bodies reach it as finished, sanitized HTML in global data, so no template
 * language runs over what a press officer wrote, and no front matter of theirs
 * can set a permalink or run code.
 */
import path from "node:path";
// First: before Eleventy is loaded.
import "./no-import-hooks.ts";
import Eleventy from "@11ty/eleventy";
import type { TemplateData } from "./data.ts";
import { compiledTemplate, restrictTemplates } from "./nunjucks.ts";
import { INCLUDES, replaceableTemplates } from "./overrides.ts";
import type { OutputFile } from "../write-files.ts";

const refuse = (): never => {
  throw new Error("JavaScript front matter is disabled in pressroom templates");
};

export interface RenderOptions {
  /** Folder with the templates (default: the package's layouts/). */
  readonly layoutsDir: string;
}

/** The HTML pages of `data`'s lists (and the 404 page), with their paths in the output folder `outDir`. Writes nothing. */
export async function renderSite(data: TemplateData, outDir: string, options: RenderOptions): Promise<OutputFile[]> {
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
      // Frozen: Eleventy's pagination gives each page its data through a proxy over the global data, which wraps
      // every object it hands out in another proxy on each lookup, except a frozen one (Util/Objects/ProxyWrap.js).
      config.addGlobalData("pressroom", Object.freeze({ ...data }));
      config.setDataDirectory("_data_none");
      config.setIncludesDirectory(INCLUDES);
      // Eleventy's own loader also reads from the working folder, by any path: {% include %} reads
      // pressroom's templates by name and nothing else (a city's template is checked for that as well).
      const includes = path.join(input, INCLUDES);
      const names = new Set(replaceableTemplates(input));
      let environment: unknown;
      config.amendLibrary("njk", (env: unknown) => {
        restrictTemplates(env, includes, names);
        environment = env;
      });
      // Each template's text and permalink compiled once for all the pages of this run. Kept here, not in Eleventy's
      // compile cache: that one is global to the process, and a preview's runs would each leave an environment in it.
      const compiled = new Map<string, (data: object) => Promise<string>>();
      config.addExtension("njk", {
        compileOptions: { cache: false, permalink: true },
        compile: (source: string, file: string) => {
          const key = `${file}\0${source}`;
          let render = compiled.get(key);
          if (render === undefined) compiled.set(key, (render = compiledTemplate(environment, source, file)));
          return render;
        },
      });
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
