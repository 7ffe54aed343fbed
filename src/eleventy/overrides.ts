/**
 * Templates a city replaces: a file in the content folder's layouts/ takes the
 * place of pressroom's template of the same name (layouts/_includes/ of the
 * package). Each is read with the Nunjucks parser Eleventy renders with and
 * refused when it could unescape text or reach JavaScript: the content
 * repository takes pull requests from many hands, and CI builds it with deploy
 * secrets in reach, so a template is checked like content.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { inCodeUnitOrder } from "../compare.ts";
import { problem, type Problem } from "../errors/problem.ts";
import { closest } from "../content/suggest.ts";
import { renderFingerprint } from "../fingerprint.ts";
import { LAYOUTS_DIR } from "./layouts.ts";

/** The folder of the content repository whose templates replace pressroom's. */
export const OVERRIDES_DIR = "layouts";
const INCLUDES = "_includes";

/** Values pressroom renders to safe HTML itself: the only ones a template may print with `| safe`. */
const SAFE_VALUES = new Set(["release.bodyHtml", "image.html", "release.sharing.jsonLd", "item.thumbnail"]);
/** Names that lead from a value to JavaScript's constructors (and so to running code). */
const FORBIDDEN_NAMES = new Set([
  "constructor", "__proto__", "prototype", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "call", "apply", "bind",
]);

interface NunjucksNode {
  readonly typename: string;
  readonly fields?: readonly string[];
  readonly value?: unknown;
  readonly lineno?: number;
  readonly [field: string]: unknown;
}

type Parser = { parse(source: string): NunjucksNode };
let parser: Parser | undefined;
/** The parser of the very Nunjucks that Eleventy renders with, loaded only when a site replaces a template. */
const nunjucksParser = (): Parser =>
  (parser ??= (createRequire(import.meta.resolve("@11ty/eleventy"))("nunjucks") as { parser: Parser }).parser);

/** The files below `dir` by their path relative to it, sorted; hidden ones left out, symbolic links listed but never followed. */
function filesBelow(dir: string): { files: string[]; links: Set<string> } {
  const links = new Set<string>();
  const walk = (folder: string, prefix: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      if (entry.name.startsWith(".")) return [];
      const name = `${prefix}${entry.name}`;
      if (entry.isSymbolicLink()) links.add(name);
      else if (entry.isDirectory()) return walk(path.join(folder, entry.name), `${name}/`);
      return [name];
    });
  return { files: walk(dir, "").sort(inCodeUnitOrder), links };
}

/** The template names a city may replace, relative to layouts/_includes/: "base.njk", "pages/release.njk" … */
export const replaceableTemplates = (layoutsDir: string = LAYOUTS_DIR): string[] =>
  filesBelow(path.join(layoutsDir, INCLUDES)).files.filter((name) => name.endsWith(".njk"));

/** The dotted path of a lookup (`release.sharing.jsonLd`), or undefined when a part is computed. */
function lookupPath(node: NunjucksNode): string | undefined {
  if (node.typename === "Symbol") return String(node.value);
  if (node.typename === "LookupVal") {
    const target = lookupPath(node.target as NunjucksNode);
    const key = node.val as NunjucksNode;
    return target !== undefined && key.typename === "Literal" ? `${target}.${String(key.value)}` : undefined;
  }
  return undefined;
}

const children = (node: NunjucksNode): NunjucksNode[] =>
  (node.fields ?? []).flatMap((field) => {
    const value = node[field];
    if (Array.isArray(value)) return value.filter((v): v is NunjucksNode => typeof v === "object" && v !== null && "typename" in v);
    return typeof value === "object" && value !== null && "typename" in value ? [value as NunjucksNode] : [];
  });

/** What in a parsed template is not allowed, in words for the message ("| safe on site.title"), with its line. */
export function unsafeParts(root: NunjucksNode): { what: string; line?: number }[] {
  const found: { what: string; line?: number }[] = [];
  const at = (node: NunjucksNode) => (node.lineno === undefined ? {} : { line: node.lineno + 1 });
  const visit = (node: NunjucksNode): void => {
    if (node.typename === "Filter") {
      const name = lookupPath(node.name as NunjucksNode);
      if (name === "safe") {
        const [argument] = children(node.args as NunjucksNode);
        const target = argument && lookupPath(argument);
        if (target === undefined || !SAFE_VALUES.has(target)) found.push({ what: `| safe on ${target ?? "a computed value"}`, ...at(node) });
      }
    }
    if (node.typename === "LookupVal") {
      const key = node.val as NunjucksNode;
      if (key.typename !== "Literal") found.push({ what: "a computed name in [ ]", ...at(node) });
      else if (FORBIDDEN_NAMES.has(String(key.value))) found.push({ what: `the name "${String(key.value)}"`, ...at(node) });
    }
    if (node.typename === "Symbol" && FORBIDDEN_NAMES.has(String(node.value))) found.push({ what: `the name "${String(node.value)}"`, ...at(node) });
    for (const child of children(node)) visit(child);
  };
  visit(root);
  return found;
}

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
  const { files, links } = filesBelow(dir);
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
    let root: NunjucksNode;
    try {
      root = nunjucksParser().parse(text);
    } catch (error) {
      // Nunjucks' TemplateError: the message, and the line (from 1) where parsing stopped.
      const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
      const lineno = (error as { lineno?: unknown }).lineno;
      problems.push(problem("layout-broken", { file, ...(typeof lineno === "number" && lineno > 0 && { line: lineno }) }, { name, detail }));
      continue;
    }
    const unsafe = unsafeParts(root);
    for (const part of unsafe) problems.push(problem("layout-unsafe", { file, ...(part.line !== undefined && { line: part.line }) }, { name, what: part.what }));
    if (unsafe.length === 0) templates.set(name, text);
  }
  return { templates, problems, sources };
}

/**
 * The templates to render with: pressroom's own folder when nothing is
 * replaced, else a copy with the city's templates in place, in `cacheDir`,
 * named by its contents so a build never renders with a half-written one.
 */
export function layoutsWith(templates: ReadonlyMap<string, string>, cacheDir: string, layoutsDir: string = LAYOUTS_DIR): string {
  if (templates.size === 0) return layoutsDir;
  // pressroom's own templates count too: after an upgrade, the copy is made again.
  const hash = createHash("sha256").update(renderFingerprint(layoutsDir));
  for (const [name, text] of [...templates].sort(([a], [b]) => inCodeUnitOrder(a, b))) hash.update(`${name}\0${text}\0`);
  const target = path.join(cacheDir, `layouts-${hash.digest("hex").slice(0, 16)}`);
  if (existsSync(target)) return target;
  // Only the newest copy is kept.
  for (const old of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    if (old.startsWith("layouts-")) rmSync(path.join(cacheDir, old), { recursive: true, force: true });
  }
  const partial = `${target}.${process.pid}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(path.dirname(partial), { recursive: true });
  cpSync(layoutsDir, partial, { recursive: true });
  for (const [name, text] of templates) writeFileSync(path.join(partial, INCLUDES, name), text);
  renameSync(partial, target);
  return target;
}
