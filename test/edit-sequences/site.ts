/**
 * The content a sequence of edits works on, as plain data: the site's settings, its
 * departments, its releases (with their photos and files) and the templates it overrides,
 * and the build's clock. `contentFiles` turns it into the files of a content folder.
 * It starts as the valid fixture's site: a release in a folder of its own with a photo
 * and a PDF, one under embargo, a draft, an archived one older than a year.
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import { ROOT } from "../helpers.ts";

export interface Photo {
  /** Beside the release's Markdown file. */
  readonly file: string;
  readonly alt: string;
  /** Which of the test's pictures the file holds. */
  readonly picture: number;
  /** In the text (`![alt](file)`) rather than under `media`. */
  readonly inline: boolean;
}

export interface Release {
  /** Below releases/, with forward slashes: `2026/2026-11-27-name.md` or `2026/name/index.md`. */
  readonly path: string;
  readonly title: string;
  /** Local time of the site: `2026-11-27 10:30`. */
  readonly date: string;
  readonly departments: readonly string[];
  readonly body: string;
  readonly photos: readonly Photo[];
  /** PDFs beside the Markdown file, offered as downloads. */
  readonly downloads: readonly string[];
  /** More front matter lines, as written (subtitle, tags, aliases, contact, updated). */
  readonly extra: string;
  readonly draft: boolean;
  readonly withdrawn?: { readonly date: string; readonly reason: string };
  /** Files beside it in other languages (`x.en.md`, `index.ar.md`). */
  readonly translations?: readonly Translation[];
}

/** A translation: the languages site.yaml lists once any release has one. */
export interface Translation {
  readonly language: (typeof LANGUAGES)[number];
  readonly title: string;
  readonly body: string;
}

/** Neither German nor English: the site's language changes between the two, and a translation is never in it. */
export const LANGUAGES = ["tr", "ar"] as const;

/** The path of a release's translation, below releases/. */
export const translationPath = (release: Pick<Release, "path">, language: string): string => `${release.path.slice(0, -3)}.${language}.md`;

export interface Department {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly contact?: string;
}

export interface Site {
  /** The build's clock (`--now`), local time of the site; it only moves forward. */
  now: string;
  title: string;
  description: string;
  language: "de" | "en";
  color?: string;
  /** Which of the two logos site.yaml names, if any. */
  logo?: number;
  accessibility: boolean;
  phone: string;
  departments: Department[];
  releases: Release[];
  /** Templates of layouts/ (name as in docs/theming.md) and the line each adds. */
  overrides: Map<string, string>;
  /** Photos added so far: each new one gets a name no file had. */
  photosAdded: number;
}

/** The files of a site that are not text: two small photos and two logos (each pair different pictures of the same size) and a PDF. */
export interface Binaries {
  readonly pictures: readonly [Buffer, Buffer];
  readonly logos: readonly [Buffer, Buffer];
  readonly pdf: Buffer;
}

export const START = "2026-11-27T12:00";

