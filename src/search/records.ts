/**
 * What the search index holds of each release: the published releases that
 * are not withdrawn, as plain text (cut into shards of whole years by shards.ts).
 */
import { plainText } from "../markdown/render.ts";
import { bodyHashOf } from "../site/pages.ts";
import type { SitePlan } from "../site/plan.ts";
import type { SearchRecord } from "./pagefind.ts";

/** A subtitle as the first sentence of the text: with its own full stop, so an excerpt does not run it into the body. */
const asSentence = (text: string): string => (/[.!?:;…]["“”»«'’]*$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * A release as the search index will hold it, before its text is made plain: what the record's text is made of
 * (recordOf). A shard whose sources are the same as last time is kept without stripping any body of its markup.
 */
export interface SearchSource extends Omit<SearchRecord, "text"> {
  readonly subtitle?: string;
  /** The body as sanitized HTML. */
  readonly bodyHtml: string;
  /** The sha256 of `bodyHtml`, made once with the page's key (site/pages.ts): a shard's key holds it instead of the body. */
  readonly bodyHash: string;
  /** "Themen: Radverkehr, Verkehr." or nothing. */
  readonly tagLine: string;
}

export const searchSources = (plan: Pick<SitePlan, "searchable" | "strings">): SearchSource[] =>
  plan.searchable.map((release) => ({
    url: release.url,
    title: release.title,
    date: release.date.text,
    sortDate: release.date.iso,
    departments: release.departments.map((d) => d.text),
    // The local year of the release: its ISO date is written in the site's zone.
    year: release.date.iso.slice(0, 4),
    ...(release.subtitle && { subtitle: release.subtitle }),
    bodyHtml: release.bodyHtml,
    bodyHash: bodyHashOf(release),
    // The tags last, as a line of their own: a search for a tag's word finds the releases of that tag.
    tagLine: release.tags.length > 0 ? `${(release.t ?? plan.strings).tags}: ${release.tags.join(", ")}.` : "",
    ...(release.lang && { language: release.lang }),
  }));

/** The record of a source: its subtitle, body and tags as one plain text. */
export function recordOf(source: SearchSource): SearchRecord {
  const { subtitle, bodyHtml, bodyHash: _hash, tagLine, ...record } = source;
  return { ...record, text: [subtitle ? asSentence(subtitle) : "", plainText(bodyHtml), tagLine].filter(Boolean).join("\n") };
}
