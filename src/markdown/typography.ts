/**
 * Typography of the site's language: quotation marks („…“ and ‚…‘ in German,
 * “…” and ‘…’ in English, apostrophes ’), dashes and the ellipsis, and in
 * German a non-breaking space between a number and its unit. For release
 * bodies as a markdown-it plugin, for plain-text fields (titles, subtitles)
 * as a function. Only text is touched: never code, HTML, link targets or
 * addresses written out in the text.
 *
 * markdown-it's own `replacements` rule is not used: it also makes © of
 * "(c)", which German releases write for the third item of a list.
 */
import markdownIt, { type MarkdownIt, type StateCore, type Token } from "markdown-it";
import type { Language } from "../i18n/strings.ts";

/** Double then single quotes, opening and closing, as markdown-it's `quotes` option takes them. */
export const QUOTES: Readonly<Record<Language, string>> = { de: "„“‚‘", en: "“”‘’" };

/** Units a German text keeps on the line of their number (10 km, 5 %, 20 Euro, 10 Uhr). */
const UNIT = /(\d) (?=(?:%|‰|€|Euro|Cent|Uhr|km|m²|m³|m|cm|mm|kg|g|t|ha|l|°C|Prozent|Mio\.|Mrd\.|Tsd\.)(?![\p{L}\p{N}]))/gu;

/** Dashes and the ellipsis, in any language. */
function dashes(text: string): string {
  return (
    text
      // A spaced hyphen between words is a dash: "Nord - Süd" → "Nord – Süd".
      .replace(/(^|\s)-(?=\s)/g, "$1–")
      .replace(/(^|[^-])---(?=[^-]|$)/g, "$1—")
      .replace(/(^|[^-])--(?=[^-]|$)/g, "$1–")
      .replace(/(^|[^.])\.\.\.(?!\.)/g, "$1…")
  );
}

/** German spacing: a number and its unit, and "z. B.", stay on one line. */
const germanSpaces = (text: string): string => text.replace(UNIT, "$1\u00a0").replace(/\bz\. B\./g, "z.\u00a0B.");

const textRules = (language: Language) => (language === "de" ? (text: string) => germanSpaces(dashes(text)) : dashes);

/** Each text token of the inline blocks, and whether it lies inside an address the linkifier found. */
function eachText(state: StateCore, visit: (token: Token, inAddress: boolean) => void): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let inAutolink = 0;
    for (const token of block.children) {
      if (token.type === "link_open" && token.info === "auto") inAutolink++;
      else if (token.type === "link_close" && token.info === "auto") inAutolink--;
      else if (token.type === "text") visit(token, inAutolink > 0);
    }
  }
}

/** The markdown-it core rule: the text rules on every text token outside addresses the linkifier found. */
function typographyRule(language: Language) {
  const apply = textRules(language);
  return (state: StateCore): void =>
    eachText(state, (token, inAddress) => {
      if (!inAddress) token.content = apply(token.content);
    });
}

/**
 * An address the linkifier found is shown as written: its text tokens become `text_special`, which
 * smart quotes pass over and markdown-it's text_join makes plain text again afterwards.
 */
const keepAddresses = (state: StateCore): void =>
  eachText(state, (token, inAddress) => {
    if (inAddress) token.type = "text_special";
  });

/** Bodies in `language`: markdown-it's smart quotes with the language's marks, then dashes and spaces. */
export function typography(md: MarkdownIt, language: Language): void {
  md.set({ typographer: true, quotes: QUOTES[language] });
  md.enable("smartquotes").disable("replacements", true);
  md.core.ruler.before("smartquotes", "pressroom_addresses", keepAddresses);
  md.core.ruler.after("smartquotes", "pressroom_typography", typographyRule(language));
}

const plain = new Map<Language, MarkdownIt>();

/** A markdown-it that reads nothing but text: no emphasis, entities, escapes or HTML, so a field's text stays as written. */
function plainTextParser(language: Language): MarkdownIt {
  let md = plain.get(language);
  if (!md) {
    md = markdownIt("zero");
    typography(md, language);
    plain.set(language, md);
  }
  return md;
}

/**
 * A plain-text field (title, subtitle) with the language's quotation marks
 * and dashes. The text is not Markdown: `*`, `&amp;` or `<b>` stay as written
 * (templates escape them).
 */
export function typeset(text: string, language: Language): string {
  if (!/["'.-]|\d /.test(text)) return text;
  return text
    .split("\n")
    .map((line) => {
      const [inline] = plainTextParser(language).parseInline(line, {});
      return (inline?.children ?? []).map((token: Token) => token.content).join("");
    })
    .join("\n");
}
