/**
 * In-page targets of migrated bodies: `id="programm"` or `<a name="programm">`
 * with links `href="#programm"` to them. The page has ids of its own (the
 * skip link's target, the search form), so a body's ids are kept under a
 * prefix, as GitHub does, and the body's links to them are given the same.
 */

export const ID_PREFIX = "user-content-";

/** The id a body's `id` or `name` becomes; undefined for one that is empty. */
export function prefixedId(value: string): string | undefined {
  const id = value.trim().replace(/\s+/g, "-");
  if (id === "") return undefined;
  return id.startsWith(ID_PREFIX) ? id : ID_PREFIX + id;
}

const ID = /\sid="([^"]*)"/g;
const FRAGMENT_LINK = /(<a\b[^>]*?\shref=")#([^"]*)"/g;

/** Attribute values as the sanitizer escapes them. */
const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };
const decodeEntities = (text: string): string => text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]!);

const decoded = (fragment: string): string => {
  const text = decodeEntities(fragment);
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

const escapeAttribute = (text: string): string => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Links to an id the body itself has point at its prefixed form; a link to
 * any other fragment stays (it may mean the page's own ids). Only for HTML
 * the sanitizer made: attribute values are double-quoted and escaped.
 */
export function linkFragments(html: string): string {
  if (!html.includes('href="#')) return html;
  const ids = new Set([...html.matchAll(ID)].map((m) => decodeEntities(m[1]!)));
  if (ids.size === 0) return html;
  return html.replace(FRAGMENT_LINK, (whole, start: string, fragment: string) => {
    const target = prefixedId(decoded(fragment));
    return target !== undefined && ids.has(target) ? `${start}#${escapeAttribute(target)}"` : whole;
  });
}
