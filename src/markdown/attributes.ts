/** The attributes of an HTML start tag, as a body's raw HTML and the sanitizer's output write them. */
import { markdown } from "./instance.ts";

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes of one HTML start tag, names in lowercase, values unescaped. */
export function tagAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const inner = tag.replace(/^<[a-z]+/i, "").replace(/\/?>$/, "");
  for (const m of inner.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, markdown.utils.unescapeAll(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attributes;
}

