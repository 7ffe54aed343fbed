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
    // An address of the old site stays whole; one of a saved page that is not there stays as written.
    if (name !== undefined || /^https?:/i.test(url)) img.attr("src", name ?? url);
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

/** What a saved page holds, found by the selectors of a mapping file (addresses as written, not yet resolved). */
export interface PageFields {
  readonly title?: string;
  readonly subtitle?: string;
  readonly date?: string;
  readonly department?: string;
  readonly body?: string;
  readonly photos: readonly { readonly src: string; readonly alt?: string; readonly caption?: string }[];
  readonly downloads: readonly { readonly href: string; readonly title?: string }[];
  readonly contact?: string;
  readonly tags: readonly string[];
  /** The page's own address, if it names one (<link rel="canonical">, og:url). */
  readonly canonical?: string;
}

export type PageSelectors = Partial<Record<"title" | "subtitle" | "date" | "department" | "body" | "photos" | "photo_caption" | "downloads" | "contact" | "tags", string>>;

export type SelectResult = { readonly ok: true; readonly fields: PageFields } | { readonly ok: false; readonly selector: string; readonly field: string };

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

/** The fields of a page; a selector that is no valid CSS is named. Photos in the body stay in the body, not among `photos`. */
export function selectPage(html: string, selectors: PageSelectors): SelectResult {
  const $ = cheerio.load(html);
  const at = (field: keyof PageSelectors): ReturnType<typeof $> | undefined => {
    const selector = selectors[field];
    return selector === undefined ? undefined : $(selector);
  };
  try {
    const text = (field: keyof PageSelectors): string | undefined => {
      const found = at(field);
      const value = found === undefined ? undefined : oneLine(found.first().text());
      return value || undefined;
    };
    const bodyElements = at("body");
    const body = bodyElements && bodyElements.length > 0 ? bodyElements.toArray().map((el) => $(el).html() ?? "").join("\n") : undefined;
    const photos = (at("photos")?.toArray() ?? []).flatMap((el) => {
      const box = $(el);
      const img = box.is("img") ? box : box.find("img").first();
      const src = img.attr("src");
      if (!src) return [];
      const captionElement = selectors.photo_caption ? box.find(selectors.photo_caption) : box.find("figcaption");
      const caption = oneLine(captionElement.first().text()) || img.attr("title")?.trim();
      const alt = img.attr("alt")?.trim();
      return [{ src, ...(alt && { alt }), ...(caption && { caption }) }];
    });
    const downloads = (at("downloads")?.toArray() ?? []).flatMap((el) => {
      const a = $(el).is("a") ? $(el) : $(el).find("a[href]").first();
      const href = a.attr("href");
      if (!href) return [];
      const title = oneLine(a.text());
      return [{ href, ...(title && { title }) }];
    });
    const tags = (at("tags")?.toArray() ?? []).map((el) => oneLine($(el).text())).filter(Boolean);
    const canonical = $('link[rel="canonical"]').attr("href") ?? $('meta[property="og:url"]').attr("content");
    const title = text("title") ?? (oneLine($("title").first().text()) || undefined);
    const fields: PageFields = {
      ...(title && { title }),
      ...(text("subtitle") && { subtitle: text("subtitle")! }),
      ...(text("date") && { date: text("date")! }),
      ...(text("department") && { department: text("department")! }),
      ...(body !== undefined && { body }),
      photos,
      downloads,
      ...(text("contact") && { contact: text("contact")! }),
      tags,
      ...(canonical && { canonical }),
    };
    return { ok: true, fields };
  } catch {
    const bad = (Object.keys(selectors) as (keyof PageSelectors)[]).find((field) => {
      try {
        $(selectors[field]!);
        return false;
      } catch {
        return true;
      }
    });
    return { ok: false, field: bad ?? "body", selector: bad ? selectors[bad]! : "" };
  }
}
