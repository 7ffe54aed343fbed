/**
 * What the local servers say on the terminal when they turn a request away,
 * in the site's language. Each kind of refusal is said once: a page that
 * keeps trying must not flood the terminal, and one line is enough for the
 * press officer to know that something tried.
 */
import type { Language } from "../i18n/strings.ts";
import type { RefusalReason } from "./local-guard.ts";

const TEXTS = {
  de: {
    host: (what: string) =>
      `Abgelehnt: eine Anfrage an den Namen „${what}“. Vorschau und Redaktion antworten nur unter 127.0.0.1 und localhost ` +
      "(Schutz davor, dass eine Website im Browser sie über einen eigenen Namen erreicht).",
    origin: (what: string) => `Abgelehnt: eine Anfrage an die Redaktion von einer anderen Seite (${what}). Nur die Redaktion dieser Vorschau darf speichern.`,
    "content-type": (what: string) => `Abgelehnt: eine Anfrage an die Redaktion, die kein JSON ist (${what}).`,
    token: () =>
      "Abgelehnt: eine Anfrage an die Redaktion ohne gültigen Sitzungsschlüssel. War die Redaktion noch von einem früheren pressroom edit offen, laden Sie die Seite neu.",
    action: (what: string) =>
      `Abgelehnt: ${what} – das käme ungeprüft direkt in den Zweig, aus dem die Website gebaut wird. Dorthin kommt eine Meldung nur über „Veröffentlichen“.`,
    path: (what: string) => `Abgelehnt: ${what} liegt nicht im Ordner der Meldungen. Die Redaktion schreibt nur Meldungen und ihre Bilder.`,
    branch: (what: string) => `Abgelehnt: eine Anfrage für den Zweig „${what}“; die Redaktion arbeitet nur auf dem Zweig, auf dem pressroom edit gestartet wurde.`,
    request: (what: string) => `Abgelehnt: eine Anfrage an die Redaktion, die sie nicht versteht (${what}).`,
    more: "Weitere Anfragen dieser Art werden abgelehnt, ohne dass es hier noch einmal steht.",
  },
  en: {
    host: (what: string) =>
      `Refused: a request for the name "${what}". The preview and the editor answer only as 127.0.0.1 and localhost ` +
      "(so that no website in the browser reaches them under a name of its own).",
    origin: (what: string) => `Refused: a request to the editor from another page (${what}). Only this preview's editor may save.`,
    "content-type": (what: string) => `Refused: a request to the editor that is not JSON (${what}).`,
    token: () => "Refused: a request to the editor without a valid session key. If the editor was still open from an earlier pressroom edit, reload the page.",
    action: (what: string) => `Refused: ${what} – that would go straight onto the branch the site is built from, unreviewed. A release gets there only through "Publish".`,
    path: (what: string) => `Refused: ${what} is not in the releases folder. The editor writes releases and their photos only.`,
    branch: (what: string) => `Refused: a request for the branch "${what}"; the editor works only on the branch pressroom edit was started on.`,
    request: (what: string) => `Refused: a request to the editor it does not understand (${what}).`,
    more: "Further requests of this kind are refused without a note here.",
  },
} satisfies Record<Language, Record<RefusalReason, (what: string) => string> & { more: string }>;

/** The message of a refusal in `language`, for the terminal and the editor's error. */
export const refusalText = (language: Language, reason: RefusalReason, detail: string): string => TEXTS[language][reason](detail);

/** A reporter that prints the first refusal of each kind, in the site's language at that moment. */
export function refusalReporter(language: () => Language): (reason: RefusalReason, detail: string) => void {
  const said = new Set<RefusalReason>();
  return (reason, detail) => {
    if (said.has(reason)) return;
    said.add(reason);
    const t = TEXTS[language()];
    // A name or path from a request is shown, never obeyed: control characters would steer the terminal.
    // Direction controls too: they would turn the rest of the line.
    // eslint-disable-next-line no-control-regex
    const shown = detail.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "?").slice(0, 200);
    process.stderr.write(`${t[reason](shown)} ${t.more}\n`);
  };
}
