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
import type { ContentModel, EditorBackend } from "../content/model.ts";
import { dataToYaml } from "../content/yaml.ts";
import type { OutputFile } from "../write-files.ts";
import { xmlEscape } from "./xml.ts";

export const ADMIN_FOLDER = "admin";

/** Where the editor saves: a git host in production, or decap-server on this machine (`pressroom edit`). */
export type EditorTarget = { readonly kind: "host"; readonly backend: EditorBackend } | { readonly kind: "local"; readonly url: string; readonly branch: string };

export interface AdminOptions {
  readonly target: EditorTarget;
  /** The content folder as seen from the git repository's root ("content", "" when it is the root). */
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
  },
} as const;

function backendOf(target: EditorTarget): Record<string, unknown> {
  if (target.kind === "local") return { name: "proxy", proxy_url: target.url, branch: target.branch };
  const b = target.backend;
  return {
    name: b.backend,
    repo: b.repo,
    branch: b.branch,
    ...(b.baseUrl && { base_url: b.baseUrl }),
    ...(b.authEndpoint && { auth_endpoint: b.authEndpoint }),
    ...(b.appId && { app_id: b.appId, auth_type: "pkce" }),
  };
}

/** Decap's configuration: one collection of releases, a folder per release with its photos beside index.md. */
export function adminConfig(model: ContentModel, options: AdminOptions): string {
  const l = LABELS[model.site.language];
  const folder = [options.contentPath, "releases"].filter(Boolean).join("/");
  const byName = <T extends { name: string }>(items: Iterable<[string, T]>) =>
    [...items].map(([id, item]) => ({ label: item.name, value: id })).sort((a, b) => a.label.localeCompare(b.label, model.site.language));
  const config = {
    locale: model.site.language,
    backend: backendOf(options.target),
    publish_mode: "editorial_workflow",
    site_url: model.site.url,
    // Required by Decap; each release keeps its photos in its own folder (below).
    media_folder: folder,
    public_folder: "",
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: "releases",
        label: l.collection,
        label_singular: l.singular,
        folder,
        create: true,
        path: "{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}/index",
        media_folder: "",
        public_folder: "",
        extension: "md",
        format: "frontmatter",
        identifier_field: "title",
        summary: "{{title}} ({{date}})",
        sortable_fields: ["date", "title", "department"],
        fields: [
          { name: "title", label: l.title, widget: "string" },
          { name: "subtitle", label: l.subtitle, widget: "string", required: false },
          { name: "date", label: l.date, widget: "datetime", format: "YYYY-MM-DD HH:mm", date_format: "DD.MM.YYYY", time_format: "HH:mm", picker_utc: false, hint: l.dateHint },
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
              { name: "alt", label: l.alt, widget: "string", hint: l.altHint },
              { name: "caption", label: l.caption, widget: "string", required: false },
              { name: "credit", label: l.credit, widget: "string", required: false },
            ],
          },
          { name: "body", label: l.body, widget: "markdown" },
        ],
      },
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
</body>
</html>
`;
}

/** Every file of `admin/`. */
export function adminFiles(model: ContentModel, options: AdminOptions): OutputFile[] {
  const dir = bundleDir();
  return [
    { path: `${ADMIN_FOLDER}/index.html`, content: adminPage(model) },
    { path: `${ADMIN_FOLDER}/config.yml`, content: adminConfig(model, options) },
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

/** The admin options of a build: the local editor's address wins; else the production backend of site.yaml; else none. */
export function adminOptionsOf(model: ContentModel, contentDir: string, localEditor?: { url: string; branch: string }): AdminOptions | undefined {
  const target: EditorTarget | undefined = localEditor
    ? { kind: "local", ...localEditor }
    : model.site.editor && { kind: "host", backend: model.site.editor };
  if (!target) return undefined;
  const root = gitRootOf(contentDir);
  const contentPath = root ? path.relative(root, path.resolve(contentDir)).split(path.sep).join("/") : "";
  return { target, contentPath };
}
