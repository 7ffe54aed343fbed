/**
 * Dates as old German pages write them: 09.10.2002, 9.10.02,
 * 9. Oktober 2002, Mittwoch, 9. Okt. 2002, 14.30 Uhr, 09.10.2002 14:30,
 * 2002-10-09. The result is a wall clock (fields written as if UTC) in the
 * site's time zone. A page that writes its date otherwise names its pattern
 * in the mapping file (date_format:, read by content/dates.ts). Also
 * what the hint of invalid-date proposes (errors/date-mistakes.ts).
 */

const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jan: 1, jänner: 1, februar: 2, feb: 2, märz: 3, maerz: 3, mär: 3, mrz: 3, april: 4, apr: 4, mai: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, dezember: 12, dez: 12,
};

const NUMERIC = /(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)/;
const NAMED = /(?<!\d)(\d{1,2})\.\s*([A-Za-zÄäÖöÜü]+)\.?\s+(\d{4})(?!\d)/;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
/** A time after the date: 14.30 Uhr, 14:30, 14 Uhr. */
const TIME = /(?<![\d.])(\d{1,2})(?:[.:](\d{2}))?\s*Uhr|(?<![\d.])(\d{1,2}):(\d{2})(?!\d)/;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export interface WallDate {
  readonly wallClock: number;
  readonly hasTime: boolean;
}

export function parseGermanDate(text: string): WallDate | undefined {
  const written = text.replace(/\s+/g, " ").trim();
  let year: number;
  let month: number;
  let day: number;
  let rest: string;
  const iso = ISO.exec(written);
  const numeric = NUMERIC.exec(written);
  const named = NAMED.exec(written);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    rest = written.slice(iso.index + iso[0].length);
  } else if (numeric) {
    const short = numeric[3]!.length === 2;
    year = short ? (Number(numeric[3]) < 70 ? 2000 : 1900) + Number(numeric[3]) : Number(numeric[3]);
    [month, day] = [Number(numeric[2]), Number(numeric[1])];
    rest = written.slice(numeric.index + numeric[0].length);
  } else if (named && MONTHS[named[2]!.toLowerCase()] !== undefined) {
    [year, month, day] = [Number(named[3]), MONTHS[named[2]!.toLowerCase()]!, Number(named[1])];
    rest = written.slice(named.index + named[0].length);
  } else {
    return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  const time = TIME.exec(rest);
  const hours = time ? Number(time[1] ?? time[3]) : 0;
  const minutes = time ? Number(time[2] ?? time[4] ?? 0) : 0;
  if (time && (hours > 23 || minutes > 59)) return { wallClock: Date.UTC(year, month - 1, day), hasTime: false };
  return { wallClock: Date.UTC(year, month - 1, day, hours, minutes), hasTime: time !== null };
}
