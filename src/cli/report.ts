/**
 * What `check` and `build` print: problems for people (stderr, with code
 * frames, in the site's language) or machines (--json on stdout), and the
 * releases that wait for their time.
 */
import path from "node:path";
import { formatInstant } from "../content/dates.ts";
import type { Waiting, WaitingItem } from "../content/waiting.ts";
import { inert, inertJson } from "../errors/inert.ts";
import { reportLanguage } from "../errors/language.ts";
import type { Problem } from "../errors/problem.ts";
import { reportText, type Outcome } from "../errors/report-text.ts";
import { formatProblems, problemsToJson } from "../errors/report.ts";
import type { Language } from "../i18n/strings.ts";

export interface PrintOptions {
  /** Default: the language of the site (site.yaml among `sources`), else English. */
  readonly language?: Language;
  /** The content folder as given on the command line: paths are then shown from the working folder. */
  readonly contentDir?: string;
  readonly outcome?: Outcome;
  readonly out?: string;
}

/**
 * A content-relative path as the press officer sees it from the working
 * folder (the repository's root): content/releases/x.md. A content folder
 * outside the working folder is named by its full path.
 */
export const pathFromCwd =
  (contentDir: string, cwd = process.cwd()) =>
  (file: string): string => {
    const absolute = path.resolve(cwd, contentDir, file);
    const relative = path.relative(cwd, absolute);
    return (relative.startsWith("..") || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join("/");
  };

/** A value as one line of JSON on standard output: JSON-escaped, and what JSON leaves as it is escaped too (inertJson). */
export const jsonLine = (value: unknown): string => inertJson(JSON.stringify(value)) + "\n";

/** Colours only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org). */
export const useColor = (stream: NodeJS.WriteStream): boolean => stream.isTTY === true && !process.env.NO_COLOR;

export function printProblems(
  problems: readonly Problem[],
  sources: ReadonlyMap<string, string>,
  json: boolean,
  options: PrintOptions = {},
): void {
  const language = options.language ?? reportLanguage(undefined, sources.get("site.yaml"));
  const shown = options.contentDir === undefined ? undefined : pathFromCwd(options.contentDir);
  if (json) {
    process.stdout.write(inertJson(problemsToJson(problems, { language, ...(shown && { path: shown }) })));
    return;
  }
  process.stderr.write(
    formatProblems(problems, {
      sources,
      color: useColor(process.stderr),
      language,
      ...(shown && { path: shown }),
      ...(options.outcome && { outcome: options.outcome }),
      ...(options.out !== undefined && { out: options.out }),
    }),
  );
}

/** The releases and withdrawals waiting for their time (soonest first) and the number of drafts, for --json. */
export function waitingJson(waiting: Waiting, options: { drafts: boolean }) {
  const json = (i: WaitingItem) => ({ file: i.file, title: i.title, url: i.url, date: new Date(i.instant).toISOString() });
  return {
    waiting: waiting.releases.map(json),
    withdrawals: waiting.allWithdrawals.map(json),
    ...(!options.drafts && { drafts: waiting.drafts }),
  };
}

/**
 * What waits, for people: "1 Meldung mit Sperrfrist: „…“ erscheint am
 * 01.12.2026 um 09:00 Uhr" (several: one a line, soonest first), the
 * withdrawals waiting for their time the same way, then the drafts counted.
 * Empty when nothing waits. `drafts`: the build publishes drafts, so none is left out.
 */
export function waitingText(waiting: Waiting, language: Language, options: { drafts: boolean }): string {
  const t = reportText(language);
  const zone = waiting.timeZone;
  const lines: string[] = [];
  type Line = (title: string, date: string, time: string | undefined) => string;
  /** One line after the heading for a single one, else the heading and a line each, indented. */
  const group = (heading: (n: number) => string, line: Line, items: readonly WaitingItem[]): void => {
    const say = (i: WaitingItem): string =>
      line(inert(i.title), formatInstant(i.instant, zone, t.dateFormat), i.hasTime ? formatInstant(i.instant, zone, t.timeFormat) : undefined);
    if (items.length === 1) lines.push(`${heading(1)} ${say(items[0]!)}`);
    else if (items.length > 1) lines.push(heading(items.length), ...items.map((i) => `  ${say(i)}`));
  };
  group(t.waitingHeading, t.waitingLine, waiting.releases);
  // Of releases already public: a release still under embargo is said above (schedule lists its withdrawal too).
  group(t.withdrawalsHeading, t.withdrawalLine, waiting.withdrawals);
  const unfinished = options.drafts ? 0 : waiting.drafts;
  if (unfinished > 0) lines.push(t.drafts(unfinished));
  return lines.map((line) => line + "\n").join("");
}
