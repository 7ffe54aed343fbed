/**
 * A release body for feeds: feed readers show it away from the site, and
 * many ignore xml:base, so every address in it is made absolute.
 */
import { srcsetCandidates } from "../markdown/attributes.ts";

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** `value` (as written in an attribute, entities and all) resolved against `base`; left alone when it is absolute or a fragment. */
function absolute(value: string, base: string): string {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed.startsWith("#") || SCHEME.test(trimmed)) return value;
  try {
    // &amp; in an attribute is a plain & in the address: resolve that, then write it as an attribute again.
    return new URL(trimmed.replace(/&amp;/g, "&"), base).href.replace(/&/g, "&amp;");
  } catch {
    return value;
  }
}

/** Every href, src and srcset address in sanitized HTML, resolved against the release page's address. */
export function absoluteLinks(html: string, base: string): string {
  return html.replace(/\s(href|src|srcset)="([^"]*)"/g, (_, name: string, value: string) => {
    const resolved =
      name === "srcset"
        ? srcsetCandidates(value)
            .map(({ url, descriptors }) => [absolute(url, base), ...descriptors].join(" "))
            .join(", ")
        : absolute(value, base);
    return ` ${name}="${resolved}"`;
  });
}
