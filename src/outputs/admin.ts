/**
 * The browser editor: Decap CMS, self-hosted in the output's `admin/` folder.
 * The one module that knows Decap: its bundle (copied from the installed
 * package, so the editor makes no request to another server), the page that
 * loads it, and `config.yml`, made from the content model so the choices of
 * department and contact are the site's own.
 */
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ContentModel, EditorBackend, OfferedLanguage } from "../content/model.ts";
import { LAYOUTS_DIR } from "../eleventy/layouts.ts";
import { dataToYaml } from "../content/yaml.ts";
import type { OutputFile } from "../write-files.ts";
import { xmlEscape } from "./xml.ts";

export const ADMIN_FOLDER = "admin";

/**
 * Decap's date and time field in the site's time zone (layouts/assets/editor-datetime.js): "Now" is the
 * site's time and a typed time is saved as typed, whatever zone the browser's computer is set to.
 */
const DATETIME_SCRIPT = { source: path.join(LAYOUTS_DIR, "assets", "editor-datetime.js"), name: "pressroom-datetime.js" };
/** Words of Decap's interface corrected (layouts/assets/editor-words.js): a plus every font has on the new-release button. */
const WORDS_SCRIPT = { source: path.join(LAYOUTS_DIR, "assets", "editor-words.js"), name: "pressroom-words.js" };
/** A translation opened among the releases is never saved there (layouts/assets/editor-translations.js); only with `languages:`. */
const TRANSLATIONS_SCRIPT = { source: path.join(LAYOUTS_DIR, "assets", "editor-translations.js"), name: "pressroom-translations.js" };
/** pressroom's scripts of the editor's page, copied next to Decap's bundle. */
const editorScripts = (model: ContentModel) => [DATETIME_SCRIPT, WORDS_SCRIPT, ...(model.site.languages.length > 0 ? [TRANSLATIONS_SCRIPT] : [])];

/**
 * Where the editor saves: a git host in production, or decap-server on this
 * machine (`pressroom edit`) behind the preview at `url`, working on
 * `branch` of the repository.
 */
export type EditorTarget = { readonly kind: "host"; readonly backend: EditorBackend } | ({ readonly kind: "local" } & LocalEditorTarget);

/**
 * The local editor's API: a path on the preview's own origin (`/admin/api/v1`), the branch the site is built
 * from, and whether decap-server keeps the editorial workflow (git) or only writes files (a folder outside git).
 */
export interface LocalEditorTarget {
  readonly url: string;
  readonly branch: string;
  readonly workflow: boolean;
}

export interface AdminOptions {
  readonly target: EditorTarget;
  /**
   * The content folder as seen from the folder the backend works in: the git
   * repository's root ("content"; "" when the content folder is the root).
   */
  readonly contentPath: string;
}

const bundleDir = (): string => path.join(path.dirname(createRequire(import.meta.url).resolve("decap-cms/package.json")), "dist");

/**
 * The files Decap's page loads: its main script, the chunks it loads on
 * demand (`*.decap-cms.js`), two WebAssembly files and the licence. Source
 * maps and the second build of every chunk (`*.cms.js`) are left behind.
 */
export function bundleFiles(): string[] {
  return readdirSync(bundleDir())
    .filter((name) => /^(?:[\w-]+\.)?decap-cms\.js$|\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(name))
    .sort();
}

