/**
 * Same bytes through the resident preview: edits saved one after another into the
 * content folder a `pressroom serve` watches — texts the quick lane shows, front
 * matter, releases added, renamed and deleted, photos, a translation, departments,
 * site.yaml, a template, broken saves and their fixes, saves 30 ms apart and saves
 * while a build runs — leave
 * its output folder, each time it has settled, with exactly the files and bytes of a
 * cold `build --preview` of the same content (test/edit-sequences/preview.ts). A tour
 * and a few sequences of a fixed seed here; `npm run fuzz -- --only preview-sequences`
 * runs more.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import fc from "fast-check";
import type { Binaries } from "./edit-sequences/site.ts";
import { dryRun, makeBinaries } from "./edit-sequences/sequence.ts";
import { previewSequences, runPreviewSequence, type PreviewStep } from "./edit-sequences/preview.ts";

const SEED = 20261207;
const RUNS = 2;
const STEPS = 4;

/** Releases are picked by their place in path order, which each step's comment names. */
const TOUR: readonly PreviewStep[] = [
  { edit: { kind: "edit", pick: 4, what: 1 }, after: "settled" }, // a sentence more in the Radwege: the quick lane
  { edit: { kind: "edit", pick: 4, what: 2 }, after: 30 }, // one letter of it, 30 ms later: the same file twice
  { edit: { kind: "edit", pick: 2, what: 0 }, after: "settled" }, // the Hallenbad's title: front matter
  { edit: { kind: "edit", pick: 5, what: 1 }, after: 30 }, // the Weihnachtsmarkt's text, 30 ms after
  { edit: { kind: "add", name: 0, days: 3, time: 0, department: 0, ownFolder: true }, after: "settled" }, // 2026/2026-11-30-baumpflanzung/index.md
  { edit: { kind: "add-photo", pick: 5, inline: false, picture: 1 }, after: "settled" }, // to it
  { edit: { kind: "rename", pick: 4, name: 1 }, after: "settled" }, // the Radwege file to „Sperrung Brücke“
  { edit: { kind: "translate", pick: 2, language: 0, what: 0 }, after: "settled" }, // the Hallenbad in Turkish
  { edit: { kind: "replace-photo", pick: 2, keepTime: false }, after: 30 }, // and its photo, 30 ms after
  { edit: { kind: "broken", pick: 4, what: 0 }, after: "settled" }, // „Sperrung Brücke“ with an unknown department, then put right
  { edit: { kind: "department", pick: 0, what: 0 }, after: "settled" }, // Tiefbauamt renamed
  { edit: { kind: "edit", pick: 4, what: 1 }, after: 400 }, // while that builds, a sentence more in „Sperrung Brücke“ (Tiefbauamt's): the quick lane
  { edit: { kind: "site", what: 3 }, after: "settled" }, // the site in English
  { edit: { kind: "template", pick: 1, what: 0 }, after: "settled" }, // item.njk overridden
  { edit: { kind: "broken", pick: 2, what: 1 }, after: "settled" }, // the Hallenbad's photo cut short, then put right
  { edit: { kind: "delete", pick: 0 }, after: "settled" }, // Tag der offenen Tür
  { edit: { kind: "edit", pick: 3, what: 1 }, after: "settled" }, // the Radwege's text again, by the quick lane
];

let binaries: Binaries;
before(async () => {
  binaries = await makeBinaries();
});

test("edit sequences through the preview: a tour of the kinds of edits, each time the preview settled its folder is a cold preview build", async () => {
  const skipped = dryRun(
    TOUR.map((step) => step.edit),
    binaries,
  ).filter((done) => done.skipped);
  assert.deepEqual(skipped, [], "every edit of the tour applies");
  const { quickPages } = await runPreviewSequence(TOUR, binaries);
  assert.ok(quickPages >= 2, `the quick lane showed the saved texts (${quickPages} pages)`);
});

test(`edit sequences through the preview: ${RUNS} sequences of up to ${STEPS} edits, seed ${SEED}`, async () => {
  await fc.assert(
    fc.asyncProperty(previewSequences(STEPS), async (steps) => {
      await runPreviewSequence(steps, binaries);
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

// The smallest sequences that left the preview's folder other than a cold build (put right in src/ since).

test("edit sequences through the preview: a photo overwritten by another of the same size, its modification time kept, is shown anew", async () => {
  // The third release in path order is the Hallenbad, with baustelle.jpg. Its access time is later than its kept
  // modification time (as `cp -p` of a photo read since it was made leaves it): chokidar took that for a change of
  // the access time alone and reported nothing; the preview never built the new picture.
  await runPreviewSequence([{ edit: { kind: "replace-photo", pick: 2, keepTime: true }, after: "settled" }], binaries);
});