export function initialSite(): Site {
  return {
    now: START,
    title: "Stadt Prüfstadt – Pressemitteilungen",
    description: "Aktuelle Mitteilungen der Stadtverwaltung Prüfstadt.",
    language: "de",
    accessibility: false,
    phone: "0251 492-6609",
    departments: [
      { id: "tiefbauamt", name: "Tiefbauamt", description: "Straßen, Brücken, Radwege", contact: "jaskowiak" },
      { id: "umweltamt", name: "Umweltamt", contact: "oezdemir" },
      { id: "kulturamt", name: "Kulturamt", contact: "jaskowiak" },
    ],
    releases: [
      {
        path: "2026/2026-11-27-radwege-am-ring.md",
        title: "Radwege am Ring werden breiter",
        date: "2026-11-27 10:30",
        departments: ["tiefbauamt"],
        body: "Die Radwege am **Ring** werden auf zwei Meter verbreitert.\n\n## Zeitplan\n\n- Beginn im März\n- Ende im Herbst\n",
        photos: [],
        downloads: [],
        extra: "subtitle: Bauarbeiten beginnen im März / Umleitung über die Hafenstraße\ntags: [Verkehr, Radverkehr]\naliases: [/presse/archiv/12345.html, /pm/radwege/]\n",
        draft: false,
      },
      {
        path: "2026/2026-11-20-hallenbad/index.md",
        title: "Neues Hallenbad: Richtfest am Freitag",
        date: "2026-11-20 09:00",
        departments: ["kulturamt", "umweltamt"],
        body: "Zum Richtfest lädt die Stadt alle Bürgerinnen und Bürger ein.\n",
        photos: [{ file: "baustelle.jpg", alt: "Rohbau des Hallenbads mit Kran", picture: 0, inline: false }],
        downloads: ["Lageplan Bad.pdf"],
        extra: "updated: 2026-11-21 08:15\n",
        draft: false,
      },
      {
        path: "2026/2026-12-24-weihnachtsmarkt.md",
        title: "Weihnachtsmarkt öffnet am Heiligabend",
        date: "2026-12-24 12:00",
        departments: ["umweltamt"],
        body: "Der Markt öffnet um zwölf Uhr.\n",
        photos: [{ file: "weihnachtsmarkt.jpg", alt: "Buden auf dem Marktplatz", picture: 1, inline: false }],
        downloads: [],
        extra: "aliases: [/presse/weihnachtsmarkt.html]\ntags: [Advent]\n",
        draft: false,
      },
      {
        path: "2026/2026-11-25-entwurf.md",
        title: "Entwurf: Neue Parkgebühren",
        date: "2026-11-25 08:00",
        departments: ["tiefbauamt"],
        body: "Noch nicht abgestimmt.\n",
        photos: [{ file: "entwurf.jpg", alt: "Parkscheinautomat", picture: 0, inline: false }],
        downloads: [],
        extra: "",
        draft: true,
      },
      {
        path: "2025/2025-12-31-silvester.md",
        title: "Neujahrsempfang im Rathaus",
        date: "2026-01-01 00:30",
        departments: ["kulturamt"],
        body: "Der Empfang beginnt kurz nach Mitternacht.\n",
        photos: [],
        downloads: [],
        extra: "contact: [jaskowiak, oezdemir]\n",
        draft: false,
      },
      {
        path: "2025/2025-05-08 Tag der_Offenen Tür.md",
        title: "Tag der offenen Tür: „Rathaus erleben“",
        date: "2025-05-08 10:00",
        departments: ["kulturamt"],
        body: "Führungen zu jeder vollen Stunde.\n",
        photos: [],
        downloads: [],
        extra: "contact:\n  name: Ute Übel\n  role: Kulturbüro\n  phone: +49 251 492-0\n",
        draft: false,
      },
      {
        path: "archiv/1999-03-04-altes-cms.md",
        title: "Sperrung der Ringstraße",
        date: "1999-03-04 09:00",
        departments: ["tiefbauamt"],
        body: "<p><strong>Aus dem alten System übernommen.</strong></p>\n<table>\n  <tr><th>Straße</th><th>Sperrung</th></tr>\n  <tr><td>Ringstraße</td><td>ab 8 Uhr</td></tr>\n</table>\n",
        photos: [],
        downloads: [],
        extra: "aliases: /cms/detail.php\n",
        draft: false,
      },
    ],
    overrides: new Map(),
    photosAdded: 0,
  };
}

const quoted = (text: string): string => JSON.stringify(text);

/** The text of a release file. */
export function releaseText(release: Release): string {
  const lines = [`title: ${quoted(release.title)}`, `date: ${release.date}`, `department: [${release.departments.join(", ")}]`];
  const media = [
    ...release.photos.filter((p) => !p.inline).flatMap((p) => [`  - file: ${quoted(p.file)}`, `    alt: ${quoted(p.alt)}`]),
    ...release.downloads.flatMap((file) => [`  - file: ${quoted(file)}`, `    title: ${quoted(`Download ${file}`)}`]),
  ];
  if (media.length > 0) lines.push("media:", ...media);
  if (release.withdrawn) lines.push("withdrawn:", `  date: ${release.withdrawn.date}`, `  reason: ${quoted(release.withdrawn.reason)}`);
  if (release.draft) lines.push("draft: true");
  const inline = release.photos.filter((p) => p.inline).map((p) => `\n![${p.alt}](<${p.file}>)\n`);
  return `---\n${lines.join("\n")}\n${release.extra}---\n\n${release.body}${inline.join("")}`;
}

