/**
 * A correction dated later than the build's clock is a warning with its line
 * (the page would say "Aktualisiert am … 14:00" at 13:19); judged in the
 * site's time zone whatever the machine's (this file runs under several TZ).
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { checkContent } from "../../src/check.ts";
import { frontMatterLine } from "../../src/content/future-times.ts";
import { clockOf } from "../../src/content/dates.ts";
import { waitingAt } from "../../src/content/waiting.ts";
import { waitingJson, waitingText } from "../../src/cli/report.ts";
import { scratchDirs } from "../helpers.ts";

const scratch = scratchDirs();

function site(releases: Record<string, string>): string {
  const content = path.join(scratch(), "content");
  mkdirSync(path.join(content, "releases"), { recursive: true });
  writeFileSync(path.join(content, "site.yaml"), "title: T\nurl: https://t.example/\nlanguage: en\ntimezone: Europe/Berlin\n");
  writeFileSync(path.join(content, "departments.yaml"), "amt:\n  name: Amt\n  contact: p\n");
  writeFileSync(path.join(content, "contacts.yaml"), "p:\n  name: P\n  phone: 0123 45\n");
  for (const [name, front] of Object.entries(releases)) writeFileSync(path.join(content, "releases", name), `---\n${front}---\n\nText.\n`);
  return content;
}

test("an update later than now is a warning at its line, in the site's zone", async () => {
  const content = site({
    "2026-12-06-ahead.md": "title: Ahead\ndate: 2026-12-06 09:00\ndepartment: amt\nupdated: 2026-12-06 14:00\nchange_note: Zeit korrigiert\n",
    "2026-12-06-past.md": "title: Past\ndate: 2026-12-06 09:00\ndepartment: amt\nupdated: 2026-12-06 13:00\n",
    // Not public yet itself: its update is no slip.
    "2026-12-24-later.md": "title: Later\ndate: 2026-12-24 09:00\ndepartment: amt\nupdated: 2026-12-25 09:00\n",
  });
  const { warnings, problems } = await checkContent(content, { clock: { now: "2026-12-06T13:19" } });
  assert.deepEqual(problems, []);
  assert.deepEqual(
    warnings.map((w) => [w.code, w.file, w.line, w.field, w.message]),
    [
      [
        "updated-in-future",
        "releases/2026-12-06-ahead.md",
        5,
        "updated",
        "The release says it was updated at 2026-12-06 14:00, which is later than now (2026-12-06 13:19); the page shows that time already.",
      ],
    ],
  );
  // At 14:00 Berlin time (13:00 UTC) the correction's time has come.
  assert.deepEqual((await checkContent(content, { clock: { now: "2026-12-06T13:00:00Z" } })).warnings, []);
  // Without a clock (the content alone), no judgement of time.
  assert.deepEqual((await checkContent(content)).warnings, []);
});

test("the line of a front matter field, not of the text", () => {
  assert.equal(frontMatterLine("---\ntitle: x\nupdated: 2026\n---\nupdated: no\n", "updated"), 3);
  assert.equal(frontMatterLine("---\ntitle: x\n---\nupdated: 2026\n", "updated"), undefined);
});

test("a withdrawal waiting for its time is in the summary of check and build, like an embargo", async () => {
  const content = site({
    "2026-12-01-fest.md": "title: Fest am Hafen\ndate: 2026-12-01 09:00\ndepartment: amt\nwithdrawn:\n  date: 2026-12-06 16:00\n  reason: Abgesagt.\n",
    "2026-12-24-markt.md": "title: Markt\ndate: 2026-12-24 09:00\ndepartment: amt\n",
    "2026-11-01-alt.md": "title: Alt\ndate: 2026-11-01 09:00\ndepartment: amt\nwithdrawn:\n  date: 2026-11-02 09:00\n  reason: Erledigt.\n",
  });
  const { model } = await checkContent(content);
  assert.ok(model);
  const now = clockOf("2026-12-06T13:19", model.site.timeZone);
  assert.equal(
    waitingText(waitingAt(model, now), "de", { drafts: false }),
    "1 Meldung mit Sperrfrist: „Markt“ erscheint am 24.12.2026 um 09:00 Uhr\n1 Rücknahme wartet: „Fest am Hafen“ wird am 06.12.2026 um 16:00 Uhr zurückgezogen\n",
  );
  assert.equal(
    waitingText(waitingAt(model, now), "en", { drafts: false }),
    "1 release under embargo: “Markt” is published on 24 December 2026 at 09:00\n1 withdrawal waiting: “Fest am Hafen” is withdrawn on 6 December 2026 at 16:00\n",
  );
  assert.deepEqual(
    waitingJson(waitingAt(model, now), { drafts: false }).withdrawals,
    [{ file: "releases/2026-12-01-fest.md", title: "Fest am Hafen", url: "/2026/12/01/fest/", date: "2026-12-06T15:00:00.000Z" }],
  );
  // Once its time has come, nothing waits.
  assert.equal(waitingText(waitingAt(model, clockOf("2026-12-06T16:00", model.site.timeZone)), "de", { drafts: false }).includes("Rücknahme"), false);
});
