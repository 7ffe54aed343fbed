/**
 * WordPress bodies as WordPress showed them: paragraphs from blank lines
 * (wpautop), and the shortcodes of its own ([caption], [gallery], [embed],
 * [audio], [video]) as the HTML they stood for. Any other shortcode with
 * attributes or a closing tag loses its brackets and keeps its text, with a
 * note; text in square brackets that is no shortcode ([Hinweis]) stays.
 */
import type { ItemNote } from "./item.ts";

/** A photo of the export's media library. */
export interface Attachment {
  readonly url: string;
  readonly alt?: string;
  readonly caption?: string;
  /** The post it was uploaded to. */
  readonly parent?: string;
}

const BLOCK_START = /^<(?:p|div|h[1-6]|ul|ol|dl|table|blockquote|pre|figure|hr|address|section|article|aside|header|footer|!--)\b/i;

/** Paragraphs from blank lines and line breaks from single ones, for a body written without <p>. */
export function autop(html: string): string {
  if (/<p[\s>]/i.test(html)) return html;
  return html
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

const escapeAttribute = (text: string): string => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The attributes of a shortcode: name="value", name='value' or name=value. */
function attributesOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))/g)) out.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  return out;
}

const photo = (a: Attachment): string =>
  `<p><img src="${escapeAttribute(a.url)}" alt="${escapeAttribute(a.alt ?? "")}"${a.caption ? ` title="${escapeAttribute(a.caption)}"` : ""}></p>`;

const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const link = (url: string, text = url): string => `<p><a href="${escapeAttribute(url)}">${escapeText(text)}</a></p>`;

/** The file name at the end of an address, as people read it. */
function fileName(url: string): string {
  const last = url.replace(/[?#].*$/, "").split("/").filter(Boolean).pop() ?? url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** [name attributes]content[/name], or [name attributes] alone (self-closing or not). */
const SHORTCODE = /\[([a-z_][\w-]*)((?:\s[^\]]*)?)\/?\](?:([\s\S]*?)\[\/\1\])?/gi;

/**
 * The body with WordPress's shortcodes replaced. `attachments` by id (the
 * galleries' photos); `postId` for a gallery without ids (its post's photos).
 */
export function expandShortcodes(html: string, attachments: ReadonlyMap<string, Attachment>, postId: string, notes: ItemNote[]): string {
  return html.replace(SHORTCODE, (whole, rawName: string, rawAttributes: string, content: string | undefined) => {
    const name = rawName.toLowerCase();
    const attributes = attributesOf(rawAttributes ?? "");
    switch (name) {
      case "caption":
      case "wp_caption": {
        const inner = content ?? "";
        const image = inner.match(/<img\b[^>]*>/i)?.[0];
        if (image === undefined) return inner;
        const caption = (attributes.get("caption") ?? inner.replace(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i, "")).trim();
        const linked = inner.match(/<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>/i)?.[0] ?? image;
        const titled = caption ? linked.replace(/<img\b/i, `<img title="${escapeAttribute(caption.replace(/<[^>]*>/g, ""))}"`) : linked;
        return `\n\n<p>${titled}</p>\n\n`;
      }
      case "gallery": {
        const ids = attributes.get("ids")?.split(",").map((id) => id.trim()).filter(Boolean);
        const photos = ids ? ids.map((id) => attachments.get(id)).filter((a) => a !== undefined) : [...attachments.values()].filter((a) => a.parent === postId);
        return `\n\n${photos.map(photo).join("\n")}\n\n`;
      }
      case "embed":
        return content?.trim() ? `\n\n${link(content.trim())}\n\n` : "";
      case "audio":
      case "video": {
        const source = attributes.get("src") ?? attributes.get("mp3") ?? attributes.get("mp4") ?? attributes.get("ogg") ?? attributes.get("webm") ?? content?.trim();
        return source ? `\n\n${link(source, fileName(source))}\n\n` : "";
      }
      default:
        // Text in brackets ([Hinweis]) is no shortcode: only one with attributes or a closing tag is.
        if (content === undefined && (rawAttributes ?? "").trim() === "") return whole;
        notes.push({ code: "import-shortcode", shortcode: name });
        return content ?? "";
    }
  });
}
