/** What `pressroom new` says and asks, in German and English (the site's language). */
import { impossibleDate, type ImpossibleDate } from "../errors/date-mistakes.ts";
import type { Language } from "../i18n/strings.ts";

export interface NewText {
  readonly ask: {
    readonly title: string;
    readonly department: string;
    readonly date: (zone: string) => string;
    readonly contact: string;
    /** The choice of no contact of the release's own: the department's applies. */
    readonly contactOfDepartment: (name: string) => string;
    readonly photos: string;
    readonly photosNo: string;
    readonly photosYes: string;
    /** The line under a list: which keys to press. */
    readonly keys: string;
  };
  readonly titleEmpty: string;
  readonly unknownDepartment: (value: string, suggestions: readonly string[], known: readonly string[]) => string;
  readonly unknownContact: (value: string, suggestions: readonly string[], known: readonly string[]) => string;
  readonly contactRequired: (departments: string) => string;
  readonly noContacts: (departments: string) => string;
  readonly badDate: (value: string) => string;
  /** A date in the right form that does not exist, with the reason `check` gives. */
  readonly impossibleDate: (value: string, why: ImpossibleDate) => string;
  readonly bothPhotos: string;
  readonly exampleTitle: string;
  readonly missing: (lines: readonly string[], example: string) => string;
  readonly missingFlag: { readonly title: string; readonly department: (ids: string) => string; readonly contact: (ids: string) => string };
  readonly exists: (file: string) => string;
  readonly created: (file: string) => string;
  readonly embargo: (date: string, time: string | undefined, zone: string, until: string) => string;
  readonly photosFolder: (folder: string) => string;
  /** `send`: what to name to git, the release's file or its folder (with its photos), as seen from the working folder. */
  readonly next: (serve: string, url: string, check: string, send: string) => string;
  readonly cancelled: string;
  /** date-fns patterns of the embargo line. */
  readonly dateFormat: string;
}

