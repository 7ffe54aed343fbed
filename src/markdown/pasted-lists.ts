/**
 * Lists pasted from Word as text: each item a line that starts with the
 * bullet Word drew ("•⇥Radweg", "o⇥Unterpunkt", Outlook's "·   Punkt").
 * Markdown reads such lines as one paragraph, so they ran together on the
 * page. A core rule of the markdown instance turns the bullet lines of every
 * paragraph into a real list, and the other lines of that paragraph into
 * paragraphs of their own, as Word had them. Each new token keeps the lines
 * it came from. Only a bullet at the start of a line counts: one within a
 * sentence stays text. Lines that may be a list but are not made one (a dash
 * and a space also start sentences) are noted in `env.unclearLists`.
 */
import type { Env, MarkdownIt, StateCore, Token } from "markdown-it";

/**
 * What may follow a bullet: "any" text, even none (•Text), white "space", or a
 * "tab" only (Word puts a tab after its bullets; "– " and "o " also start sentences).
 * `level` is the level of Word's default list that draws it (• then o then ▪).
 */
interface Marker {
  readonly after: "any" | "space" | "tab";
  readonly level: 1 | 2 | 3;
}

const MARKERS: ReadonlyMap<string, Marker> = new Map<string, Marker>([
  ["•", { after: "any", level: 1 }],
  ["●", { after: "any", level: 1 }],
  ["‣", { after: "any", level: 1 }],
  ["⁃", { after: "any", level: 1 }],
  ["➢", { after: "any", level: 1 }],
  ["►", { after: "any", level: 1 }],
  // Word's Symbol and Wingdings bullets when the font is lost: private-use characters.
  ["\uF0B7", { after: "any", level: 1 }],
  ["\uF0D8", { after: "any", level: 1 }],
  ["\uF0A7", { after: "any", level: 3 }],
  ["◦", { after: "any", level: 2 }],
  ["▪", { after: "any", level: 3 }],
  ["■", { after: "any", level: 3 }],
  ["·", { after: "space", level: 1 }],
  // Within a paragraph only when Markdown did not read them as a list itself (indented four or more).
  ["-", { after: "space", level: 1 }],
  ["*", { after: "space", level: 1 }],
  ["+", { after: "space", level: 1 }],
  ["–", { after: "tab", level: 1 }],
  ["—", { after: "tab", level: 1 }],
  ["o", { after: "tab", level: 2 }],
  ["§", { after: "tab", level: 3 }],
]);

/** Markers that may also start a sentence when a space follows: noted, never converted. */
const UNCLEAR = new Set(["–", "—", "o"]);

const LINE = /^([ \t]*)(\S)([ \t]*)(.*)$/u;

/** Columns of leading white space, a tab to the next multiple of four. */
function indentWidth(space: string): number {
  let width = 0;
  for (const c of space) width = c === "\t" ? width + 4 - (width % 4) : width + 1;
  return width;
}

export interface BulletLine {
  readonly marker: string;
  /** Columns of white space before the marker. */
  readonly indent: number;
  readonly level: 1 | 2 | 3;
  /** The item's text, without the marker. */
  readonly text: string;
}

/** The line as a pasted list item, or undefined when it is none. */
export function bulletLine(line: string): BulletLine | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  const [, space, marker, gap, text] = m as unknown as [string, string, string, string, string];
  const kind = MARKERS.get(marker);
  if (kind === undefined || text.trim() === "") return undefined;
  if (kind.after === "space" && gap === "") return undefined;
  if (kind.after === "tab" && !gap.includes("\t")) return undefined;
  return { marker, indent: indentWidth(space), level: kind.level, text: text.trim() };
}

/** The marker of a line that may be a list item but is not made one: "– Text". */
export function unclearMarker(line: string): string | undefined {
  const m = LINE.exec(line);
  if (!m || !UNCLEAR.has(m[2]!) || !/^ +$/.test(m[3]!) || m[4]!.trim() === "") return undefined;
  return m[2];
}

/** Lines that may be a pasted list but are shown as text: the first line of each run (0-based, in the body) and how many. */
export interface UnclearList {
  readonly line: number;
  readonly marker: string;
  readonly lines: number;
}

export interface PastedListsEnv extends Env {
  unclearLists?: UnclearList[];
}

type Segment =
  | { readonly kind: "item"; readonly line: number; readonly bullet: BulletLine; text: string; end: number; level: number }
  | { readonly kind: "text"; readonly line: number; lines: string[]; end: number };

/**
 * A paragraph's lines as paragraphs and list items. A line indented with
 * spaces right after an item continues it (a hand-wrapped item); one indented
 * with a tab is a paragraph of its own (Word's first-line indent).
 */
function segments(lines: readonly string[], bullets: readonly (BulletLine | undefined)[], firstLine: number): Segment[] {
  const out: Segment[] = [];
  lines.forEach((text, i) => {
    const line = firstLine + i;
    const bullet = bullets[i];
    const last = out[out.length - 1];
    if (bullet) out.push({ kind: "item", line, bullet, text: bullet.text, end: line + 1, level: 0 });
    else if (last?.kind === "item" && /^ +\S/.test(text)) {
      last.text += `\n${text.trim()}`;
      last.end = line + 1;
    } else if (last?.kind === "text") {
      last.lines.push(text);
      last.end = line + 1;
    } else out.push({ kind: "text", line, lines: [text], end: line + 1 });
  });
  return out;
}

