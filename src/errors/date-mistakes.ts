/**
 * Why a date written in the right form does not exist, in both languages of
 * pressroom's messages. The date module (content/dates.ts) finds the reason;
 * `check` (the catalog entry "impossible-date") and `pressroom new` say it
 * with the same words.
 */
import type { Language } from "../i18n/strings.ts";
import { parseGermanDate } from "../content/german-dates.ts";

export type ImpossibleDate =
  /** A month above 12 or 0. */
  | { readonly part: "month"; readonly month: number }
  /** A day beyond the month's last (or day 0): the month has `days` days in `year`. */
  | { readonly part: "day"; readonly year: number; readonly month: number; readonly days: number }
  /** An hour above 23, a minute or second above 59. */
  | { readonly part: "time" }
  /** An offset from UTC beyond ±18:59. */
  | { readonly part: "offset" };

/** The month's name as the language writes it: "November", "Februar". */
const monthName = (month: number, language: Language): string =>
  new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, month - 1, 1));

/** The reason in a few words, for after a colon: "November 2026 has 30 days". */
export function impossibleDate(why: ImpossibleDate, language: Language): string {
  const de = language === "de";
  switch (why.part) {
    case "day":
      return de ? `der ${monthName(why.month, "de")} ${why.year} hat ${why.days} Tage` : `${monthName(why.month, "en")} ${why.year} has ${why.days} days`;
    case "month":
      return de ? `ein Jahr hat 12 Monate, nicht ${why.month}` : `a year has 12 months, not ${why.month}`;
    case "time":
      return de ? "die Uhrzeit geht von 00:00 bis 23:59" : "the time of day goes from 00:00 to 23:59";
    case "offset":
      return de ? "die Zeitverschiebung zu UTC ist höchstens 18 Stunden" : "an offset from UTC is at most 18 hours";
  }
}

/**
 * The date a value written the German way surely means ("04.12.2026", "4. Dezember 2026, 10 Uhr"),
 * written as a release writes it ("2026-12-04 10:00"); import reads old pages with the same parser.
 * Nothing for a value it cannot read, or for a day that does not exist.
 */
export function likelyMeant(value: string): string | undefined {
  const read = parseGermanDate(value);
  if (!read) return undefined;
  const iso = new Date(read.wallClock).toISOString();
  const meant = read.hasTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  return meant === value.trim() ? undefined : meant;
}
