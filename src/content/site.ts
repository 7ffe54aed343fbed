/**
 * Resolving the content folder into a ContentModel: settings, departments,
 * contacts and every release, checked together so that one run reports every
 * problem. Pure apart from the injected FileSystem.
 */
import path from "node:path";
import { siteLanguage } from "../errors/language.ts";
import { basePathOf } from "./base-path.ts";
import { problem, type Location, type Problem } from "../errors/problem.ts";
import { isLanguage, LANGUAGES } from "../i18n/index.ts";
import { toContact } from "./contacts.ts";
import { isValidTimeZone } from "./dates.ts";
import { nodeFileSystem, type FileSystem } from "./fs.ts";
import { CONTACTS_FILE, DEPARTMENTS_FILE, SITE_FILE, type RawContent } from "./load.ts";
import { hashWarnings } from "./hash-comments.ts";
import { DEFAULT_LIMITS, type Contact, type ContentModel, type Department, type EditorBackend, type Limits, type Release, type SearchEngine, type Site } from "./model.ts";
import { releaseContext, resolveRelease, type MediaRef, type ReleaseContext } from "./release.ts";
import { contactSchema, departmentSchema, siteSchema, validate, validFields } from "./schema.ts";
import { closestContacts } from "./suggest.ts";
import { resolveTheme } from "./theme.ts";
import { listDepartmentsCheck, resolveDistribution } from "./distribution.ts";
import { resolveLanguages } from "./languages.ts";
import { partFiles, resolveTranslations } from "./translation.ts";
import { mayHaveSpoofing, spoofingCharacters } from "./invisible.ts";
import { parseSize } from "./sizes.ts";
import { isMapping, parseYaml, type ParsedYaml } from "./yaml.ts";
import type { ReleaseCache } from "./release-cache.ts";

/** Ids are used as they are in addresses: lowercase words joined by single hyphens. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ResolveResult {
  /** Only when there is no problem at all. */
  readonly model?: ContentModel;
  /** The valid part, whenever the settings are valid: for checks that need the whole site. */
  readonly partial?: ContentModel;
  readonly problems: readonly Problem[];
  /** Every media file found, also in releases with problems: images are probed in the same run. */
  readonly media: readonly MediaRef[];
  readonly warnings: readonly Problem[];
}

/** Parse a YAML settings file whose top level must be a mapping. */
function readMapping(raw: RawContent, file: string, required: boolean, problems: Problem[]): ParsedYaml | undefined {
  // A link is reported as one (resolveContent), not as a missing file.
  if (raw.links?.has(file)) return undefined;
  const unreadable = raw.unreadable.get(file);
  if (unreadable !== undefined) {
    problems.push(problem("file-unreadable", { file }, { reason: unreadable }));
    return undefined;
  }
  const text = raw.texts.get(file);
  if (text === undefined) {
    if (required) problems.push(problem("missing-file", { file }, { file }));
    return undefined;
  }
  // The quotes of a line a hint proposes are the site's, read from site.yaml's text (it may not parse).
  const typography = siteLanguage(raw.texts.get(SITE_FILE)) ?? "en";
  const parsed = parseYaml(text, { file, lineOffset: 0, typography });
  problems.push(...parsed.problems);
  // A file that could be read (a control character in one value, say) is still checked for the rest.
  if (parsed.problems.length > 0 && parsed.value === undefined) return undefined;
  if (parsed.value === undefined && !required) return parsed;
  if (!isMapping(parsed.value)) {
    problems.push(problem("not-a-mapping", { file, line: 1 }, { what: file }));
    return undefined;
  }
  return parsed;
}

