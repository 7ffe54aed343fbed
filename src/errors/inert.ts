/**
 * Text from the content on a terminal or in a CI log, made inert. A title, a
 * file name or a field can hold characters that act instead of showing: a
 * line break ends the line, and GitHub reads a line that starts with
 * "::error" as a workflow command; ESC starts sequences that clear the
 * screen, move the cursor or set the window's title; C1 controls, NEL
 * (U+0085) and Unicode's line and paragraph separators break lines in some
 * terminals and log viewers; direction controls turn the rest of the line
 * around. Each such character is written out as its code point, ‹U+001B›, as
 * reports already show invisible characters, and the text stays on its line.
 *
 * Applied where content meets the terminal: the problem reports and code
 * frames, annotations, the embargo summary, `schedule`, `new`, `diff` and
 * `deploy`'s lists of addresses, and usage errors (which repeat the command
 * line). Never to the line breaks pressroom writes itself between lines.
 */
import { codePointMark } from "./problem.ts";

/**
 * C0 controls (tab and line feed too: inside a piece of content they are not
 * pressroom's), DEL, C1 controls, the direction marks, embeddings, overrides
 * and isolates, and the line and paragraph separators.
 */
const LIVE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** One piece of text as a terminal should get it: every live character as ‹U+…›. */
export const inert = (text: string): string => text.replace(LIVE, codePointMark);

/**
 * Lines pressroom put together, each made inert, the breaks between them
 * kept: for messages of several lines whose parts come from the content
 * (a line break inside such a part still breaks the line, but nothing else
 * in it acts).
 */
export const inertLines = (text: string): string => text.split("\n").map(inert).join("\n");

/** What JSON.stringify leaves as it is (it escapes C0 controls itself): DEL, C1, separators, direction controls. */
const LIVE_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON text for a terminal or a log: those characters as \u escapes. They
 * occur only inside strings, where the escape reads back as the same
 * character, so a reader of the JSON gets exactly the same values.
 */
export const inertJson = (json: string): string =>
  json.replace(LIVE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
