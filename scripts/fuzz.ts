/**
 * `npm run fuzz`: the fuzzing properties of test/fuzz/properties.ts with many cases each
 * (default 100,000), then sequences of edits built one after another into one output folder
 * (test/edit-sequences/sequence.ts, default 100 sequences of up to 10 edits), then sequences
 * of edits saved into the folder a `pressroom serve` watches (test/edit-sequences/preview.ts,
 * default 20 of up to 10 edits; it runs the compiled command: `npm run compile` first), a fresh seed
 * unless one is given, the time each took, and on a finding the smallest failing input and
 * the seed and path that repeat it.
 *
 *   npm run fuzz                       100,000 cases per property, 100 edit sequences, a random seed
 *   npm run fuzz -- --runs 5000        fewer cases per property
 *   npm run fuzz -- --seed 42 --only body
 *   npm run fuzz -- --only sequences --sequences 300 --steps 15
 *   npm run fuzz -- --only sequences --untouched   a build without a change must not even write a file again
 *   npm run fuzz -- --only sequences --cli         each build a `pressroom build` process (after `npm run compile`)
 *   npm run fuzz -- --only preview-sequences --previews 50 --steps 15   through the preview only, more and longer
 */
import fc from "fast-check";
import { PROPERTIES } from "../test/fuzz/properties.ts";
import { command, inProcess, makeBinaries, runSequence, sequences as editSequences } from "../test/edit-sequences/sequence.ts";
import { previewSequences, runPreviewSequence } from "../test/edit-sequences/preview.ts";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const runs = Number(option("runs") ?? 100_000);
const sequences = Number(option("sequences") ?? 100);
const previews = Number(option("previews") ?? 20);
const steps = Number(option("steps") ?? 10);
const seed = Number(option("seed") ?? Date.now() % 2 ** 31);
const only = option("only");
let failed = false;

/** Check `property` with `numRuns` cases and say how it went. */
async function fuzz<Ts extends unknown[]>(name: string, property: fc.IRawProperty<Ts>, numRuns: number): Promise<void> {
  const started = process.hrtime.bigint();
  const result = await fc.check(property, { seed, numRuns });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.failed) {
    failed = true;
    console.log(`${name}: FINDING after ${result.numRuns} cases (${seconds.toFixed(1)} s); repeat with --seed ${result.seed} --only ${name}`);
    console.log(`  path ${result.counterexamplePath}`);
    console.log(`  input ${JSON.stringify(result.counterexample)}`);
    console.log(`  ${String(result.errorInstance).split("\n").join("\n  ")}`);
  } else {
    console.log(`${name}: ${result.numRuns.toLocaleString("en")} cases, no finding, ${seconds.toFixed(1)} s (${((seconds / result.numRuns) * 1000).toFixed(2)} ms a case)`);
  }
}

console.log(`fuzzing with seed ${seed}, ${runs.toLocaleString("en")} cases per property, ${sequences} edit sequences and ${previews} through the preview, of up to ${steps} edits`);
for (const { name, property } of PROPERTIES) {
  if (only === undefined || only === name) await fuzz(name, property, runs);
}
if (only === undefined || only === "sequences") {
  const options = { binaries: await makeBinaries(), builder: flag("cli") ? command : inProcess, untouched: flag("untouched") };
  let tried = 0;
  const property = fc.asyncProperty(editSequences(steps), async (edits) => {
    // A sequence takes seconds: a line now and then says the run is alive (shrinking a finding counts too).
    if (++tried % 10 === 0) process.stderr.write(`  ${tried} sequences tried\n`);
    await runSequence(edits, options);
  });
  await fuzz("sequences", property, sequences);
}
if (only === undefined || only === "preview-sequences") {
  const binaries = await makeBinaries();
  let tried = 0;
  const property = fc.asyncProperty(previewSequences(steps), async (edits) => {
    if (++tried % 5 === 0) process.stderr.write(`  ${tried} preview sequences tried\n`);
    await runPreviewSequence(edits, binaries);
  });
  await fuzz("preview-sequences", property, previews);
}
process.exit(failed ? 1 : 0);
