/**
 * The fuzzing properties, run with fixed seeds and few cases by test/fuzz.test.ts and with
 * 100,000 cases each by `npm run fuzz` (scripts/fuzz.ts).
 *
 * - check: a content folder of generated releases is checked in memory: nothing throws, every
 *   problem names a file of the folder and (but for problems about a whole file) a line, with a
 *   message and a hint and no stack trace, and the report prints; checking twice gives the same.
 *   When the content is valid, every file the build would write (pages, redirects, feeds, vCards,
 *   originals, media kits) lies inside the output folder, and the pages and feeds hold no script,
 *   handler or address of another scheme.
 * - body: a generated body, rendered for a page and for a feed, in each language, holds no
 *   script, no handler and no address whose scheme is not allowed, and renders the same twice.
 */
import path from "node:path";
import fc from "fast-check";
import type { FileSystem } from "../../src/content/fs.ts";
import type { RawContent } from "../../src/content/load.ts";
import { publishedReleases } from "../../src/content/publish.ts";
import { resolveContent } from "../../src/content/site.ts";
import { formatProblems } from "../../src/errors/report.ts";
import { stringsFor } from "../../src/i18n/index.ts";
import { renderBody, sanitizedHtml } from "../../src/markdown/render.ts";
import { absoluteLinks } from "../../src/outputs/feed-html.ts";
import { planKit } from "../../src/outputs/media-kit.ts";
import { mediaFiles, siteFiles } from "../../src/outputs/site-files.ts";
import { defaults as planDefaults, planSite } from "../../src/site/plan.ts";
import { FILES } from "../../src/site/files.ts";
import { outputFileOf } from "../../src/site/urls.ts";
import { inspect } from "../hostile/inspect.ts";
import { body, releases } from "./arbitraries.ts";

const ROOT = path.resolve("/srv/presse/content");
const OUT = path.resolve("/srv/presse/dist");

const SITE = "title: Stadt Musterstadt\nurl: https://presse.musterstadt.de/\nlanguage: de\ntimezone: Europe/Berlin\nfooter:\n  imprint: https://www.musterstadt.de/impressum\n  privacy: https://www.musterstadt.de/datenschutz\n";
const DEPARTMENTS = "tiefbauamt:\n  name: Tiefbauamt\n  contact: jaskowiak\numweltamt:\n  name: Umweltamt\n  contact: jaskowiak\n";
const CONTACTS = "jaskowiak:\n  name: Birgit Jaskowiak\n  phone: 0251 492-6609\n  email: presse@musterstadt.de\n";

/** Problems about a whole file, which have no line: a file too large, a name with a hidden character, a file that is not UTF-8. */
const WHOLE_FILE = new Set(["release-too-large", "zero-width", "bidi-control", "file-unreadable", "symlink", "duplicate-url", "release-location"]);

/** A file system in which every image or document a release names beside it exists (inside the content folder only). */
const fileSystem: FileSystem = {
  realFile: (p: string) => (p.startsWith(ROOT + path.sep) && /\.(jpe?g|png|webp|pdf)$/i.test(p) ? p : undefined),
};

const rawContent = (files: readonly [string, string][]): RawContent => ({
  root: ROOT,
  texts: new Map([["site.yaml", SITE], ["departments.yaml", DEPARTMENTS], ["contacts.yaml", CONTACTS], ...files]),
  releaseFiles: files.map(([file]) => file).sort(),
  unreadable: new Map(),
});

const STACK = /\n\s+at\s/;
const NOW = Date.UTC(2026, 11, 1);

