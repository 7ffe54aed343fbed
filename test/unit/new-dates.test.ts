/**
 * The date `pressroom new` takes, from --date or its question: what `check`
 * accepts, and the German forms (06.12.2026, 6.12.2026, 13:00 Uhr) written
 * into the release as 2026-12-06 13:00; a day that does not exist gets the
 * reason `check` gives ("der November 2026 hat 30 Tage"), not a second
 * opinion; an empty answer is the default. Pure: run under every zone of the
 * suite (scripts/test.js), where a machine's zone leaking would show.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { answersFromFlags, checkDate } from "../../src/cli/new-answers.ts";
import { newText } from "../../src/cli/new-text.ts";
import { canonicalDate, parseContentDate } from "../../src/content/dates.ts";
import type { ScaffoldSite } from "../../src/content/scaffold.ts";
import { problem } from "../../src/errors/problem.ts";
import { localize } from "../../src/errors/report.ts";

const site: ScaffoldSite = {
  language: "de",
  timeZone: "Europe/Berlin",
  departments: new Map([["kulturamt", { name: "Kulturamt", contactIds: ["jaskowiak"] }]]),
  contacts: new Map([["jaskowiak", { name: "Birgit Jaskowiak" }]]),
};
const de = newText("de");
const en = newText("en");

const accepted = (value: string): string => {
  const checked = checkDate(value, site, de);
  assert.ok(checked.ok, `${value}: ${checked.ok ? "" : checked.error}`);
  return checked.value;
};
const refused = (value: string, t = de): string => {
  const checked = checkDate(value, site, t);
  assert.ok(!checked.ok, `${value} is accepted`);
  return checked.error;
};

/** What `check` says about `value` in a release's date: field, message and all. */
const checkSays = (value: string, language: "de" | "en"): string => {
  const parsed = parseContentDate(value, site.timeZone);
  assert.ok(!parsed.ok && parsed.reason === "impossible");
  return localize(problem("impossible-date", { file: "x.md" }, { field: "date", value, why: parsed.why }), language).message;
};

describe("pressroom new: the date", () => {
  it("takes what check takes, as it was written", () => {
    for (const value of ["2026-12-06", "2026-12-06 13:00", "2026-12-06T13:00", "2026-12-06 13:00:30", "2026-12-06T13:00:00+01:00", "2026-12-06T12:00Z"]) {
      assert.equal(accepted(` ${value} `), value);
    }
  });

  it("takes the German forms and writes them as a release does", () => {
    const forms: [string, string][] = [
      ["06.12.2026", "2026-12-06"],
      ["6.12.2026", "2026-12-06"],
      ["06.12.2026 13:00", "2026-12-06 13:00"],
      ["6.12.2026, 13:00 Uhr", "2026-12-06 13:00"],
      ["6.12.2026 9:30", "2026-12-06 09:30"],
      ["6.12.2026 13.00 Uhr", "2026-12-06 13:00"],
      ["6.12.2026, 13 Uhr", "2026-12-06 13:00"],
    ];
    for (const [typed, written] of forms) assert.equal(accepted(typed), written, typed);
    // The instant is the site's wall clock, whatever the machine's zone.
    const parsed = parseContentDate(accepted("6.12.2026, 13:00 Uhr"), site.timeZone);
    assert.ok(parsed.ok && parsed.instant === Date.parse("2026-12-06T12:00:00Z"));
  });

  it("a day that does not exist gets check's reason, in German and in English", () => {
    assert.equal(refused("31.11.2026"), "„31.11.2026“ gibt es nicht: Der November 2026 hat 30 Tage.");
    assert.equal(refused("2026-11-31 10:00"), "„2026-11-31 10:00“ gibt es nicht: Der November 2026 hat 30 Tage.");
    assert.equal(refused("06.12.2026 25:00"), "„06.12.2026 25:00“ gibt es nicht: Die Uhrzeit geht von 00:00 bis 23:59.");
    assert.equal(refused("29.02.2027"), "„29.02.2027“ gibt es nicht: Der Februar 2027 hat 28 Tage.");
    assert.equal(refused("2026-13-01"), "„2026-13-01“ gibt es nicht: Ein Jahr hat 12 Monate, nicht 13.");
    assert.equal(refused("2026-11-31", en), '"2026-11-31" does not exist: November 2026 has 30 days.');
    // check says the same reason about the same date in a release.
    assert.equal(checkSays("2026-11-31 10:00", "de"), "„2026-11-31 10:00“ in „date“ ist kein Tag oder keine Uhrzeit, die es gibt: der November 2026 hat 30 Tage.");
    assert.equal(checkSays("2026-11-31 10:00", "en"), '"2026-11-31 10:00" in "date" is not a day or time that exists: November 2026 has 30 days.');
    assert.equal(checkSays("2028-02-30", "en"), '"2028-02-30" in "date" is not a day or time that exists: February 2028 has 29 days.');
  });

  it("what is no date at all says which forms are meant", () => {
    assert.equal(refused("morgen"), "„morgen“ ist kein Datum wie 27.11.2026 10:30 oder 2026-11-27 10:30.");
    assert.equal(refused("6.12."), "„6.12.“ ist kein Datum wie 27.11.2026 10:30 oder 2026-11-27 10:30.");
    // An hour without minutes or "Uhr" is not guessed at.
    assert.match(refused("6.12.2026 13"), /ist kein Datum/);
    assert.equal(canonicalDate("12/06/2026"), "12/06/2026");
  });

  it("--date: German forms, check's reason, and an empty value is the default", () => {
    const flags = { title: "Festkonzert", department: "kulturamt" };
    const answers = (date: string | undefined) => answersFromFlags({ ...flags, date }, site, "2026-11-27 10:15", "npx pressroom new", de);
    const german = answers("6.12.2026, 19:30 Uhr");
    assert.ok(german.ok && german.value.date === "2026-12-06 19:30");
    for (const empty of [undefined, "", "  "]) {
      const taken = answers(empty);
      assert.ok(taken.ok && taken.value.date === "2026-11-27 10:15", String(empty));
    }
    const wrong = answers("31.11.2026");
    assert.ok(!wrong.ok && wrong.error === "„31.11.2026“ gibt es nicht: Der November 2026 hat 30 Tage.");
  });
});
