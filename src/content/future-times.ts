/**
 * Times that depend on the build's clock: a correction dated later than now
 * is shown at once ("Aktualisiert am 06.12.2026, 14:00 Uhr" at 13:19), which
 * is a slip of the keyboard more often than a plan. A warning, with the line.
 */
import { warning, type Problem } from "../errors/problem.ts";
import { formatInstant } from "./dates.ts";
import type { ContentModel } from "./model.ts";

/** The line (from 1) of the top-level field `name` in a release file's front matter, if it is there. */
export function frontMatterLine(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const lines = text.split("\n");
  const field = new RegExp(`^${name}\\s*:`);
  for (let i = 1; i < lines.length && !/^---\s*$/.test(lines[i]!); i++) if (field.test(lines[i]!)) return i + 1;
  return undefined;
}

const LOCAL = "yyyy-MM-dd HH:mm";

/** Warnings for published releases whose `updated` is later than `now`. */
export function futureTimes(model: ContentModel, now: number, sources: ReadonlyMap<string, string>): Problem[] {
  const zone = model.site.timeZone;
  return model.releases
    .filter((r) => !r.draft && r.date <= now && r.updated !== undefined && r.updated > now)
    .map((r) => {
      const line = frontMatterLine(sources.get(r.file), "updated");
      return warning(
        "updated-in-future",
        { file: r.file, ...(line !== undefined && { line }), field: "updated" },
        { updated: formatInstant(r.updated!, zone, LOCAL), now: formatInstant(now, zone, LOCAL) },
      );
    });
}
