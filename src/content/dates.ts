/**
 * Dates of releases. The one module that knows date-fns and @date-fns/tz.
 *
 * A date without an offset is wall-clock time in the site's time zone, never
 * in the time zone of the machine that builds.
 */
import { createRequire } from "node:module";
import { tzOffset } from "@date-fns/tz";
import type { FormatDistanceToken } from "date-fns";
import type { Language } from "../i18n/strings.ts";
import { UsageError } from "../errors/usage.ts";
import type { ImpossibleDate } from "../errors/date-mistakes.ts";

// date-fns through its CommonJS files. Node 24 reads date-fns's package.json (200 KB, an export for each of its
// 740 files) anew for every ES module file of it that it loads: importing these four took 0.7 s and 100 MiB of heap
// there, in every pressroom command, against 0.08 s on Node 20. Required, its .cjs files need no such lookup (0.07 s).
const require = createRequire(import.meta.url);
const { format: formatDate } = require("date-fns/format") as typeof import("date-fns/format");
const { parse: parseDate } = require("date-fns/parse") as typeof import("date-fns/parse");
const { de: deLocale } = require("date-fns/locale/de") as typeof import("date-fns/locale/de");
const { enUS } = require("date-fns/locale/en-US") as typeof import("date-fns/locale/en-US");

export type ParsedDate =
  | { readonly ok: true; readonly instant: number; readonly hasTime: boolean }
  | { readonly ok: false; readonly reason: "format" }
  /** The right form, but no such day or time: `why` says which part (the messages say it: errors/date-mistakes.ts). */
  | { readonly ok: false; readonly reason: "impossible"; readonly why: ImpossibleDate };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone.length > 0;
  } catch {
    return false;
  }
}

/** What part of a date and time does not exist, if one does not. */
function impossiblePart(y: number, mo: number, d: number, h: number, mi: number, s: number): ImpossibleDate | undefined {
  if (mo < 1 || mo > 12) return { part: "month", month: mo };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return { part: "day", year: y, month: mo, days };
  if (h > 23 || mi > 59 || s > 59) return { part: "time" };
  return undefined;
}

/** Parse a front matter date: YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], or ISO 8601 with offset. */
export function parseContentDate(text: string, timeZone: string): ParsedDate {
  const value = text.trim();
  const withOffset = WITH_OFFSET.exec(value);
  const local = withOffset ? null : LOCAL.exec(value);
  const m = withOffset ?? local;
  if (!m) return { ok: false, reason: "format" };
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const why = impossiblePart(y, mo, d, h, mi, s);
  if (why) return { ok: false, reason: "impossible", why };
  const hasTime = m[4] !== undefined;
  if (withOffset) {
    const offset = m[7]!;
    let offsetMinutes = 0;
    if (offset !== "Z") {
      const sign = offset.startsWith("-") ? -1 : 1;
      const digits = offset.slice(1).replace(":", "");
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2, 4));
      if (oh > 18 || om > 59) return { ok: false, reason: "impossible", why: { part: "offset" } };
      offsetMinutes = sign * (oh * 60 + om);
    }
    return { ok: true, instant: Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000, hasTime };
  }
  return { ok: true, instant: wallClockToInstant(Date.UTC(y, mo - 1, d, h, mi, s), timeZone), hasTime };
}

/** 06.12.2026, 6.12.2026, 13:00 Uhr, 06.12.2026 13.00, 6.12.2026 13 Uhr: how a German writes a date and time. */
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(?:(\d{1,2})[:.](\d{2})(?:\s*Uhr)?|(\d{1,2})\s*Uhr))?$/;

/**
 * A date as a person types it into `pressroom new`, in the form a release
 * writes it: the German forms (06.12.2026, 6.12.2026, 13:00 Uhr) become
 * 2026-12-06 13:00; any other text stays as it is, for parseContentDate to
 * judge. Front matter is not read this way: there 06.12.2026 stays an error,
 * so one file is never read two ways.
 */
