/**
 * Same bytes, always: sequences of edits (add, edit, rename, move, delete a release; add,
 * remove and replace a photo; add, edit and delete a translation; withdraw; move the clock past an embargo and back; rename a
 * department; change site.yaml; override a template; a broken save; the output or cache
 * folder changed by hand or by CI) applied one after another to one content folder, built
 * into one output folder with one cache, give after every step exactly the files and bytes
 * of a cold build of the same content, and a second build changes nothing
 * (test/edit-sequences/sequence.ts). A tour of every kind of edit, a fixed seed and a few
 * sequences here; `npm run fuzz -- --only sequences` runs many more.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import fc from "fast-check";
import type { Edit } from "./edit-sequences/edits.ts";
import type { Binaries } from "./edit-sequences/site.ts";
import { command, dryRun, inProcess, makeBinaries, runSequence, sameBytesAlways } from "./edit-sequences/sequence.ts";

const SEED = 20261206;
const RUNS = 6;
const STEPS = 5;

/**
 * Every kind of edit once, whatever the seed draws (releases are picked by their place in path
 * order, which each step's comment names).
 */
const TOUR: readonly Edit[] = [
  { kind: "add", name: 0, days: 3, time: 0, department: 0, ownFolder: true }, // 2026/2026-11-30-baumpflanzung/index.md, under embargo
  { kind: "add-photo", pick: 5, inline: false, picture: 1 }, // to it
  { kind: "clock", step: 1 }, // past its embargo
  { kind: "edit", pick: 4, what: 0 }, // the title of the Radwege
  { kind: "translate", pick: 4, language: 0, what: 0 }, // the Radwege in Turkish: its .tr.md goes with it next
  { kind: "rename", pick: 4, name: 1 }, // the Radwege file to „Sperrung Brücke“
  { kind: "translate", pick: 2, language: 1, what: 0 }, // the Hallenbad in Arabic: index.ar.md, then beside its file
  { kind: "move", pick: 2, folder: 3 }, // the Hallenbad's folder made a file, its photo and PDF beside it
  { kind: "translate", pick: 2, language: 1, what: 1 }, // the Arabic title edited
  { kind: "replace-photo", pick: 2, keepTime: false }, // the Hallenbad's photo
  { kind: "remove-photo", pick: 5 }, // the Baumpflanzung's
  { kind: "withdraw", pick: 1, later: false }, // Silvester
  { kind: "department", pick: 0, what: 0 }, // Tiefbauamt renamed
  { kind: "site", what: 3 }, // the site in English
  { kind: "template", pick: 0, what: 0 }, // base.njk overridden
  { kind: "broken", pick: 2, what: 1 }, // the Hallenbad's photo cut short
  { kind: "outside", pick: 0, what: 2 }, // the output restored from a CI cache
  { kind: "delete", pick: 0 }, // Tag der offenen Tür
  { kind: "translate", pick: 1, language: 1, what: 2 }, // the Hallenbad's Arabic translation deleted
  { kind: "clock", step: 2 }, // a year on: older releases share their department's card
  { kind: "clock", step: 3 }, // back to a minute before the Weihnachtsmarkt's embargo ended: a build without --now after one that looked ahead
];

let binaries: Binaries;
before(async () => {
  binaries = await makeBinaries();
});

test("edit sequences: one of every kind of edit, each step built as a cold build", async () => {
  const skipped = dryRun(TOUR, binaries).filter((done) => done.skipped);
  assert.deepEqual(skipped, [], "every edit of the tour applies");
  await runSequence(TOUR, { binaries, builder: inProcess, untouched: false });
});

test(`edit sequences: every step builds the bytes of a cold build (${RUNS} sequences of up to ${STEPS} edits, seed ${SEED})`, async () => {
  await fc.assert(sameBytesAlways(STEPS, { binaries, builder: inProcess, untouched: false }), { seed: SEED, numRuns: RUNS });
});

/** As a user rebuilds: a `pressroom build` process each time (with the default sizes of pages and search shards). */
const THROUGH_THE_COMMAND: readonly Edit[] = [
  { kind: "add-photo", pick: 4, inline: true, picture: 0 }, // a photo in the text of the Radwege
  { kind: "clock", step: 1 }, // past the Weihnachtsmarkt's embargo
  { kind: "template", pick: 1, what: 0 }, // item.njk overridden
];

test("edit sequences through the pressroom command, a process for each build", async () => {
  await runSequence(THROUGH_THE_COMMAND, { binaries, builder: command, untouched: false });
});

test("edit sequences: a build without a change leaves every file of the output untouched", async () => {
  await fc.assert(sameBytesAlways(2, { binaries, builder: inProcess, untouched: true }), { seed: SEED, numRuns: 2 });
});

// The smallest sequences fuzzing found that gave other bytes than a cold build (put right in src/ since).

test("edit sequences: a photo overwritten by another of the same size, its modification time kept, is published anew", async () => {
  // The third release in path order is the Hallenbad, with baustelle.jpg; `cp -p` over the file, or `touch -r`, keeps its time (and inode).
  await runSequence([{ kind: "replace-photo", pick: 2, keepTime: true }], { binaries, builder: inProcess, untouched: false });
});