const LABELS = {
  de: {
    page: "Redaktion",
    collection: "Pressemitteilungen",
    singular: "Pressemitteilung",
    title: "Titel",
    subtitle: "Untertitel",
    date: "Datum",
    dateHint: "Ein Zeitpunkt in der Zukunft ist eine Sperrfrist: die Meldung erscheint erst dann.",
    department: "Amt",
    contact: "Pressekontakt",
    contactHint: "Leer lassen für den Kontakt des Amts.",
    tags: "Themen",
    tagsHint: "Durch Kommas getrennt.",
    media: "Bilder",
    mediaSingular: "Bild",
    file: "Datei",
    alt: "Alternativtext",
    altHint: "Was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen (Pflicht).",
    caption: "Bildunterschrift",
    credit: "Bildnachweis",
    body: "Text",
    translations: "Übersetzungen",
    translation: "Übersetzung",
    translated: "Übersetzt am",
    translatedHint: "Wann die Übersetzung zuletzt an das Original angeglichen wurde. Wird das Original danach geändert (updated:), meldet pressroom check es.",
    originalFile: "Bild des Originals",
    originalFileHint: "Das Bild, zu dem Alternativtext und Bildunterschrift gehören: eines des Originals, nicht austauschen.",
    translationListed: "Übersetzung: unter „Übersetzungen“ bearbeiten",
    translationHere: "Das ist eine Übersetzung: bearbeiten Sie sie unter „Übersetzungen“ in ihrer Sprache, nicht hier (hier bekäme sie Datum und Amt des Originals).",
  },
  en: {
    page: "Editor",
    collection: "Press releases",
    singular: "Press release",
    title: "Title",
    subtitle: "Subtitle",
    date: "Date",
    dateHint: "A time in the future is an embargo: the release appears only then.",
    department: "Department",
    contact: "Press contact",
    contactHint: "Leave empty for the department's contact.",
    tags: "Tags",
    tagsHint: "Separated by commas.",
    media: "Photos",
    mediaSingular: "Photo",
    file: "File",
    alt: "Alternative text",
    altHint: "What the photo shows, for people who cannot see it (required).",
    caption: "Caption",
    credit: "Credit",
    body: "Text",
    translations: "Translations",
    translation: "Translation",
    translated: "Translated",
    translatedHint: "When the translation was last brought in line with the original. If the original is changed later (updated:), pressroom check says so.",
    originalFile: "Photo of the original",
    originalFileHint: "The photo the alternative text and caption belong to: one of the original's, do not replace it.",
    translationListed: "translation: edit it under Translations",
    translationHere: "This is a translation: edit it under Translations in its language, not here (here it would get the original's date and department).",
  },
} as const;

/**
 * The backend section. The local editor talks to Decap's proxy backend at a
 * path of the page's own origin: the preview passes its requests on to
 * decap-server. Not `local_backend`: Decap takes only a full address there
 * (one name, 127.0.0.1 or localhost), and a page opened under the other
 * name would then send its requests to another origin; and an editor
 * whose server is not running fails on this machine instead of offering a
 * login at a git host.
 */
function backendOf(target: EditorTarget): Record<string, unknown> {
  if (target.kind === "local") return { backend: { name: "proxy", proxy_url: target.url, branch: target.branch } };
  const b = target.backend;
  return {
    backend: {
      name: b.backend,
      repo: b.repo,
      branch: b.branch,
      ...(b.baseUrl && { base_url: b.baseUrl }),
      ...(b.apiRoot && { api_root: b.apiRoot }),
      ...(b.authEndpoint && { auth_endpoint: b.authEndpoint }),
      ...(b.appId && { app_id: b.appId, auth_type: "pkce" }),
    },
  };
}

const MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"];

type Labels = (typeof LABELS)[keyof typeof LABELS];

/** Where every release folder's `index.md` is, and what each collection of releases shares. */
const RELEASE_PATH = "{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}/index";
const DATETIME = { widget: "datetime", format: "YYYY-MM-DD HH:mm", date_format: "DD.MM.YYYY", time_format: "HH:mm", picker_utc: false } as const;
const altField = (l: Labels) => ({ name: "alt", label: l.alt, widget: "string", required: true, hint: l.altHint });
const captionField = (l: Labels) => ({ name: "caption", label: l.caption, widget: "string", required: false });
// What a press release is written with; no code blocks (their editor loads a language per block).
const bodyField = (l: Labels) => ({ name: "body", label: l.body, widget: "markdown", buttons: MARKDOWN_BUTTONS, editor_components: ["image"] });

/**
 * The translations of one offered language: a collection of its own over the
 * same folders, listing only `index.<tag>.md` (its `extension`). Not Decap's
 * `i18n:`: with `structure: multiple_files` Decap names the site language's
 * file `index.<language>.md` too, lists only those as entries, and writes the
 * original there; pressroom's original is `index.md` (docs/editing.md).
 * The form has only what a translation may set (title, subtitle, translated,
 * the alt text and caption of the original's photos, the text): Decap writes
 * the fields of the form and keeps the file's other fields, so nothing of the
 * original (date, department…) is written into a translation. No new entries
 * (Decap would take the folder's date from a date field a translation has not:
 * `pressroom new --translation` starts one beside its original) and no
 * deleting from here (an entry's folder holds the original's photos).
 */
