/**
 * Problems as GitHub Actions workflow commands (`::error file=…,line=…::…`):
 * printed by a workflow step, GitHub shows each one on its line of the
 * changed file in a pull request. GitHub shows at most ten errors and ten
 * warnings of a step that way; the full report stays in the log.
 */
import path from "node:path";
import type { Language } from "../i18n/strings.ts";
import type { Problem } from "./problem.ts";
import { inert } from "./inert.ts";
import { sortProblems } from "./problem.ts";
import { localize } from "./report.ts";

/**
 * The runner reads a command up to the end of its line, so line breaks (and the escape sign itself) are encoded.
 * GitHub's own rules; the text that goes in is made inert first (annotation), so no other control reaches the log either.
 */
export const escapeData = (text: string): string => text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");

/** Properties end at "," and the property list at "::", so those signs are encoded too. */
export const escapeProperty = (text: string): string => escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");

export interface AnnotationOptions {
  /** The content folder, as given on the command line: problem paths are relative to it. */
  readonly contentDir: string;
  /** The repository working folder: GitHub matches annotation paths relative to it. */
  readonly cwd: string;
  /** The language of the messages (default English). */
  readonly language?: Language;
}

/** A problem's file relative to the working folder, with forward slashes as GitHub expects on every system. */
export function annotationPath(file: string, options: AnnotationOptions): string {
  return path.relative(options.cwd, path.resolve(options.cwd, options.contentDir, file)).split(path.sep).join("/");
}

function annotation(p: Problem, options: AnnotationOptions): string {
  const properties: string[] = [];
  // A missing content folder is no file GitHub could show; the annotation goes to the run as a whole.
  if (p.code !== "content-folder-missing") properties.push(`file=${escapeProperty(inert(annotationPath(p.file, options)))}`);
  if (p.line !== undefined) properties.push(`line=${p.line}`);
  properties.push(`title=${escapeProperty(p.code)}`);
  const said = localize(p, options.language ?? "en");
  return `::${p.severity} ${properties.join(",")}::${escapeData(inert(`${said.message} — ${said.hint}`))}`;
}

/** One workflow command a line for every problem, in report order; empty when there are none. */
export function formatAnnotations(problems: readonly Problem[], options: AnnotationOptions): string {
  return sortProblems(problems)
    .map((p) => annotation(p, options) + "\n")
    .join("");
}
