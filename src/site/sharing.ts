/**
 * What a release page tells search engines and social networks: a
 * description, Open Graph and Twitter card fields, and schema.org
 * NewsArticle as JSON-LD.
 */
import type { Site } from "../content/model.ts";
import type { Strings } from "../i18n/index.ts";
import { decodeEntities } from "../markdown/render.ts";

export interface SharingView {
  /** The subtitle, or the start of the first paragraph. */
  readonly description: string;
  readonly siteName: string;
  /** Open Graph's locale: de_DE, en_GB. */
  readonly locale: string;
  readonly published: string;
  readonly modified: string;
  readonly sections: readonly string[];
  /** The NewsArticle, ready to stand inside <script type="application/ld+json">. */
  readonly jsonLd: string;
}

/**
 * What sharing reads of a release's page view (site/views.ts makes the view
 * and passes it here, so this module needs nothing of that one).
 */
export interface SharedRelease {
  readonly title: string;
  readonly subtitle?: string;
  readonly bodyHtml: string;
  readonly canonical: string;
  readonly date: { readonly iso: string };
  readonly updated?: { readonly iso: string };
  readonly departments: readonly { readonly url: string; readonly text: string }[];
  readonly socialImage?: { readonly url: string };
  readonly tags: readonly string[];
}

/** Longest description: what search engines show before cutting. */
const DESCRIPTION_LENGTH = 200;

/** The text of the body's first paragraph, cut at a word near `max` characters. */
export function summaryOf(bodyHtml: string, max = DESCRIPTION_LENGTH): string {
  const match = /<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/.exec(bodyHtml);
  if (!match) return "";
  const text = decodeEntities(match[1]!.replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")} …`;
}

/**
 * JSON that may stand inside a <script> element: nothing in it can close
 * the element or start markup (`<`, `>`, `&` escaped), and the line
 * separators that older parsers choke on are escaped too.
 */
export const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** `language`: a translation's language tag (default: the site's language). */
export function sharingView(view: SharedRelease, site: Site, strings: Strings, logoUrl?: string, language: string = site.language): SharingView {
  const description = view.subtitle ?? summaryOf(view.bodyHtml);
  const modified = view.updated?.iso ?? view.date.iso;
  const organization = (link: SharedRelease["departments"][number]) => ({ "@type": "GovernmentOrganization", name: link.text, url: site.url + link.url.slice(site.basePath.length) });
  const article = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: view.title,
    ...(description && { description }),
    datePublished: view.date.iso,
    dateModified: modified,
    inLanguage: language,
    url: view.canonical,
    mainEntityOfPage: view.canonical,
    author: view.departments.map(organization),
    publisher: {
      "@type": "GovernmentOrganization",
      name: site.title,
      url: `${site.url}/`,
      ...(logoUrl && { logo: { "@type": "ImageObject", url: logoUrl } }),
    },
    ...(view.socialImage && { image: [view.socialImage.url] }),
    ...(view.tags.length > 0 && { keywords: view.tags.join(", ") }),
  };
  return {
    description,
    siteName: site.title,
    // Open Graph's locale is ll_CC: the interface's when it is the page's language, else the language alone.
    locale: language.split("-")[0] === strings.locale.split("-")[0] ? strings.locale.replace("-", "_") : language.split("-")[0]!,
    published: view.date.iso,
    modified,
    sections: view.departments.map((d) => d.text),
    jsonLd: scriptSafeJson(article),
  };
}
