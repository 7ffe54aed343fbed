/**
 * Release bodies: Markdown to HTML, then a sanitizer keeps only a safe subset
 * of HTML. The one module that knows markdown-it and sanitize-html.
 *
 * Raw HTML is allowed in bodies because archives migrated from an old CMS are
 * full of it; whatever survives the allowlist below cannot run code.
 */
import sanitizeHtml from "sanitize-html";
import { tagAttributes } from "./attributes.ts";
import { IMAGE_SCHEMES, isAllowedSrcset, isAllowedUrl, LINK_SCHEMES } from "./safe-url.ts";
import type { Language } from "../i18n/strings.ts";
import { markdown, markdownFor } from "./instance.ts";
import { linkFragments, prefixedId } from "./anchors.ts";
import { unnestParagraphs } from "./nesting.ts";

/**
 * Every address attribute a tag brings is judged after normalisation (safe-url.ts), before the
 * sanitizer's own check of schemes: one whose scheme is hidden behind entities, percent-escapes,
 * white space or invisible characters is dropped, the tag and its text kept.
 */
function withAllowedUrls(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const schemes = tagName === "img" ? IMAGE_SCHEMES : LINK_SCHEMES;
  let kept: sanitizeHtml.Attributes | undefined;
  // In-page targets keep their name under a prefix (anchors.ts); an old <a name> becomes an id.
  const target = attribs.id ?? (tagName === "a" ? attribs.name : undefined);
  if (target !== undefined || attribs.name !== undefined) {
    kept = { ...attribs };
    delete kept.id;
    delete kept.name;
    const id = target === undefined ? undefined : prefixedId(target);
    if (id !== undefined) kept.id = id;
  }
  for (const name of ["href", "src", "srcset"]) {
    const value = attribs[name];
    if (value === undefined) continue;
    if (name === "srcset" ? isAllowedSrcset(value, schemes) : isAllowedUrl(value, schemes)) continue;
    kept ??= { ...attribs };
    delete kept[name];
  }
  return { tagName, attribs: kept ?? attribs };
}

const sanitizeOptions: Readonly<sanitizeHtml.IOptions> = {
  allowedTags: [
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "img", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "abbr", "mark",
    "figure", "figcaption",
    // Old CMS exports wrap paragraphs in divs; without them the text would run together. A span
    // carries nothing once its attributes are gone, and one around paragraphs is not valid HTML:
    // spans are left out, their text kept.
    "div",
  ],
  allowedAttributes: {
    "*": ["id"],
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    abbr: ["title"],
    ol: ["start", "reversed"],
  },
  allowedSchemes: [...LINK_SCHEMES],
  allowedSchemesByTag: { img: [...IMAGE_SCHEMES] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  // The page has one h1, the title; a heading in the body becomes h2.
  // A size like width="100%" or height="auto" is not valid HTML for an image: only whole pixels stay.
  transformTags: {
    "*": withAllowedUrls,
    h1: "h2",
    img: (tagName, attribs) => {
      const kept = { ...attribs };
      for (const size of ["width", "height"]) if (kept[size] !== undefined && !/^\d+$/.test(kept[size]!.trim())) delete kept[size];
      return { tagName, attribs: kept };
    },
  },
  disallowedTagsMode: "discard",
  // An image whose source was removed (data:, javascript:) would be an empty box without meaning; a link
  // without an address would look like one and lead nowhere: its text stays, as text (an old <a name>
  // stays as the target of in-page links).
  exclusiveFilter: (frame) => (frame.tag === "img" && !frame.attribs.src) || (frame.tag === "a" && !frame.attribs.href && !frame.attribs.id ? "excludeTag" : false),
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "svg", "math"],
};

/** Photos of the release's own folder, as the body places them: the markup that replaces each <img>. */
export interface BodyPhotos {
  /** An image alone in its paragraph: a figure with caption, credit and download. */
  readonly figure: (src: string, alt: string) => string | undefined;
  /** An image within text: the picture alone. */
  readonly picture: (src: string, alt: string) => string | undefined;
}

/** <p><img></p>, or any other <img>, in the sanitizer's output (attributes quoted and escaped). */
const IMAGE = /<p>\s*(<img\b[^>]*>)\s*<\/p>|<img\b[^>]*>/g;

/**
 * Replace the release's own photos by their web versions, after sanitizing:
 * the markup put in is generated here, never read from the body. Every other
 * image keeps its address and gets alt="" when it has none, so a screen
 * reader skips it instead of reading its file name.
 */
