/**
 * What `pressroom new` writes, from the answers it was given: the path of the
 * new release and its text. Pure: no terminal, no disk, no clock of its own.
 *
 * The front matter holds every common field. Those without a value yet are
 * written as comments ("# subtitle: …"), so the new file passes `check` as it
 * is; taking away the "# " makes a field real, with its indentation right.
 */
import type { Language } from "../i18n/strings.ts";
import { formatInstant, localParts, parseContentDate } from "./dates.ts";
import { RELEASES_DIR } from "./load.ts";
import { releaseSlug, releaseUrl, slugify } from "./slug.ts";
import { cleanField } from "./invisible.ts";
import { dataToYaml } from "./yaml.ts";

/** What the scaffold needs to know of the site: its settings, departments and contacts. */
export interface ScaffoldSite {
  readonly language: Language;
  readonly timeZone: string;
  readonly departments: ReadonlyMap<string, { readonly name: string; readonly contactIds: readonly string[] }>;
  readonly contacts: ReadonlyMap<string, { readonly name: string }>;
}

export interface Answers {
  readonly title: string;
  /** Department ids, each in departments.yaml. */
  readonly departments: readonly string[];
  /** A date as a release writes it (2026-11-27 10:30), or with an offset. */
  readonly date: string;
  /** A contact id; none: the department's own contact applies. */
  readonly contact?: string;
  /** Photos follow: the release gets a folder of its own to put them in. */
  readonly photos: boolean;
}

export interface Scaffold {
  /** Content-relative path with forward slashes: releases/2026/2026-11-27-radwege.md, or …/index.md. */
  readonly file: string;
  /** The release's own folder (content-relative), when photos follow. */
  readonly folder?: string;
  /** The release's address: /2026/11/27/radwege/. */
  readonly url: string;
  readonly instant: number;
  readonly hasTime: boolean;
  readonly text: string;
}

/** Words in a file name at most: enough to recognise it, short enough to read. */
const NAME_WORDS = 8;
const QUARTER_HOUR = 15 * 60_000;

/**
 * The date a new release gets when none is given: now, down to the quarter
 * hour (10:22 → 10:15), so it is neither an odd minute nor, by a few minutes,
 * an embargo. Every zone's offset is a whole number of quarter hours.
 */
export function defaultDate(now: number, timeZone: string): string {
  return formatInstant(Math.floor(now / QUARTER_HOUR) * QUARTER_HOUR, timeZone, "yyyy-MM-dd HH:mm");
}

/** A title as one clean line: invisible characters out, runs of white space one space. */
export const cleanTitle = (title: string): string => cleanField(title, { file: "" }, []).replace(/\s+/g, " ").trim();

/** The name of the file (or folder) for a title on a day: 2026-11-27-radwege-am-ring. */
export function releaseName(title: string, day: string): string {
  const slug = slugify(cleanTitle(title)).split("-").slice(0, NAME_WORDS).join("-") || "mitteilung";
  return `${day}-${slug}`;
}

interface Comments {
  readonly howTo: string;
  readonly subtitle: [example: string, comment: string];
  readonly date: (zone: string) => string;
  readonly contactOwn: (name: string) => string;
  readonly contactOfDepartment: (name: string) => string;
  readonly tags: [example: string, comment: string];
  readonly media: (folder: boolean) => string;
  readonly photo: { readonly file: string; readonly alt: string; readonly altComment: string; readonly caption: string; readonly credit: string };
  readonly draft: string;
  readonly body: string;
}

