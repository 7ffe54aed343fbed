/**
 * The one module that knows the YAML library. Everything is parsed with the
 * failsafe schema: every value is text, a list or a mapping, exactly as
 * written. Typed parsing (dates, booleans, numbers) happens in the content
 * model, so `0251 492-6609` keeps its leading zero and `2026-11-27 10:30`
 * stays local time.
 */
import { LineCounter, parseDocument, stringify, visit, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import type { ParamsOf } from "../errors/catalog.ts";
import type { Language } from "../i18n/strings.ts";
import { problem, type Fix, type Location, type Problem } from "../errors/problem.ts";
import { meantLines, quoted, yamlMistake, type MeantLine, type YamlMistake } from "../errors/yaml-mistakes.ts";
import { controlCharacter } from "./invisible.ts";

/** The YAML library's most common messages, and the mistake each one means. */
const KNOWN_MESSAGES: readonly [RegExp, "colon" | "duplicate-field" | "no-colon" | "uneven-indent" | "tab" | "unclosed-quote"][] = [
  [/Nested mappings are not allowed in compact mappings/, "colon"],
  [/Map keys must be unique/, "duplicate-field"],
  [/Implicit (map )?keys need to be/, "no-colon"],
  [/All mapping items must start at the same column/, "uneven-indent"],
  [/Tabs are not allowed/, "tab"],
  [/Missing closing "?quote|Missing closing/, "unclosed-quote"],
];

/** The parameters of a "yaml-syntax" problem about a recognised mistake: its English words, and the mistake itself for other languages. */
const said = (mistake: YamlMistake): ParamsOf<"yaml-syntax"> => ({ ...yamlMistake(mistake, "en"), mistake });

function plainMessage(message: string): ParamsOf<"yaml-syntax"> {
  const first = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const known = KNOWN_MESSAGES.find(([pattern]) => pattern.test(first));
  return known ? said({ kind: known[1] }) : { detail: first };
}

/**
 * Whether the double quotes of `text` pair up as quotation marks do: each
 * opening one at the start or after a space or bracket, each closing one
 * after a character and before the end, a space or a punctuation mark.
 */
function quotesPair(text: string, quote: '"' | "'"): boolean {
  let open = false;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    const before = text[i - 1];
    const after = text[i + 1];
    // Rock'n'Roll: a single quote between two letters is an apostrophe.
    if (quote === "'" && before !== undefined && after !== undefined && /\p{L}/u.test(before) && /\p{L}/u.test(after)) continue;
    if (!open && (before === undefined || /[\s([{–-]/.test(before)) && after !== undefined && /\S/.test(after)) open = true;
    else if (open && before !== undefined && /\S/.test(before) && (after === undefined || /[\s.,;:!?)\]}–-]/.test(after))) open = false;
    else return false;
  }
  return !open;
}

/**
 * `title: "Er sagte "Hallo" heute"`: a value that starts with a double quote
 * and goes on after the quote that closes it. The line as the writer meant it,
 * for a hint that shows it written right. Two readings: quotes around the
 * whole value with a quotation inside (`"Er sagte "Hallo" heute"`: the value
 * is what stands between the outer ones), or a value that starts with a
 * quotation (`"Weihnachtsoratorium" im Dom`: every quote is the text's). The
 * first only when the value ends in a quote and the quotes inside pair up.
 */
export function innerQuotes(line: string): (MeantLine & { quote?: "'" }) | undefined {
  const start = /^(\s*(?:-\s+)?)([^\s"'#:][^:]*?):\s+(["'])/.exec(line);
  if (!start) return undefined;
  const quote = start[3] as '"' | "'";
  const rest = line.slice(start[0].length);
  // Where YAML ends the value: the next double quote not escaped by \, or the next single quote not doubled.
  const close = (quote === '"' ? /^(?:[^"\\]|\\.)*"/ : /^(?:[^']|'')*'(?!')/).exec(rest);
  if (!close) return undefined;
  const after = rest.slice(close[0].length).trim();
  if (after === "" || after.startsWith("#")) return undefined;
  const whole = rest.trimEnd();
  const inside = whole.endsWith(quote) ? whole.slice(0, -1) : undefined;
  const value = inside !== undefined && quotesPair(inside, quote) ? inside : `${quote}${whole}`;
  return { indent: start[1]!, field: start[2]!, value, ...(quote === "'" && { quote }) };
}

/**
 * `title: Bürgermeisterin: Wir bauen`: a plain value with ": " in it. The
 * line as the writer meant it, the whole value text, for a hint that puts it
 * in quotes; a comment after two spaces (as `pressroom new` writes them) stays
 * a comment. Nothing for a value YAML would read as something else than text.
 */
export function colonInValue(line: string): MeantLine | undefined {
  const m = /^(\s*(?:-\s+)?)([^\s"'#:\-?][^:]*?):[ \t]+(?=[^\s"'[{|>&*!%@`#])/.exec(line);
  if (!m) return undefined;
  // Found by hand, not by a pattern: a long line of spaces must not cost more than reading it once.
  const rest = line.slice(m[0].length);
  const comment = commentStart(rest);
  const value = rest.slice(0, comment).trimEnd();
  if (!/:\s/.test(value)) return undefined;
  return { indent: m[1]!, field: m[2]!, value, ...(comment < rest.length && { comment: rest.slice(comment).trimEnd() }) };
}

/** Where a comment after two spaces or more starts in `text` (or its length): the first such # and the spaces before it. */
function commentStart(text: string): number {
  for (let hash = text.indexOf("#"); hash !== -1; hash = text.indexOf("#", hash + 1)) {
    let start = hash;
    while (start > 0 && /\s/.test(text[start - 1]!)) start--;
    if (hash - start >= 2) return start;
  }
  return text.length;
}

/**
 * `title: #Musterstadt räumt auf`: a value that starts with # is a comment
 * to YAML, and the field is empty. The line as the writer meant it. Only a #
 * with a character right after it: "# optional" after a field is a comment.
 */
export function commentedValue(line: string): MeantLine | undefined {
  const m = /^(\s*(?:-\s+)?)([^\s"'#:\-?][^:]*?):[ \t]+#(?=\S)/.exec(line);
  return m ? { indent: m[1]!, field: m[2]!, value: line.slice(m[0].length - 1).trimEnd() } : undefined;
}

/** `row`, line `line` of its file, as the writer meant it when its value is all comment: the value in quotes (commentedValue). */
export function commentedFix(row: string, line: number): { readonly meant: MeantLine; readonly fix: Fix } | undefined {
  const meant = commentedValue(row);
  return meant && { meant, fix: { line, text: `${meant.indent ?? ""}${meant.field}: ${quoted(meant.value)}` } };
}

/** The top-level field whose value contains `offset`, for locating a problem found deep in the parser. */
function topLevelKeyAt(doc: Document.Parsed, offset: number): string | undefined {
  if (!isMap(doc.contents)) return undefined;
  let field: string | undefined;
  for (const pair of doc.contents.items) {
    const start = (pair.key as Node | null)?.range?.[0];
    if (start === undefined || start > offset) break;
    if (isScalar(pair.key)) field = String(pair.key.value);
  }
  return field;
}

export type YamlValue = string | YamlValue[] | { [key: string]: YamlValue };
export type YamlMapping = { [key: string]: YamlValue };

/** A set of "name: value" lines (not text, not a list, not nothing). */
export const isMapping = (value: YamlValue | undefined): value is YamlMapping =>
  typeof value === "object" && !Array.isArray(value);

export interface YamlSource {
  readonly file: string;
  /** Lines of the file before the YAML text starts (front matter: 1). */
  readonly lineOffset: number;
  /** The site's language: a line a hint proposes quotes as the page will (default German). */
  readonly typography?: Language;
}

export interface ParsedYaml {
  readonly value: YamlValue | undefined;
  /** Line (1-based, in the file) of the value or key at a path. */
  readonly lineOf: (path: readonly (string | number)[], key?: boolean) => number | undefined;
  readonly problems: Problem[];
  /** For front matter: the line of the closing ---, where a missing field is added. */
  readonly endLine?: number;
  /** The text of a line of the file (1-based, as `lineOf` counts), for a hint that shows it written right. */
  readonly lineText?: (line: number) => string | undefined;
}

export function parseYaml(text: string, source: YamlSource): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document.Parsed = parseDocument(text, {
    schema: "failsafe",
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    // Otherwise !!binary, !!timestamp, !!set … would be turned into objects silently.
    resolveKnownTags: false,
  });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + source.lineOffset;
  // A settings file is named in a German report; a release's front matter is its "Kopfzeilen".
  const inFile = /\.ya?ml$/i.test(source.file) ? { file: source.file } : {};
  const syntax = (at: Omit<Location, "file">, params: ParamsOf<"yaml-syntax">, fixes: readonly Fix[] = []): Problem =>
    problem("yaml-syntax", { file: source.file, ...at }, { ...params, ...inFile }, fixes);
  const textLines = text.split("\n");
  const problems: Problem[] = [];
  const reportedLines = new Set<number>();
  // The parser often reports one mistake several times; the first report of a line is the useful one.
  const report = (p: Problem): void => {
    if (p.line !== undefined && reportedLines.has(p.line)) return;
    if (p.line !== undefined) reportedLines.add(p.line);
    problems.push(p);
  };
  // A tab in the indentation confuses the parser about the lines after it too: the tab's line is the one mistake to report.
  const tabColumn = (line: number): number | undefined => {
    const indent = /^[ \t]*/.exec(textLines[line - 1] ?? "")![0];
    return indent.includes("\t") ? indent.indexOf("\t") + 1 : undefined;
  };
  const others: typeof doc.errors = [];
  for (const error of doc.errors) {
    const { line } = lineCounter.linePos(error.pos[0]);
    const column = error.code === "TAB_AS_INDENT" || tabColumn(line) !== undefined ? tabColumn(line) ?? lineCounter.linePos(error.pos[0]).col : undefined;
    if (column === undefined) others.push(error);
    else report(syntax({ line: line + source.lineOffset, column }, said({ kind: "tab" })));
  }
  for (const error of others) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const next = textLines[line];
    const text = textLines[line - 1] ?? "";
    // A plain value with ": " in it is never YAML, whatever the parser says about it (in departments.yaml it says "implicit key", as for an indented line).
    const colon = innerQuotes(text) ? undefined : colonInValue(text);
    if (
      colon === undefined &&
      (error.code === "BLOCK_AS_IMPLICIT_KEY" || error.code === "MULTILINE_IMPLICIT_KEY") &&
      next !== undefined &&
      /^\s+[^\s#-][^:]*:(\s|$)/.test(next)
    ) {
      report(syntax({ line: line + 1 + source.lineOffset, column: 1 }, said({ kind: "indented" })));
      continue;
    }
    const quoted = innerQuotes(text);
    // A value with ": " in it: the hint puts this very value in quotes.
    const params = quoted ? said({ kind: "inner-quotes", ...quoted, ...(source.typography && { typography: source.typography }) }) : colon ? said({ kind: "colon", ...colon }) : plainMessage(error.message);
    // The lines the hint proposes, as fixes of this line.
    const fixes = params.mistake ? meantLines(params.mistake).map((fixed) => ({ line: lineAt(error.pos[0]), text: fixed })) : [];
    report(syntax({ line: lineAt(error.pos[0]), column: col }, params, fixes));
  }
  for (const warning of doc.warnings) {
    const line = lineAt(warning.pos[0]);
    const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1];
    if (tag !== undefined) {
      const field = topLevelKeyAt(doc, warning.pos[0]);
      report(problem("yaml-tag", { file: source.file, line, ...(field && { field }) }, { tag: tag.replace("tag:yaml.org,2002:", "!!") }));
    } else {
      report(syntax({ line }, plainMessage(warning.message)));
    }
  }
  // Anchors and aliases (&name, *name) have no use in a press release and can blow up on expansion.
  visit(doc, {
    Alias(_, node) {
      const offset = node.range?.[0] ?? 0;
      report(syntax({ line: lineAt(offset), column: lineCounter.linePos(offset).col }, said({ kind: "alias", name: node.source })));
      // One report per file: an alias bomb would otherwise list every line.
      return visit.BREAK;
    },
  });
  if (problems.length > 0) return { value: undefined, lineOf: () => undefined, problems };

  const lineOf = (path: readonly (string | number)[], key = false): number | undefined => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    let lastFound: Node | undefined = doc.contents ?? undefined;
    for (const step of path) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof step === "number") {
        node = node.items[step];
      } else {
        break;
      }
      if (node && typeof node === "object" && "range" in node) lastFound = node as Node;
      else if (keyNode) lastFound = keyNode;
    }
    const target = key && keyNode ? keyNode : lastFound;
    const offset = target?.range?.[0];
    return offset === undefined ? undefined : lineAt(offset);
  };

  // A control character in a value ("\e", "\x85" between double quotes): each value that holds one, where it starts.
  // The file is read all the same: the value is wrong, not the file, and its other fields are checked as usual.
  visit(doc, {
    Scalar(_, node) {
      const character = typeof node.value === "string" ? controlCharacter(node.value) : undefined;
      if (character === undefined) return;
      const offset = node.range?.[0] ?? 0;
      const field = topLevelKeyAt(doc, offset);
      report(problem("control-character", { file: source.file, line: lineAt(offset), column: lineCounter.linePos(offset).col, ...(field && { field }) }, { character }));
    },
  });
  const raw = doc.toJS({ maxAliasCount: 50 }) as unknown;
  return { value: normalize(raw), lineOf, problems, lineText: (line) => textLines[line - 1 - source.lineOffset] };
}

/** Failsafe YAML gives strings, arrays and objects; null only for empty documents. */
function normalize(raw: unknown): YamlValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "string") return raw;
  if (Array.isArray(raw)) return raw.map((v) => normalize(v) ?? "");
  if (typeof raw === "object") {
    const out: { [key: string]: YamlValue } = Object.create(null);
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) out[k] = normalize(v) ?? "";
    return out;
  }
  return String(raw);
}

/** YAML text for a mapping of plain strings (scaffolding), every value double-quoted. */
export function toYaml(values: Record<string, string>): string {
  return stringify(values, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
}

/** YAML text for generated configuration (nested maps, lists, booleans), without line folding. */
export function dataToYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0 });
}