/** The folder of a release's Markdown file, below releases/. */
export const folderOf = (release: Pick<Release, "path">): string => path.posix.dirname(release.path);

/** Whether the release has a folder of its own (`index.md`). */
export const ownFolder = (release: Pick<Release, "path">): boolean => path.posix.basename(release.path) === "index.md";

const TEMPLATE_SOURCE = path.join(ROOT, "layouts", "_includes");

/** Where each template may take a line of the city's own: after the first line that matches. */
const ANCHORS: Readonly<Record<string, RegExp>> = {
  "base.njk": /^<\/main>$/m,
  "item.njk": /^ *<p class="meta">.*$/m,
  "pages/release.njk": /^ *<h1>.*$/m,
  "contact.njk": /^<address>$/m,
};

export const TEMPLATES = Object.keys(ANCHORS);

/** pressroom's own template with one paragraph of the city's added. */
export function overrideText(name: string, line: string): string {
  const text = readFileSync(path.join(TEMPLATE_SOURCE, name), "utf8");
  const anchor = ANCHORS[name]!.exec(text);
  if (!anchor) throw new Error(`no place for a line in ${name}`);
  const at = anchor.index + anchor[0].length;
  return `${text.slice(0, at)}\n<p class="city-note">${line}</p>${text.slice(at)}`;
}

/** Every file of the content folder, by its path (forward slashes). */
export function contentFiles(site: Site, binaries: Binaries): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  const footer = [
    "footer:",
    "  imprint: https://www.pruefstadt.example/impressum",
    "  privacy: https://www.pruefstadt.example/datenschutz",
    ...(site.accessibility ? ["  accessibility: https://www.pruefstadt.example/barrierefreiheit"] : []),
  ];
  files.set(
    "site.yaml",
    [
      `title: ${quoted(site.title)}`,
      "url: https://presse.pruefstadt.example",
      `language: ${site.language}`,
      "timezone: Europe/Berlin",
      `description: ${quoted(site.description)}`,
      ...(site.color ? [`color: ${quoted(site.color)}`] : []),
      ...(site.logo !== undefined ? ["logo: logo.png"] : []),
      ...footer,
      ...(site.releases.some((r) => r.translations?.length) ? ["languages:", "  tr: { name: Türkçe }", "  ar: { name: العربية }"] : []),
      "",
    ].join("\n"),
  );
  if (site.logo !== undefined) files.set("logo.png", binaries.logos[site.logo]!);
  files.set(
    "departments.yaml",
    site.departments
      .map((d) => [`${d.id}:`, `  name: ${quoted(d.name)}`, ...(d.description ? [`  description: ${quoted(d.description)}`] : []), ...(d.contact ? [`  contact: ${d.contact}`] : [])].join("\n"))
      .join("\n") + "\n",
  );
  files.set("contacts.yaml", `jaskowiak:\n  name: Birgit Jaskowiak\n  role: Pressesprecherin\n  phone: ${site.phone}\n  email: presse@pruefstadt.example\noezdemir:\n  name: Deniz Özdemir\n  phone: 02514926610\n`);
  for (const release of site.releases) {
    files.set(`releases/${release.path}`, releaseText(release));
    for (const t of release.translations ?? []) files.set(`releases/${translationPath(release, t.language)}`, `---\ntitle: ${quoted(t.title)}\n---\n\n${t.body}`);
    const folder = `releases/${folderOf(release)}`;
    for (const photo of release.photos) files.set(`${folder}/${photo.file}`, binaries.pictures[photo.picture]!);
    for (const file of release.downloads) files.set(`${folder}/${file}`, binaries.pdf);
  }
  for (const [name, line] of site.overrides) files.set(`layouts/${name}`, overrideText(name, line));
  return files;
}
