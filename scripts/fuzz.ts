/**
 * `npm run fuzz`: the fuzzing properties of test/fuzz/properties.ts with many cases each
 * (default 100,000), a fresh seed unless one is given, the time each took, and on a finding
 * the smallest failing input and the seed and path that repeat it.
 *
 *   npm run fuzz                       100,000 cases per property, a random seed
 *   npm run fuzz -- --runs 5000        fewer
 *   npm run fuzz -- --seed 42 --only body
 */
import fc from "fast-check";
import { PROPERTIES } from "../test/fuzz/properties.ts";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

const runs = Number(option("runs") ?? 100_000);
const seed = Number(option("seed") ?? Date.now() % 2 ** 31);
const only = option("only");
let failed = false;
console.log(`fuzzing with seed ${seed}, ${runs.toLocaleString("en")} cases per property`);
for (const { name, property } of PROPERTIES) {
  if (only !== undefined && only !== name) continue;
  const started = process.hrtime.bigint();
  const result = await fc.check(property, { seed, numRuns: runs });
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
process.exit(failed ? 1 : 0);