function placePhotos(html: string, photos: BodyPhotos | undefined): string {
  const placed = html.replace(LINKED_EXTERNAL_IMAGE, externalImageInLink).replace(IMAGE, (whole: string, alone: string | undefined) => {
    const attributes = tagAttributes(alone ?? whole);
    const src = attributes.get("src") ?? "";
    const alt = attributes.get("alt") ?? "";
    if (EXTERNAL.test(src)) return externalImage(src, alt, alone !== undefined);
    const photo = alone ? photos?.figure(src, alt) : photos?.picture(src, alt);
    if (photo !== undefined) return photo;
    return attributes.has("alt") ? whole : whole.replace(/<img\b/, '<img alt=""');
  });
  return placed.includes('alt=""') ? placed.replace(LINK, namedLink) : placed;
}

/** An image on another website: the site's security policy lets pages load images of their own site only. */
const EXTERNAL = /^https?:\/\//i;
/** Whether an image's address is on another website: the page shows a link to it instead (placePhotos). */
export const isExternalImage = (src: string): boolean => EXTERNAL.test(src.trim());
const LINKED_EXTERNAL_IMAGE = /<a\b([^>]*)>\s*(<img\b[^>]*>)\s*<\/a>/g;
const LINK = /<a\b([^>]*)>((?:(?!<\/a>)[\s\S])*)<\/a>/g;

/** An address as a reader can read it: no scheme, no trailing slash. */
const readableAddress = (url: string): string => url.replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/i, "").replace(/\/$/, "");

const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * An image of another website is not loaded (the policy refuses it, and loading it would tell that
 * website who reads the release): it becomes a link to it, named by its alternative text or address.
 */
function externalImage(src: string, alt: string, alone: boolean): string {
  const link = `<a href="${escapeText(src)}">${escapeText(alt.trim() || readableAddress(src))}</a>`;
  return alone ? `<p>${link}</p>` : link;
}

/** A link whose content is an image of another website keeps its target, named by the image's text or the target's address. */
function externalImageInLink(whole: string, attributes: string, image: string): string {
  const img = tagAttributes(image);
  if (!EXTERNAL.test(img.get("src") ?? "")) return whole;
  const href = tagAttributes(`<a${attributes}>`).get("href") ?? "";
  return `<a${attributes}>${escapeText((img.get("alt") ?? "").trim() || readableAddress(href))}</a>`;
}

/** A link whose only content is an image without alternative text would have no name: it gets its address as one. */
function namedLink(whole: string, attributes: string, content: string): string {
  if (content.replace(/<[^>]*>/g, "").trim() !== "" || /\balt="[^"]*[^"\s][^"]*"/.test(content) || /\baria-label=/.test(attributes)) return whole;
  const href = tagAttributes(`<a${attributes}>`).get("href");
  return href ? `<a${attributes} aria-label="${escapeText(readableAddress(href))}">${content}</a>` : whole;
}

/**
 * The body as HTML with only the safe subset left: what the page shows, before photos are placed.
 * With the site's `language`, in its typography; without, as written (to find what a body holds).
 */
export const sanitizedHtml = (source: string, language?: Language): string =>
  linkFragments(unnestParagraphs(sanitizeHtml((language ? markdownFor(language) : markdown).render(source), { ...sanitizeOptions })));

/** `sanitized` renders the text: a cache of earlier builds' bodies may stand in for sanitizedHtml. */
export function renderBody(source: string, photos?: BodyPhotos, sanitized: (source: string) => string = (text) => sanitizedHtml(text)): string {
  return placePhotos(sanitized(source), photos);
}

const DOWNLOAD_LINK = /<a class="download"[^>]*>[^<]*<\/a>/g;
/** Block ends that separate words once tags are gone. */
const BLOCK_END = /<\/(?:p|li|h[1-6]|td|th|blockquote|pre|figcaption|tr|dd|dt)>|<br\s*\/?>/gi;
/** The characters sanitized HTML keeps as entities in text (sanitize-html escapes only these). */
const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'", "&nbsp;": "\u00a0" };

/** Text of sanitized HTML with its entities read back. */
export const decodeEntities = (text: string): string => text.replace(/&(?:amp|lt|gt|quot|nbsp|#39|#x27);/g, (entity) => ENTITIES[entity]!);

/**
 * The words of a sanitized body, for the search index: tags gone, blocks on
 * lines of their own. Only for HTML this module made: the sanitizer escapes
 * every < and > in text and attribute values, so a tag ends at its first >.
 */
export function plainText(html: string): string {
  // A placed photo's download link ("Originaldatei (JPEG, …)") is not part of the text.
  const text = html.replace(DOWNLOAD_LINK, "").replace(BLOCK_END, "$&\n").replace(/<[^>]*>/g, "");
  return decodeEntities(text).replace(/[ \t]+/g, " ").replace(/\s*\n\s*/g, "\n").trim();
}
