/** One release file: front matter checked, ids resolved, dates parsed, address computed. */
import { codePointMark, problem, warning, type Location, type Problem } from "../errors/problem.ts";
import { toContact } from "./contacts.ts";
import { localParts, parseContentDate } from "./dates.ts";
import type { FileSystem } from "./fs.ts";
import { findBodyImages } from "../markdown/images.ts";
import { unclearListWarnings } from "../markdown/unclear-lists.ts";
import { NESTING_LIMIT, tooDeepFrom } from "../markdown/depth.ts";
import { LINK_SCHEMES, refusedAddresses } from "../markdown/safe-url.ts";
import { formatSize } from "./sizes.ts";
import { hashWarnings } from "./hash-comments.ts";
import { cleanBody, cleanField } from "./invisible.ts";
import { resolveBodyImages, resolveMedia } from "./media.ts";
import type { Alias, Contact, Department, Limits, Media, Release } from "./model.ts";
import { mediaSchema, releaseSchema, validate, validEntries, validFields, type ReleaseData } from "./schema.ts";
import { splitRelease, type SplitRelease } from "./frontmatter.ts";
import { normalizeAlias } from "./alias.ts";
import { releaseSlug, releaseUrl } from "./slug.ts";
import { closest, closestContacts } from "./suggest.ts";
import { isMapping, type ParsedYaml, type YamlMapping } from "./yaml.ts";
import type { Language } from "../i18n/strings.ts";
import { typeset } from "../markdown/typography.ts";

export interface ReleaseFile {
  /** Content-relative path, forward slashes. */
  readonly file: string;
  readonly text: string;
  readonly absolutePath: string;
  /** Real path of the content folder. */
  readonly root: string;
  /** Absolute paths of every folder that holds a release file. */
  readonly releaseFolders: ReadonlySet<string>;
}

/** A media file found in a release, to be probed even when the release has other problems. */
export interface MediaRef {
  readonly file: string;
  readonly media: Media;
}

export interface ReleaseContext {
  readonly timeZone: string;
  /** The site's language: titles, subtitles, captions and change notes get its quotation marks and dashes. */
  readonly language: Language;
  readonly departments: ReadonlyMap<string, Department>;
  readonly contacts: ReadonlyMap<string, Contact>;
  readonly fs: FileSystem;
  /** Addresses and old addresses claimed by the releases resolved so far, with the claiming file. */
  readonly claimedUrls: Map<string, string>;
  readonly claimedAliases: Map<string, string>;
  /** Every media file found, for the image probe. */
  readonly media: MediaRef[];
  /** Problems that do not stop a build. */
  readonly warnings: Problem[];
  /** The largest release file and text read. */
  readonly limits: Limits;
  /** Splits a file into front matter and body (default splitRelease; a build passes its cache of earlier results). */
  readonly split?: (text: string, file: string, typography?: Language) => SplitRelease;
}

/** The settings releases are read under: what a ReleaseContext holds besides what resolving them collects. */
export type ReleaseSettings = Omit<ReleaseContext, "claimedUrls" | "claimedAliases" | "media" | "warnings">;

/** A context for resolving releases under `settings`, with nothing claimed or found yet. */
export const releaseContext = (settings: ReleaseSettings): ReleaseContext => ({ ...settings, claimedUrls: new Map(), claimedAliases: new Map(), media: [], warnings: [] });

const TRUE = new Set(["true", "yes", "ja"]);

