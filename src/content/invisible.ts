/**
 * Invisible characters that come along when text is copied from Word, an
 * e-mail or a web page: zero-width spaces and joiners, byte order marks
 * inside the text, soft hyphens where they break a word or an address, and
 * Unicode's line and paragraph separators. Nobody sees them in an editor, but
 * they split words for the search, break links and file names, and show up
 * as boxes in feed readers. The one place that knows which characters these
 * are and what becomes of them; bodies and one-line fields are checked here.
 */
import { codePoint, warning, type Location, type Problem } from "../errors/problem.ts";

/** What a body gets where the character stood. */
export type Treatment = "removed" | "line-break" | "paragraph-break";

interface Kind {
  /** Its Unicode name. */
  readonly name: string;
  readonly inBody: Treatment;
  /** Where the character does a job in a body (a joiner within Arabic script, a hyphenation point within a word): left alone. */
  readonly wantedInBody?: (text: string, index: number) => boolean;
  /** The same in a one-line field; by default a field never wants it. */
  readonly wantedInField?: (text: string, index: number) => boolean;
}

const before = (text: string, index: number, pattern: RegExp): boolean => pattern.test(text.slice(Math.max(0, index - 2), index));
const after = (text: string, index: number, pattern: RegExp): boolean => pattern.test(text.slice(index + 1, index + 3));

/** A letter or mark of a script that joins its letters (Arabic, Persian, the scripts of India): not Latin. */
const JOINING_BEFORE = /(?=[\p{L}\p{M}]$)(?!\p{Script=Latin}$)/u;
const JOINING_AFTER = /^(?=[\p{L}\p{M}])(?!\p{Script=Latin})/u;
const betweenJoiningLetters = (text: string, index: number): boolean =>
  before(text, index, JOINING_BEFORE) && after(text, index, JOINING_AFTER);

/** 👩‍💻 and 🏳️‍🌈 are one picture each, held together by a zero-width joiner. */
const withinEmoji = (text: string, index: number): boolean =>
  before(text, index, /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u) && after(text, index, /^\p{Extended_Pictographic}/u);

/** The run of text without white space around `index`. */
function wordAround(text: string, index: number): string {
  let start = index;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let end = index;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  return text.slice(start, end);
}

