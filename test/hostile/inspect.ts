/**
 * What may never be in a page or a feed entry built from hostile content, found with a real HTML
 * parser (cheerio, on parse5): elements that run or embed code, event handler attributes, and
 * addresses whose scheme, read after normalisation, is not one a release may link to.
 */
import * as cheerio from "cheerio";
import { isAllowedSrcset, isAllowedUrl } from "../../src/markdown/safe-url.ts";

/** Elements a release's text may never bring (our own templates add only a JSON-LD script and the search module). */
const FORBIDDEN = new Set([
  "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "base", "meta", "link", "form", "input", "button",
  "textarea", "select", "option", "keygen", "isindex", "svg", "math", "template", "noscript", "video", "audio", "marquee", "xmp", "plaintext",
  "noembed", "xml", "details", "dialog", "portal",
]);
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "poster", "background", "data", "xlink:href", "cite", "longdesc", "dynsrc", "lowsrc", "ping"];
/** An element as the parser gives it. */
interface Element {
  readonly tagName: string;
  readonly attribs: Record<string, string>;
}

export const ALLOWED_SCHEMES = ["http", "https", "mailto", "tel"];

/** Findings in one document or fragment, each "where: what". `content` selects the part that holds the release's text. */
export function inspect(html: string, where: string, content?: string): string[] {
  const $ = cheerio.load(html);
  const found: string[] = [];
  $("*").each((_, node) => {
    const element = node as unknown as Element;
    const tag = element.tagName.toLowerCase();
    for (const [name, value] of Object.entries(element.attribs)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith("on")) found.push(`${where}: <${tag} ${name}="${value}">`);
      if (URL_ATTRIBUTES.includes(attribute) && !isAllowedUrl(value, ALLOWED_SCHEMES)) found.push(`${where}: <${tag} ${name}="${value}">`);
      if (attribute === "srcset" && !isAllowedSrcset(value, ALLOWED_SCHEMES)) found.push(`${where}: <${tag} srcset="${value}">`);
    }
    if (tag === "script") {
      const type = element.attribs.type ?? "";
      const src = element.attribs.src;
      const own = type === "application/ld+json" ? src === undefined : type === "module" && src !== undefined && src.startsWith("/");
      if (!own) found.push(`${where}: a script that is not the page's own (${type || "no type"}${src ? `, ${src}` : ""})`);
    }
    if (tag === "meta" && /refresh/i.test(element.attribs["http-equiv"] ?? "")) found.push(`${where}: <meta http-equiv="refresh">`);
  });
  if (content === undefined) return found;
  const part = $(content);
  if (part.length === 0) found.push(`${where}: no ${content}`);
  part.find("*").each((_, node) => {
    const { tagName } = node as unknown as Element;
    if (FORBIDDEN.has(tagName.toLowerCase())) found.push(`${where}: <${tagName}> in the text`);
  });
  return found;
}
