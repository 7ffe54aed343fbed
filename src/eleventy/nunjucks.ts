/**
 * The Nunjucks that Eleventy renders with, behind one module: its parser
 * (to check a city's templates before anything renders them) and the loader
 * that decides which files `{% include %}`, `{% import %}` and `{% extends %}`
 * may read.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { TemplateNode } from "./template-rules.ts";

interface NunjucksLoaderSource {
  src: string;
  path: string;
  noCache: boolean;
}
interface NunjucksEnvironment {
  loaders: unknown[];
}
interface NunjucksTemplate {
  render(context: object, callback: (error: Error | null, result: string) => void): void;
}
interface NunjucksModule {
  parser: { parse(source: string): TemplateNode };
  Loader: new () => object;
  Template: new (source: string, env: unknown, path: string, eagerCompile: boolean) => NunjucksTemplate;
}

let nunjucks: NunjucksModule | undefined;
/** The very Nunjucks Eleventy depends on, loaded on first use. */
const load = (): NunjucksModule => (nunjucks ??= createRequire(import.meta.resolve("@11ty/eleventy"))("nunjucks") as NunjucksModule);

/** The syntax tree of `source`; throws Nunjucks' TemplateError (with `lineno`) when it cannot be parsed. */
export const parseTemplate = (source: string): TemplateNode => load().parser.parse(source);

/**
 * A loader that reads only `names` from `includesDir`, by exactly those
 * names: not the working folder Eleventy's own loader also searches, no
 * absolute path, no `..`, no hidden file, no file added to the folder later.
 * A name outside the set is "not found", and the build stops there.
 */
function restrictedLoader(includesDir: string, names: ReadonlySet<string>): object {
  const { Loader } = load();
  const loader = Object.assign(new Loader(), {
    // Eleventy's watcher looks these up on every loader to drop a changed template from the cache.
    pathsToNames: {} as Record<string, string>,
    cache: {} as Record<string, unknown>,
    getSource(name: string): NunjucksLoaderSource | null {
      if (!names.has(name)) return null;
      const full = path.join(includesDir, ...name.split("/"));
      loader.pathsToNames[full] = name;
      return { src: readFileSync(full, "utf8"), path: full, noCache: false };
    },
  });
  return loader;
}

/** Makes `env` (Eleventy's Nunjucks environment) read templates only through a restricted loader. */
export function restrictTemplates(env: unknown, includesDir: string, names: ReadonlySet<string>): void {
  (env as NunjucksEnvironment).loaders = [restrictedLoader(includesDir, names)];
}

/**
 * A render function for `source` (a page template's text, or its permalink) compiled once in `env`: Eleventy's own
 * Nunjucks engine makes a new template of the same text for every page it renders, and compiles it each time.
 */
export function compiledTemplate(env: unknown, source: string, file: string): (data: object) => Promise<string> {
  const template = new (load().Template)(source, env, file, true);
  return (data) =>
    new Promise((resolve, reject) => {
      template.render(data, (error, result) => (error ? reject(error) : resolve(result)));
    });
}
