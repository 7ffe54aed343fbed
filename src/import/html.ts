/**
 * Reading old HTML for `pressroom import`: the one module that knows the
 * HTML parser (cheerio, on parse5). Bodies get their photos and downloads
 * named for the release's folder; saved pages are read by the selectors of
 * a mapping file.
 */
import * as cheerio from "cheerio";

/** Text of an HTML fragment: tags gone, entities decoded, white space one space. */
export function plainText(html: string): string {
  return cheerio.load(html, null, false).root().text().replace(/\s+/g, " ").trim();
}

/** A file the body uses: a photo it shows or a document it links to. */
export interface BodyFile {
  readonly kind: "image" | "file";
  /** Absolute address on the old site (or file:// of a saved page). */
  readonly url: string;
  /** What the body calls it now: a name in the release's folder. */
  readonly name: string;
  readonly alt?: string;
  /** A link's text: the download's label. */
  readonly label?: string;
}

export interface PreparedBody {
  readonly html: string;
  readonly files: readonly BodyFile[];
}

/**
 * The decisions `prepareBody` asks for: the local name a file of the old site
 * gets (undefined: the address stays as it is), and whether a link's target is
 * a document to download rather than a page.
 */
export interface BodyFiles {
  readonly nameFor: (url: string, kind: BodyFile["kind"]) => string | undefined;
  readonly isDownload: (url: string) => boolean;
  readonly isImage: (url: string) => boolean;
}

const absolute = (address: string | undefined, base: string): string | undefined => {
  if (address === undefined || address.trim() === "" || address.trim().startsWith("#")) return undefined;
  try {
    return new URL(address.trim(), base).href;
  } catch {
    return undefined;
  }
};

/**
 * The body with its photos and downloads pointing at files of the release's
 * folder. A photo linked to its larger version (WordPress's thumbnails) is
 * fetched in that version. Frames (embedded videos, maps) become links.
 */
export function prepareBody(html: string, base: string, decide: BodyFiles): PreparedBody {
  const $ = cheerio.load(html, null, false);
  const files: BodyFile[] = [];
  $("script, style, noscript, template").remove();
  $("iframe, embed, object").each((_, element) => {
    const el = $(element);
    const src = absolute(el.attr("src") ?? el.attr("data"), base);
    el.replaceWith(src ? `<p><a href="${escapeAttribute(src)}">${escapeText(src)}</a></p>` : "");
  });
  $("img").each((_, element) => {
    const img = $(element);
    const parent = img.parent();
    let url = absolute(img.attr("src"), base);
    const linked = parent.is("a") ? absolute(parent.attr("href"), base) : undefined;
    if (linked !== undefined && decide.isImage(linked) && decide.nameFor(linked, "image") !== undefined) {
      url = linked;
      parent.replaceWith(img);
    }
    img.removeAttr("srcset").removeAttr("sizes").removeAttr("class").removeAttr("style");
    if (url === undefined) return;
    const name = decide.nameFor(url, "image");
    const alt = img.attr("alt")?.trim();
    img.attr("src", name ?? url);
    if (name !== undefined && !files.some((f) => f.name === name)) files.push({ kind: "image", url, name, ...(alt && { alt }) });
  });
  $("a[href]").each((_, element) => {
    const a = $(element);
    const url = absolute(a.attr("href"), base);
    if (url === undefined || !decide.isDownload(url)) return;
    const name = decide.nameFor(url, "file");
    if (name === undefined) return;
    a.attr("href", name);
    // A link named by its own address is named by its file instead.
    const text = a.text().replace(/\s+/g, " ").trim();
    const label = /^(?:https?|file):/i.test(text) ? undefined : text;
    if (!files.some((f) => f.name === name)) files.push({ kind: "file", url, name, ...(label && { label }) });
  });
  return { html: $.html(), files };
}

const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, "&quot;");
