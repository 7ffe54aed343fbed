/**
 * Dates of releases (src/content/dates.ts).
 *
 * Our runner starts this file under several TZ values (UTC, America/Los_Angeles,
 * Pacific/Kiritimati, Asia/Kolkata, Europe/Berlin): every expectation below is
 * an exact instant written as a UTC literal, so nothing depends on the zone of
 * the machine. Tests that need a particular machine zone switch process.env.TZ
 * themselves (Node re-reads it on assignment) and restore it afterwards.
 */
import { describe, it } from "node:test";
import { format as formatDate } from "date-fns";
import { TZDate } from "@date-fns/tz";
import assert from "node:assert/strict";
import {
  formatInstant,
  isoInstant,
  isValidTimeZone,
  localParts,
  parseContentDate,
  parseNow,
  type ParsedDate,
} from "../../src/content/dates.ts";

const BERLIN = "Europe/Berlin";

/** The instant of a successful parse; fails the test with the parse result otherwise. */
function instantOf(text: string, timeZone: string): number {
  const parsed = parseContentDate(text, timeZone);
  assert.ok(parsed.ok, `expected "${text}" in ${timeZone} to parse, got ${JSON.stringify(parsed)}`);
  return parsed.instant;
}

function assertRejected(text: string, reason: "format" | "impossible", timeZone = BERLIN): void {
  const parsed: ParsedDate = parseContentDate(text, timeZone);
  // An impossible date also says which part does not exist (errors/date-mistakes.ts); test/unit/new-dates.test.ts has the words.
  assert.deepEqual(parsed.ok ? parsed : { ok: parsed.ok, reason: parsed.reason }, { ok: false, reason }, `"${text}" should be rejected as ${reason}`);
}

