/**
 * Typography of the site's language: quotation marks („…“ and ‚…‘ in German,
 * “…” and ‘…’ in English, apostrophes ’), dashes, the ellipsis and number
 * ranges, and in German a non-breaking space between a number and its unit.
 * For release bodies as a markdown-it plugin, for plain-text fields (titles,
 * subtitles, captions) as a function. Only text is touched: never code, HTML,
 * link targets or addresses written out in the text.
 *
 * markdown-it's own `replacements` rule is not used: it also makes © of
 * "(c)", ® of "(r)" and ± of "+-", and German releases write "Buchstabe (c)"
 * for the third item of a list.
 */
import markdownIt, { type MarkdownIt, type StateCore, type Token } from "markdown-it";
import type { Language } from "../i18n/strings.ts";

/** Double then single quotes, opening and closing, as markdown-it's `quotes` option takes them. */
export const QUOTES: Readonly<Record<Language, string>> = { de: "„“‚‘", en: "“”‘’" };

/** Units a number keeps on its line in German (10 km, 5 %, 20 Euro, 10 Uhr), and after which a number range gets its dash. */
const UNITS = "%|‰|€|Euro|Cent|Uhr|km|m²|m³|m|cm|mm|kg|g|t|ha|l|°C|Prozent|Mio\\.|Mrd\\.|Tsd\\.";
/** The unit as a word of its own: "10 m" but not "10 mal". */
const UNIT = `(?:${UNITS})(?![\\p{L}\\p{N}])`;
/** A number as a range or a time writes it: 10, 10.30, 10:30, 2,5. */
const NUMBER = "\\d+(?:[.,:]\\d+)?";

/**
 * One replacement. Each pattern matches exactly the characters it replaces (what must come
 * before or after is a lookaround), so a match never reaches into the context around a text.
 * Each starts with the character it looks for, and looks behind only once that is found: a
 * pattern that starts with a lookbehind is tried at every position of every text.
 */
interface Rule {
  readonly pattern: RegExp;
  readonly replacement: string;
}

/** Dashes, the ellipsis and ranges, in any language. */
const COMMON: readonly Rule[] = [
  // A hyphen with space on both sides stands for a dash: "Nord - Süd" → "Nord – Süd" (never "Anfangs- und Endpunkt").
  { pattern: /-(?<=\s-)(?=\s)/g, replacement: "–" },
  { pattern: /---(?<!----)(?!-)/g, replacement: "—" },
  { pattern: /--(?<!---)(?!-)/g, replacement: "–" },
  { pattern: /\.\.\.(?<!\.\.\.\.)(?!\.)/g, replacement: "…" },
  // "10-12 Uhr" → "10–12 Uhr": only before a unit, as a telephone number (492-6612) or a year (2019-2024) cannot be told from a range.
  { pattern: new RegExp(`-(?<=(?<![\\p{L}\\p{N}.,:/-])${NUMBER}-)(?=${NUMBER}[ \u00a0]${UNIT})`, "gu"), replacement: "–" },
];

/** German spacing: a number and its unit, and "z. B.", stay on one line. */
const GERMAN: readonly Rule[] = [
  { pattern: new RegExp(` (?<=\\d )(?=${UNIT})`, "gu"), replacement: "\u00a0" },
  { pattern: / (?<=\bz\. )(?=B\.)/g, replacement: "\u00a0" },
];

const RULES: Readonly<Record<Language, readonly Rule[]>> = { de: [...COMMON, ...GERMAN], en: COMMON };

/** Whether a text could hold anything a rule changes: most text tokens hold none of it. */
const CANDIDATE = /[-.]|\d /;

/**
 * A word that is an address written out, which the rules leave as written: markdown-it links
 * only those with http(s)://, and a title is not searched for links at all. Anything with a
 * scheme, "www.…", "name@host.tld" and "host.tld/path".
 */
const ADDRESS = /:\/\/|(?:^|[^\p{L}\p{N}.])www\.|[\p{L}\p{N}]@[\p{L}\p{N}-]+\.\p{L}|[\p{L}\p{N}]\.\p{L}{2,}\//iu;

const SPACE = /\s/;

