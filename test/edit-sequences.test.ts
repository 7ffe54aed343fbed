/**
 * Same bytes, always: random sequences of edits (add, edit, rename, move, delete a release;
 * add, remove and replace a photo; withdraw; move the clock past an embargo; rename a
 * department; change site.yaml; override a template; a broken save) applied one after
 * another to one content folder, built into one output folder with one cache, give after
 * every step exactly the files and bytes of a cold build of the same content, and a second
 * build changes nothing (test/edit-sequences/sequence.ts). A fixed seed and a few sequences
 * here; `npm run fuzz -- --only sequences` runs many more.
 */
import { before, test } from "node:test";
import fc from "fast-check";
import type { Binaries } from "./edit-sequences/site.ts";
import { command, inProcess, makeBinaries, runSequence, sameBytesAlways } from "./edit-sequences/sequence.ts";

const SEED = 20261206;
const RUNS = 8;
const STEPS = 5;

let binaries: Binaries;
before(async () => {
  binaries = await makeBinaries();
});

test(`edit sequences: every step builds the bytes of a cold build (${RUNS} sequences of up to ${STEPS} edits, seed ${SEED})`, async () => {
  await fc.assert(sameBytesAlways(STEPS, { binaries, builder: inProcess, untouched: false }), { seed: SEED, numRuns: RUNS });
});

test(`edit sequences through the pressroom command, a process for each build (1 sequence of up to 3 edits, seed ${SEED})`, async () => {
  await fc.assert(sameBytesAlways(3, { binaries, builder: command, untouched: false }), { seed: SEED, numRuns: 1 });
});

test(
  "edit sequences: a build without a change leaves every file of the output untouched",
  { todo: "issue #20: a no-op build still writes feeds, vCards, _headers, _redirects, the manifest, assets and favicon again (same bytes, new files)" },
  async () => {
    await fc.assert(sameBytesAlways(2, { binaries, builder: inProcess, untouched: true }), { seed: SEED, numRuns: 2 });
  },
);

// The smallest sequences fuzzing found that give other bytes than a cold build, until src/ is put right.

test(
  "edit sequences: a photo overwritten by another of the same size, its modification time kept, is published anew",
  {
    todo:
      "build/copies.ts keys a copied original by path, size, mtime and inode, not ctime or content: the original 2026/11/20/hallenbad/baustelle.jpg, the media kit ZIP and their lines in manifest.json keep the old picture, while the web versions show the new one",
  },
  async () => {
    // The third release in path order is the Hallenbad, with baustelle.jpg; `cp -p`, `rsync -t` or unpacking an archive keep the time.
    await runSequence([{ kind: "replace-photo", pick: 2, keepTime: true }], { binaries, builder: inProcess, untouched: false });
  },
);