/** Run `fn` as if the build machine were in `zone`. */
function onMachineIn<T>(zone: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

const MACHINE_ZONES = [
  "UTC",
  "America/Los_Angeles",
  "Pacific/Kiritimati",
  "Asia/Kolkata",
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "Australia/Lord_Howe",
  "Africa/Casablanca",
];

/** A zone's UTC offset in minutes at `instant`, from Intl only (independent of the machine zone). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetMinutes(timeZone: string, instant: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return (wall - instant) / 60_000;
}

/** Every instant at which the wall clock in `timeZone` reads `wall` (a UTC literal of the wall time). */
function instantsShowing(wall: number, timeZone: string): number[] {
  const day = 86_400_000;
  const offsets = new Set([offsetMinutes(timeZone, wall - day), offsetMinutes(timeZone, wall), offsetMinutes(timeZone, wall + day)]);
  return [...offsets]
    .map((o) => wall - o * 60_000)
    .filter((t) => offsetMinutes(timeZone, t) * 60_000 === wall - t)
    .sort((a, b) => a - b);
}

const pad = (n: number): string => String(n).padStart(2, "0");
const wallText = (wall: number): string => {
  const d = new Date(wall);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

describe("parseContentDate: the three formats", () => {
  it("YYYY-MM-DD is midnight in the site time zone, without time", () => {
    assert.deepEqual(parseContentDate("2026-11-27", BERLIN), {
      ok: true,
      instant: Date.UTC(2026, 10, 26, 23, 0),
      hasTime: false,
    });
  });

  it("YYYY-MM-DD HH:MM is wall-clock time in the site time zone", () => {
    assert.deepEqual(parseContentDate("2026-11-27 10:30", BERLIN), {
      ok: true,
      instant: Date.UTC(2026, 10, 27, 9, 30),
      hasTime: true,
    });
  });

  it("accepts seconds and a T separator without offset as local time too", () => {
    assert.equal(instantOf("2026-11-27 10:30:15", BERLIN), Date.UTC(2026, 10, 27, 9, 30, 15));
    assert.equal(instantOf("2026-11-27T10:30", BERLIN), Date.UTC(2026, 10, 27, 9, 30));
  });

  it("ignores surrounding white space", () => {
    assert.equal(instantOf("  2026-11-27 10:30  ", BERLIN), Date.UTC(2026, 10, 27, 9, 30));
  });

  it("ISO 8601 with an offset is that exact instant", () => {
    assert.deepEqual(parseContentDate("2026-11-20T09:00:00+01:00", BERLIN), {
      ok: true,
      instant: Date.UTC(2026, 10, 20, 8, 0),
      hasTime: true,
    });
    assert.equal(instantOf("2026-07-01T12:00:00+02:00", BERLIN), Date.UTC(2026, 6, 1, 10, 0));
    assert.equal(instantOf("2026-11-27T10:30:00-05:00", BERLIN), Date.UTC(2026, 10, 27, 15, 30));
    assert.equal(instantOf("2026-11-27T10:30:00+05:30", BERLIN), Date.UTC(2026, 10, 27, 5, 0));
    assert.equal(instantOf("2026-11-27T10:30:00+0100", BERLIN), Date.UTC(2026, 10, 27, 9, 30));
    assert.equal(instantOf("2026-11-27T10:30+01:00", BERLIN), Date.UTC(2026, 10, 27, 9, 30));
    assert.equal(instantOf("2026-11-27T10:30:00.250+01:00", BERLIN), Date.UTC(2026, 10, 27, 9, 30));
  });

  it("ISO 8601 with Z is UTC", () => {
    assert.deepEqual(parseContentDate("2026-11-27T10:30:00Z", BERLIN), {
      ok: true,
      instant: Date.UTC(2026, 10, 27, 10, 30),
      hasTime: true,
    });
  });

  it("an explicit offset wins over the site time zone", () => {
    for (const zone of [BERLIN, "America/New_York", "Asia/Tokyo", "UTC"]) {
      assert.equal(instantOf("2026-11-27T10:30:00+01:00", zone), Date.UTC(2026, 10, 27, 9, 30), zone);
      assert.equal(instantOf("2026-11-27T10:30:00Z", zone), Date.UTC(2026, 10, 27, 10, 30), zone);
    }
  });
});

describe("parseContentDate: local time is in the site time zone", () => {
  it("2026-01-01 00:30 in Berlin is 2025-12-31 23:30 UTC", () => {
    assert.equal(instantOf("2026-01-01 00:30", BERLIN), Date.UTC(2025, 11, 31, 23, 30));
  });

  it("2026-01-01 (no time) in Berlin is 2025-12-31 23:00 UTC", () => {
    assert.equal(instantOf("2026-01-01", BERLIN), Date.UTC(2025, 11, 31, 23, 0));
  });

  it("summer time in Berlin is UTC+2", () => {
    assert.equal(instantOf("2026-07-01 10:30", BERLIN), Date.UTC(2026, 6, 1, 8, 30));
  });

  it("the same wall-clock time is a different instant in another site time zone", () => {
    assert.equal(instantOf("2026-01-01 00:30", "America/New_York"), Date.UTC(2026, 0, 1, 5, 30));
    assert.equal(instantOf("2026-07-04 12:00", "America/New_York"), Date.UTC(2026, 6, 4, 16, 0));
    assert.equal(instantOf("2026-01-01 00:30", "Asia/Tokyo"), Date.UTC(2025, 11, 31, 15, 30));
    assert.equal(instantOf("2026-07-01 00:30", "Asia/Tokyo"), Date.UTC(2026, 5, 30, 15, 30));
    assert.equal(instantOf("2026-11-27 10:30", "Asia/Kolkata"), Date.UTC(2026, 10, 27, 5, 0));
    assert.equal(instantOf("2026-11-27", "Pacific/Kiritimati"), Date.UTC(2026, 10, 26, 10, 0));
    assert.equal(instantOf("2026-12-31 23:59:59", "UTC"), Date.UTC(2026, 11, 31, 23, 59, 59));
  });

  it("the machine zone can be switched for the tests below", () => {
    const offsets = ["America/Los_Angeles", "Asia/Kolkata"].map((zone) =>
      onMachineIn(zone, () => new Date(2026, 0, 1).getTimezoneOffset()),
    );
    assert.deepEqual(offsets, [480, -330]);
  });

  it("gives the same instants whatever the machine's time zone", () => {
    const samples: [string, string, number][] = [
      ["2026-01-01 00:30", BERLIN, Date.UTC(2025, 11, 31, 23, 30)],
      ["2026-01-01", BERLIN, Date.UTC(2025, 11, 31, 23, 0)],
      ["2026-07-01 10:30", BERLIN, Date.UTC(2026, 6, 1, 8, 30)],
      ["2026-01-01 00:30", "America/New_York", Date.UTC(2026, 0, 1, 5, 30)],
      ["2026-01-01 00:30", "Asia/Tokyo", Date.UTC(2025, 11, 31, 15, 30)],
    ];
    for (const machine of MACHINE_ZONES) {
      onMachineIn(machine, () => {
        for (const [text, zone, expected] of samples) {
          assert.equal(instantOf(text, zone), expected, `${text} in ${zone} on a machine in ${machine}`);
        }
      });
    }
  });

  it("an unambiguous local time near the machine's own DST change is not shifted (site Europe/London, machine Europe/Berlin)", () => {
    // London leaves summer time at 02:00 BST = 01:00 GMT; 02:00 is then unambiguously 02:00 GMT.
    for (const machine of ["UTC", "Europe/Berlin"]) {
      onMachineIn(machine, () => {
        assert.equal(instantOf("2026-10-25 02:00", "Europe/London"), Date.UTC(2026, 9, 25, 2, 0), `machine ${machine}`);
        assert.equal(instantOf("2026-10-25 02:30", "Europe/London"), Date.UTC(2026, 9, 25, 2, 30), `machine ${machine}`);
      });
    }
  });

  it("an ordinary Berlin time is not shifted on a machine in Australia/Lord_Howe (30-minute DST)", () => {
    // 2026-10-04 02:00–02:30 does not exist on Lord Howe Island; in Berlin it is an ordinary summer time.
    onMachineIn("Australia/Lord_Howe", () => {
      assert.equal(instantOf("2026-10-04 02:00", BERLIN), Date.UTC(2026, 9, 4, 0, 0));
      assert.equal(instantOf("2026-10-04 02:15", BERLIN), Date.UTC(2026, 9, 4, 0, 15));
    });
  });

  it("every unambiguous local time around DST changes is right on every machine zone", () => {
    const sites = [BERLIN, "Europe/London", "America/New_York", "Asia/Tokyo"];
    // DST changes in 2026 of the site zones and of the machine zones.
    const days = [
      [2026, 2, 15], [2026, 2, 29], [2026, 3, 8], [2026, 3, 22], [2026, 3, 29],
      [2026, 4, 5], [2026, 10, 4], [2026, 10, 25], [2026, 11, 1],
    ] as const;
    const failures: string[] = [];
    for (const machine of MACHINE_ZONES) {
      onMachineIn(machine, () => {
        for (const site of sites) {
          for (const [y, m, d] of days) {
            for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
              const wall = Date.UTC(y, m - 1, d, 0, minutes);
              const expected = instantsShowing(wall, site);
              if (expected.length !== 1) continue; // a gap or an overlap in the site zone: see below
              const text = wallText(wall);
              const parsed = parseContentDate(text, site);
              if (!parsed.ok || parsed.instant !== expected[0]) {
                failures.push(
                  `${text} ${site} on machine ${machine}: got ${parsed.ok ? new Date(parsed.instant).toISOString() : JSON.stringify(parsed)}, want ${new Date(expected[0]!).toISOString()}`,
                );
              }
            }
          }
        }
      });
    }
    assert.deepEqual(failures, []);
  });

  it("an ambiguous local time (clocks turned back) gives the same instant on every machine", () => {
    const cases: [string, string, number[]][] = [
      ["2026-10-25 02:30", BERLIN, [Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30)]],
      ["2026-11-01 01:30", "America/New_York", [Date.UTC(2026, 10, 1, 5, 30), Date.UTC(2026, 10, 1, 6, 30)]],
    ];
    for (const [text, site, candidates] of cases) {
      const seen = new Map<number, string[]>();
      for (const machine of MACHINE_ZONES) {
        const instant = onMachineIn(machine, () => instantOf(text, site));
        seen.set(instant, [...(seen.get(instant) ?? []), machine]);
      }
      const described = [...seen].map(([t, zones]) => `${new Date(t).toISOString()} on ${zones.join(", ")}`);
      assert.equal(seen.size, 1, `${text} in ${site} depends on the machine zone: ${described.join("; ")}`);
      assert.ok(candidates.includes([...seen.keys()][0]!), `${text} in ${site}: ${described.join("; ")}`);
    }
  });

  it("a local time in the spring-forward gap gives the same result on every machine", () => {
    // 02:30 does not exist in Berlin on 2026-03-29; whatever the answer, it must not depend on the machine.
    const seen = new Map<string, string[]>();
    for (const machine of MACHINE_ZONES) {
      const result = onMachineIn(machine, () => parseContentDate("2026-03-29 02:30", BERLIN));
      const key = result.ok ? new Date(result.instant).toISOString() : JSON.stringify(result);
      seen.set(key, [...(seen.get(key) ?? []), machine]);
    }
    const described = [...seen].map(([r, zones]) => `${r} on ${zones.join(", ")}`);
    assert.equal(seen.size, 1, `2026-03-29 02:30 in Berlin depends on the machine zone: ${described.join("; ")}`);
  });
});