/** The run of text without white space around `from`–`to`. */
function wordAround(text: string, from: number, to: number): string {
  let start = from;
  while (start > 0 && !SPACE.test(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && !SPACE.test(text[end]!)) end++;
  return text.slice(start, end);
}

/** `rule` on `text`, but not on its first and last character (the context) nor within an address. */
const apply = (text: string, rule: Rule): string =>
  text.replace(rule.pattern, (match: string, offset: number) => {
    const end = offset + match.length;
    return offset === 0 || end === text.length || ADDRESS.test(wordAround(text, offset, end)) ? match : rule.replacement;
  });

/**
 * The dash, ellipsis and spacing rules on one piece of text. `before` and `after` are the characters
 * next to it ("\n" at the start or end of a line): a text token ends where emphasis or a link
 * begins, and "*Anfangs*- und Endpunkt" must not get a dash because its token starts with "- ".
 */
function typesetText(text: string, language: Language, before = "\n", after = "\n"): string {
  if (!CANDIDATE.test(text)) return text;
  let framed = before + text + after;
  for (const rule of RULES[language]) framed = apply(framed, rule);
  return framed.slice(before.length, framed.length - after.length);
}

const BREAKS: ReadonlySet<string> = new Set(["softbreak", "hardbreak"]);

/** The character next to token `index` in the direction `step` (-1 before, 1 after), as written; "\n" at a line's start or end. */
function neighbour(children: readonly Token[], written: readonly string[], index: number, step: -1 | 1): string {
  for (let i = index + step; i >= 0 && i < children.length; i += step) {
    if (BREAKS.has(children[i]!.type)) return "\n";
    const content = written[i]!;
    if (content !== "") return step < 0 ? content.at(-1)! : content[0]!;
  }
  return "\n";
}

/**
 * The markdown-it core rule: the text rules on every text token. Code spans, HTML and link
 * targets are tokens of their own (or attributes), and addresses found by the linkifier were
 * set aside by `keepAddresses`.
 */
function typographyRule(language: Language) {
  return (state: StateCore): void => {
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const children = block.children;
      const written = children.map((token) => token.content);
      children.forEach((token, i) => {
        if (token.type === "text" && CANDIDATE.test(token.content)) {
          token.content = typesetText(token.content, language, neighbour(children, written, i, -1), neighbour(children, written, i, 1));
        }
      });
    }
  };
}

/**
 * An address the linkifier found is shown as written: its text tokens become `text_special`, which
 * smart quotes and the rule above pass over and markdown-it's text_join makes plain text again afterwards.
 */
function keepAddresses(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let inAutolink = 0;
    for (const token of block.children) {
      if (token.type === "link_open" && token.info === "auto") inAutolink++;
      else if (token.type === "link_close" && token.info === "auto") inAutolink--;
      else if (token.type === "text" && inAutolink > 0) token.type = "text_special";
    }
  }
}

/** Bodies in `language`: markdown-it's smart quotes with the language's marks, then dashes and spaces. */
export function typography(md: MarkdownIt, language: Language): void {
  md.set({ typographer: true, quotes: QUOTES[language] });
  md.enable("smartquotes").disable("replacements", true);
  md.core.ruler.before("smartquotes", "pressroom_addresses", keepAddresses);
  md.core.ruler.after("smartquotes", "pressroom_typography", typographyRule(language));
}

const plain = new Map<Language, MarkdownIt>();

/**
 * A markdown-it that reads nothing but text. The 'zero' preset knows no emphasis, entities,
 * escapes, HTML or line breaks: a whole field is one text token, its content the field as
 * written. `normalize` is off too, as it would turn "\r" into "\n" and NUL into U+FFFD.
 */
function plainTextParser(language: Language): MarkdownIt {
  let md = plain.get(language);
  if (!md) {
    md = markdownIt("zero");
    md.core.ruler.disable("normalize");
    typography(md, language);
    plain.set(language, md);
  }
  return md;
}

/**
 * A plain-text field (title, subtitle, caption) with the language's quotation marks
 * and dashes. The text is not Markdown: `*`, `&amp;` or `<b>` stay as written
 * (templates escape them).
 */
export function typeset(text: string, language: Language): string {
  // Without a quotation mark there is nothing for smart quotes to do: the other rules alone.
  if (!/["']/.test(text)) return typesetText(text, language);
  const [inline] = plainTextParser(language).parseInline(text, {});
  return (inline?.children ?? []).map((token: Token) => token.content).join("");
}
