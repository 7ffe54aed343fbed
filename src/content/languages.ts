/**
 * The languages a site offers translations in (site.yaml's `languages:`), and
 * what counts as a language tag in a file name (`index.en.md`, `index.de-x-ls.md`).
 */
import { problem, type Problem } from "../errors/problem.ts";
import type { OfferedLanguage } from "./model.ts";
import type { SiteData } from "./schema.ts";
import type { ParsedYaml } from "./yaml.ts";

/**
 * A well-formed BCP 47 tag as file names write it (lower case): a language of 2–3 letters, then
 * optional script, region and variants, then an optional private-use part (`de-x-ls`, Leichte Sprache).
 * Digits alone (`bericht.2024.md`) are never a tag.
 */
const TAG = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-x(?:-[a-z\d]{1,8})+)?$/;

export function isLanguageTag(value: string): boolean {
  if (!TAG.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** Languages written right to left: their direction unless site.yaml says otherwise. A fixed list, so output does not depend on the Node version's ICU. */
const RIGHT_TO_LEFT = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"]);
export const defaultDirection = (tag: string): "ltr" | "rtl" => (RIGHT_TO_LEFT.has(tag.split("-")[0]!) ? "rtl" : "ltr");

/** The offered languages in site.yaml's order, without the site's own; problems pushed at their lines. */
export function resolveLanguages(
  data: NonNullable<SiteData["languages"]>,
  siteLanguage: string,
  parsed: ParsedYaml,
  file: string,
  problems: Problem[],
): { languages: OfferedLanguage[]; languageName?: string } {
  const languages: OfferedLanguage[] = [];
  let languageName: string | undefined;
  const seen = new Set<string>();
  for (const [key, entry] of Object.entries(data)) {
    const line = parsed.lineOf(["languages", key]);
    const tag = key.trim().toLowerCase();
    if (!isLanguageTag(tag)) {
      const field = "languages";
      problems.push(problem("invalid-value", { file, line, field }, { field, value: key, expected: "a language tag like en, tr, ar or de-x-ls (Leichte Sprache)" }));
      continue;
    }
    if (seen.has(tag)) {
      const field = `languages.${key}`;
      problems.push(problem("invalid-value", { file, line, field }, { field, value: key, expected: "a language languages: does not list already" }));
      continue;
    }
    seen.add(tag);
    const direction = entry.direction?.toLowerCase() ?? defaultDirection(tag);
    if (direction !== "ltr" && direction !== "rtl") {
      const field = `languages.${key}.direction`;
      problems.push(problem("invalid-value", { file, line: parsed.lineOf(["languages", key, "direction"]), field }, { field, value: entry.direction!, expected: "rtl (right to left) or ltr (left to right)" }));
      continue;
    }
    if (tag === siteLanguage) languageName = entry.name;
    else languages.push({ tag, name: entry.name, direction, ...(entry.note && { note: entry.note }), ...(line !== undefined && { line }) });
  }
  return { languages, ...(languageName !== undefined && { languageName }) };
}
