/**
 * What `pressroom new --translation` writes: a translation's file beside its
 * original (`index.en.md` beside `index.md`, `<name>.en.md` beside
 * `<name>.md`), started from the original's title, subtitle, text and the alt
 * texts and captions of its photos, to be translated in place. Pure: the
 * original's text in, the new file's name and text out.
 */
import type { Language } from "../i18n/strings.ts";
import { formatInstant } from "./dates.ts";
import { splitRelease } from "./frontmatter.ts";
import { isLanguageTag } from "./languages.ts";
import { isMapping, dataToYaml, type YamlValue } from "./yaml.ts";

/** The original's file for a translation's: `index.en.md` → `index.md`; undefined when `file` is no translation's name. */
export function originalOf(file: string): string | undefined {
  const match = /^(.*)\.([^./]+)\.(md|markdown)$/i.exec(file);
  return match && isLanguageTag(match[2]!.toLowerCase()) ? `${match[1]}.${match[3]}` : undefined;
}

/** The translation's file in `tag` of an original: `…/index.md` → `…/index.en.md`. */
export const translationFile = (original: string, tag: string): string => original.replace(/\.(md|markdown)$/i, `.${tag}.$1`);

/** What of the original a translation starts from; undefined fields the original has not. */
export interface OriginalText {
  readonly title: string;
  readonly subtitle?: string;
  readonly media: readonly { readonly file: string; readonly alt?: string; readonly caption?: string }[];
  /** The Markdown after the front matter, as written. */
  readonly body: string;
}

const text = (value: YamlValue | undefined): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);

/** The original's text, or undefined when its front matter does not read or has no title (`check` says why). */
export function readOriginal(source: string, file: string): OriginalText | undefined {
  const split = splitRelease(source, file);
  const data = split.data?.value;
  if (split.problems.length > 0 || split.data?.problems.length || !isMapping(data) || text(data.title) === undefined) return undefined;
  const media = Array.isArray(data.media) ? data.media : [];
  return {
    title: text(data.title)!,
    ...(text(data.subtitle) !== undefined && { subtitle: text(data.subtitle) }),
    media: media.filter(isMapping).flatMap((entry) => {
      const name = text(entry.file);
      if (name === undefined) return [];
      const alt = text(entry.alt);
      const caption = text(entry.caption);
      // A file with neither (a document: its title is the original's) has nothing to translate.
      if (alt === undefined && caption === undefined) return [];
      return [{ file: name, ...(alt !== undefined && { alt }), ...(caption !== undefined && { caption }) }];
    }),
    body: split.body,
  };
}

const COMMENTS: Record<Language, { howTo: (name: string) => string; translated: string; media: string; draft: string }> = {
  de: {
    howTo: (name) =>
      `Übersetzung (${name}): Titel, Unterzeile, alt, caption und Text übersetzen. Datum, Amt, Kontakt, Fotos und Sperrfrist kommen aus dem Original.`,
    translated: "wann zuletzt an das Original angeglichen",
    media: "Bildtexte der Fotos des Originals; file: nicht ändern",
    draft: "Entwurf: erst übersetzen, dann diese Zeile löschen",
  },
  en: {
    howTo: (name) =>
      `Translation (${name}): translate title, subtitle, alt, caption and the text. Date, department, contact, photos and embargo come from the original.`,
    translated: "when last brought in line with the original",
    media: "texts of the original's photos; do not change file:",
    draft: "draft: translate first, then delete this line",
  },
};

/** Comments start in one column, as in the files `pressroom new` writes. */
const COMMENT_COLUMN = 42;
const commented = (line: string, comment: string): string => `${line.padEnd(COMMENT_COLUMN - 1)} # ${comment}`;

/**
 * The translation's text: the original's title, subtitle, photo texts and body to translate,
 * `translated:` now (the site's local time, to the minute), and `draft: true` until it is translated.
 */
export function translationText(original: OriginalText, language: { tag: string; name: string }, now: number, site: { language: Language; timeZone: string }): string {
  const c = COMMENTS[site.language];
  const yaml = (value: Record<string, unknown>): string => dataToYaml(value).trimEnd();
  const media = original.media.length === 0 ? [] : [commented("media:", c.media), yaml({ media: original.media }).replace(/^media:\n/, "")];
  const lines = [
    "---",
    `# ${c.howTo(language.name)}`,
    yaml({ title: original.title }),
    ...(original.subtitle !== undefined ? [yaml({ subtitle: original.subtitle })] : []),
    commented(`translated: ${formatInstant(now, site.timeZone, "yyyy-MM-dd HH:mm")}`, c.translated),
    ...media,
    commented("draft: true", c.draft),
    "---",
  ];
  const body = original.body.endsWith("\n") || original.body === "" ? original.body : `${original.body}\n`;
  return `${lines.join("\n")}\n${body}`;
}
