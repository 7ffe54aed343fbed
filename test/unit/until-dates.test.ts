/**
 * "How long until" in words (formatUntil in src/content/dates.ts), as
 * `schedule` and `new` print it. The runner starts this file under several TZ
 * values: every instant is made in the site's zone, so nothing depends on the
 * machine's.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatUntil, parseContentDate } from "../../src/content/dates.ts";

const BERLIN = "Europe/Berlin";
const at = (text: string, zone = BERLIN): number => {
  const parsed = parseContentDate(text, zone);
  assert.ok(parsed.ok, text);
  return parsed.instant;
};
const until = (from: string, to: string, zone = BERLIN) => ({
  de: formatUntil(at(from, zone), at(to, zone), zone, "de"),
  en: formatUntil(at(from, zone), at(to, zone), zone, "en"),
});

describe("formatUntil", () => {
  it("names the largest unit and the next, German in the dative after 'in'", () => {
    assert.deepEqual(until("2026-11-27 10:00", "2026-11-29 13:00"), { de: "in 2 Tagen, 3 Stunden", en: "in 2 days, 3 hours" });
    assert.deepEqual(until("2026-11-27 10:00", "2026-11-28 10:00"), { de: "in 1 Tag", en: "in 1 day" });
    assert.deepEqual(until("2026-11-27 10:00", "2026-11-27 12:05"), { de: "in 2 Stunden, 5 Minuten", en: "in 2 hours, 5 minutes" });
    assert.deepEqual(until("2026-11-27 10:00", "2026-11-27 10:01"), { de: "in 1 Minute", en: "in 1 minute" });
    assert.deepEqual(until("2026-11-27 10:00", "2026-11-27 10:00:30"), { de: "in weniger als 1 Minute", en: "in less than a minute" });
  });

  it("counts days on the site's calendar across a change of clocks, and hours as they pass", () => {
    // Berlin goes to summer time on 29 March 2026: 10:00 three days on is "in 3 days" (71 hours).
    assert.deepEqual(until("2026-03-27 10:00", "2026-03-30 10:00"), { de: "in 3 Tagen", en: "in 3 days" });
    // 01:30 to 03:30 that night is one hour.
    assert.deepEqual(until("2026-03-29 01:30", "2026-03-29 03:30"), { de: "in 1 Stunde", en: "in 1 hour" });
    // New York changes on 8 March 2026.
    assert.equal(until("2026-03-07 10:00", "2026-03-09 13:00", "America/New_York").en, "in 2 days, 3 hours");
  });
});
