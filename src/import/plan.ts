/**
 * An old item as a release of this site: its folder and address, department
 * and contact, the files it uses and the text of its index.md. Pure: nothing
 * is fetched or written here.
 */
import path from "node:path";
import { normalizeAlias } from "../content/alias.ts";
import { formatInstant, localParts } from "../content/dates.ts";
import { RELEASES_DIR } from "../content/load.ts";
import { DOWNLOAD_EXTENSIONS, extensionOf, IMAGE_EXTENSIONS } from "../content/media.ts";
import type { Contact, Department } from "../content/model.ts";
import { cleanTitle, releaseName } from "../content/scaffold.ts";
import { mediaFileName, releaseUrl, slugify } from "../content/slug.ts";
import { dataToYaml } from "../content/yaml.ts";
import type { Language } from "../i18n/strings.ts";
import { sameSite } from "./fetch.ts";
import { prepareBody } from "./html.ts";
import type { ImportItem } from "./item.ts";
import type { Mapping } from "./mapping.ts";
import { htmlToMarkdown } from "./markdown.ts";

export interface PlanSite {
  readonly language: Language;
  readonly timeZone: string;
  readonly departments: ReadonlyMap<string, Department>;
  readonly contacts: ReadonlyMap<string, Contact>;
}

/** Where files may come from: the old site's origin, and the folder of a saved source. */
export interface Origins {
  readonly origin?: string;
  /** file:// address of the folder a saved source lies in. */
  readonly localRoot?: string;
}

/** A file the release uses, to be fetched (or copied) into its folder. */
export interface PlannedFile {
  readonly url: string;
  readonly name: string;
}

/** A warning about the item, said with a catalog code and its facts. */
export type PlanNote =
  | { readonly code: "import-draft"; readonly status: string }
  | { readonly code: "import-no-title"; readonly title: string }
  | { readonly code: "import-alt-missing"; readonly file: string }
  | { readonly code: "import-other-host"; readonly address: string; readonly host: string }
  | { readonly code: "import-alias-unusable"; readonly address: string; readonly reason: string }
  | { readonly code: "import-no-contact"; readonly department: string }
  | { readonly code: "import-fetch-failed"; readonly address: string; readonly reason: string };

export type SkipReason =
  | { readonly code: "import-skipped-no-department"; readonly categories: string[] }
  | { readonly code: "import-skipped-no-date"; readonly value: string };

export interface ReleasePlan {
  /** Content-relative folder: releases/2002/2002-10-09-neue-ampel. */
  readonly folder: string;
  readonly url: string;
  readonly title: string;
  readonly draft: boolean;
  /** index.md, as it is written, with every file named as `files` name them. */
  readonly text: string;
  readonly files: readonly PlannedFile[];
  readonly notes: readonly PlanNote[];
}

const UNTITLED: Record<Language, string> = { de: "Ohne Titel", en: "Untitled" };

/** Normalised for comparing names: lowercase, umlauts and punctuation folded. */
const folded = (text: string): string => slugify(text);

/** The department of an item: a rule of the mapping, a department of the same name or id, else the default. */
export function departmentOf(item: ImportItem, site: PlanSite, mapping: Mapping, fallback: string | undefined): string | undefined {
  const candidates = [...item.categories, ...item.tags];
  for (const candidate of candidates) {
    for (const [from, to] of mapping.departments) if (!from.startsWith("/") && folded(from) === folded(candidate)) return to;
  }
  const address = item.link ? decodeURI(new URL(item.link).pathname) : "";
  for (const [from, to] of mapping.departments) if (from.startsWith("/") && address.includes(from)) return to;
  for (const candidate of candidates) {
    for (const department of site.departments.values()) {
      if (folded(department.name) === folded(candidate) || department.id === folded(candidate)) return department.id;
    }
  }
  return fallback;
}

/** A phone number's digits without the country code +49 or a leading 0: 0251 492-6609 and +49 251 4926609 agree. */
const digits = (phone: string | undefined): string => {
  const all = (phone ?? "").replace(/\D/g, "");
  return ((phone ?? "").trim().startsWith("+49") || all.startsWith("0049") ? all.replace(/^(00)?49/, "") : all).replace(/^0+/, "");
};

