/**
 * The images a body places: `![Alt](foto.jpg "Title")` in Markdown and
 * `<img src="foto.jpg">` in raw HTML (as archives migrated from an old CMS
 * have them), with the line each is written on.
 */
import { tagAttributes } from "./attributes.ts";
import { markdown } from "./instance.ts";
import { sanitizedHtml } from "./render.ts";

export { tagAttributes };

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

/**
 * The images a reader will see: those the parsed body places, kept only when
 * they survive sanitizing (an <img> in an HTML comment or inside <script> is
 * not on the page, so its file is not published either), plus any the
 * sanitizer's output has that parsing did not find, at the body's first line.
 */
export function findBodyImages(body: string): BodyImage[] {
  // Most releases have none; parsing is only needed when something looks like an image.
  if (!body.includes("![") && !/<img\b/i.test(body)) return [];
  const parsed: BodyImage[] = [];
  for (const token of markdown.parse(body, {})) {
    if (token.type === "inline") inlineImages(token, parsed);
    else if (token.type === "html_block") htmlImages(token.content, token.map?.[0] ?? 0, parsed);
  }
  const shown: BodyImage[] = [];
  htmlImages(sanitizedHtml(body), 0, shown);
  const remaining = [...shown];
  const out: BodyImage[] = [];
  for (const image of parsed) {
    const i = remaining.findIndex((s) => s.src === image.src);
    if (i === -1) continue;
    remaining.splice(i, 1);
    out.push(image);
  }
  return [...out, ...remaining];
}
