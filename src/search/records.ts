/**
 * What the search index holds of each release: the published releases that
 * are not withdrawn, as plain text (cut into shards of whole years by shards.ts).
 */
import { plainText } from "../markdown/render.ts";
import type { SitePlan } from "../site/plan.ts";
import type { SearchRecord } from "./pagefind.ts";

/** A subtitle as the first sentence of the text: with its own full stop, so an excerpt does not run it into the body. */
const asSentence = (text: string): string => (/[.!?:;…]["“”»«'’]*$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

export const searchRecords = (plan: SitePlan): SearchRecord[] =>
  plan.searchable.map((release) => ({
    url: release.url,
    title: release.title,
    date: release.date.text,
    sortDate: release.date.iso,
    departments: release.departments.map((d) => d.text),
    // The local year of the release: its ISO date is written in the site's zone.
    year: release.date.iso.slice(0, 4),
    // The tags last, as a line of their own: a search for a tag's word finds the releases of that tag.
    text: [
      release.subtitle ? asSentence(release.subtitle) : "",
      plainText(release.bodyHtml),
      release.tags.length > 0 ? `${(release.t ?? plan.strings).tags}: ${release.tags.join(", ")}.` : "",
    ]
      .filter(Boolean)
      .join("\n"),
    ...(release.lang && { language: release.lang }),
  }));
