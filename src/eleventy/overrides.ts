/**
 * Templates a city replaces: a file in the content folder's layouts/ takes the
 * place of pressroom's template of the same name (layouts/_includes/ of the
 * package). Each is read with the parser of the Nunjucks Eleventy renders with
 * and refused unless everything in it is on the list of what a template may
 * use (template-rules.ts): the content repository takes pull requests from
 * many hands, and CI builds it with deploy secrets in reach, so a template is
 * checked like content. What renders them reads nothing but these templates
 * (nunjucks.ts), and the copy it renders from is checked on every build.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inCodeUnitOrder } from "../compare.ts";
import { problem, type Problem } from "../errors/problem.ts";
import { closest } from "../content/suggest.ts";
import { LAYOUTS_DIR } from "./layouts.ts";
import { parseTemplate } from "./nunjucks.ts";
import { broughtTemplates, markupRefusals, refusals, type TemplateNode } from "./template-rules.ts";

/** The folder of the content repository whose templates replace pressroom's. */
export const OVERRIDES_DIR = "layouts";
export const INCLUDES = "_includes";

/** The files below `dir` by their path relative to it, sorted, hidden ones too; symbolic links listed but never followed. */
function filesBelow(dir: string, { hidden }: { hidden: boolean }): { files: string[]; links: Set<string> } {
  const links = new Set<string>();
  const walk = (folder: string, prefix: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      if (!hidden && entry.name.startsWith(".")) return [];
      const name = `${prefix}${entry.name}`;
      if (entry.isSymbolicLink()) links.add(name);
      else if (entry.isDirectory()) return walk(path.join(folder, entry.name), `${name}/`);
      return [name];
    });
  return { files: walk(dir, "").sort(inCodeUnitOrder), links };
}

/** The template names a city may replace, relative to layouts/_includes/: "base.njk", "pages/release.njk" … */
export const replaceableTemplates = (layoutsDir: string = LAYOUTS_DIR): string[] =>
  filesBelow(path.join(layoutsDir, INCLUDES), { hidden: false }).files.filter((name) => name.endsWith(".njk"));

/** What in a template's syntax tree is not allowed; `known` are the templates it may bring in (default: pressroom's own). */
export const unsafeParts = (root: TemplateNode, known: readonly string[] = replaceableTemplates()) => [
  ...refusals(root, new Set(known)),
  ...markupRefusals(root),
];

