/**
 * RSS 2.0 and Atom feeds as a source: each entry an item, the feed's later
 * pages followed where it names them (RFC 5005: a link rel="next").
 */
import type { Fetcher } from "./fetch.ts";
import { plainText } from "./html.ts";
import { originOf, resolved, type ImportItem, type ItemDownload, type ItemPhoto, type SourceRead } from "./item.ts";
import { attribute, child, children, childText, parseXml, textOf, type XmlElement } from "./xml.ts";

/** A feed of a few thousand entries has a few hundred pages: more is a loop of the server's. */
const MAX_PAGES = 1000;

export type FeedKind = "rss" | "atom";

/** Which kind of feed a parsed document is, if it is one. */
export function feedKind(root: XmlElement): FeedKind | undefined {
  if (child(root, "rss") !== undefined || child(root, "rdf:RDF") !== undefined) return "rss";
  if (child(root, "feed") !== undefined) return "atom";
  return undefined;
}

const IMAGE_TYPE = /^image\//i;

function dateOf(text: string): ImportItem["date"] {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const instant = Date.parse(trimmed);
  if (Number.isNaN(instant)) return undefined;
  return { instant, hasTime: /\d:\d\d/.test(trimmed) };
}

const textOfTitle = (element: XmlElement | undefined): string => {
  const text = textOf(element);
  // Atom's type="text" is plain; every other title may hold markup or entities.
  return attribute(element, "type") === "text" ? text.replace(/\s+/g, " ").trim() : plainText(text);
};

function rssItem(item: XmlElement, base: string): ImportItem {
  const link = resolved(childText(item, "link"), base);
  const guid = childText(item, "guid").trim();
  const pubDate = childText(item, "pubDate") || childText(item, "dc:date");
  const photos: ItemPhoto[] = [];
  const downloads: ItemDownload[] = [];
  for (const enclosure of children(item, "enclosure")) {
    const url = attribute(enclosure, "url");
    if (!url) continue;
    const src = resolved(url, base);
    if (src === undefined) continue;
    if (IMAGE_TYPE.test(attribute(enclosure, "type") ?? "")) photos.push({ src });
    else downloads.push({ href: src });
  }
  const date = dateOf(pubDate);
  return {
    key: guid || link || `${childText(item, "title")}|${pubDate}`,
    ...(link && { link }),
    title: textOfTitle(child(item, "title")),
    ...(date && { date }),
    dateText: pubDate.trim(),
    status: "publish",
    categories: children(item, "category").map((c) => textOf(c).trim()).filter(Boolean),
    tags: [],
    html: childText(item, "content:encoded") || childText(item, "description"),
    base: link ?? base,
    photos,
    downloads,
    notes: [],
  };
}

function atomEntry(entry: XmlElement, base: string): ImportItem {
  const links = children(entry, "link");
  const alternate = links.find((l) => (attribute(l, "rel") ?? "alternate") === "alternate");
  const link = attribute(alternate, "href");
  const absoluteLink = resolved(link, base);
  const published = childText(entry, "published") || childText(entry, "updated");
  const photos: ItemPhoto[] = [];
  const downloads: ItemDownload[] = [];
  for (const enclosure of links.filter((l) => attribute(l, "rel") === "enclosure")) {
    const href = attribute(enclosure, "href");
    if (!href) continue;
    const src = resolved(href, base);
    if (src === undefined) continue;
    if (IMAGE_TYPE.test(attribute(enclosure, "type") ?? "")) photos.push({ src });
    else downloads.push({ href: src, ...(attribute(enclosure, "title") && { title: attribute(enclosure, "title")! }) });
  }
  const content = child(entry, "content") ?? child(entry, "summary");
  const text = textOf(content);
  const html = attribute(content, "type") === "text" ? `<p>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>` : text;
  const date = dateOf(published);
  return {
    key: childText(entry, "id").trim() || absoluteLink || `${childText(entry, "title")}|${published}`,
    ...(absoluteLink && { link: absoluteLink }),
    title: textOfTitle(child(entry, "title")),
    ...(date && { date }),
    dateText: published.trim(),
    status: "publish",
    categories: children(entry, "category").map((c) => (attribute(c, "label") ?? attribute(c, "term") ?? "").trim()).filter(Boolean),
    tags: [],
    html,
    base: absoluteLink ?? base,
    photos,
    downloads,
    notes: [],
  };
}

/** The next page a feed names (RSS through atom:link), as an absolute address. */
function nextPage(container: XmlElement | undefined, base: string): string | undefined {
  const links = [...children(container, "link"), ...children(container, "atom:link")];
  const next = links.find((l) => attribute(l, "rel") === "next");
  const href = attribute(next, "href");
  return resolved(href, base);
}

/** The old site a feed belongs to: its own link (a feed file), else where it was fetched from. */
function siteOf(container: XmlElement | undefined, kind: FeedKind, address: string): string | undefined {
  const own =
    kind === "rss"
      ? childText(container, "link").trim()
      : attribute(children(container, "link").find((l) => (attribute(l, "rel") ?? "alternate") === "alternate"), "href");
  for (const candidate of [address, own]) {
    const origin = originOf(candidate);
    if (origin !== undefined) return origin;
  }
  return undefined;
}

/**
 * Every entry of the feed at `address` (http(s):// or file://) and of the
 * pages after it. `first` is the first page's text when it was read already.
 */
export async function readFeed(address: string, fetcher: Fetcher, first?: string): Promise<SourceRead | { readonly reason: string }> {
  const items: ImportItem[] = [];
  const failures: { address: string; reason: string }[] = [];
  const seen = new Set<string>();
  let origin: string | undefined;
  let page: string | undefined = address;
  let text = first;
  while (page !== undefined && !seen.has(page) && seen.size < MAX_PAGES) {
    seen.add(page);
    if (text === undefined) {
      const fetched = await fetcher.get(page);
      if (!fetched.ok) {
        if (items.length === 0) return { reason: fetched.reason };
        failures.push({ address: page, reason: fetched.reason });
        break;
      }
      text = fetched.bytes.toString("utf8");
    }
    const parsed = parseXml(text);
    text = undefined;
    const kind = parsed.ok ? feedKind(parsed.root) : undefined;
    if (!parsed.ok || kind === undefined) {
      const reason = parsed.ok ? "it is not an RSS or Atom feed" : parsed.reason;
      if (items.length === 0) return { reason };
      failures.push({ address: page, reason });
      break;
    }
    const container = kind === "rss" ? (child(child(parsed.root, "rss"), "channel") ?? child(parsed.root, "rdf:RDF")) : child(parsed.root, "feed");
    origin ??= siteOf(container, kind, page);
    if (kind === "rss") {
      for (const item of children(container, "item")) items.push(rssItem(item, page));
    } else {
      for (const entry of children(container, "entry")) items.push(atomEntry(entry, page));
    }
    page = nextPage(container, page);
  }
  return { items, skipped: [], ...(origin && { origin }), failures };
}
