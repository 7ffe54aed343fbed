/** What `pressroom schedule` says, in German and English (the site's language, or --lang). */
import type { Language } from "../i18n/strings.ts";

export interface ScheduleText {
  readonly zone: (zone: string) => string;
  readonly waiting: (n: number) => string;
  readonly noneWaiting: string;
  readonly withdrawals: (n: number) => string;
  readonly drafts: (n: number) => string;
  readonly noDrafts: string;
  readonly nothingDue: (since: string) => string;
  readonly due: (n: number, since: string) => string;
  /** How a manifest is named as a moment: "manifest.json (built …)". */
  readonly builtAt: (file: string, built: string) => string;
  /** date-fns patterns: with a time, and for a date alone. */
  readonly dateTime: string;
  readonly date: string;
}

const de: ScheduleText = {
  zone: (zone) => `Zeiten in ${zone}.`,
  waiting: (n) => `Mit Sperrfrist (${n}):`,
  noneWaiting: "Keine Meldung wartet auf ihre Zeit.",
  withdrawals: (n) => `Rücknahmen, die auf ihre Zeit warten (${n}):`,
  drafts: (n) => `Entwürfe, nie veröffentlicht, solange draft: true dasteht (${n}):`,
  noDrafts: "Keine Entwürfe.",
  nothingDue: (since) => `Seit ${since} ist nichts erschienen oder zurückgenommen worden.`,
  due: (n, since) => `${n === 1 ? "1 Meldung ist" : `${n} Meldungen sind`} seit ${since} erschienen oder zurückgenommen worden: bauen und veröffentlichen.`,
  builtAt: (file, built) => `${file} (gebaut ${built})`,
  dateTime: "dd.MM.yyyy, HH:mm",
  date: "dd.MM.yyyy",
};

const en: ScheduleText = {
  zone: (zone) => `Times are ${zone}.`,
  waiting: (n) => `Waiting for their time (${n}):`,
  noneWaiting: "No release waits for its time.",
  withdrawals: (n) => `Withdrawals waiting for their time (${n}):`,
  drafts: (n) => `Drafts, never published until draft: true is removed (${n}):`,
  noDrafts: "No drafts.",
  nothingDue: (since) => `Nothing went public or was withdrawn since ${since}.`,
  due: (n, since) => `${n} release(s) went public or were withdrawn since ${since}: build and deploy.`,
  builtAt: (file, built) => `${file} (built ${built})`,
  dateTime: "d MMM yyyy, HH:mm",
  date: "d MMM yyyy",
};

export const scheduleText = (language: Language): ScheduleText => (language === "de" ? de : en);
