import { catalog, warnings, type ErrorCode, type ParamsOf, type WarningCode, type WarningParamsOf } from "./catalog.ts";

/** Where in the content a problem sits. Lines and columns count from 1. */
export interface Location {
  /** Path relative to the content folder, with forward slashes. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The front matter or YAML field, dotted for nested ones: media.0.alt */
  readonly field?: string;
}

/** How a problem names a character: "U+200B". */
export const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** A character nobody sees, written out where a report shows text: "‹U+200B›". */
export const codePointMark = (char: string): string => `‹${codePoint(char)}›`;

/**
 * A line of the problem's file written as the hint proposes: put in place of
 * line `line`, it ends the problem, and the page shows what the writer meant
 * (test/hints.test.ts proves each one). A hint with a fix shows its line.
 */
export interface Fix {
  readonly line: number;
  readonly text: string;
}

export interface Problem extends Location {
  readonly code: ErrorCode | WarningCode;
  /** Errors stop a build; warnings are reported and the build goes on. */
  readonly severity: "error" | "warning";
  /** In English, as made; a report in another language renders them again from `params` (report.ts). */
  readonly title: string;
  readonly message: string;
  readonly hint: string;
  /** The facts the catalog entry was given: what a report in another language needs. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** The lines the hint proposes, each a fix on its own (the first is the hint's first choice). */
  readonly fixes?: readonly Fix[];
}

/** A catalog entry's texts, as made from its facts. */
interface Entry<P> {
  readonly title: string;
  readonly message: (p: P) => string;
  readonly hint: (p: P) => string;
}

/** A problem made from a catalog entry: its texts, its facts (for another language) and the lines its hint proposes. */
function made<P>(entry: Entry<P>, code: ErrorCode | WarningCode, severity: Problem["severity"], at: Location, params: P, fixes: readonly Fix[]): Problem {
  return {
    ...at,
    code,
    severity,
    title: entry.title,
    message: entry.message(params),
    hint: entry.hint(params),
    params: params as Readonly<Record<string, unknown>>,
    ...(fixes.length > 0 && { fixes }),
  };
}

export function problem<C extends ErrorCode>(code: C, at: Location, params: ParamsOf<C>, fixes: readonly Fix[] = []): Problem {
  return made(catalog[code] as unknown as Entry<ParamsOf<C>>, code, "error", at, params, fixes);
}

export function warning<C extends WarningCode>(code: C, at: Location, params: WarningParamsOf<C>, fixes: readonly Fix[] = []): Problem {
  return made(warnings[code] as unknown as Entry<WarningParamsOf<C>>, code, "warning", at, params, fixes);
}

/** Thrown once, after every problem of a run has been collected. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the content`);
    this.name = "ContentError";
    this.problems = problems;
  }
}

/** Stable order for reports: by file, then line, then code. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file, "en") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code, "en"),
  );
}