/** An address: a hyphen the reader cannot see would be part of what is typed or clicked. */
const ADDRESS = /@|:\/\/|(?:^|[(<[])www\./i;

/** Bau­stelle: a soft hyphen is where a browser may break a long word, and welcome there, but not in an address or next to a space. */
const hyphenatesWord = (text: string, index: number): boolean =>
  before(text, index, /\p{L}$/u) && after(text, index, /^\p{L}/u) && !ADDRESS.test(wordAround(text, index));

/** The direction controls: embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const BIDI: readonly (readonly [string, string])[] = [
  ["\u202A", "LEFT-TO-RIGHT EMBEDDING"],
  ["\u202B", "RIGHT-TO-LEFT EMBEDDING"],
  ["\u202C", "POP DIRECTIONAL FORMATTING"],
  ["\u202D", "LEFT-TO-RIGHT OVERRIDE"],
  ["\u202E", "RIGHT-TO-LEFT OVERRIDE"],
  ["\u2066", "LEFT-TO-RIGHT ISOLATE"],
  ["\u2067", "RIGHT-TO-LEFT ISOLATE"],
  ["\u2068", "FIRST STRONG ISOLATE"],
  ["\u2069", "POP DIRECTIONAL ISOLATE"],
];
const isBidiControl = (char: string): boolean => BIDI.some(([control]) => control === char);

const KINDS: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ["\u00AD", { name: "SOFT HYPHEN", inBody: "removed", wantedInBody: hyphenatesWord }],
  ["\u200B", { name: "ZERO WIDTH SPACE", inBody: "removed" }],
  ["\u200C", { name: "ZERO WIDTH NON-JOINER", inBody: "removed", wantedInBody: betweenJoiningLetters, wantedInField: betweenJoiningLetters }],
  [
    "\u200D",
    {
      name: "ZERO WIDTH JOINER",
      inBody: "removed",
      wantedInBody: (t, i) => betweenJoiningLetters(t, i) || withinEmoji(t, i),
      wantedInField: (t, i) => betweenJoiningLetters(t, i) || withinEmoji(t, i),
    },
  ],
  ["\u2060", { name: "WORD JOINER", inBody: "removed" }],
  ["\uFEFF", { name: "ZERO WIDTH NO-BREAK SPACE", inBody: "removed" }],
  ["\u2028", { name: "LINE SEPARATOR", inBody: "line-break" }],
  ["\u2029", { name: "PARAGRAPH SEPARATOR", inBody: "paragraph-break" }],
  // Controls of the text's direction: "Unterlagen \u202Efdp.exe" shows as "Unterlagen exe.pdf". In a body a
  // warning, and left out; in settings and front matter an error of its own (spoofingCharacters), so fields pass them here.
  ...BIDI.map(([char, name]): [string, Kind] => [char, { name, inBody: "removed", wantedInField: () => true }]),
]);

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * The characters that make a text other than it looks, errors in settings, front matter and file
 * names: direction controls ("Unterlagen \u202Efdp.exe" shows as "Unterlagen exe.pdf") and the
 * zero-width characters ("Rat\u200Bhaus" looks like "Rathaus" but is not found as one, and a file
 * or contact with one is not the one it seems). A joiner where a script or an emoji needs it is wanted.
 */
const SPOOFING = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;
const ANY_SPOOFING = new RegExp(SPOOFING.source);

export type SpoofingKind = "bidi-control" | "zero-width";

export interface SpoofingCharacter {
  readonly kind: SpoofingKind;
  /** 1-based line and column in the text. */
  readonly line: number;
  readonly column: number;
  /** "U+200B ZERO WIDTH SPACE" */
  readonly character: string;
}

/** Whether `text` has a character of the kind (quick: most texts have none). */
export const mayHaveSpoofing = (text: string): boolean => ANY_SPOOFING.test(text);

/** Where each such character stands in `text`, in order (joiners a script or an emoji wants left out). */
export function spoofingCharacters(text: string): SpoofingCharacter[] {
  const found: SpoofingCharacter[] = [];
  text.split("\n").forEach((line, i) => {
    for (const match of line.matchAll(SPOOFING)) {
      const char = match[0];
      const kind: SpoofingKind = isBidiControl(char) ? "bidi-control" : "zero-width";
      if (kind === "zero-width" && KINDS.get(char)?.wantedInField?.(line, match.index) === true) continue;
      found.push({ kind, line: i + 1, column: match.index + 1, character: characterName(char) });
    }
  });
  return found;
}

/** Markdown for each treatment: a line break is two spaces before the end of the line. */
const BODY_TEXT: Readonly<Record<Treatment, string>> = { removed: "", "line-break": "  \n", "paragraph-break": "\n\n" };

/** "U+200B ZERO WIDTH SPACE": how a warning names a character. */
export const characterName = (char: string): string => `${codePoint(char)} ${KINDS.get(char)?.name ?? "UNKNOWN"}`;

/** One unwanted character at a place in a text. */
export interface Invisible {
  readonly char: string;
  readonly index: number;
}

/** The invisible characters of `text` that are not wanted where they stand, in order. */
export function findInvisible(text: string, where: "body" | "field"): Invisible[] {
  const found: Invisible[] = [];
  for (const match of text.matchAll(INVISIBLE)) {
    const char = match[0];
    const kind = KINDS.get(char)!;
    const wanted = where === "body" ? kind.wantedInBody : kind.wantedInField;
    if (wanted?.(text, match.index) !== true) found.push({ char, index: match.index });
  }
  return found;
}

/** `text` with each of `found` replaced by what `replacement` gives for it. */
function replaced(text: string, found: readonly Invisible[], replacement: (char: string) => string): string {
  let out = "";
  let from = 0;
  for (const { char, index } of found) {
    out += text.slice(from, index) + replacement(char);
    from = index + 1;
  }
  return out + text.slice(from);
}

export interface CleanBody {
  /** What the page shows: the characters removed, line and paragraph separators as Markdown's line breaks and paragraphs. */
  readonly text: string;
  /** The same with the separators as spaces: its lines are the file's lines, for line numbers. */
  readonly sameLines: string;
}

/**
 * A body without the invisible characters it never wants. Each kind of
 * character is reported once per line, at its first place; `at` gives the
 * place of a 0-based line and 1-based column of the body.
 */
export function cleanBody(body: string, at: (line: number, column: number) => Location, warnings: Problem[]): CleanBody {
  const found = findInvisible(body, "body");
  if (found.length === 0) return { text: body, sameLines: body };
  const reported = new Map<string, { location: Location; char: string; count: number }>();
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  for (const { char, index } of found) {
    for (let nl = body.indexOf("\n", scanned); nl !== -1 && nl < index; nl = body.indexOf("\n", nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    scanned = index;
    const key = `${line} ${char}`;
    const seen = reported.get(key);
    if (seen) seen.count++;
    else reported.set(key, { location: at(line, index - lineStart + 1), char, count: 1 });
  }
  for (const { location, char, count } of reported.values()) {
    warnings.push(warning("invisible-character", location, { character: characterName(char), count, treatment: KINDS.get(char)!.inBody }));
  }
  return {
    text: replaced(body, found, (char) => BODY_TEXT[KINDS.get(char)!.inBody]),
    sameLines: replaced(body, found, (char) => (KINDS.get(char)!.inBody === "removed" ? "" : " ")),
  };
}

/**
 * A one-line field (title, subtitle) without any invisible character: the
 * page, the feeds, the search and file names never carry one. A separator
 * becomes a space. Each kind of character is reported once, against the
 * field, at its column when the file's line (`source` is the file's text) has
 * it as written.
 */
export function cleanField(value: string, where: Location | (() => Location), warnings: Problem[], source?: string): string {
  const found = findInvisible(value, "field");
  if (found.length === 0) return value;
  // Asked only now: a line number may cost a second parse of the file's YAML (the front matter cache keeps none).
  const at = typeof where === "function" ? where() : where;
  const counts = new Map<string, number>();
  for (const { char } of found) counts.set(char, (counts.get(char) ?? 0) + 1);
  const line = at.line === undefined ? undefined : source?.split("\n")[at.line - 1];
  for (const [char, count] of counts) {
    // Zero-width characters are errors of their own (spoofingCharacters, over the whole front matter): not said twice.
    if (ANY_SPOOFING.test(char)) continue;
    const column = line?.indexOf(char) ?? -1;
    const where = column === -1 ? at : { ...at, column: column + 1 };
    warnings.push(warning("invisible-character-field", where, { field: at.field ?? "", character: characterName(char), count }));
  }
  return replaced(value, found, (char) => (KINDS.get(char)!.inBody === "removed" ? "" : " "))
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/**
 * Control characters a value of a YAML file may not hold: C0 but the tab and
 * line breaks, DEL and C1 (U+0085 NEXT LINE among them, which some readers of
 * a contact card take for a new line). A text editor cannot type them; they
 * come from escapes between double quotes ("\e", "\x1b") or from a copy.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const CONTROL_NAMES: Readonly<Record<string, string>> = {
  "\u0000": "NULL",
  "\u0007": "BELL",
  "\u0008": "BACKSPACE",
  "\u000B": "LINE TABULATION",
  "\u000C": "FORM FEED",
  "\u001B": "ESCAPE",
  "\u007F": "DELETE",
  "\u0085": "NEXT LINE",
};

/** The first control character of `value` as "U+001B ESCAPE", or undefined when it has none. */
export function controlCharacter(value: string): string | undefined {
  const char = CONTROL.exec(value)?.[0];
  return char === undefined ? undefined : `${codePoint(char)} ${CONTROL_NAMES[char] ?? "CONTROL"}`;
}