function translationCollection(language: OfferedLanguage, folder: string, l: Labels): Record<string, unknown> {
  return {
    // The collections src/cli/editor-rules.ts lets the local editor save in.
    name: `releases-${language.tag}`,
    label: `${l.translations}: ${language.name}`,
    label_singular: `${l.translation}: ${language.name}`,
    folder,
    create: false,
    delete: false,
    path: RELEASE_PATH,
    media_folder: "",
    public_folder: "",
    extension: `${language.tag}.md`,
    format: "frontmatter",
    identifier_field: "title",
    // The folder names the original, whose title is in another language.
    summary: "{{title}} ({{dirname}})",
    sortable_fields: ["title"],
    fields: [
      { name: "title", label: l.title, widget: "string" },
      { name: "subtitle", label: l.subtitle, widget: "string", required: false },
      { name: "translated", label: l.translated, ...DATETIME, required: false, hint: l.translatedHint },
      {
        name: "media",
        label: l.media,
        label_singular: l.mediaSingular,
        widget: "list",
        required: false,
        fields: [{ name: "file", label: l.originalFile, widget: "image", choose_url: false, hint: l.originalFileHint }, altField(l), captionField(l)],
      },
      bodyField(l),
    ],
  };
}

/**
 * Decap's configuration: one collection of releases, a folder per release with its photos beside index.md;
 * with `languages:` in site.yaml, one collection of translations per language after it.
 */
export function adminConfig(model: ContentModel, options: AdminOptions): string {
  const l = LABELS[model.site.language];
  const folder = [options.contentPath, "releases"].filter(Boolean).join("/");
  const byName = <T extends { name: string }>(items: Iterable<[string, T]>) =>
    [...items].map(([id, item]) => ({ label: item.name, value: id })).sort((a, b) => a.label.localeCompare(b.label, model.site.language));
  const config = {
    locale: model.site.language,
    ...backendOf(options.target),
    // Outside git, decap-server has no branches to review on: the form saves at once (and says so).
    publish_mode: options.target.kind === "local" && !options.target.workflow ? "simple" : "editorial_workflow",
    site_url: model.site.url,
    // Required by Decap; each release keeps its photos in its own folder (below).
    media_folder: folder,
    public_folder: "",
    // Folder names keep umlauts ("2026-11-27-neue-brücke"): the address made from them spells ä as ae
    // ("/neue-bruecke/"), as every other address of the site does; Decap's ASCII mode would write "brucke".
    slug: { encoding: "unicode", clean_accents: false, sanitize_replacement: "-" },
    collections: [
      {
        name: "releases",
        label: l.collection,
        label_singular: l.singular,
        folder,
        create: true,
        path: RELEASE_PATH,
        media_folder: "",
        public_folder: "",
        extension: "md",
        format: "frontmatter",
        identifier_field: "title",
        // A translation is listed here too (Decap lists every .md file of the folders): its missing date says what it is.
        summary: model.site.languages.length > 0 ? `{{title}} ({{date | default('${l.translationListed}')}})` : "{{title}} ({{date}})",
        // Newest first, as press officers look for what they wrote last (Decap's default is the file order, oldest first).
        sortable_fields: [{ field: "date", default_sort: "desc" }, "title", "department"],
        fields: [
          { name: "title", label: l.title, widget: "string" },
          { name: "subtitle", label: l.subtitle, widget: "string", required: false },
          { name: "date", label: l.date, ...DATETIME, hint: l.dateHint },
          { name: "department", label: l.department, widget: "select", options: byName(model.departments) },
          ...(model.contacts.size > 0
            ? [{ name: "contact", label: l.contact, widget: "select", required: false, options: byName(model.contacts), hint: l.contactHint }]
            : []),
          { name: "tags", label: l.tags, widget: "list", required: false, hint: l.tagsHint },
          {
            name: "media",
            label: l.media,
            label_singular: l.mediaSingular,
            widget: "list",
            required: false,
            fields: [
              { name: "file", label: l.file, widget: "image", choose_url: false },
              altField(l),
              captionField(l),
              { name: "credit", label: l.credit, widget: "string", required: false },
            ],
          },
          bodyField(l),
        ],
      },
      ...model.site.languages.map((language) => translationCollection(language, folder, l)),
    ],
  };
  return `# Made by pressroom from site.yaml, departments.yaml and contacts.yaml: edit those, not this file.\n${dataToYaml(config)}`;
}