describe("parseContentDate: impossible dates and bad formats", () => {
  it("2024-02-29 is a valid leap day", () => {
    assert.equal(instantOf("2024-02-29", BERLIN), Date.UTC(2024, 1, 28, 23, 0));
  });

  for (const text of [
    "2026-02-29",
    "2026-04-31",
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-06-31 10:00",
    "2026-01-01 24:00",
    "2026-01-01 12:60",
    "2026-01-01 10:30:60",
    "2026-02-29T10:00:00Z",
    "2026-11-27T24:00:00+01:00",
    "2026-11-27T10:00:00+19:00",
    "2026-11-27T10:00:00+01:60",
  ]) {
    it(`"${text}" is impossible`, () => assertRejected(text, "impossible"));
  }

  for (const text of [
    "27.11.2026",
    "morgen",
    "2026-1-5",
    "2026-11-5",
    "",
    "   ",
    "2026/11/27",
    "26-11-27",
    "2026-11-27 10",
    "2026-11-27 1030",
    "2026-11-27 10:30 Uhr",
    "2026-11-27T10:30:00 CET",
    "November 27, 2026",
    "1795771800000",
  ]) {
    it(`"${text}" is not a date format`, () => assertRejected(text, "format"));
  }
});

describe("localParts and formatting: the turn of the year", () => {
  const newYear = Date.UTC(2025, 11, 31, 23, 30); // 2026-01-01 00:30 in Berlin

  it("2026-01-01 00:30 Berlin belongs to 2026", () => {
    assert.deepEqual(localParts(instantOf("2026-01-01 00:30", BERLIN), BERLIN), { year: 2026, month: 1, day: 1 });
  });

  it("formats as 01.01.2026 in German", () => {
    assert.equal(formatInstant(newYear, BERLIN, "dd.MM.yyyy"), "01.01.2026");
    assert.equal(formatInstant(newYear, BERLIN, "dd.MM.yyyy HH:mm"), "01.01.2026 00:30");
  });

  it("a Z date late on 31 December UTC is already 1 January in Berlin", () => {
    const instant = instantOf("2025-12-31T23:30:00Z", BERLIN);
    assert.equal(instant, newYear);
    assert.deepEqual(localParts(instant, BERLIN), { year: 2026, month: 1, day: 1 });
    assert.equal(formatInstant(instant, BERLIN, "dd.MM.yyyy"), "01.01.2026");
  });

  it("the same instant is still 2025 in New York and already 2026 in Tokyo", () => {
    assert.deepEqual(localParts(newYear, "America/New_York"), { year: 2025, month: 12, day: 31 });
    assert.equal(formatInstant(newYear, "America/New_York", "yyyy-MM-dd HH:mm"), "2025-12-31 18:30");
    assert.deepEqual(localParts(newYear, "Asia/Tokyo"), { year: 2026, month: 1, day: 1 });
    assert.equal(formatInstant(newYear, "Asia/Tokyo", "yyyy-MM-dd HH:mm"), "2026-01-01 08:30");
  });

  it("the last minute of the year in Berlin is still 2025", () => {
    const instant = instantOf("2025-12-31 23:59", BERLIN);
    assert.equal(instant, Date.UTC(2025, 11, 31, 22, 59));
    assert.deepEqual(localParts(instant, BERLIN), { year: 2025, month: 12, day: 31 });
    assert.equal(formatInstant(instant, BERLIN, "dd.MM.yyyy"), "31.12.2025");
  });

  it("does not depend on the machine's zone", () => {
    for (const machine of MACHINE_ZONES) {
      onMachineIn(machine, () => {
        assert.deepEqual(localParts(newYear, BERLIN), { year: 2026, month: 1, day: 1 }, machine);
        assert.equal(formatInstant(newYear, BERLIN, "dd.MM.yyyy HH:mm"), "01.01.2026 00:30", machine);
        assert.equal(isoInstant(newYear, BERLIN), "2026-01-01T00:30:00+01:00", machine);
      });
    }
  });
});

