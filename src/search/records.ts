/** What the search index holds of each release: the published releases that are not withdrawn, as plain text. */
import { plainText } from "../markdown/render.ts";
import type { SitePlan } from "../site/plan.ts";
import type { SearchRecord } from "./pagefind.ts";

export const searchRecords = (plan: SitePlan): SearchRecord[] =>
  plan.searchable.map((release) => ({
    url: release.url,
    title: release.title,
    date: release.date.text,
    sortDate: release.date.iso,
    departments: release.departments.map((d) => d.text),
    // The local year of the release: its ISO date is written in the site's zone.
    year: release.date.iso.slice(0, 4),
    text: [release.subtitle ?? "", plainText(release.bodyHtml)].filter(Boolean).join("\n"),
  }));
