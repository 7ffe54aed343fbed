/** Atom feeds (RFC 4287): a pure function from feed data to the document's text. */
import { xmlEscape as x } from "./xml.ts";

export interface AtomEntry {
  /** Absolute address of the release page; also its id, as addresses never change. */
  readonly url: string;
  readonly title: string;
  readonly summary?: string;
  /** RFC 3339 date-times. */
  readonly published: string;
  readonly updated: string;
  readonly categories: readonly string[];
  readonly contentHtml: string;
  /** The lead photo, as an enclosure. */
  readonly image?: { readonly url: string; readonly type: string };
}

export interface AtomFeed {
  /** Absolute address of the feed itself (its id and rel="self"). */
  readonly self: string;
  /** Absolute address of the page the feed mirrors. */
  readonly alternate: string;
  readonly title: string;
  readonly author: string;
  readonly language: string;
  /** Newest first. */
  readonly entries: readonly AtomEntry[];
  /** Used when there are no entries, so an empty feed is still valid and stable. */
  readonly fallbackUpdated: string;
}

export function atomFeed(feed: AtomFeed): string {
  const newest = feed.entries.reduce<string | undefined>(
    (latest, e) => (latest === undefined || Date.parse(e.updated) > Date.parse(latest) ? e.updated : latest),
    undefined,
  );
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.language)}">`,
    `  <id>${x(feed.self)}</id>`,
    `  <title>${x(feed.title)}</title>`,
    `  <updated>${x(newest ?? feed.fallbackUpdated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.alternate)}"/>`,
    `  <author><name>${x(feed.author)}</name></author>`,
  ];
  for (const e of feed.entries) {
    lines.push(
      "  <entry>",
      `    <id>${x(e.url)}</id>`,
      `    <title>${x(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(e.url)}"/>`,
      `    <published>${x(e.published)}</published>`,
      `    <updated>${x(e.updated)}</updated>`,
      ...e.categories.map((c) => `    <category term="${x(c)}"/>`),
      ...(e.image ? [`    <link rel="enclosure" type="${x(e.image.type)}" href="${x(e.image.url)}"/>`] : []),
      ...(e.summary ? [`    <summary>${x(e.summary)}</summary>`] : []),
      // Addresses in the body are absolute already; xml:base says the same for readers that use it.
      `    <content type="html" xml:base="${x(e.url)}">${x(e.contentHtml)}</content>`,
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