/** The resolved release, or undefined when it has problems (pushed to `problems`). */
export function resolveRelease(input: ReleaseFile, context: ReleaseContext, problems: Problem[]): Release | undefined {
  const { file } = input;
  const front = readFrontMatter(input.text, file, context, context.language, problems);
  if (front === undefined) return undefined;
  const { split, parsed, fields } = front;
  const before = problems.length;
  const { data: valid, problems: found } = validate(releaseSchema, parsed, file);
  problems.push(...found);
  const data: Partial<ReleaseData> = valid ?? validFields(releaseSchema, fields);
  const at = (...fieldPath: (string | number)[]): Location => ({
    file,
    line: parsed.lineOf(fieldPath),
    field: fieldPath.join("."),
  });

  const parseDateField = (fieldPath: string[], value: string | undefined) => {
    if (!value) return undefined;
    const parsed = parseContentDate(value, context.timeZone);
    if (parsed.ok) return parsed;
    const field = fieldPath.join(".");
    if (parsed.reason === "format") problems.push(problem("invalid-date", at(...fieldPath), { field, value }));
    else problems.push(problem("impossible-date", at(...fieldPath), { field, value, why: parsed.why }));
    return undefined;
  };
  const date = parseDateField(["date"], data.date);
  const updatedDate = parseDateField(["updated"], data.updated);
  const updated = updatedDate?.instant;
  if (date && updated !== undefined && updated < date.instant) {
    problems.push(problem("updated-before-date", at("updated"), { updated: data.updated!, date: data.date! }));
  }
  const changeNote = data.change_note ? typeset(data.change_note, context.language) : undefined;
  if (changeNote !== undefined && !data.updated) problems.push(problem("change-note-without-updated", at("change_note"), {}));
  // notify: correction mails the update to the lists of site.yaml (pressroom notify); it needs the update to mail.
  const notifyCorrection = data.notify?.trim().toLowerCase() === "correction";
  if (data.notify !== undefined && (!notifyCorrection || !data.updated)) {
    problems.push(problem("invalid-value", at("notify"), { field: "notify", value: data.notify, expected: "correction, together with updated: (and change_note:)" }));
  }
  const withdrawnDate = parseDateField(["withdrawn", "date"], data.withdrawn?.date);
  if (date && withdrawnDate && withdrawnDate.instant < date.instant) {
    problems.push(problem("withdrawn-before-date", at("withdrawn", "date"), { withdrawn: data.withdrawn!.date, date: data.date! }));
  }
  const departments = resolveDepartments(data, parsed, file, context, problems);
  const contacts = resolveContacts(data, parsed, file, context, departments, problems);
  // One malformed media entry must not hide the problems of the others.
  const mediaEntries = data.media ?? validEntries(mediaSchema, fields.media);
  const media = resolveMedia(mediaEntries, input, at, context.fs, problems);
  // "title: Wir sind #1 in NRW" keeps "Wir sind", "subtitle: #Stadtfest" nothing: said, with the line in quotes as the
  // fix. Once: a required field left empty (title, alt) is a problem of its own already.
  const reported = new Set(problems.slice(before).filter((p) => p.file === file).map((p) => p.line));
  context.warnings.push(...hashWarnings(file, input.text, 2, parsed.endLine ?? 0, reported));
  const inBody = (line: number): Location => ({ file, line: split.bodyLine + line, field: "body" });
  const { bodyText, body } = readBody(split, inBody, context, problems);
  resolveBodyImages(findBodyImages(body.sameLines), media, input, inBody, context.fs, problems, context.warnings);
  context.warnings.push(...unclearListWarnings(body.sameLines, inBody));
  // A link whose address the page will not keep (javascript:, one hidden behind invisible characters) is said, not dropped in
  // silence; read in the text as written, so the column is the file's.
  for (const { line, column, address } of refusedAddresses(bodyText, LINK_SCHEMES)) {
    context.warnings.push(warning("link-removed", { ...inBody(line), column }, { address: address.slice(0, 80).replace(/[\p{Cc}\p{Cf}]/gu, codePointMark) }));
  }
  const title = data.title === undefined ? undefined : typeset(cleanField(data.title, () => at("title"), context.warnings, input.text), context.language);
  if (title === "") problems.push(problem("empty-field", at("title"), { field: "title" }));
  const subtitle = data.subtitle ? typeset(cleanField(data.subtitle, () => at("subtitle"), context.warnings, input.text), context.language) : undefined;
  // Captions are shown as text like the title; set before the probe gets the objects it fills in.
  media.forEach((m, i) => {
    if (m.kind === "image" && m.caption) media[i] = { ...m, caption: typeset(m.caption, context.language) };
  });
  for (const m of media) context.media.push({ file, media: m });
  const aliases: Alias[] = [];
  (data.aliases ?? []).forEach((value, i) => {
    const alias = normalizeAlias(value);
    const where = isList(parsed, "aliases") ? at("aliases", i) : at("aliases");
    if (!alias.ok) {
      problems.push(problem("invalid-alias", where, { value, reason: alias.reason }));
      return;
    }
    if (claimAlias(alias.path, where, context, problems)) aliases.push({ path: alias.path, ...(where.line !== undefined && { line: where.line }), field: where.field! });
  });
  const parts = date && localParts(date.instant, context.timeZone);
  let url: string | undefined;
  if (parts) {
    url = releaseUrl(parts, releaseSlug(file.replace(/^releases\//, "")));
    claimUrl(url, file, context, problems);
  }
  if (problems.length > before || !valid || !date || !parts || url === undefined) return undefined;

  return {
    file,
    url,
    title: title ?? valid.title,
    ...(subtitle && { subtitle }),
    date: date.instant,
    hasTime: date.hasTime,
    year: parts.year,
    ...(updated !== undefined && { updated, updatedHasTime: updatedDate!.hasTime }),
    ...(changeNote !== undefined && { changeNote }),
    ...(withdrawnDate && { withdrawn: { date: withdrawnDate.instant, hasTime: withdrawnDate.hasTime, reason: valid.withdrawn!.reason } }),
    departments,
    contacts,
    media,
    tags: valid.tags ?? [],
    draft: valid.draft !== undefined && TRUE.has(valid.draft),
    aliases,
    body: body.text,
    ...(notifyCorrection && { notifyCorrection }),
  };
}

/**
 * A release file's (or a translation's) front matter, read: undefined (and problems) when the file is over the
 * limit or its front matter cannot be read as a mapping. `typography`: the language of its quotation marks in hints.
 */
export function readFrontMatter(
  text: string,
  file: string,
  context: ReleaseContext,
  typography: Language,
  problems: Problem[],
): { split: SplitRelease; parsed: ParsedYaml; fields: YamlMapping } | undefined {
  // A text is measured before anything reads it: a file of 30 MB is refused, not parsed.
  const fileBytes = text.length > context.limits.releaseFile / 4 ? Buffer.byteLength(text) : 0;
  if (fileBytes > context.limits.releaseFile) {
    problems.push(problem("release-too-large", { file }, { size: formatSize(fileBytes), limit: formatSize(context.limits.releaseFile) }));
    return undefined;
  }
  const split = (context.split ?? splitRelease)(text, file, typography);
  problems.push(...split.problems);
  const parsed = split.data;
  // Front matter that could be read (a control character in one value, say) is still checked for the rest.
  if (!parsed || (parsed.value === undefined && split.problems.length > 0)) return undefined;
  const fields = parsed.value;
  if (!isMapping(fields)) {
    problems.push(problem("not-a-mapping", { file, line: 2 }, { what: "The front matter" }));
    return undefined;
  }
  return { split, parsed, fields };
}

/** A release's (or translation's) text, measured, checked for depth, and freed of invisible characters (warned). */
export function readBody(split: SplitRelease, inBody: (line: number) => Location, context: ReleaseContext, problems: Problem[]): { bodyText: string; body: ReturnType<typeof cleanBody> } {
  // A text over the limit is reported and not read further; the front matter is still checked.
  const bodyBytes = split.body.length > context.limits.body / 4 ? Buffer.byteLength(split.body) : 0;
  if (bodyBytes > context.limits.body) problems.push(problem("body-too-large", inBody(0), { size: formatSize(bodyBytes), limit: formatSize(context.limits.body) }));
  const bodyText = bodyBytes > context.limits.body ? "" : split.body;
  const deep = tooDeepFrom(bodyText);
  if (deep !== undefined) problems.push(problem("body-too-deep", inBody(deep), { limit: NESTING_LIMIT }));
  // Invisible characters pasted along are reported and left out; `sameLines` keeps the file's line numbers.
  const body = cleanBody(bodyText, (line, column) => ({ ...inBody(line), column }), context.warnings);
  return { bodyText, body };
}

/** An old address for the release at `where.file`: false (and a problem) when another release has it. */
function claimAlias(alias: string, where: Location, context: ReleaseContext, problems: Problem[]): boolean {
  const other = context.claimedAliases.get(alias);
  if (other !== undefined && other !== where.file) {
    problems.push(problem("duplicate-alias", where, { value: alias, other }));
    return false;
  }
  context.claimedAliases.set(alias, where.file);
  return true;
}

function claimUrl(url: string, file: string, context: ReleaseContext, problems: Problem[]): void {
  const other = context.claimedUrls.get(url);
  if (other !== undefined) problems.push(problem("duplicate-url", { file }, { url, other }));
  else context.claimedUrls.set(url, file);
}

/** The addresses of a release resolved before (release-cache.ts), claimed as resolving it claims them. */
export function claimAddresses(release: Release, context: ReleaseContext, problems: Problem[]): void {
  for (const alias of release.aliases) {
    claimAlias(alias.path, { file: release.file, ...(alias.line !== undefined && { line: alias.line }), field: alias.field }, context, problems);
  }
  claimUrl(release.url, release.file, context, problems);
}

const isList = (parsed: ParsedYaml, field: string): boolean =>
  isMapping(parsed.value) && Array.isArray(parsed.value[field]);

function resolveDepartments(
  data: Partial<ReleaseData>,
  parsed: ParsedYaml,
  file: string,
  context: ReleaseContext,
  problems: Problem[],
): Department[] {
  const known = [...context.departments.keys()];
  const list = isList(parsed, "department");
  const out: Department[] = [];
  (data.department ?? []).forEach((id, i) => {
    const department = context.departments.get(id);
    if (department) {
      if (!out.includes(department)) out.push(department);
      return;
    }
    const fieldPath = list ? ["department", i] : ["department"];
    problems.push(
      problem(
        "unknown-department",
        { file, line: parsed.lineOf(fieldPath), field: fieldPath.join(".") },
        { id, suggestions: closest(id, known), known },
      ),
    );
  });
  return out;
}

function resolveContacts(
  data: Partial<ReleaseData>,
  parsed: ParsedYaml,
  file: string,
  context: ReleaseContext,
  departments: readonly Department[],
  problems: Problem[],
): Contact[] {
  const out: Contact[] = [];
  const add = (contact: Contact): void => {
    if (!out.some((c) => c === contact || (c.id !== undefined && c.id === contact.id))) out.push(contact);
  };
  if (data.contact === undefined) {
    // A contact that is written but malformed was reported by the schema already.
    if (isMapping(parsed.value) && parsed.value.contact !== undefined) return out;
    for (const department of departments) {
      for (const id of department.contactIds) {
        const contact = context.contacts.get(id);
        if (contact) add(contact);
      }
    }
    if (out.length === 0 && departments.length > 0) {
      problems.push(
        problem(
          "no-contact",
          { file, line: parsed.lineOf(["department"]), field: "contact" },
          { departments: departments.map((d) => d.id) },
        ),
      );
    }
    return out;
  }
  const known = [...context.contacts.keys()];
  const entries = Array.isArray(data.contact) ? data.contact : [data.contact];
  const list = Array.isArray(data.contact);
  entries.forEach((entry, i) => {
    const fieldPath: (string | number)[] = list ? ["contact", i] : ["contact"];
    if (typeof entry === "string") {
      const contact = context.contacts.get(entry);
      if (contact) add(contact);
      else
        problems.push(
          problem(
            "unknown-contact",
            { file, line: parsed.lineOf(fieldPath), field: fieldPath.join(".") },
            { id: entry, suggestions: closestContacts(entry, context.contacts), known },
          ),
        );
      return;
    }
    add(
      toContact(
        entry,
        undefined,
        (f) => ({ file, line: parsed.lineOf([...fieldPath, f]), field: [...fieldPath, f].join(".") }),
        problems,
      ),
    );
  });
  return out;
}
