/** The words of `check` and `build` around the problems: labels, headings, summary lines, embargoes; German and English. */
import type { Language } from "../i18n/strings.ts";

/** What the command did when the problems stopped it: the summary says what became of the output. */
export type Outcome = "check" | "build";

export interface ReportText {
  readonly field: string;
  readonly hint: string;
  readonly warning: string;
  readonly errorsHeading: (n: number) => string;
  readonly warningsHeading: (n: number) => string;
  /** The last line of a report with errors (and perhaps warnings). `out`: the output folder a build left as it was, if there is one. */
  readonly failed: (errors: number, warnings: number, outcome: Outcome | undefined, out?: string) => string;
  /** The last line of a report with warnings only. */
  readonly warnedOnly: (warnings: number) => string;
  readonly valid: (releases: number, contentDir: string) => string;
  readonly built: (releases: number, out: string, pages: number, mediaFiles: number, seconds: string) => string;
  /** A build that found nothing changed since the last one into the folder. */
  readonly unchanged: (releases: number, out: string, pages: number, seconds: string) => string;
  /** "1 Meldung mit Sperrfrist:" and each one "„Titel“ erscheint am 01.12.2026 um 09:00 Uhr". */
  readonly waitingHeading: (n: number) => string;
  readonly waitingLine: (title: string, date: string, time: string | undefined) => string;
  /** "1 Rücknahme wartet:" and each one "„Titel“ wird am 02.12.2026 um 16:00 Uhr zurückgezogen". */
  readonly withdrawalsHeading: (n: number) => string;
  readonly withdrawalLine: (title: string, date: string, time: string | undefined) => string;
  readonly drafts: (n: number) => string;
  /** date-fns patterns for the embargo lines. */
  readonly dateFormat: string;
  readonly timeFormat: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const de: ReportText = {
  field: "Feld",
  hint: "Hinweis",
  warning: "Warnung",
  errorsHeading: (n) => (n === 1 ? "Fehler – er verhindert die Veröffentlichung:" : `Fehler (${n}) – sie verhindern die Veröffentlichung:`),
  warningsHeading: (n) =>
    n === 1 ? "Warnung – besser beheben, sie hält aber nichts auf:" : `Warnungen (${n}) – besser beheben, sie halten aber nichts auf:`,
  failed: (errors, warnings, outcome, out) => {
    const found = warnings > 0 ? `${plural(errors, "Fehler", "Fehler")} und ${plural(warnings, "Warnung", "Warnungen")} gefunden` : `${plural(errors, "Fehler", "Fehler")} gefunden`;
    if (outcome === "build") return `${found}: Es wurde nichts gebaut${out ? `, die bisherige Ausgabe in ${out} ist unverändert` : ""}.`;
    return `${found}.`;
  },
  warnedOnly: (n) => `${plural(n, "Warnung", "Warnungen")}: besser beheben, ${n === 1 ? "sie hält" : "sie halten"} aber keinen Build auf.`,
  valid: (n, dir) => `Inhalt ist gültig: ${plural(n, "Meldung", "Meldungen")} in ${dir} geprüft.`,
  built: (n, out, pages, files, seconds) =>
    `${plural(n, "Meldung", "Meldungen")} in ${out} gebaut: ${plural(pages, "Seite", "Seiten")}, ` +
    `${plural(files, "Mediendatei", "Mediendateien")} in ${seconds.replace(".", ",")} s.`,
  unchanged: (n, out, pages, seconds) =>
    `Nichts geändert: ${out} ist aktuell (${plural(n, "Meldung", "Meldungen")}, ${plural(pages, "Seite", "Seiten")}), in ${seconds.replace(".", ",")} s geprüft.`,
  waitingHeading: (n) => `${plural(n, "Meldung", "Meldungen")} mit Sperrfrist:`,
  waitingLine: (title, date, time) => `„${title}“ erscheint am ${date}${time ? ` um ${time} Uhr` : ""}`,
  withdrawalsHeading: (n) => (n === 1 ? "1 Rücknahme wartet:" : `${n} Rücknahmen warten:`),
  withdrawalLine: (title, date, time) => `„${title}“ wird am ${date}${time ? ` um ${time} Uhr` : ""} zurückgezogen`,
  drafts: (n) => `${plural(n, "Entwurf", "Entwürfe")} (draft: true), ${n === 1 ? "wird" : "werden"} nicht veröffentlicht.`,
  dateFormat: "dd.MM.yyyy",
  timeFormat: "HH:mm",
};

const en: ReportText = {
  field: "field",
  hint: "hint",
  warning: "warning",
  errorsHeading: (n) => (n === 1 ? "Error – it stops publishing:" : `Errors (${n}) – they stop publishing:`),
  warningsHeading: (n) => (n === 1 ? "Warning – worth fixing, but it stops nothing:" : `Warnings (${n}) – worth fixing, but they stop nothing:`),
  failed: (errors, warnings, outcome, out) => {
    const found = warnings > 0 ? `${plural(errors, "problem", "problems")} and ${plural(warnings, "warning", "warnings")} found` : `${plural(errors, "problem", "problems")} found`;
    if (outcome === "build") return `${found}: nothing was built${out ? `, and the previous output in ${out} is untouched` : ""}.`;
    return `${found}.`;
  },
  warnedOnly: (n) => `${plural(n, "warning", "warnings")}: worth fixing, but ${n === 1 ? "it does" : "they do"} not stop a build.`,
  valid: (n, dir) => `Content is valid: ${plural(n, "release", "releases")} checked in ${dir}.`,
  built: (n, out, pages, files, seconds) =>
    `Built ${plural(n, "release", "releases")} into ${out}: ${plural(pages, "page", "pages")}, ${plural(files, "media file", "media files")} in ${seconds} s.`,
  unchanged: (n, out, pages, seconds) =>
    `Nothing changed: ${out} is up to date (${plural(n, "release", "releases")}, ${plural(pages, "page", "pages")}), checked in ${seconds} s.`,
  waitingHeading: (n) => `${plural(n, "release", "releases")} under embargo:`,
  waitingLine: (title, date, time) => `“${title}” is published on ${date}${time ? ` at ${time}` : ""}`,
  withdrawalsHeading: (n) => `${plural(n, "withdrawal", "withdrawals")} waiting:`,
  withdrawalLine: (title, date, time) => `“${title}” is withdrawn on ${date}${time ? ` at ${time}` : ""}`,
  drafts: (n) => `${plural(n, "draft", "drafts")} (draft: true), not published.`,
  dateFormat: "d MMMM yyyy",
  timeFormat: "HH:mm",
};

export const reportText = (language: Language): ReportText => (language === "de" ? de : en);
