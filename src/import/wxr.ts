/**
 * A WordPress export (WXR, "Tools → Export") as a source: its posts become
 * items, with their categories, tags, featured image, galleries and captions;
 * pages and the export's other kinds are left out, attachments serve the
 * posts that use them.
 */
import { wallClockToInstant } from "../content/dates.ts";
import { plainText } from "./html.ts";
import { originOf, resolved, type ImportItem, type ItemNote, type ItemPhoto, type ItemStatus, type SkippedItem, type SourceRead } from "./item.ts";
import { autop, expandShortcodes, type Attachment } from "./shortcodes.ts";
import { attribute, child, children, childText, textOf, type XmlElement } from "./xml.ts";

/** Whether a parsed document is a WordPress export. */
export const isWxr = (root: XmlElement): boolean => child(child(child(root, "rss"), "channel"), "wp:wxr_version") !== undefined;

/** Kinds of an export that are WordPress's own housekeeping: left out without a word. */
const HOUSEKEEPING = /^(?:attachment|revision|nav_menu_item|customize_changeset|custom_css|oembed_cache|user_request|wp_.*)$/;

const STATUSES: Readonly<Record<string, ItemStatus>> = { publish: "publish", draft: "draft", "auto-draft": "draft", pending: "pending", future: "future", private: "private" };

/** A custom field of a post (wp:postmeta), by its key. */
function meta(item: XmlElement, key: string): string | undefined {
  const found = children(item, "wp:postmeta").find((m) => childText(m, "wp:meta_key") === key);
  return found === undefined ? undefined : childText(found, "wp:meta_value");
}

const NO_DATE = /^0000-00-00/;
const WALL_CLOCK = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)(?::(\d\d))?$/;

/** post_date_gmt is UTC; a draft has none, and its post_date is the old site's local time (taken as the new site's). */
function dateOf(item: XmlElement, timeZone: string): ImportItem["date"] {
  const gmt = childText(item, "wp:post_date_gmt").trim();
  const local = childText(item, "wp:post_date").trim();
  const utc = !NO_DATE.test(gmt) ? gmt.match(WALL_CLOCK) : undefined;
  if (utc) return { instant: Date.UTC(+utc[1]!, +utc[2]! - 1, +utc[3]!, +utc[4]!, +utc[5]!, +(utc[6] ?? 0)), hasTime: true };
  const wall = !NO_DATE.test(local) ? local.match(WALL_CLOCK) : undefined;
  if (!wall) return undefined;
  return { instant: wallClockToInstant(Date.UTC(+wall[1]!, +wall[2]! - 1, +wall[3]!, +wall[4]!, +wall[5]!, +(wall[6] ?? 0)), timeZone), hasTime: true };
}

/** The posts of the export at `text` (already parsed as `root`); dates without a zone are taken in `timeZone`. */
export function readWxr(root: XmlElement, timeZone: string): SourceRead {
  const channel = child(child(root, "rss"), "channel");
  const site = childText(channel, "wp:base_blog_url").trim() || childText(channel, "link").trim() || childText(channel, "wp:base_site_url").trim();
  const base = originOf(site) !== undefined ? site : "http://localhost/";
  const entries = children(channel, "item");
  const attachments = new Map<string, Attachment>();
  for (const entry of entries) {
    if (childText(entry, "wp:post_type") !== "attachment") continue;
    const url = resolved(childText(entry, "wp:attachment_url").trim() || childText(entry, "guid").trim(), base);
    if (url === undefined) continue;
    const alt = meta(entry, "_wp_attachment_image_alt")?.trim();
    const caption = plainText(childText(entry, "excerpt:encoded"));
    const parent = childText(entry, "wp:post_parent").trim();
    attachments.set(childText(entry, "wp:post_id").trim(), {
      url,
      ...(alt && { alt }),
      ...(caption && { caption }),
      ...(parent && parent !== "0" && { parent }),
    });
  }
  const items: ImportItem[] = [];
  const skipped: SkippedItem[] = [];
  for (const entry of entries) {
    const type = childText(entry, "wp:post_type").trim() || "post";
    const id = childText(entry, "wp:post_id").trim();
    const link = resolved(childText(entry, "link"), base);
    const title = plainText(childText(entry, "title"));
    const key = `wordpress:${id || childText(entry, "guid").trim()}`;
    const status = childText(entry, "wp:status").trim();
    if (HOUSEKEEPING.test(type)) continue;
    if (type !== "post" || status === "trash") {
      skipped.push({ key, ...(link && { link }), ...(title && { title }), kind: status === "trash" ? "post in the trash" : type });
      continue;
    }
    const notes: ItemNote[] = [];
    const html = expandShortcodes(autop(childText(entry, "content:encoded")), attachments, id, notes);
    const comments = children(entry, "wp:comment").filter((c) => childText(c, "wp:comment_approved").trim() === "1").length;
    if (comments > 0) notes.push({ code: "import-comments", count: comments });
    const photos: ItemPhoto[] = [];
    const featured = attachments.get(meta(entry, "_thumbnail_id")?.trim() ?? "");
    if (featured) photos.push({ src: featured.url, ...(featured.alt && { alt: featured.alt }), ...(featured.caption && { caption: featured.caption }) });
    const terms = (domain: string) =>
      children(entry, "category")
        .filter((c) => attribute(c, "domain") === domain)
        .map((c) => plainText(textOf(c)))
        .filter(Boolean);
    const date = dateOf(entry, timeZone);
    const password = childText(entry, "wp:post_password").trim() !== "";
    const absoluteLink = link && /^https?:/i.test(link) ? link : undefined;
    items.push({
      key,
      ...(absoluteLink && { link: absoluteLink }),
      title,
      ...(date && { date }),
      dateText: childText(entry, "wp:post_date").trim(),
      status: password ? "password-protected" : (STATUSES[status] ?? "draft"),
      categories: terms("category"),
      tags: terms("post_tag"),
      html,
      base: absoluteLink ?? base,
      ...(childText(entry, "wp:post_name").trim() && { slug: decodeURIComponent(childText(entry, "wp:post_name").trim()) }),
      photos,
      downloads: [],
      notes,
    });
  }
  const origin = originOf(site);
  return { items, skipped, ...(origin && { origin }), failures: [] };
}
