/** sitemap.xml and robots.txt: pure functions of the pages' absolute addresses. */
import { xmlEscape as x } from "./xml.ts";

export interface SitemapEntry {
  readonly url: string;
  /** RFC 3339 date-time of the last change, where known. */
  readonly lastmod?: string;
  /** Every language version of the page, x-default among them (a translated release's). */
  readonly alternates?: readonly { readonly hreflang: string; readonly href: string }[];
}

export function sitemap(entries: readonly SitemapEntry[]): string {
  // The xhtml namespace only when some page has language versions: a site without translations keeps its sitemap byte for byte.
  const xhtml = entries.some((e) => e.alternates) ? ' xmlns:xhtml="http://www.w3.org/1999/xhtml"' : "";
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${xhtml}>`];
  for (const e of entries) {
    const links = (e.alternates ?? []).map((a) => `<xhtml:link rel="alternate" hreflang="${x(a.hreflang)}" href="${x(a.href)}"/>`).join("");
    lines.push(`  <url><loc>${x(e.url)}</loc>${e.lastmod ? `<lastmod>${x(e.lastmod)}</lastmod>` : ""}${links}</url>`);
  }
  lines.push("</urlset>", "");
  return lines.join("\n");
}

export function robots(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
