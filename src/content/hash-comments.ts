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
import { commentedFix } from "./yaml.ts";

/** The fields whose values are text for readers: where a cut-off end is lost text. */
const TEXT_FIELDS = ["title", "subtitle", "change_note", "reason", "alt", "caption", "credit", "name", "role", "description"];

const CUT = new RegExp(`^(\\s*(?:-\\s+)?)(${TEXT_FIELDS.join("|")}):[ \\t]+([^\\s"'#|>&*!%@\`{[][^#]*?) (#\\S.*?)\\s*$`);

/** Lines `first` to `last` of `text` (counted from 1) that hold a #, with their numbers: most files have none. */
function linesWithHash(text: string, first: number, last: number): [line: number, row: string][] {
  const found: [number, string][] = [];
  let start = 0;
  for (let line = 1; line <= last; line++) {
    const end = text.indexOf("\n", start);
    const row = text.slice(start, end === -1 ? text.length : end);
    if (line >= first && row.includes("#")) found.push([line, row]);
    if (end === -1) break;
    start = end + 1;
  }
  return found;
}

/** "title: Wir sind #1 in NRW": a text field whose value a # cut short, YAML keeping "Wir sind". */
function cutValue(row: string, line: number, file: string): Problem | undefined {
  const m = CUT.exec(row);
  // "text  # a note" (two spaces) is a comment written as one.
  if (!m || /\s$/.test(m[3]!)) return undefined;
  const [, indent, field, kept, lost] = m as unknown as [string, string, string, string, string];
  const fix: Fix = { line, text: `${indent}${field}: ${quoted(`${kept} ${lost}`)}` };
  return warning("value-cut-at-hash", { file, line, field }, { field, kept, lost, suggestion: fix.text }, [fix]);
}

/**
 * "subtitle: #Stadtfest am Hafen": a text field whose value starts with #, all of it a comment to YAML, so the
 * field is empty. A required field says so on its own (the schema's empty field); an optional one would be left
 * out without a word.
 */
function commentedValue(row: string, line: number, file: string): Problem | undefined {
  const found = commentedFix(row, line);
  if (found === undefined || !TEXT_FIELDS.includes(found.meant.field)) return undefined;
  const { field, value } = found.meant;
  return warning("value-is-comment", { file, line, field }, { field, written: value, suggestion: found.fix.text.trim() }, [found.fix]);
}

/**
 * The warnings of both kinds for lines `first` to `last` of a content file (a release's or translation's front
 * matter, from line 2; a settings file whole): a value cut at a #, and a value that is all comment. `reported`: lines
 * that have a problem already (a required field left empty says so on its own).
 */
export function hashWarnings(file: string, text: string, first: number, last: number, reported: ReadonlySet<number | undefined>): Problem[] {
  const rows = linesWithHash(text, first, last);
  const cut = rows.flatMap(([line, row]) => cutValue(row, line, file) ?? []);
  const whole = rows.flatMap(([line, row]) => (reported.has(line) ? [] : (commentedValue(row, line, file) ?? [])));
  return [...cut, ...whole];
}
