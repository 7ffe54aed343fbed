/** The attributes of an HTML start tag, as a body's raw HTML and the sanitizer's output write them. */
import { markdown } from "./instance.ts";

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The candidates of a srcset ("a.jpg 480w, b.jpg 960w"): each address and its descriptors. */
export const srcsetCandidates = (value: string): { url: string; descriptors: string[] }[] =>
  value.split(",").map((candidate) => {
    const [url = "", ...descriptors] = candidate.trim().split(/\s+/);
    return { url, descriptors };
  });

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

