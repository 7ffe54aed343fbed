/**
 * `title: Wir sind #1 in NRW`: to YAML, a # after a space starts a comment,
 * so the title is "Wir sind" and the rest is gone without a word. A press
 * officer writes "#1" or "#Hashtag" meaning text. A comment pressroom's own
 * templates write comes after two spaces or more and starts "# ", so a #
 * right after one space and right before a word, on the line of a text
 * field, is taken for text that was cut off.
 */
import { warning, type Fix, type Problem } from "../errors/problem.ts";
import { quoted } from "../errors/yaml-mistakes.ts";
import { commentedValue } from "./yaml.ts";

/** The fields whose values are text for readers: where a cut-off end is lost text. */
const TEXT_FIELDS = ["title", "subtitle", "change_note", "reason", "alt", "caption", "credit", "name", "role", "description"];

export interface CutValue {
  /** 1-based line in the file. */
  readonly line: number;
  readonly field: string;
  /** What YAML keeps, and what it takes for a comment. */
  readonly kept: string;
  readonly lost: string;
  /** The line with the whole value in quotes. */
  readonly fix: Fix;
}

const CUT = new RegExp(`^(\\s*(?:-\\s+)?)(${TEXT_FIELDS.join("|")}):[ \\t]+([^\\s"'#|>&*!%@\`{[][^#]*?) (#\\S.*?)\\s*$`);

/** The text fields of a release's front matter (lines 2 to `endLine`) whose value a # cut short. */
export function cutValues(text: string, endLine: number): CutValue[] {
  // Only the front matter, and only when it has " #" at all: most releases have none, and the body is never split.
  let end = 0;
  for (let line = 1; line < endLine && end !== -1; line++) end = text.indexOf("\n", end + 1);
  const front = end === -1 ? text : text.slice(0, end);
  if (!front.includes(" #")) return [];
  const lines = front.split("\n");
  const found: CutValue[] = [];
  for (let i = 1; i < lines.length; i++) {
    const m = CUT.exec(lines[i]!);
    // "text  # a note" (two spaces) is a comment written as one.
    if (!m || /\s$/.test(m[3]!)) continue;
    const [, indent, field, kept, lost] = m as unknown as [string, string, string, string, string];
    found.push({ line: i + 1, field, kept, lost, fix: { line: i + 1, text: `${indent}${field}: ${quoted(`${kept} ${lost}`)}` } });
  }
  return found;
}

export interface CommentedValue {
  /** 1-based line in the file. */
  readonly line: number;
  readonly field: string;
  /** The value as written, from its #: all of it a comment to YAML. */
  readonly written: string;
  /** The line with the value in quotes. */
  readonly fix: Fix;
}

/**
 * `subtitle: #Stadtfest am Hafen`: a value that starts with # is a comment
 * to YAML, and the field is empty. A required field says so on its own (the
 * schema's empty field); an optional one would be left out without a word.
 */
export function commentedValues(text: string, endLine: number): CommentedValue[] {
  const found: CommentedValue[] = [];
  let start = 0;
  for (let line = 1; line <= endLine && start < text.length; line++) {
    const end = text.indexOf("\n", start);
    const row = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length : end + 1;
    if (line === 1 || !row.includes("#")) continue;
    const meant = commentedValue(row);
    if (meant === undefined || !TEXT_FIELDS.includes(meant.field)) continue;
    found.push({ line, field: meant.field, written: meant.value, fix: { line, text: `${meant.indent ?? ""}${meant.field}: ${quoted(meant.value)}` } });
  }
  return found;
}

/**
 * The warnings of both kinds for a release or translation file: a value cut at a # and a value that is all
 * comment. `reported`: lines that have a problem already (a required field left empty says so on its own).
 */
export function hashWarnings(file: string, text: string, endLine: number, reported: ReadonlySet<number | undefined>): Problem[] {
  const cut = cutValues(text, endLine).map((c) =>
    warning("value-cut-at-hash", { file, line: c.line, field: c.field }, { field: c.field, kept: c.kept, lost: c.lost, suggestion: c.fix.text }, [c.fix]),
  );
  const whole = commentedValues(text, endLine)
    .filter((value) => !reported.has(value.line))
    .map((value) =>
      warning("value-is-comment", { file, line: value.line, field: value.field }, { field: value.field, written: value.written, suggestion: value.fix.text.trim() }, [value.fix]),
    );
  return [...cut, ...whole];
}