/** What is wrong with checking these files; an empty list when all holds. */
export function checkFindings(files: readonly [string, string][]): string[] {
  const found: string[] = [];
  const known = new Set(["site.yaml", "departments.yaml", "contacts.yaml", ...files.map(([file]) => file)]);
  const result = resolveContent(rawContent(files), fileSystem);
  for (const p of result.problems) {
    const where = `${p.code} ${p.file}:${p.line ?? "-"}`;
    if (!known.has(p.file)) found.push(`${where}: names no file of the folder`);
    if (p.line === undefined && !WHOLE_FILE.has(p.code)) found.push(`${where}: no line`);
    if (p.line !== undefined && !(Number.isInteger(p.line) && p.line >= 1)) found.push(`${where}: line ${p.line}`);
    if (!p.message || !p.hint) found.push(`${where}: no message or hint`);
    if (STACK.test(p.message) || STACK.test(p.hint)) found.push(`${where}: a stack trace`);
  }
  const sources = new Map(files);
  formatProblems(result.problems, { sources, color: false, language: "de" });
  formatProblems(result.warnings, { sources, color: false, language: "en" });
  const again = resolveContent(rawContent(files), fileSystem);
  if (JSON.stringify(again.problems) !== JSON.stringify(result.problems) || JSON.stringify(again.model?.releases) !== JSON.stringify(result.model?.releases)) {
    found.push("checking twice gave different results");
  }
  if (!result.model || result.problems.length > 0) return found;

  const model = result.model;
  const published = publishedReleases(model, { now: NOW, drafts: false, preview: false });
  const plan = planSite(model, published, { ...planDefaults, now: NOW });
  const strings = stringsFor(model.site.language);
  const files_ = [
    ...plan.releases.map((r) => outputFileOf(r.path)),
    ...plan.listings.map((l) => outputFileOf(l.path)),
    ...plan.indexes.map((i) => outputFileOf(i.path)),
    ...plan.extras.map((e) => outputFileOf(e.path)),
    ...plan.redirects.map((r) => r.outputPath),
    ...siteFiles(plan, []).map((f) => f.path),
    ...mediaFiles(published).map((f) => f.path),
    ...published.flatMap((r) => planKit(r, model.site, strings)?.path ?? []),
  ];
  for (const file of files_) {
    const resolved = path.resolve(OUT, file);
    if (!resolved.startsWith(OUT + path.sep) || file.includes("\0")) found.push(`would write outside the output folder: ${JSON.stringify(file)}`);
  }
  for (const view of plan.releases) found.push(...inspect(view.bodyHtml, `page ${view.path}`, "body"));
  for (const file of siteFiles(plan, [])) {
    if (typeof file.content !== "string") continue;
    if (file.path === FILES.jsonFeed || (file.path.endsWith(".xml") && file.content.includes("<feed"))) found.push(...feedFindings(file.path, file.content));
  }
  return found;
}

/** The entries of a feed file, each read as HTML. */
function feedFindings(file: string, content: string): string[] {
  if (file.endsWith(".json")) {
    const feed = JSON.parse(content) as { items?: { id?: string; content_html?: string }[] };
    return (feed.items ?? []).flatMap((item) => inspect(item.content_html ?? "", `${file} ${item.id}`, "body"));
  }
  const entries = [...content.matchAll(/<content type="html"[^>]*>([\s\S]*?)<\/content>/g)].map((m) => m[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  return entries.flatMap((html, i) => inspect(html, `${file} entry ${i + 1}`, "body"));
}

/** What is wrong with a rendered body; an empty list when all holds. */
export function bodyFindings(source: string): string[] {
  const page = renderBody(source);
  const found = [
    ...inspect(page, "page", "body"),
    ...inspect(absoluteLinks(page, "https://presse.musterstadt.de/2026/11/27/radwege/"), "feed", "body"),
    ...inspect(renderBody(source, undefined, (text) => sanitizedHtml(text, "de")), "page (de)", "body"),
    ...inspect(renderBody(source, undefined, (text) => sanitizedHtml(text, "en")), "page (en)", "body"),
  ];
  if (renderBody(source) !== page) found.push("rendered twice, different");
  found.push(...unbalanced(sanitizedHtml(source)));
  return found;
}

const VOID = new Set(["br", "hr", "img", "source", "wbr"]);

/** Tags the sanitizer opened and did not close, or closed without opening: its output is written, not parsed, so this is what a reader's browser would have to repair. */
function unbalanced(html: string): string[] {
  const open: string[] = [];
  const found: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
    if (VOID.has(name!)) continue;
    if (!closing) open.push(name!);
    else if (open.pop() !== name) found.push(`</${name}> closes another element`);
  }
  if (open.length > 0) found.push(`unclosed: ${open.join(", ")}`);
  return found;
}

export interface Property {
  readonly name: string;
  readonly property: fc.IProperty<[unknown]>;
}

const holds = (findings: string[]): boolean => {
  if (findings.length > 0) throw new Error(findings.slice(0, 5).join("\n"));
  return true;
};

export const PROPERTIES: readonly Property[] = [
  { name: "check", property: fc.property(releases, (files) => holds(checkFindings(files))) as fc.IProperty<[unknown]> },
  { name: "body", property: fc.property(body, (source) => holds(bodyFindings(source))) as fc.IProperty<[unknown]> },
];