const COMMENTS: Record<Language, Comments> = {
  de: {
    howTo: "Zeilen mit # davor sind Vorlagen: „# “ entfernen und ausfüllen, oder stehen lassen.",
    subtitle: ["Unterzeile in einem Satz", "optional"],
    date: (zone) => `Ortszeit ${zone}; ein späterer Zeitpunkt ist eine Sperrfrist`,
    contactOwn: (name) => name,
    contactOfDepartment: (name) => `ohne eigenen Kontakt gilt der des Amts: ${name}`,
    tags: ["[Thema, Noch ein Thema]", "optional: Themen, je mit eigener Seite"],
    media: (folder) => `optional: Fotos und Dokumente, ${folder ? "in diesem Ordner" : "neben dieser Datei"}`,
    photo: {
      file: "foto.jpg",
      alt: "Was auf dem Foto zu sehen ist",
      altComment: "Pflicht: ein Satz für alle, die das Foto nicht sehen",
      caption: "Bildunterschrift",
      credit: "Stadt oder Name der Fotografin",
    },
    draft: "Entwurf: wird nicht veröffentlicht. Zum Veröffentlichen diese Zeile löschen.",
    body: "Hier steht der Text der Pressemitteilung. Eine Leerzeile trennt Absätze.",
  },
  en: {
    howTo: "Lines starting with # are templates: remove the \"# \" and fill them in, or leave them.",
    subtitle: ["A subtitle in one sentence", "optional"],
    date: (zone) => `local time, ${zone}; a later time is an embargo`,
    contactOwn: (name) => name,
    contactOfDepartment: (name) => `without one of its own, the department's contact: ${name}`,
    tags: ["[Topic, Another topic]", "optional: topics, each with a page"],
    media: (folder) => `optional: photos and documents, ${folder ? "in this folder" : "next to this file"}`,
    photo: {
      file: "photo.jpg",
      alt: "What the photo shows",
      altComment: "required: one sentence for those who cannot see it",
      caption: "Caption",
      credit: "City or the photographer's name",
    },
    draft: "draft: never published. Delete this line to publish.",
    body: "The text of the press release goes here. An empty line separates paragraphs.",
  },
};

/** Comments start in one column, so the fields stay easy to read. */
const COMMENT_COLUMN = 42;
const commented = (line: string, comment: string): string => `${line.padEnd(COMMENT_COLUMN - 1)} # ${comment}`;

/** The date as the file writes it: local time in the site's zone, to the minute (seconds when given). */
function writtenDate(instant: number, hasTime: boolean, timeZone: string): string {
  if (!hasTime) return formatInstant(instant, timeZone, "yyyy-MM-dd");
  return formatInstant(instant, timeZone, instant % 60_000 === 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss");
}

/** The new release for `answers` (all checked before: a date that parses, known ids). */
export function scaffold(answers: Answers, site: ScaffoldSite): Scaffold {
  const parsed = parseContentDate(answers.date, site.timeZone);
  if (!parsed.ok) throw new Error(`scaffold: "${answers.date}" is not a date`);
  const c = COMMENTS[site.language];
  const date = writtenDate(parsed.instant, parsed.hasTime, site.timeZone);
  const day = formatInstant(parsed.instant, site.timeZone, "yyyy-MM-dd");
  const name = releaseName(answers.title, day);
  const folder = answers.photos ? `${RELEASES_DIR}/${day.slice(0, 4)}/${name}` : undefined;
  const file = folder ? `${folder}/index.md` : `${RELEASES_DIR}/${day.slice(0, 4)}/${name}.md`;

  const ids = answers.departments;
  const names = ids.map((id) => site.departments.get(id)?.name ?? id).join(", ");
  const departmentLine = ids.length === 1 ? `department: ${ids[0]}` : `department: [${ids.join(", ")}]`;
  const ownContact = ids.flatMap((id) => site.departments.get(id)?.contactIds ?? [])[0];
  const contactName = (id: string): string => site.contacts.get(id)?.name ?? id;
  const contactLine =
    answers.contact !== undefined
      ? commented(`contact: ${answers.contact}`, c.contactOwn(contactName(answers.contact)))
      : commented(`# contact: ${ownContact ?? ""}`, c.contactOfDepartment(ownContact === undefined ? "" : contactName(ownContact)));
  const lines = [
    "---",
    `# ${c.howTo}`,
    dataToYaml({ title: cleanTitle(answers.title) }).trimEnd(),
    commented(`# subtitle: ${c.subtitle[0]}`, c.subtitle[1]),
    commented(`date: ${date}`, c.date(site.timeZone)),
    commented(departmentLine, names),
    contactLine,
    commented(`# tags: ${c.tags[0]}`, c.tags[1]),
    commented("# media:", c.media(folder !== undefined)),
    `#   - file: ${c.photo.file}`,
    commented(`#     alt: ${c.photo.alt}`, c.photo.altComment),
    `#     caption: ${c.photo.caption}`,
    `#     credit: ${c.photo.credit}`,
    commented("draft: true", c.draft),
    "---",
    "",
    c.body,
    "",
  ];
  return {
    file,
    ...(folder && { folder }),
    url: releaseUrl(localParts(parsed.instant, site.timeZone), releaseSlug(file.slice(RELEASES_DIR.length + 1))),
    instant: parsed.instant,
    hasTime: parsed.hasTime,
    text: lines.join("\n"),
  };
}
