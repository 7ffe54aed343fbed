/**
 * The images a body places: `![Alt](foto.jpg "Title")` in Markdown and
 * `<img src="foto.jpg">` in raw HTML (as archives migrated from an old CMS
 * have them), with the line each is written on.
 */
import { markdown } from "./instance.ts";

type Token = ReturnType<typeof markdown.parse>[number];

export interface BodyImage {
  /** The address as written (entities and backslash escapes resolved). */
  readonly src: string;
  /** Undefined when the image has no alternative text at all ("![](x)" has ""). */
  readonly alt: string | undefined;
  readonly title?: string;
  /** 0-based line within the body. */
  readonly line: number;
  /** Written as Markdown (![…](…)) or as an HTML <img> tag. */
  readonly html?: true;
}

const IMG_TAG = /<img\b[^>]*>/gi;
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

function htmlImages(html: string, line: number, out: BodyImage[]): void {
  for (const [tag] of html.matchAll(IMG_TAG)) {
    const attributes = tagAttributes(tag);
    const src = attributes.get("src");
    if (!src) continue;
    const title = attributes.get("title");
    out.push({ src, alt: attributes.get("alt"), ...(title && { title }), line, html: true });
  }
}

function inlineImages(token: Token, out: BodyImage[]): void {
  let line = token.map?.[0] ?? 0;
  for (const child of token.children ?? []) {
    if (child.type === "softbreak" || child.type === "hardbreak") line++;
    else if (child.type === "image") {
      const title = child.attrGet("title");
      // markdown-it has already percent-encoded the address; the alt text is the image's content.
      out.push({ src: String(child.attrGet("src") ?? ""), alt: child.content, ...(title !== null && title !== "" && { title: String(title) }), line });
    } else if (child.type === "html_inline") htmlImages(child.content, line, out);
  }
}

export function findBodyImages(body: string): BodyImage[] {
  // Most releases have none; parsing is only needed when something looks like an image.
  if (!body.includes("![") && !/<img\b/i.test(body)) return [];
  const out: BodyImage[] = [];
  for (const token of markdown.parse(body, {})) {
    if (token.type === "inline") inlineImages(token, out);
    else if (token.type === "html_block") htmlImages(token.content, token.map?.[0] ?? 0, out);
  }
  return out;
}