/**
 * Levels of the items of one list: by indentation, then by Word's bullet of
 * the level; never more than one deeper than the item before.
 */
function assignLevels(items: Extract<Segment, { kind: "item" }>[]): void {
  const keys = [...new Set(items.map((s) => s.bullet.indent * 4 + s.bullet.level))].sort((a, b) => a - b);
  let previous = -1;
  for (const item of items) {
    item.level = Math.min(keys.indexOf(item.bullet.indent * 4 + item.bullet.level), previous + 1);
    previous = item.level;
  }
}

/** Runs of unclear lines among a paragraph's lines, noted when two or more, or when next to a bullet line. */
function noteUnclear(lines: readonly string[], bullets: readonly (BulletLine | undefined)[], firstLine: number, notes: UnclearList[]): void {
  for (let i = 0; i < lines.length; ) {
    const marker = unclearMarker(lines[i]!);
    if (marker === undefined) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && unclearMarker(lines[end]!) !== undefined) end++;
    if (end - i >= 2 || bullets[i - 1] !== undefined || bullets[end] !== undefined) notes.push({ line: firstLine + i, marker, lines: end - i });
    i = end;
  }
}

function pastedListsRule(state: StateCore): void {
  const notes = (state.env as PastedListsEnv | undefined)?.unclearLists;
  let sourceLines: string[] | undefined;
  const out: Token[] = [];
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    const inline = tokens[i + 1];
    if (open.type !== "paragraph_open" || inline?.type !== "inline" || !open.map) {
      out.push(open);
      continue;
    }
    const lines = inline.content.split("\n");
    // The paragraph's text starts after its first line's indentation; the other lines keep theirs.
    let firstIndent = 0;
    if (open.level === 0) {
      sourceLines ??= state.src.split("\n");
      firstIndent = indentWidth(/^[ \t]*/.exec(sourceLines[open.map[0]] ?? "")![0]);
    }
    const bullets = lines.map((text, n) => bulletLine(n === 0 ? " ".repeat(firstIndent) + text : text));
    if (notes) noteUnclear(lines, bullets, open.map[0], notes);
    if (bullets.every((b) => b === undefined)) {
      out.push(open);
      continue;
    }
    out.push(...paragraphTokens(state, segments(lines, bullets, open.map[0]), open.level, open.hidden));
    i += 2;
  }
  state.tokens = out;
}

/** The tokens of a paragraph's segments: paragraphs as they were, each run of items a list. */
function paragraphTokens(state: StateCore, parts: readonly Segment[], base: number, hidden: boolean): Token[] {
  const out: Token[] = [];
  const token = (type: string, tag: string, nesting: -1 | 0 | 1, map: [number, number] | null, level: number): Token => {
    const t = new state.Token(type, tag, nesting);
    t.block = true;
    t.map = map;
    t.level = level;
    out.push(t);
    return t;
  };
  const paragraph = (content: string, map: [number, number], level: number, inList: boolean): void => {
    token("paragraph_open", "p", 1, map, level).hidden = inList || hidden;
    const inline = token("inline", "", 0, map, level + 1);
    inline.content = content;
    inline.children = [];
    token("paragraph_close", "p", -1, null, level).hidden = inList || hidden;
  };
  for (let p = 0; p < parts.length; ) {
    const part = parts[p]!;
    if (part.kind === "text") {
      paragraph(part.lines.join("\n").trim(), [part.line, part.end], base, false);
      p++;
      continue;
    }
    const items: Extract<Segment, { kind: "item" }>[] = [];
    for (; p < parts.length && parts[p]!.kind === "item"; p++) items.push(parts[p] as Extract<Segment, { kind: "item" }>);
    assignLevels(items);
    const lists: Token[] = [];
    const listLevel = () => base + 2 * (lists.length - 1);
    const openList = (line: number) => {
      lists.push(token("bullet_list_open", "ul", 1, [line, items[items.length - 1]!.end], base + 2 * lists.length));
      lists[lists.length - 1]!.markup = "-";
    };
    const closeItem = () => token("list_item_close", "li", -1, null, listLevel() + 1);
    const closeList = () => {
      token("bullet_list_close", "ul", -1, null, listLevel());
      lists.pop();
    };
    for (const item of items) {
      if (lists.length === 0 || item.level >= lists.length) openList(item.line);
      else {
        closeItem();
        while (lists.length > item.level + 1) {
          closeList();
          closeItem();
        }
      }
      token("list_item_open", "li", 1, [item.line, item.end], listLevel() + 1).markup = "-";
      paragraph(item.text, [item.line, item.end], listLevel() + 2, true);
    }
    closeItem();
    while (lists.length > 1) {
      closeList();
      closeItem();
    }
    closeList();
  }
  return out;
}

/** The plugin: bullet lines of paragraphs become lists. */
export const pastedLists = (md: MarkdownIt): void => {
  md.core.ruler.after("block", "pasted_lists", pastedListsRule);
};