export function canonicalDate(text: string): string {
  const value = text.trim();
  const m = GERMAN.exec(value);
  if (!m) return value;
  const two = (n: string): string => n.padStart(2, "0");
  const hour = m[4] ?? m[6];
  return `${m[3]}-${two(m[2]!)}-${two(m[1]!)}${hour === undefined ? "" : ` ${two(hour)}:${m[5] ?? "00"}`}`;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Offsets asked for are remembered per zone and hour: the zone database is
 * asked through Intl, which costs microseconds a call, and a build asks for
 * the same hours again and again. An hour whose two ends differ (a change of
 * offset within it) is never remembered.
 */
const hourOffsets = new Map<string, Map<number, number>>();
const rawOffset = (timeZone: string, instant: number): number => tzOffset(timeZone, new Date(instant)) * 60_000;

function offsetMs(timeZone: string, instant: number): number {
  let zone = hourOffsets.get(timeZone);
  if (!zone) hourOffsets.set(timeZone, (zone = new Map()));
  const hour = Math.floor(instant / HOUR);
  const known = zone.get(hour);
  if (known !== undefined) return known;
  const start = rawOffset(timeZone, hour * HOUR);
  if (start !== rawOffset(timeZone, hour * HOUR + HOUR - 1)) return rawOffset(timeZone, instant);
  if (zone.size >= 100_000) zone.clear();
  zone.set(hour, start);
  return start;
}

/**
 * An instant as the wall clock of a zone shows it, for date-fns' format: the
 * local getters answer in the zone's time, not the machine's. The offset is
 * the zone's at this instant (from @date-fns/tz, remembered per hour), so
 * formatting asks the zone database once per hour, where a TZDate would ask
 * it for every copy date-fns makes while formatting.
 */
class WallClock extends Date {
  private readonly shifted: Date;
  private readonly offset: number;

  constructor(instant: number, offset: number) {
    super(instant);
    this.offset = offset;
    this.shifted = new Date(instant + offset);
  }

  override getFullYear(): number {
    return this.shifted.getUTCFullYear();
  }
  override getMonth(): number {
    return this.shifted.getUTCMonth();
  }
  override getDate(): number {
    return this.shifted.getUTCDate();
  }
  override getDay(): number {
    return this.shifted.getUTCDay();
  }
  override getHours(): number {
    return this.shifted.getUTCHours();
  }
  override getMinutes(): number {
    return this.shifted.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.shifted.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.shifted.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return -this.offset / 60_000;
  }
  /** date-fns makes its copies through this: a copy keeps the zone. */
  [Symbol.for("constructDateFrom")](value: Date | number | string): WallClock {
    const instant = +new Date(value);
    return new WallClock(instant, this.offset);
  }
}

const wallClock = (instant: number, timeZone: string): WallClock => new WallClock(instant, offsetMs(timeZone, instant));

/**
 * The instant at which the wall clock in `timeZone` shows `wallClock` (its
 * fields written as if UTC). Computed from the zone alone, never through the
 * machine's own time zone. When clocks go back, a time that occurs twice is
 * its first occurrence; when they go forward, a skipped time is read with the
 * offset before the change (02:30 becomes 03:30 summer time).
 */
export function wallClockToInstant(wallClock: number, timeZone: string): number {
  const before = offsetMs(timeZone, wallClock - DAY);
  const after = offsetMs(timeZone, wallClock + DAY);
  const matches = [...new Set([before, after])]
    .map((offset) => wallClock - offset)
    .filter((instant) => instant + offsetMs(timeZone, instant) === wallClock);
  return matches.length > 0 ? Math.min(...matches) : wallClock - before;
}

export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Calendar date of an instant in `timeZone`. */
export function localParts(instant: number, timeZone: string): LocalParts {
  const local = wallClock(instant, timeZone);
  return { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
}

/** Format an instant as wall-clock time in `timeZone` with a date-fns pattern. */
export function formatInstant(instant: number, timeZone: string, pattern: string): string {
  return formatDate(wallClock(instant, timeZone), pattern);
}

const ISO_PATTERN = "yyyy-MM-dd'T'HH:mm:ssxxx";
const two = (n: number): string => String(n).padStart(2, "0");

/**
 * ISO 8601 with the site's offset, e.g. 2026-11-27T10:30:00+01:00 (for datetime attributes). Written out here,
 * not by date-fns' format: a build writes tens of thousands, and reading the pattern each time was most of their
 * cost. Offsets of whole minutes only (every zone since the 1970s); others, and years outside 0–9999, go through
 * date-fns as before.
 */
export function isoInstant(instant: number, timeZone: string): string {
  const offset = offsetMs(timeZone, instant);
  const local = new Date(instant + offset);
  const year = local.getUTCFullYear();
  if (offset % 60_000 !== 0 || year < 0 || year > 9999) return formatDate(wallClock(instant, timeZone), ISO_PATTERN);
  const minutes = Math.abs(offset) / 60_000;
  return (
    `${String(year).padStart(4, "0")}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}` +
    `T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}` +
    `${offset < 0 ? "-" : "+"}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`
  );
}

/** Parse the --now option: the same formats as content dates, in the site's time zone. */
export function parseNow(text: string, timeZone: string): number | undefined {
  const parsed = parseContentDate(text, timeZone);
  return parsed.ok ? parsed.instant : undefined;
}

/** The clock of a build or a schedule: --now in the site's time zone, or the current time; a wrong --now is a usage error. */
export function clockOf(now: string | undefined, timeZone: string): number {
  if (now === undefined) return Date.now();
  const parsed = parseNow(now, timeZone);
  if (parsed === undefined) throw new UsageError(`--now "${now}" is not a date like 2026-11-27T10:30`);
  return parsed;
}

/**
 * How long until `to`, from `from`, in words: "in 2 Tagen, 3 Stunden", "in 2
 * days, 3 hours" (the largest unit and the next, days at most). Under a day,
 * the time that really passes; from a day on, days of the site's calendar, so
 * a release at 10:00 two days ahead is "in 2 days" across a change of clocks.
 * The words are date-fns' own (its German has "in 2 Tagen", not "2 Tage").
 */
export function formatUntil(from: number, to: number, timeZone: string, language: Language): string {
  const locale = language === "de" ? deLocale : enUS;
  const word = (token: FormatDistanceToken, count: number, lead: boolean): string =>
    locale.formatDistance(token, count, lead ? { addSuffix: true, comparison: 1 } : {});
  const elapsed = Math.floor((to - from) / 60_000);
  const minutes = elapsed < 1440 ? elapsed : Math.floor((to + offsetMs(timeZone, to) - from - offsetMs(timeZone, from)) / 60_000);
  if (minutes < 1) return word("lessThanXMinutes", 1, true);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const [first, second]: [FormatDistanceToken, number][] =
    days > 0 ? [["xDays", days], ["xHours", hours]] : hours > 0 ? [["xHours", hours], ["xMinutes", minutes % 60]] : [["xMinutes", minutes]];
  const head = word(first![0], first![1], true);
  return second && second[1] > 0 ? `${head}, ${word(second[0], second[1], false)}` : head;
}

/**
 * A date written in a known pattern of date-fns ("dd.MM.yyyy", "d. MMMM yyyy, HH.mm 'Uhr'"), with German
 * month names: its wall clock (fields written as if UTC), and whether the pattern has a time. For dates
 * of old pages (pressroom import).
 */
export function parseWithPattern(text: string, pattern: string): { readonly wallClock: number; readonly hasTime: boolean } | undefined {
  let parsed: Date;
  try {
    parsed = parseDate(text.trim(), pattern, new Date(2000, 0, 1), { locale: deLocale });
  } catch {
    return undefined;
  }
  if (Number.isNaN(parsed.getTime())) return undefined;
  const wall = Date.UTC(parsed.getFullYear(), parsed.getMonth(), parsed.getDate(), parsed.getHours(), parsed.getMinutes(), parsed.getSeconds());
  return { wallClock: wall, hasTime: /[Hhkm]/.test(pattern.replace(/'[^']*'/g, "")) };
}