describe("isoInstant", () => {
  it("uses +02:00 in Berlin summer and +01:00 in winter", () => {
    assert.equal(isoInstant(Date.UTC(2026, 6, 1, 8, 30), BERLIN), "2026-07-01T10:30:00+02:00");
    assert.equal(isoInstant(Date.UTC(2026, 10, 27, 9, 30), BERLIN), "2026-11-27T10:30:00+01:00");
  });

  it("round-trips a parsed local time", () => {
    assert.equal(isoInstant(instantOf("2026-11-27 10:30", BERLIN), BERLIN), "2026-11-27T10:30:00+01:00");
    assert.equal(isoInstant(instantOf("2026-07-01 10:30", BERLIN), BERLIN), "2026-07-01T10:30:00+02:00");
  });

  it("uses the offset of other site zones", () => {
    assert.equal(isoInstant(Date.UTC(2026, 0, 1, 5, 30), "America/New_York"), "2026-01-01T00:30:00-05:00");
    assert.equal(isoInstant(Date.UTC(2026, 6, 4, 16, 0), "America/New_York"), "2026-07-04T12:00:00-04:00");
    assert.equal(isoInstant(Date.UTC(2025, 11, 31, 15, 30), "Asia/Tokyo"), "2026-01-01T00:30:00+09:00");
    assert.equal(isoInstant(Date.UTC(2026, 10, 27, 5, 0), "Asia/Kolkata"), "2026-11-27T10:30:00+05:30");
    assert.equal(isoInstant(Date.UTC(2026, 0, 1), "UTC"), "2026-01-01T00:00:00+00:00");
  });

  it("writes what date-fns' format writes, minute by minute around changes of offset and at random instants", () => {
    const zones = [BERLIN, "UTC", "America/St_Johns", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "Pacific/Kiritimati"];
    const instants: number[] = [];
    // Around Berlin's changes of 2026 (29 March and 25 October, 01:00 UTC), Lord Howe's half hours among them.
    for (let m = -90; m <= 90; m++) instants.push(Date.UTC(2026, 2, 29, 1) + m * 60_000, Date.UTC(2026, 9, 25, 1) + m * 60_000 + 999);
    let seed = 20261207;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) instants.push(Date.UTC(1970, 0, 1) + Math.floor(random() * (Date.UTC(2040, 0, 1) - Date.UTC(1970, 0, 1))));
    for (const zone of zones) {
      for (const instant of instants) {
        assert.equal(isoInstant(instant, zone), formatDate(new TZDate(instant, zone), "yyyy-MM-dd'T'HH:mm:ssxxx"), `${zone} ${instant}`);
      }
    }
  });
});

describe("parseNow and isValidTimeZone", () => {
  it("parseNow accepts the content formats in the site zone", () => {
    assert.equal(parseNow("2026-11-27 10:30", BERLIN), Date.UTC(2026, 10, 27, 9, 30));
    assert.equal(parseNow("2026-11-27T10:30:00Z", BERLIN), Date.UTC(2026, 10, 27, 10, 30));
    assert.equal(parseNow("2026-11-27", "Asia/Tokyo"), Date.UTC(2026, 10, 26, 15, 0));
  });

  it("parseNow rejects what is not a date", () => {
    assert.equal(parseNow("morgen", BERLIN), undefined);
    assert.equal(parseNow("2026-02-29", BERLIN), undefined);
  });

  it("isValidTimeZone knows IANA zones and refuses others", () => {
    for (const zone of [BERLIN, "America/New_York", "Asia/Tokyo", "UTC"]) assert.equal(isValidTimeZone(zone), true, zone);
    for (const zone of ["", "Mars/Olympus_Mons", "Berlin", "Europe/Berlín"]) assert.equal(isValidTimeZone(zone), false, zone);
  });
});
