// Runs the whole test suite with node's test runner in a time zone far from the
// example site's (a machine's local time leaking into output shows there; the
// determinism test also builds under three zones and compares bytes), then the
// date and publishing unit tests under more zones, UTC among them, and the schedule command under one.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";

const SUITE_ZONES = ["America/Los_Angeles"];
// Europe/Berlin is the example site's own zone: a machine there would hide a mistake, not show one.
const DATE_ZONES = ["UTC", "Pacific/Kiritimati", "Asia/Kolkata"];

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : testFiles(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

const only = process.argv.slice(2);
const all = only.length > 0 ? only : testFiles("test").sort();
// The date and publishing rules (unit tests) and the schedule command; builds run once, in the suite's zone.
const dateTests = all.filter((f) => /dates|publish/.test(path.basename(f)) && f.includes(`${path.sep}unit${path.sep}`));
// The schedule command (a dozen runs of the CLI) in the zone furthest from the site's: enough to show a machine's zone leaking.
const scheduleTests = all.filter((f) => /schedule/.test(path.basename(f)));
const SCHEDULE_ZONE = "Pacific/Kiritimati";

function run(zone, files) {
  if (files.length === 0) return 0;
  console.log(`\n# TZ=${zone}: ${files.length} test files`);
  // Test files run side by side, one per processor: most of their time is spent in builds and in sharp.
  const concurrency = `--test-concurrency=${Math.max(2, availableParallelism())}`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--test", concurrency, "--test-reporter=spec", ...files], {
    stdio: "inherit",
    env: { ...process.env, TZ: zone },
  });
  return result.status ?? 1;
}

let failed = 0;
for (const zone of SUITE_ZONES) failed += run(zone, all) === 0 ? 0 : 1;
for (const zone of DATE_ZONES) failed += run(zone, zone === SCHEDULE_ZONE ? [...dateTests, ...scheduleTests] : dateTests) === 0 ? 0 : 1;
if (failed > 0) {
  console.log(`\n${failed} test run(s) failed`);
  process.exit(1);
}
