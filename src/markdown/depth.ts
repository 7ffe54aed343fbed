/**
 * Text that Markdown cannot show: markdown-it stops reading a quotation or a
 * list nested deeper than its limit (maxNesting) and leaves out the rest of it
 * without a word. This finds where that starts, so it is reported instead.
 */
import { markdown } from "./instance.ts";

/** How deep quotations and lists may be nested. */
export const NESTING_LIMIT: number = markdown.options.maxNesting ?? 100;

/**
 * A line that could reach the limit starts with many marks of quotations and lists (>, -, *, 1.) or much
 * indentation: every level takes at least one such character, a tab four levels of indentation at most.
 */
const MAYBE_DEEP = new RegExp(`^[ \\t>*+\\-\\d.)]{${Math.floor(NESTING_LIMIT / 5)},}`, "m");

/** The blocks whose content markdown-it reads as blocks again: opened at the limit, their content is gone. */
const CONTAINERS: ReadonlySet<string> = new Set(["blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"]);

/** The 0-based line of the body from which text is lost to the nesting limit, or undefined. */
export function tooDeepFrom(body: string): number | undefined {
  if (!MAYBE_DEEP.test(body)) return undefined;
  for (const token of markdown.parse(body, {})) {
    if (CONTAINERS.has(token.type) && token.level >= NESTING_LIMIT - 1) return token.map?.[0] ?? 0;
  }
  return undefined;
}