/** A contact of contacts.yaml by name or phone number, else the contact as written (undefined without a name). */
export function contactOf(item: ImportItem, site: PlanSite): string | Record<string, string> | undefined {
  const written = item.contact;
  if (!written) return undefined;
  const phone = digits(written.phone);
  for (const [id, contact] of site.contacts) {
    if (written.name && folded(contact.name) === folded(written.name)) return id;
    if (phone.length >= 6 && digits(contact.phone) === phone) return id;
    if (written.email && contact.email?.toLowerCase() === written.email.toLowerCase()) return id;
  }
  if (!written.name) return undefined;
  return { name: written.name, ...(written.phone && { phone: written.phone }), ...(written.email && { email: written.email }) };
}

/** The file name of an address's last part: decoded, made safe, extension kept. */
function nameOf(url: string): string {
  const last = new URL(url).pathname.split("/").filter(Boolean).pop() ?? "datei";
  let decoded: string;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    decoded = last;
  }
  return mediaFileName(decoded);
}

/** Names in one release's folder: the same address keeps its name, another one with the same name gets -2, -3 … */
class FolderNames {
  private readonly byUrl = new Map<string, string>();
  private readonly taken = new Set<string>(["index.md"]);

  nameFor(url: string): string {
    const known = this.byUrl.get(url);
    if (known !== undefined) return known;
    const name = nameOf(url);
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let candidate = name;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${stem}-${n}${ext}`;
    this.taken.add(candidate);
    this.byUrl.set(url, candidate);
    return candidate;
  }
}

const isImageAddress = (url: string): boolean => IMAGE_EXTENSIONS.has(extensionOf(new URL(url).pathname));
const isDownloadAddress = (url: string): boolean => DOWNLOAD_EXTENSIONS.has(extensionOf(new URL(url).pathname));

/** The day and slug of the release: releases/YYYY/YYYY-MM-DD-slug, made unique by `taken`. */
function folderOf(item: ImportItem, title: string, instant: number, timeZone: string, taken: (folder: string) => boolean): { folder: string; slug: string } {
  const day = formatInstant(instant, timeZone, "yyyy-MM-dd");
  const base = item.slug && slugify(item.slug) ? `${day}-${slugify(item.slug).split("-").slice(0, 8).join("-")}` : releaseName(title, day);
  let name = base;
  for (let n = 2; taken(`${RELEASES_DIR}/${day.slice(0, 4)}/${name}`); n++) name = `${base}-${n}`;
  return { folder: `${RELEASES_DIR}/${day.slice(0, 4)}/${name}`, slug: name.slice(day.length + 1) };
}

export interface PlanOptions {
  readonly site: PlanSite;
  readonly mapping: Mapping;
  readonly department?: string;
  readonly origins: Origins;
  /** Whether a folder is taken (by a file on disk, or an item of this run); `keep` the folder of an earlier run. */
  readonly taken: (folder: string) => boolean;
  readonly keep?: string;
  /** Addresses that could not be fetched: the text keeps them as they were. */
  readonly failed?: ReadonlySet<string>;
}

/** The release for `item`, or why it cannot be one. */
export function planRelease(item: ImportItem, options: PlanOptions): ReleasePlan | { readonly skip: SkipReason } {
  const { site, mapping, origins } = options;
  if (item.date === undefined) return { skip: { code: "import-skipped-no-date", value: item.dateText ?? "" } };
  const department = departmentOf(item, site, mapping, options.department ?? mapping.defaultDepartment);
  if (department === undefined) return { skip: { code: "import-skipped-no-department", categories: [...item.categories] } };
  const notes: PlanNote[] = [];
  const draft = item.status !== "publish";
  if (draft) notes.push({ code: "import-draft", status: item.status });
  let title = cleanTitle(item.title);
  if (title === "") {
    title = UNTITLED[site.language];
    notes.push({ code: "import-no-title", title });
  }
  const { instant, hasTime } = item.date;
  const place = options.keep
    ? { folder: options.keep, slug: path.posix.basename(options.keep).replace(/^\d{4}-\d\d-\d\d-?/, "") }
    : folderOf(item, title, instant, site.timeZone, options.taken);
  const url = releaseUrl(localParts(instant, site.timeZone), place.slug);

  // Files of the old site (or of the saved source's folder) are fetched; others stay where they are.
  const names = new FolderNames();
  const fetchable = (url: string): boolean =>
    sameSite(url, origins.origin) || (origins.localRoot !== undefined && url.startsWith(origins.localRoot));
  const otherHost = new Set<string>();
  const outside = new Set<string>();
  const host = origins.origin ? new URL(origins.origin).host : "the old site";
  const decide = {
    nameFor: (url: string) => {
      if (options.failed?.has(url)) return undefined;
      if (fetchable(url)) return names.nameFor(url);
      if (/^https?:/i.test(url)) otherHost.add(url);
      else if (url.startsWith("file:")) outside.add(url);
      return undefined;
    },
    isDownload: isDownloadAddress,
    isImage: isImageAddress,
  };
  const body = prepareBody(item.html, item.base, decide);
  const files: PlannedFile[] = body.files.map((f) => ({ url: f.url, name: f.name }));
  const media: Record<string, string>[] = [];
  const leadPhotos: string[] = [];
  for (const photo of item.photos) {
    const name = decide.nameFor(photo.src);
    if (name === undefined) continue;
    if (!files.some((f) => f.name === name)) files.push({ url: photo.src, name });
    if (body.files.some((f) => f.name === name)) continue;
    const alt = photo.alt?.trim();
    if (alt) media.push({ file: name, alt, ...(photo.caption && { caption: photo.caption }) });
    else {
      // An image listed under media needs alt text; without it, it is placed in the text, where a missing one is a warning.
      notes.push({ code: "import-alt-missing", file: name });
      leadPhotos.push(`![](${name}${photo.caption ? ` "${photo.caption.replace(/"/g, "'")}"` : ""})`);
    }
  }
  for (const file of body.files) {
    if (file.kind === "image" && !file.alt) notes.push({ code: "import-alt-missing", file: file.name });
    if (file.kind === "file") media.push({ file: file.name, title: file.label ?? file.name });
  }
  for (const download of item.downloads) {
    const name = decide.nameFor(download.href);
    if (name === undefined) continue;
    if (!files.some((f) => f.name === name)) files.push({ url: download.href, name });
    if (!media.some((m) => m.file === name)) media.push({ file: name, title: download.title ?? name });
  }
  for (const address of otherHost) notes.push({ code: "import-other-host", address, host });
  for (const address of outside) notes.push({ code: "import-fetch-failed", address, reason: "it is not in the folder of the source" });

  const aliases: string[] = [];
  if (item.link && !draft) {
    const alias = normalizeAlias(item.link);
    if (!alias.ok) notes.push({ code: "import-alias-unusable", address: item.link, reason: alias.reason });
    else if (alias.path.replace(/\/$/, "") !== url.replace(/\/$/, "")) aliases.push(alias.path);
  }
  const contact = contactOf(item, site);
  if (contact === undefined && (site.departments.get(department)?.contactIds.length ?? 0) === 0) notes.push({ code: "import-no-contact", department });
  const tags = [...new Set(item.tags.map((t) => t.trim()).filter(Boolean))];
  const front: Record<string, unknown> = {
    title,
    ...(item.subtitle && { subtitle: cleanTitle(item.subtitle) }),
    date: formatInstant(instant, site.timeZone, hasTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd"),
    department,
    ...(contact !== undefined && { contact }),
    ...(tags.length > 0 && { tags }),
    ...(media.length > 0 && { media }),
    ...(aliases.length > 0 && { aliases }),
    ...(draft && { draft: true }),
  };
  const markdown = [leadPhotos.join("\n\n"), htmlToMarkdown(body.html)].filter(Boolean).join("\n\n");
  const text = `---\n${dataToYaml(front)}---\n\n${markdown.endsWith("\n") ? markdown : `${markdown}\n`}`;
  return { folder: place.folder, url, title, draft, text, files, notes };
}