/** `later`: checks of site.yaml that need departments.yaml, run once it is read. */
function resolveSite(raw: RawContent, fs: FileSystem, problems: Problem[], later: ((departments: ReadonlyMap<string, Department>) => Problem[])[] = []): Site | undefined {
  const file = SITE_FILE;
  const parsed = readMapping(raw, file, true, problems);
  if (!parsed) return undefined;
  const { data, problems: found } = validate(siteSchema, parsed, file);
  problems.push(...found);
  if (!data) return undefined;
  const at = (field: string): Location => ({ file, line: parsed.lineOf([field]), field });
  let ok = true;
  let url: URL | undefined;
  try {
    url = new URL(data.url);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    problems.push(problem("invalid-url", at("url"), { field: "url", value: data.url }));
    ok = false;
  }
  if (!isLanguage(data.language)) {
    problems.push(
      problem("invalid-value", at("language"), {
        field: "language",
        value: data.language,
        expected: `one of ${LANGUAGES.join(", ")}`,
      }),
    );
    ok = false;
  }
  if (!isValidTimeZone(data.timezone)) {
    problems.push(problem("invalid-timezone", at("timezone"), { value: data.timezone }));
    ok = false;
  }
  let searchFallback: SearchEngine | undefined;
  if (data.search_fallback !== undefined) {
    searchFallback = searchEngineOf(data.search_fallback);
    if (!searchFallback) {
      const value = typeof data.search_fallback === "string" ? data.search_fallback : data.search_fallback.url;
      const expected = typeof data.search_fallback === "string" ? `one of ${Object.keys(SEARCH_ENGINES).join(", ")}, or a group of name:, url:, query: and site:` : "an https:// address";
      const field = typeof data.search_fallback === "string" ? "search_fallback" : "search_fallback.url";
      problems.push(problem("invalid-value", { file, line: parsed.lineOf(field.split(".")), field }, { field, value, expected }));
      ok = false;
    }
  }
  let editor: EditorBackend | undefined;
  if (data.editor !== undefined) {
    const e = data.editor;
    let valid = true;
    const invalid = (key: string, value: string, expected: string): void => {
      const field = `editor.${key}`;
      problems.push(problem("invalid-value", { file, line: parsed.lineOf(["editor", key]), field }, { field, value, expected }));
      valid = false;
    };
    const backend = e.backend.toLowerCase();
    if (backend !== "github" && backend !== "gitlab") invalid("backend", e.backend, "github or gitlab");
    if (!/^[\w.-]+(\/[\w.-]+)+$/.test(e.repo)) invalid("repo", e.repo, "the repository as owner/name, e.g. stadt-musterstadt/pressemitteilungen");
    // The editor's page may talk to these servers only (its security policy names them): https, never a path of another scheme.
    for (const key of ["base_url", "api_root"] as const) {
      const value = e[key];
      if (value && !/^https:\/\/[^\s/?#]+/.test(value)) invalid(key, value, "an https:// address");
    }
    if (!valid) ok = false;
    else {
      editor = {
        backend: backend as EditorBackend["backend"],
        repo: e.repo,
        branch: e.branch || "main",
        ...(e.base_url && { baseUrl: e.base_url }),
        ...(e.api_root && { apiRoot: e.api_root }),
        ...(e.auth_endpoint && { authEndpoint: e.auth_endpoint }),
        ...(e.app_id && { appId: e.app_id }),
      };
    }
  }
  const limits: { -readonly [K in keyof Limits]: Limits[K] } = { ...DEFAULT_LIMITS };
  for (const [key, name] of [["release_file", "releaseFile"], ["body", "body"]] as const) {
    const value = data.limits?.[key];
    if (!value) continue;
    const bytes = parseSize(value);
    if (bytes !== undefined) limits[name] = bytes;
    else {
      const field = `limits.${key}`;
      problems.push(problem("invalid-value", { file, line: parsed.lineOf(["limits", key]), field }, { field, value, expected: "a size like 2 MB or 500 KB" }));
      ok = false;
    }
  }
  if (!isLanguage(data.language)) return undefined;
  const before = problems.length;
  const distribution = data.distribution && resolveDistribution(data.distribution, data.language, parsed, file, problems);
  if (problems.length > before) ok = false;
  if (data.distribution) later.push(listDepartmentsCheck(data.distribution, parsed, file));
  const offered = data.languages ? resolveLanguages(data.languages, data.language, parsed, file, problems) : { languages: [] };
  if (problems.length > before) ok = false;
  // A theme problem fails the build but leaves the settings usable, so releases are still checked in the site's time zone.
  const theme = resolveTheme(data, data.language, parsed, file, raw.texts.get(file) ?? "", raw.root, fs, problems);
  if (!ok || !url) return undefined;
  return {
    title: data.title,
    url: url.href.replace(/\/+$/, ""),
    basePath: basePathOf(url),
    language: data.language,
    timeZone: data.timezone,
    ...(data.description && { description: data.description }),
    ...(searchFallback && { searchFallback }),
    ...(editor && { editor }),
    theme,
    limits,
    ...(distribution && { distribution }),
    languages: offered.languages,
    ...(offered.languageName !== undefined && { languageName: offered.languageName }),
  };
}

/** Search engines a site may name in search_fallback:, with the parameter each restricts results to a site by. */
const SEARCH_ENGINES: Record<string, SearchEngine> = {
  duckduckgo: { name: "DuckDuckGo", url: "https://duckduckgo.com/", query: "q", site: "sites" },
  google: { name: "Google", url: "https://www.google.com/search", query: "q", site: "as_sitesearch" },
};

function searchEngineOf(value: string | SearchEngine): SearchEngine | undefined {
  if (typeof value === "string") return SEARCH_ENGINES[value.toLowerCase()];
  let address: URL;
  try {
    address = new URL(value.url);
  } catch {
    return undefined;
  }
  return address.protocol === "https:" ? { ...value, url: address.href } : undefined;
}

function resolveContacts(raw: RawContent, problems: Problem[]): Map<string, Contact> {
  const file = CONTACTS_FILE;
  const contacts = new Map<string, Contact>();
  const parsed = readMapping(raw, file, false, problems);
  const entries = parsed?.value && typeof parsed.value === "object" ? Object.keys(parsed.value) : [];
  for (const id of entries) {
    const at = (field?: string): Location => ({
      file,
      line: parsed!.lineOf(field ? [id, field] : [id], field === undefined),
      field: field ? `${id}.${field}` : id,
    });
    if (!ID.test(id)) problems.push(problem("invalid-id", at(), { what: "contact", id }));
    const { data, problems: found } = validate(contactSchema, parsed!, file, [id]);
    problems.push(...found);
    if (data) contacts.set(id, toContact(data, id, (f) => at(f), problems));
  }
  return contacts;
}

function resolveDepartments(raw: RawContent, contacts: ReadonlyMap<string, Contact>, problems: Problem[]) {
  const file = DEPARTMENTS_FILE;
  const departments = new Map<string, Department>();
  const parsed = readMapping(raw, file, true, problems);
  const ids = parsed?.value && typeof parsed.value === "object" ? Object.keys(parsed.value) : [];
  const knownContacts = [...contacts.keys()];
  for (const id of ids) {
    const line = parsed!.lineOf([id], true);
    if (!ID.test(id)) problems.push(problem("invalid-id", { file, line, field: id }, { what: "department", id }));
    const { data: valid, problems: found } = validate(departmentSchema, parsed!, file, [id]);
    problems.push(...found);
    // A malformed entry is still a defined department: its releases must not be told it is unknown.
    const data = valid ?? { name: id, ...validFields(departmentSchema, (parsed!.value as Record<string, unknown>)[id]) };
    const contactIds: string[] = [];
    if (data.contact) {
      if (contacts.has(data.contact)) contactIds.push(data.contact);
      else
        problems.push(
          problem(
            "unknown-contact",
            { file, line: parsed!.lineOf([id, "contact"]), field: `${id}.contact` },
            { id: data.contact, suggestions: closestContacts(data.contact, contacts), known: knownContacts },
          ),
        );
    }
    departments.set(id, {
      id,
      name: data.name,
      ...(data.description && { description: data.description }),
      contactIds,
    });
  }
  return departments;
}

/**
 * Direction controls and zero-width characters in settings, front matter and release file names are
 * errors (they make a title, a name or a file name other than it looks); those in a body's text are
 * warnings of content/invisible.ts.
 */
function spoofing(raw: RawContent): Problem[] {
  const problems: Problem[] = [];
  const releases = new Set(raw.releaseFiles);
  for (const file of raw.releaseFiles) {
    const [first] = spoofingCharacters(file);
    if (first) problems.push(problem(first.kind, { file }, { character: first.character }));
  }
  for (const [file, text] of raw.texts) {
    // Almost no file has one: only those are read line by line.
    if (!mayHaveSpoofing(text)) continue;
    let scanned = text;
    if (releases.has(file)) {
      // Only the front matter: from the opening line of dashes to the closing one.
      const lines = text.split("\n");
      const end = lines[0]?.trim() === "---" ? lines.findIndex((line, i) => i > 0 && line.trim() === "---") : -1;
      scanned = end === -1 ? "" : lines.slice(0, end).join("\n");
    }
    for (const at of spoofingCharacters(scanned)) problems.push(problem(at.kind, { file, line: at.line, column: at.column }, { character: at.character }));
  }
  return problems;
}

/** `split` reads a release's front matter (default: parse it; a build passes its cache). */
/**
 * The whole content checked and resolved. `split` reads a release's front
 * matter (a cache of earlier results, frontmatter-cache.ts); `cache` holds
 * releases resolved by earlier runs (release-cache.ts).
 */
export function resolveContent(raw: RawContent, fs: FileSystem = nodeFileSystem, split?: ReleaseContext["split"], cache?: ReleaseCache): ResolveResult {
  const problems: Problem[] = [];
  for (const [file, target] of raw.links ?? []) problems.push(problem("symlink", { file }, target === undefined ? {} : { target }));
  problems.push(...spoofing(raw));
  for (const [file, reason] of raw.unreadable) {
    if (file !== SITE_FILE && file !== DEPARTMENTS_FILE && file !== CONTACTS_FILE) {
      problems.push(problem("file-unreadable", { file }, { reason }));
    }
  }
  const later: ((departments: ReadonlyMap<string, Department>) => Problem[])[] = [];
  const site = resolveSite(raw, fs, problems, later);
  const contacts = resolveContacts(raw, problems);
  const departments = resolveDepartments(raw, contacts, problems);
  for (const check of later) problems.push(...check(departments));
  // Without valid settings, releases are still checked, in UTC, so every problem shows in one run.
  const timeZone = site?.timeZone ?? "UTC";
  const releases: Release[] = [];
  const context = releaseContext({
    timeZone,
    language: site?.language ?? "en",
    limits: site?.limits ?? DEFAULT_LIMITS,
    departments,
    contacts,
    fs,
    ...(split && { split }),
  });
  // "description: #Kultur in Prüfstadt" in departments.yaml is empty to YAML, as in a release.
  for (const file of [SITE_FILE, DEPARTMENTS_FILE, CONTACTS_FILE]) {
    const text = raw.texts.get(file);
    if (text === undefined) continue;
    const reported = new Set(problems.filter((p) => p.file === file).map((p) => p.line));
    context.warnings.push(...hashWarnings(file, text, 1, Number.POSITIVE_INFINITY, reported));
  }
  const releaseFolders = new Set(raw.releaseFiles.map((file) => path.dirname(path.join(raw.root, file))));
  // index.en.md beside index.md is a translation, never a release of its own.
  const parted = partFiles(raw.releaseFiles, new Set(site?.languages.map((l) => l.tag)));
  for (const file of parted.releases) {
    const text = raw.texts.get(file);
    if (text === undefined) continue;
    const input = { file, text, absolutePath: path.join(raw.root, file), root: raw.root, releaseFolders };
    const kept = cache?.resolved(input, context, problems);
    if (kept !== undefined) {
      if (kept.release) releases.push(kept.release);
      continue;
    }
    const before = { problems: problems.length, warnings: context.warnings.length };
    const release = resolveRelease(input, context, problems);
    if (release) releases.push(release);
    if (release && cache && problems.length === before.problems) cache.keep(input, context, release, context.warnings.slice(before.warnings));
  }
  const translations = resolveTranslations(parted.translations, raw.texts, releases, site, context, problems);
  dropConsequences(problems);
  if (!site) return { problems, media: context.media, warnings: context.warnings };
  const model: ContentModel = { site, departments, contacts, releases, ...(parted.translations.length > 0 && { translations }) };
  return { ...(problems.length === 0 && { model }), partial: model, problems, media: context.media, warnings: context.warnings };
}

/** Problems that say a settings file could not be read at all. */
const UNREADABLE = new Set<string>(["file-unreadable", "missing-file", "yaml-syntax", "yaml-tag", "not-a-mapping"]);

/**
 * A departments.yaml or contacts.yaml that cannot be read defines nothing:
 * every release would then be told its (correct) department or contact is
 * unknown. Its own problem is the one to report; those that follow from it go.
 */
function dropConsequences(problems: Problem[]): void {
  const broken = (file: string): boolean => problems.some((p) => p.file === file && UNREADABLE.has(p.code));
  const departments = broken(DEPARTMENTS_FILE);
  const contacts = broken(CONTACTS_FILE);
  if (!departments && !contacts) return;
  const follows = (p: Problem): boolean =>
    (departments && (p.code === "unknown-department" || p.code === "no-contact")) ||
    (contacts && (p.code === "unknown-contact" || p.code === "no-contact"));
  const kept = problems.filter((p) => !follows(p));
  problems.splice(0, problems.length, ...kept);
}
