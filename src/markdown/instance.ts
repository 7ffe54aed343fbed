/**
 * The markdown-it instances: one that parses bodies to find their images and
 * lists, and one per language, created once, that renders them for pages and
 * feeds alike. All are configured the same way but for the typography of the
 * rendering ones, which changes text only, so a body has the same structure
 * in each.
 *
 * Indented code blocks are off: a press release never needs one, and a
 * paragraph pasted from Word with a tab in front became one, in a typewriter
 * font. Fenced code (```) stays. Bullet lines pasted from Word become lists.
 */
import markdownIt, { type MarkdownIt } from "markdown-it";
import type { Language } from "../i18n/strings.ts";
import { pastedLists } from "./pasted-lists.ts";
import { typography } from "./typography.ts";

const create = (): MarkdownIt => markdownIt({ html: true, linkify: true, typographer: false }).disable("code").use(pastedLists);

/** Parses bodies for their structure (images, lists): typography changes text only, so one instance serves every language. */
export const markdown = create();

const rendering = new Map<Language, MarkdownIt>();

/** The instance that renders bodies of a site in `language`, with its quotation marks and dashes. */
export function markdownFor(language: Language): MarkdownIt {
  let md = rendering.get(language);
  if (!md) {
    md = create().use(typography, language);
    rendering.set(language, md);
  }
  return md;
}
