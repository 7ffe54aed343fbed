/**
 * Whether an address may stay on a page: its scheme, read the way the most
 * forgiving reader would read it, is on an allow-list.
 *
 * A browser removes some characters from an address before it looks at the
 * scheme, and other programs that handle a page later (feed readers, mail
 * clients, old engines) remove more or decode more: `&#x2000;javascript:…`
 * and `java\u200Bscript:…` are harmless in today's Chromium and live script
 * elsewhere. So an address is judged after every entity and percent-escape is
 * decoded (repeatedly: `&amp;#106;` too) and every white space of any kind,
 * control, zero-width and other formatting character is gone; if what is left
 * starts with a scheme, that scheme must be allowed, and an address that
 * starts with two slashes (another website, without a scheme) is refused.
 * The address itself is left as written: this decides, it does not rewrite.
 */
import { srcsetCandidates } from "./attributes.ts";

/** Schemes a link in a release's text may have; an image only http and https (and the site's own files). */
export const LINK_SCHEMES: readonly string[] = ["http", "https", "mailto", "tel"];
export const IMAGE_SCHEMES: readonly string[] = ["http", "https"];

/** White space of every kind, controls, and the invisible formatting characters (zero-width, direction, soft hyphen, U+180E). */
const IGNORED = /[\p{White_Space}\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}]/gu;
const NUMERIC_ENTITY = /&#(?:x([0-9a-f]+)|([0-9]+));?/gi;
/** The named entities that spell the characters of a scheme and its separator (HTML's full list has more for letters, none that matter here). */
const NAMED: Readonly<Record<string, string>> = {
  colon: ":", sol: "/", bsol: "\\", tab: "\t", newline: "\n", nbsp: "\u00a0", amp: "&", quot: '"', apos: "'", lt: "<", gt: ">",
  lpar: "(", rpar: ")", period: ".", plus: "+", hyphen: "-", dash: "-", num: "#", excl: "!", semi: ";", comma: ",",
};
const NAMED_ENTITY = /&([a-z]+);?/gi;
const PERCENT_RUN = /(?:%[0-9a-f]{2})+/gi;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** Two slashes (or backslashes, which browsers read as slashes) without a scheme: another website. */
const OTHER_SITE = /^[/\\]{2}/;

function codePoint(value: number): string {
  return value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff) ? String.fromCodePoint(value) : "\ufffd";
}

function decodePercent(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // Not UTF-8: each byte as the character of that number.
    return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** One round of decoding: entities, then percent-escapes, then the ignored characters removed. */
function decodeOnce(value: string): string {
  return value
    .replace(NUMERIC_ENTITY, (_, hex: string | undefined, decimal: string | undefined) => codePoint(hex !== undefined ? parseInt(hex, 16) : parseInt(decimal!, 10)))
    .replace(NAMED_ENTITY, (whole, name: string) => NAMED[name.toLowerCase()] ?? whole)
    .replace(PERCENT_RUN, decodePercent)
    .replace(IGNORED, "");
}

/** The address as the most forgiving reader sees it: decoded until nothing changes (at most a few rounds). */
export function normalizedUrl(value: string): string {
  let current = value.replace(IGNORED, "");
  for (let round = 0; round < 5; round++) {
    const next = decodeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** The scheme that starts a normalised address, in lowercase, or undefined. */
const schemeIn = (normal: string): string | undefined => SCHEME.exec(normal)?.[1]?.toLowerCase();

/** The scheme of an address after normalisation, in lowercase ("javascript"), or undefined for a relative one. */
export const schemeOf = (value: string): string | undefined => schemeIn(normalizedUrl(value));

/**
 * Whether `value` may stay: a relative address (to a page or file of the
 * site), or one whose scheme is in `schemes` (lowercase, without the colon).
 */
export function isAllowedUrl(value: string, schemes: readonly string[]): boolean {
  const normal = normalizedUrl(value);
  const scheme = schemeIn(normal);
  if (scheme !== undefined) return schemes.includes(scheme);
  return !OTHER_SITE.test(normal);
}

/** Each address of a srcset ("a.jpg 480w, b.jpg 960w"): every one must be allowed. */
export const isAllowedSrcset = (value: string, schemes: readonly string[]): boolean =>
  srcsetCandidates(value).every(({ url }) => url === "" || isAllowedUrl(url, schemes));

/** Where a body writes an address: a Markdown link or image `](…)`, a reference `[r]: …`, an autolink `<…>`, or an HTML attribute. */
const WRITTEN_ADDRESS = /\]\(\s*<?((?:[^\s()>]|\([^\s()]*\))*)|^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)|<([a-z][a-z0-9+.-]*:[^\s<>]*)>|\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gim;

/** The addresses a body writes that the page will not keep (`schemes` for links), each with its 0-based line. */
export function refusedAddresses(body: string, schemes: readonly string[]): { line: number; column: number; address: string }[] {
  if (!/\]\(|\]:|<[a-z]|href|src/i.test(body)) return [];
  const refused: { line: number; column: number; address: string }[] = [];
  for (const match of body.matchAll(WRITTEN_ADDRESS)) {
    const address = match.slice(1).find((group) => group !== undefined);
    if (address === undefined || address === "" || isAllowedUrl(address, schemes)) continue;
    const at = match.index + match[0].lastIndexOf(address);
    const before = body.slice(0, at);
    refused.push({ line: before.split("\n").length - 1, column: at - before.lastIndexOf("\n"), address });
  }
  return refused;
}