const list = (items: readonly string[], or: string): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${or} ${items[items.length - 1]}`;

/** A reason as a sentence of its own. */
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const de: NewText = {
  ask: {
    title: "Titel der Meldung:",
    department: "Amt:",
    date: (zone) => `Datum und Uhrzeit (${zone}; später als jetzt: Sperrfrist):`,
    contact: "Pressekontakt:",
    contactOfDepartment: (name) => `keinen eigenen (es gilt der des Amts: ${name})`,
    photos: "Kommen Fotos dazu?",
    photosNo: "Nein",
    photosYes: "Ja: einen Ordner für Meldung und Fotos anlegen",
    keys: "↑↓ auswählen, Eingabetaste übernehmen",
  },
  titleEmpty: "Der Titel fehlt.",
  unknownDepartment: (value, suggestions, known) =>
    `Das Amt „${value}“ steht nicht in departments.yaml. ` +
    (suggestions.length > 0 ? `Meinten Sie ${list(suggestions, "oder")}?` : `Bekannt sind: ${known.join(", ")}.`),
  unknownContact: (value, suggestions, known) =>
    `Den Kontakt „${value}“ gibt es in contacts.yaml nicht. ` +
    (suggestions.length > 0 ? `Meinten Sie ${list(suggestions, "oder")}?` : `Bekannt sind: ${known.join(", ")} (oder none).`),
  contactRequired: (departments) => `${departments} hat keinen eigenen Pressekontakt: geben Sie mit --contact einen an.`,
  noContacts: (departments) =>
    `${departments} hat keinen Pressekontakt, und contacts.yaml nennt keinen: tragen Sie dort einen ein (und beim Amt in departments.yaml als contact:).`,
  badDate: (value) => `„${value}“ ist kein Datum wie 27.11.2026 10:30 oder 2026-11-27 10:30.`,
  impossibleDate: (value, why) => `„${value}“ gibt es nicht: ${capital(impossibleDate(why, "de"))}.`,
  bothPhotos: "--photos und --no-photos schließen sich aus.",
  exampleTitle: "Radwege am Ring werden breiter",
  missing: (lines, example) =>
    `Ohne Terminal fragt pressroom new nicht nach. Es ${lines.length === 1 ? "fehlt" : "fehlen"}:\n${lines.map((l) => `  ${l}`).join("\n")}\nZum Beispiel:\n  ${example}`,
  missingFlag: {
    title: '--title TEXT          der Titel, in Anführungszeichen',
    department: (ids) => `--department ID       das Amt: ${ids}`,
    contact: (ids) => `--contact ID          der Pressekontakt (das Amt hat keinen eigenen): ${ids}`,
  },
  exists: (file) => `${file} gibt es schon: wählen Sie einen anderen Titel oder ein anderes Datum.`,
  created: (file) => `Angelegt: ${file} (als Entwurf).`,
  embargo: (date, time, zone, until) =>
    `Sperrfrist: Die Meldung erscheint erst am ${date}${time ? ` um ${time} Uhr` : ""} (${zone}), ${until}.`,
  photosFolder: (folder) => `Fotos: in den Ordner ${folder}/ legen und unter media: eintragen (mit alt:, dem Alternativtext).`,
  next: (serve, url, check, send) =>
    [
      "Weiter:",
      `  Text schreiben, dann ansehen: ${serve}  (die Meldung: ${url})`,
      `  prüfen: ${check}`,
      "  veröffentlichen: die Zeile draft: true löschen.",
      `  an die Website schicken: git add ${send}, dann git commit -m "Neue Meldung" und git push (Anleitung, Abschnitt 8).`,
    ].join("\n"),
  cancelled: "Abgebrochen: es wurde nichts angelegt.",
  dateFormat: "dd.MM.yyyy",
};

const en: NewText = {
  ask: {
    title: "Title of the release:",
    department: "Department:",
    date: (zone) => `Date and time (${zone}; later than now: embargo):`,
    contact: "Press contact:",
    contactOfDepartment: (name) => `none of its own (the department's applies: ${name})`,
    photos: "Will photos follow?",
    photosNo: "No",
    photosYes: "Yes: make a folder for the release and its photos",
    keys: "↑↓ choose, Enter to confirm",
  },
  titleEmpty: "The title is missing.",
  unknownDepartment: (value, suggestions, known) =>
    `The department "${value}" is not in departments.yaml. ` +
    (suggestions.length > 0 ? `Did you mean ${list(suggestions, "or")}?` : `Known: ${known.join(", ")}.`),
  unknownContact: (value, suggestions, known) =>
    `The contact "${value}" is not in contacts.yaml. ` +
    (suggestions.length > 0 ? `Did you mean ${list(suggestions, "or")}?` : `Known: ${known.join(", ")} (or none).`),
  contactRequired: (departments) => `${departments} has no press contact of its own: name one with --contact.`,
  noContacts: (departments) =>
    `${departments} has no press contact, and contacts.yaml names none: add one there (and to the department in departments.yaml as contact:).`,
  badDate: (value) => `"${value}" is not a date like 2026-11-27 10:30.`,
  impossibleDate: (value, why) => `"${value}" does not exist: ${capital(impossibleDate(why, "en"))}.`,
  bothPhotos: "--photos and --no-photos exclude each other.",
  exampleTitle: "Cycle lanes on the ring road get wider",
  missing: (lines, example) =>
    `Without a terminal, pressroom new asks nothing. Missing:\n${lines.map((l) => `  ${l}`).join("\n")}\nFor example:\n  ${example}`,
  missingFlag: {
    title: "--title TEXT          the title, in quotes",
    department: (ids) => `--department ID       the department: ${ids}`,
    contact: (ids) => `--contact ID          the press contact (the department has none of its own): ${ids}`,
  },
  exists: (file) => `${file} exists already: choose another title or date.`,
  created: (file) => `Created ${file} (as a draft).`,
  embargo: (date, time, zone, until) => `Embargo: the release goes out on ${date}${time ? ` at ${time}` : ""} (${zone}) at the earliest, ${until}.`,
  photosFolder: (folder) => `Photos: put them into ${folder}/ and list them under media: (with alt:, the alternative text).`,
  next: (serve, url, check, send) =>
    [
      "Next:",
      `  write the text, then look at it: ${serve}  (the release: ${url})`,
      `  check: ${check}`,
      "  publish: delete the line draft: true.",
      `  send it to the website: git add ${send}, then git commit -m "New release" and git push.`,
    ].join("\n"),
  cancelled: "Cancelled: nothing was created.",
  dateFormat: "d MMMM yyyy",
};

export const newText = (language: Language): NewText => (language === "de" ? de : en);
