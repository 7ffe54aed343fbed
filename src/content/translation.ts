/**
 * Translations: a release in another language, in a file beside the original
 * (`index.en.md` beside `index.md`, `<name>.en.md` beside `<name>.md`). Which
 * files are translations, and each one checked and resolved against its
 * original. Only title, subtitle, the text, and the alt texts and captions of
 * the original's photos are a translation's own; everything else is the
 * original's (content/publish.ts decides a translation's fate by its original).
 */
import { z } from "zod";
import { problem, warning, type Location, type Problem } from "../errors/problem.ts";
import type { Language } from "../i18n/strings.ts";
import { typeset } from "../markdown/typography.ts";
import { isoInstant, parseContentDate } from "./dates.ts";
import { findBodyImages } from "../markdown/images.ts";
import { cleanField } from "./invisible.ts";
import { hashWarnings } from "./hash-comments.ts";
import { isSiteAbsolute, localImagePath } from "./media.ts";
import { isLanguageTag } from "./languages.ts";
import type { Release, Site, TranslatedMedia, Translation } from "./model.ts";
import { readBody, readFrontMatter, type ReleaseContext } from "./release.ts";
import { mediaSchema, releaseSchema, validate, validFields, validEntries } from "./schema.ts";
import type { YamlValue } from "./yaml.ts";

/** A file read as a translation: its language, and the original it belongs beside. */
export interface TranslationFile {
  readonly file: string;
  readonly language: string;
  /** The original's file: the one found beside it, or the name it would have (`<name>.md`). */
  readonly original: string;
  readonly hasOriginal: boolean;
}

const NAME = /^(.*[^/])\.([^./]+)\.(md|markdown)$/i;

/**
 * The release files (content-relative) parted into releases and translations. A file is a translation when
 * the part between its last two dots is a well-formed language tag (`index.en.md`, `x.de-x-ls.md`; digits
 * alone are none) and either its original lies beside it or the tag is a language of `offered` — so a release
 * named `bericht.neu.md` stays a release on a site that offers no "neu" and has no `bericht.md`.
 */
export function partFiles(files: readonly string[], offered: ReadonlySet<string>): { releases: string[]; translations: TranslationFile[] } {
  const all = new Set(files);
  const releases: string[] = [];
  const translations: TranslationFile[] = [];
  for (const file of files) {
    const name = NAME.exec(file);
    const language = name?.[2]!.toLowerCase();
    if (!name || language === undefined || !isLanguageTag(language)) {
      releases.push(file);
      continue;
    }
    const found = [`${name[1]}.md`, `${name[1]}.markdown`].find((candidate) => all.has(candidate));
    if (found === undefined && !offered.has(language)) {
      releases.push(file);
      continue;
    }
    translations.push({ file, language, original: found ?? `${name[1]}.md`, hasOriginal: found !== undefined });
  }
  return { releases, translations };
}

/** The fields a translation may set; every other field of a release is the original's. */
const translationSchema = z.strictObject({
  title: releaseSchema.shape.title,
  subtitle: releaseSchema.shape.subtitle,
  translated: releaseSchema.shape.updated,
  draft: releaseSchema.shape.draft,
  media: z.array(z.strictObject({ file: mediaSchema.shape.file, alt: mediaSchema.shape.alt, caption: mediaSchema.shape.caption })).optional(),
});

const ORIGINAL_FIELDS = new Set(Object.keys(releaseSchema.shape).filter((field) => !(field in translationSchema.shape)));

const TRUE = new Set(["true", "yes", "ja"]);

/** The interface language whose quotation marks and dashes a translation's text gets: German for de-*, English for en-*, else none. */
export const typographyOf = (language: string): Language | undefined => {
  const primary = language.split("-")[0];
  return primary === "de" || primary === "en" ? primary : undefined;
};

/** "2026-12-06 14:00", as the catalog's messages write an instant. */
const localMinute = (instant: number, timeZone: string): string => isoInstant(instant, timeZone).slice(0, 16).replace("T", " ");

/**
 * Every translation checked and resolved against the resolved originals (`releases`); problems and warnings
 * pushed with file, line and field. A translation whose original has problems is checked, not resolved.
 */
export function resolveTranslations(
  files: readonly TranslationFile[],
  texts: ReadonlyMap<string, string>,
  releases: readonly Release[],
  site: Site | undefined,
  context: ReleaseContext,
  problems: Problem[],
): Translation[] {
  const originals = new Map(releases.map((r) => [r.file, r]));
  const offered = site?.languages.map((l) => l.tag) ?? [];
  const seen = new Map<string, string>();
  const out: Translation[] = [];
  for (const entry of files) {
    const { file, language } = entry;
    if (!entry.hasOriginal) {
      problems.push(problem("translation-without-original", { file }, { language, original: entry.original.slice(entry.original.lastIndexOf("/") + 1) }));
      continue;
    }
    const text = texts.get(file);
    if (text === undefined) continue;
    const before = problems.length;
    if (site && !offered.includes(language)) problems.push(problem("translation-unknown-language", { file }, { language, known: offered }));
    const other = seen.get(`${entry.original}\0${language}`);
    if (other !== undefined) problems.push(problem("translation-duplicate", { file }, { language, other }));
    else seen.set(`${entry.original}\0${language}`, file);
    const translation = resolveOne(entry, text, originals.get(entry.original), context, problems);
    if (translation && problems.length === before) out.push(translation);
  }
  return out;
}

