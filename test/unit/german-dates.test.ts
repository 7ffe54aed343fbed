/** Dates as old German pages write them (pressroom import), and a pattern named in the mapping file. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseWithPattern } from "../../src/content/dates.ts";
import { likelyMeant } from "../../src/errors/date-mistakes.ts";
import { parseGermanDate } from "../../src/content/german-dates.ts";
import { contactOfLine } from "../../src/import/html-pages.ts";

const iso = (text: string, parse = parseGermanDate): string | undefined => {
  const read = parse(text);
  return read && `${new Date(read.wallClock).toISOString().slice(0, 16)}${read.hasTime ? "" : " (day)"}`;
};

describe("parseGermanDate", () => {
  it("reads the forms old pages use", () => {
    assert.equal(iso("09.10.2002"), "2002-10-09T00:00 (day)");
    assert.equal(iso("9.10.02"), "2002-10-09T00:00 (day)");
    assert.equal(iso("9. Oktober 2002, 14.30 Uhr"), "2002-10-09T14:30");
    assert.equal(iso("Mittwoch, 9. Okt. 2002"), "2002-10-09T00:00 (day)");
    assert.equal(iso("09.10.2002 14:30"), "2002-10-09T14:30");
    assert.equal(iso("9. Oktober 2002, 14 Uhr"), "2002-10-09T14:00");
    assert.equal(iso("Stand: 1. März 2003"), "2003-03-01T00:00 (day)");
    assert.equal(iso("2002-10-09"), "2002-10-09T00:00 (day)");
    assert.equal(iso("24.12.99"), "1999-12-24T00:00 (day)");
  });

  it("refuses what is no date", () => {
    assert.equal(iso("31.02.2002"), undefined);
    assert.equal(iso("gestern"), undefined);
    assert.equal(iso("9. Brumaire 2002"), undefined);
    assert.equal(iso("Telefon 492.66.09"), undefined);
  });
});

describe("parseWithPattern", () => {
  it("reads a date in the pattern a mapping file names, with German month names", () => {
    assert.equal(iso("9. Oktober 2002, 14.30 Uhr", (t) => parseWithPattern(t, "d. MMMM yyyy, HH.mm 'Uhr'")), "2002-10-09T14:30");
    assert.equal(iso("09.10.2002", (t) => parseWithPattern(t, "dd.MM.yyyy")), "2002-10-09T00:00 (day)");
    assert.equal(iso("2002/10/09", (t) => parseWithPattern(t, "dd.MM.yyyy")), undefined);
    assert.equal(iso("09.10.2002", (t) => parseWithPattern(t, "qqqqqq")), undefined, "a pattern date-fns refuses");
  });
});

describe("contactOfLine", () => {
  it("finds the name, phone and e-mail address of a contact line", () => {
    assert.deepEqual(contactOfLine("Ansprechpartnerin: Birgit Jaskowiak, Telefon (0251) 4926609"), { name: "Birgit Jaskowiak", phone: "(0251) 4926609" });
    assert.deepEqual(contactOfLine("Rückfragen an: Pressestelle, Tel. 0251 492-1300, presse@altstadt.example"), {
      name: "Pressestelle",
      phone: "0251 492-1300",
      email: "presse@altstadt.example",
    });
    assert.equal(contactOfLine("   "), undefined);
  });
});

describe("likelyMeant (the hint of invalid-date)", () => {
  it("writes a German date as a release writes it", () => {
    assert.equal(likelyMeant("04.12.2026 10:00"), "2026-12-04 10:00");
    assert.equal(likelyMeant("27.11.2026"), "2026-11-27");
    assert.equal(likelyMeant("4. Dezember 2026, 9.30 Uhr"), "2026-12-04 09:30");
  });
  it("guesses nothing where a day cannot be told or does not exist", () => {
    assert.equal(likelyMeant("gestern"), undefined);
    assert.equal(likelyMeant("12/04/2026"), undefined);
    assert.equal(likelyMeant("31.02.2026"), undefined);
    assert.equal(likelyMeant("2026-11-27"), undefined);
  });
});
