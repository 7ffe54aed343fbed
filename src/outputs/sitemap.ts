/** sitemap.xml and robots.txt: pure functions of the pages' absolute addresses. */
import { xmlEscape as x } from "./xml.ts";

export interface SitemapEntry {
  readonly url: string;
  /** RFC 3339 date-time of the last change, where known. */
  readonly lastmod?: string;
}

export function sitemap(entries: readonly SitemapEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const e of entries) {
    lines.push(`  <url><loc>${x(e.url)}</loc>${e.lastmod ? `<lastmod>${x(e.lastmod)}</lastmod>` : ""}</url>`);
  }
  lines.push("</urlset>", "");
  return lines.join("\n");
}

export function robots(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