function resolveOne(entry: TranslationFile, text: string, original: Release | undefined, context: ReleaseContext, problems: Problem[]): Translation | undefined {
  const { file } = entry;
  const typography = typographyOf(entry.language);
  const front = readFrontMatter(text, file, context, typography ?? context.language, problems);
  if (front === undefined) return undefined;
  const { split, parsed, fields } = front;
  const before = problems.length;
  const at = (...fieldPath: (string | number)[]): Location => ({ file, line: parsed.lineOf(fieldPath), field: fieldPath.join(".") });
  const own: Record<string, YamlValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (ORIGINAL_FIELDS.has(key)) problems.push(problem("translation-field", { file, line: parsed.lineOf([key], true), field: key }, { field: key }));
    else own[key] = value;
  }
  const { data: valid, problems: found } = validate(translationSchema, { ...parsed, value: own }, file);
  problems.push(...found);
  const data = valid ?? validFields(translationSchema, own);
  let translated: number | undefined;
  if (data.translated !== undefined) {
    const date = parseContentDate(data.translated, context.timeZone);
    if (date.ok) translated = date.instant;
    else if (date.reason === "format") problems.push(problem("invalid-date", at("translated"), { field: "translated", value: data.translated }));
    else problems.push(problem("impossible-date", at("translated"), { field: "translated", value: data.translated, why: date.why }));
  }
  const media: TranslatedMedia[] = [];
  const entries = data.media ?? validEntries(translationSchema.shape.media.unwrap().element, own.media);
  entries.forEach((m, i) => {
    if (m === undefined || original === undefined) return;
    if (!original.media.some((o) => o.file === m.file)) {
      problems.push(problem("translation-media-unknown", at("media", i, "file"), { name: m.file, known: original.media.map((o) => o.file) }));
      return;
    }
    const typed = (value: string | undefined) => (value && typography ? typeset(value, typography) : value);
    media.push({ file: m.file, ...(m.alt && { alt: m.alt }), ...(m.caption && { caption: typed(m.caption)! }) });
  });
  const reported = new Set(problems.slice(before).filter((p) => p.file === file).map((p) => p.line));
  context.warnings.push(...hashWarnings(file, text, 2, parsed.endLine ?? 0, reported));
  const inBody = (line: number): Location => ({ file, line: split.bodyLine + line, field: "body" });
  const { body } = readBody(split, inBody, context, problems);
  // Photos in the text are the original's: the page shows them from the original's address.
  const bodyImages: { src: string; file: string }[] = [];
  const photos = original?.media.flatMap((m) => (m.kind === "image" ? [m] : [])) ?? [];
  for (const image of original ? findBodyImages(body.sameLines) : []) {
    const file = localImagePath(image.src);
    if (file === undefined && !isSiteAbsolute(image.src)) continue;
    const photo = photos.find((m) => m.bodySources.includes(image.src) || m.file === file);
    if (photo) bodyImages.push({ src: image.src, file: photo.file });
    else problems.push(problem("translation-media-unknown", inBody(image.line), { name: image.src, known: photos.map((m) => m.file) }));
  }
  const field = (name: "title" | "subtitle"): string | undefined => {
    const value = data[name];
    if (!value) return undefined;
    const clean = cleanField(value, () => at(name), context.warnings, text);
    return typography ? typeset(clean, typography) : clean;
  };
  const title = field("title");
  if (data.title !== undefined && title === "") problems.push(problem("empty-field", at("title"), { field: "title" }));
  const subtitle = field("subtitle");
  if (original === undefined || problems.length > before || !valid || !title) return undefined;
  if (original.updated !== undefined && (translated === undefined || translated < original.updated)) {
    context.warnings.push(
      warning("translation-outdated", translated === undefined ? { file } : at("translated"), {
        updated: localMinute(original.updated, context.timeZone),
        ...(translated !== undefined && { translated: localMinute(translated, context.timeZone) }),
      }),
    );
  }
  return {
    file,
    original: original.file,
    language: entry.language,
    title,
    ...(subtitle && { subtitle }),
    ...(translated !== undefined && { translated }),
    draft: valid.draft !== undefined && TRUE.has(valid.draft),
    media,
    body: body.text,
    bodyImages,
  };
}
