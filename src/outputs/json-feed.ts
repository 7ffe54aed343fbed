/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): a pure function from feed data to the document's text. */

export interface JsonFeedItem {
  /** Absolute address of the release page; also its id. */
  readonly url: string;
  readonly title: string;
  readonly summary?: string;
  readonly contentHtml: string;
  /** RFC 3339 date-times. */
  readonly published: string;
  readonly updated: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  /** Absolute address of the lead photo. */
  readonly image?: string;
}

export interface JsonFeed {
  readonly title: string;
  readonly homePage: string;
  readonly feedUrl: string;
  readonly description?: string;
  readonly language: string;
  readonly author: string;
  /** Newest first. */
  readonly items: readonly JsonFeedItem[];
}

export function jsonFeed(feed: JsonFeed): string {
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homePage,
    feed_url: feed.feedUrl,
    ...(feed.description && { description: feed.description }),
    language: feed.language,
    authors: [{ name: feed.author }],
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      content_html: item.contentHtml,
      ...(item.summary && { summary: item.summary }),
      ...(item.image && { image: item.image }),
      date_published: item.published,
      date_modified: item.updated,
      authors: item.authors.map((name) => ({ name })),
      ...(item.tags.length > 0 && { tags: item.tags }),
    })),
  };
  return JSON.stringify(document, null, 1) + "\n";
}