export interface Overrides {
  /** Name under layouts/_includes/ → the city's template text. */
  readonly templates: ReadonlyMap<string, string>;
  readonly problems: readonly Problem[];
  /** Every override's text by its content-relative path, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
}

/** The content folder's template overrides, each checked. */
export function readOverrides(contentDir: string, layoutsDir: string = LAYOUTS_DIR): Overrides {
  const dir = path.join(contentDir, OVERRIDES_DIR);
  const templates = new Map<string, string>();
  const sources = new Map<string, string>();
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { templates, problems, sources };
  const known = replaceableTemplates(layoutsDir);
  // What each accepted template brings in, for the circles below.
  const brings = new Map<string, string[]>();
  // Hidden files too: one of them could be included by a name the check never saw.
  const { files, links } = filesBelow(dir, { hidden: true });
  for (const name of files) {
    const file = `${OVERRIDES_DIR}/${name}`;
    // Reported with every other link of the content folder (content/load.ts).
    if (links.has(name)) continue;
    if (!known.includes(name)) {
      problems.push(problem("layout-unknown", { file }, { name, suggestions: closest(name, known), known }));
      continue;
    }
    const text = readFileSync(path.join(dir, name), "utf8");
    sources.set(file, text);
    let root: TemplateNode;
    try {
      root = parseTemplate(text);
    } catch (error) {
      // Nunjucks' TemplateError: the message, and the line (from 1) where parsing stopped.
      const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
      const lineno = (error as { lineno?: unknown }).lineno;
      problems.push(problem("layout-broken", { file, ...(typeof lineno === "number" && lineno > 0 && { line: lineno }) }, { name, detail }));
      continue;
    }
    const unsafe = unsafeParts(root, known);
    for (const part of unsafe) {
      problems.push(problem("layout-unsafe", { file, ...(part.line !== undefined && { line: part.line }) }, { name, what: part.what, why: part.why }));
    }
    if (unsafe.length === 0) {
      templates.set(name, text);
      brings.set(name, broughtTemplates(root));
    }
  }
  for (const circle of includeCircles(brings, known, layoutsDir)) {
    const name = circle[0]!;
    problems.push(problem("layout-unsafe", { file: `${OVERRIDES_DIR}/${name}` }, { name, what: circle.join(" → "), why: "circle" }));
    templates.delete(name);
  }
  return { templates, problems, sources };
}

/**
 * Circles of templates that bring each other in (a city's base.njk that
 * includes a page that extends base.njk): rendering one would never end. Each
 * circle once, as the names around it, starting at a city's template.
 */
function includeCircles(cities: ReadonlyMap<string, readonly string[]>, known: readonly string[], layoutsDir: string): string[][] {
  if (cities.size === 0) return [];
  // The city's templates as checked above, pressroom's own for the rest.
  const edges = new Map<string, readonly string[]>();
  for (const name of known) {
    edges.set(name, cities.get(name) ?? broughtTemplates(parseTemplate(readFileSync(path.join(layoutsDir, INCLUDES, name), "utf8"))));
  }
  const circles: string[][] = [];
  const seen = new Set<string>();
  for (const start of [...cities.keys()].sort(inCodeUnitOrder)) {
    const walk = (name: string, trail: string[]): void => {
      for (const next of edges.get(name) ?? []) {
        if (next === start) {
          const circle = [...trail, next];
          const key = [...circle.slice(0, -1)].sort(inCodeUnitOrder).join("\0");
          if (!seen.has(key)) {
            seen.add(key);
            circles.push(circle);
          }
        } else if (!trail.includes(next)) walk(next, [...trail, next]);
      }
    };
    walk(start, [start]);
  }
  return circles;
}

/** Every file below `dir` (hidden ones too) with its bytes, by its path relative to it; symbolic links as undefined. */
function treeOf(dir: string): Map<string, Buffer | undefined> {
  const { files, links } = filesBelow(dir, { hidden: true });
  return new Map(files.map((name) => [name, links.has(name) ? undefined : readFileSync(path.join(dir, name))]));
}

/** Whether the folder `dir` holds exactly the files of `expected`, byte for byte, and nothing else (no link, no extra file). */
function holdsExactly(dir: string, expected: ReadonlyMap<string, Buffer>): boolean {
  try {
    if (!lstatSync(dir).isDirectory()) return false;
    const found = treeOf(dir);
    if (found.size !== expected.size) return false;
    for (const [name, bytes] of expected) {
      const there = found.get(name);
      if (there === undefined || !there.equals(bytes)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * The templates to render with: pressroom's own folder when nothing is
 * replaced, else a copy with the city's templates in place, in `cacheDir`,
 * named by its contents. A copy found there is used only when it holds
 * exactly what it should, byte for byte: the cache travels between CI runs,
 * and a copy with one template changed or one file added (which Eleventy
 * would render as a page) is made again, never trusted.
 */
export function layoutsWith(templates: ReadonlyMap<string, string>, cacheDir: string, layoutsDir: string = LAYOUTS_DIR): string {
  if (templates.size === 0) return layoutsDir;
  const expected = new Map<string, Buffer>();
  for (const [name, bytes] of treeOf(layoutsDir)) if (bytes !== undefined) expected.set(name, bytes);
  for (const [name, text] of templates) expected.set(`${INCLUDES}/${name}`, Buffer.from(text));
  const hash = createHash("sha256");
  for (const [name, bytes] of [...expected].sort(([a], [b]) => inCodeUnitOrder(a, b))) hash.update(`${name}\0`).update(bytes).update("\0");
  const target = path.join(cacheDir, `layouts-${hash.digest("hex").slice(0, 16)}`);
  if (holdsExactly(target, expected)) return target;
  // Only the newest copy is kept; a copy that is not what it should be goes too.
  for (const old of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    if (old.startsWith("layouts-")) rmSync(path.join(cacheDir, old), { recursive: true, force: true });
  }
  const partial = `${target}.${process.pid}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  for (const [name, bytes] of expected) {
    const file = path.join(partial, ...name.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  renameSync(partial, target);
  return target;
}
