/**
 * Reports of content problems, for people (errors first, then warnings apart,
 * each with place, field, message, hint and code frame, and a summary line)
 * and for machines (JSON). Problems are made in English; a report in another
 * language says each one again from the facts it was made with.
 */
import type { Language } from "../i18n/strings.ts";
import { catalogDe, warningsDe } from "./catalog-de.ts";
import type { CatalogEntry } from "./catalog.ts";
import type { Problem } from "./problem.ts";
import { inert } from "./inert.ts";
import { codePointMark, sortProblems } from "./problem.ts";
import { reportText, type Outcome } from "./report-text.ts";

export interface ReportOptions {
  /** File contents by content-relative path, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly color: boolean;
  /** Default: English. */
  readonly language?: Language;
  /** How a content-relative path is shown (default: as it is), e.g. from the repository's root. */
  readonly path?: (file: string) => string;
  /** What the summary line says became of the output: nothing to say for `check`, the output kept for `build`. */
  readonly outcome?: Outcome;
  /** The output folder of a build, named in the summary. */
  readonly out?: string;
}

/** Title, message and hint of a problem in `language`. */
export function localize(p: Problem, language: Language): { title: string; message: string; hint: string } {
  const english = { title: p.title, message: p.message, hint: p.hint };
  if (language === "en" || p.params === undefined) return english;
  const table = (p.severity === "warning" ? warningsDe : catalogDe) as Readonly<Record<string, CatalogEntry<unknown>>>;
  const entry = Object.hasOwn(table, p.code) ? table[p.code] : undefined;
  if (entry === undefined) return english;
  return { title: entry.title, message: entry.message(p.params), hint: entry.hint(p.params) };
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

const TAB = "→ ";

/** Characters nobody sees (those that act on a terminal are inert's): shown by their code point, as they are often the mistake. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** A line as a frame shows it: a tab as an arrow and a space, a control or an invisible character as ‹U+200B›. */
const visible = (line: string): string => inert(line.replace(/\t/g, TAB)).replace(INVISIBLE, codePointMark);

/** What comes before a YAML line's value: `  - file: ` of `  - file: foto.jpg`. */
const FIELD_VALUE = /^(\s*(?:-\s+)?[^\s:#"'][^:#]*:[ \t]+)[^\s#]/;

/** Where a problem points on its line: at its column; a field's problem without one at the value after its key; else where the text starts. */
export interface FramePoint {
  readonly column?: number;
  readonly field?: boolean;
}

function columnIn(raw: string, { column, field }: FramePoint): number {
  if (column !== undefined) return column;
  const value = field ? FIELD_VALUE.exec(raw) : null;
  return (value ? value[1]!.length : raw.length - raw.trimStart().length) + 1;
}

/** A few lines of the file around `line`, the line itself marked where `at` points. */
export function codeFrame(source: string, line: number, at: FramePoint = {}, context = 2): string {
  const lines = source.split("\n");
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = (lines[n - 1] ?? "").replace(/\r$/, "");
    // A tab or an invisible character is shown: it is often the mistake.
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${visible(raw)}`);
    if (n === line) {
      const before = visible(raw.slice(0, Math.max(0, columnIn(raw, at) - 1))).length;
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(before)}^`);
    }
  }
  return out.join("\n");
}

function locationText(p: Problem, shown: string): string {
  let at = shown;
  if (p.line !== undefined) at += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) at += `:${p.column}`;
  return at;
}

/** The human report: errors, then warnings under a heading of their own, then one summary line. */
export function formatProblems(problems: readonly Problem[], options: ReportOptions): string {
  const c = options.color;
  const language = options.language ?? "en";
  const t = reportText(language);
  const shownPath = (p: Problem): string => (p.code === "content-folder-missing" ? p.file : (options.path ?? ((f) => f))(p.file));
  const block = (p: Problem): string => {
    // Messages, hints, file names and fields quote the content: inert before they are painted and put on their lines.
    const said = localize(p, language);
    const label = p.severity === "warning" ? paint(c, "33", `${t.warning}: ${inert(said.title)}`) : paint(c, "31", inert(said.title));
    const lines = [`${paint(c, "1", locationText(p, inert(shownPath(p))))}  ${label} [${p.code}]`];
    if (p.field !== undefined) lines.push(`  ${t.field}: ${inert(p.field)}`);
    lines.push(`  ${inert(said.message)}`);
    lines.push(`  ${paint(c, "36", `${t.hint}:`)} ${inert(said.hint)}`);
    const source = options.sources.get(p.file);
    if (source !== undefined && p.line !== undefined) lines.push(codeFrame(source, p.line, { column: p.column, field: p.field !== undefined }).replace(/^/gm, "  "));
    return lines.join("\n");
  };
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === "error");
  const warnings = sorted.filter((p) => p.severity === "warning");
  const out: string[] = [];
  if (errors.length > 0) out.push(paint(c, "1;31", t.errorsHeading(errors.length)), ...errors.map(block));
  if (warnings.length > 0) out.push(paint(c, "1;33", t.warningsHeading(warnings.length)), ...warnings.map(block));
  if (errors.length > 0) out.push(paint(c, "31", t.failed(errors.length, warnings.length, options.outcome, options.out)));
  else if (warnings.length > 0) out.push(paint(c, "33", t.warnedOnly(warnings.length)));
  return out.join("\n\n") + "\n";
}

export interface JsonOptions {
  readonly language?: Language;
  /** How a content-relative path is shown from the repository's root: each problem gets it as `path`. */
  readonly path?: (file: string) => string;
}

/** A problem as JSON: its code, place (`file` content-relative, `path` from the working folder) and words in the report's language. */
export function problemJson(p: Problem, options: JsonOptions = {}): Record<string, unknown> {
  const said = localize(p, options.language ?? "en");
  return {
    code: p.code,
    severity: p.severity,
    file: p.file,
    ...(options.path && p.code !== "content-folder-missing" && { path: options.path(p.file) }),
    ...(p.line !== undefined && { line: p.line }),
    ...(p.column !== undefined && { column: p.column }),
    ...(p.field !== undefined && { field: p.field }),
    ...said,
    // For an editor or a bot: each line the hint proposes, to put in place of the line it names.
    ...(p.fixes !== undefined && { fixes: p.fixes }),
  };
}

/** Machine-readable report (for CI annotations). */
export function problemsToJson(problems: readonly Problem[], options: JsonOptions = {}): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === "error").map((p) => problemJson(p, options));
  const warnings = sorted.filter((p) => p.severity === "warning").map((p) => problemJson(p, options));
  return JSON.stringify({ ok: errors.length === 0, problems: errors, warnings }, null, 2) + "\n";
}