function adminPage(model: ContentModel): string {
  const l = LABELS[model.site.language];
  return `<!doctype html>
<html lang="${model.site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${xmlEscape(`${l.page} – ${model.site.title}`)}</title>
</head>
<body>
<script src="decap-cms.js"></script>
<script src="${DATETIME_SCRIPT.name}" data-time-zone="${xmlEscape(model.site.timeZone)}"></script>
<script src="${WORDS_SCRIPT.name}"></script>
${model.site.languages.length > 0 ? `<script src="${TRANSLATIONS_SCRIPT.name}" data-message="${xmlEscape(l.translationHere)}"></script>\n` : ""}</body>
</html>
`;
}

/** Where Decap's git hosts answer by default (their API; GitLab's sign-in). */
const DEFAULT_API = { github: "https://api.github.com", gitlab: "https://gitlab.com/api/v4" } as const;
const DEFAULT_GITLAB_SIGN_IN = "https://gitlab.com";

/**
 * The security policy of `admin/`, measured with the editor in Chromium
 * under the site's own policy: Decap compiles its configuration's schema
 * with `new Function` ('unsafe-eval'), styles its components with inline
 * style elements ('unsafe-inline'), and shows and reads a chosen photo from a
 * `blob:` address. It talks to the backend's API only (GitLab's sign-in also
 * fetches a token from its server); GitHub's sign-in is a window of its own.
 */
export function adminPolicy(options: AdminOptions, siteUrl: string): string {
  const target = options.target;
  const origins = new Set<string>();
  // The local editor's API is on the page's own origin ('self'), unless given as a full address.
  if (target.kind === "local") {
    if (!target.url.startsWith("/")) origins.add(new URL(target.url).origin);
  } else {
    const b = target.backend;
    origins.add(new URL(b.apiRoot ?? DEFAULT_API[b.backend]).origin);
    if (b.backend === "gitlab") origins.add(new URL(b.baseUrl ?? DEFAULT_GITLAB_SIGN_IN).origin);
  }
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob:",
    ["connect-src 'self' blob:", ...[...origins].sort()].join(" "),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(siteUrl.startsWith("https://") ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers of `admin/` besides caching: its own policy, and no search engine lists it. */
export function adminHeaders(options: AdminOptions, siteUrl: string): { folder: string; policy: string; headers: [string, string][] } {
  return { folder: ADMIN_FOLDER, policy: adminPolicy(options, siteUrl), headers: [["X-Robots-Tag", "noindex, nofollow"]] };
}

/** Every file of `admin/`. */
export function adminFiles(model: ContentModel, options: AdminOptions): OutputFile[] {
  const dir = bundleDir();
  return [
    { path: `${ADMIN_FOLDER}/index.html`, content: adminPage(model) },
    { path: `${ADMIN_FOLDER}/config.yml`, content: adminConfig(model, options) },
    ...editorScripts(model).map((script) => ({ path: `${ADMIN_FOLDER}/${script.name}`, content: { copyFrom: script.source } })),
    ...bundleFiles().map((name) => ({ path: `${ADMIN_FOLDER}/${name}`, content: { copyFrom: path.join(dir, name) } })),
  ];
}

/** The git repository that holds `dir` (the nearest folder above with a `.git`), or undefined. */
export function gitRootOf(dir: string): string | undefined {
  let at = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(at, ".git"))) return at;
    const up = path.dirname(at);
    if (up === at) return undefined;
    at = up;
  }
}

/**
 * The folder the editor's paths start from: the git repository that holds
 * the content folder; without one (a copy of the files, or no git at all),
 * the working folder when the content folder is inside it (a build runs
 * from the repository's top), else the content folder itself.
 */
export function editorRootOf(contentDir: string): string {
  const git = gitRootOf(contentDir);
  if (git) return git;
  const content = path.resolve(contentDir);
  const inside = path.relative(process.cwd(), content);
  return inside.startsWith("..") || path.isAbsolute(inside) ? content : process.cwd();
}

/**
 * The admin options of a build: with `localEditor` (from `pressroom edit`)
 * the editor saves there; else at the git host that site.yaml's `editor:`
 * names; else a build has no editor at all.
 */
export function adminOptionsOf(model: ContentModel, contentDir: string, localEditor?: LocalEditorTarget): AdminOptions | undefined {
  const root = editorRootOf(contentDir);
  // The git host's repository (and decap-server's folder) holds the content folder where this one does.
  const contentPath = path.relative(root, path.resolve(contentDir)).split(path.sep).join("/");
  if (localEditor !== undefined) return { target: { kind: "local", ...localEditor }, contentPath };
  if (model.site.editor) return { target: { kind: "host", backend: model.site.editor }, contentPath };
  return undefined;
}
