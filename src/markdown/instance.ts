/**
 * The one markdown-it instance: bodies are parsed the same way to find their
 * images and to render them, for pages and feeds alike.
 *
 * Indented code blocks are off: a press release never needs one, and a
 * paragraph pasted from Word with a tab in front became one, in a typewriter
 * font. Fenced code (```) stays. Bullet lines pasted from Word become lists.
 */
import MarkdownIt from "markdown-it";
import { pastedLists } from "./pasted-lists.ts";

export const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false }).disable("code").use(pastedLists);
