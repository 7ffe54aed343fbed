// Runs the whole test suite with node's test runner in a time zone far from the
// example site's (a machine's local time leaking into output shows there; the
// determinism test also builds under three zones and compares bytes), and beside
// it the date and publishing unit tests under more zones, UTC among them, and the
// schedule command under one.
import { spawn } from "node:child_process";
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

/**
 * Runs `files` with the test runner in `zone`, `concurrency` files at once; its report goes straight to the
 * terminal (`stream`) or is kept and handed back with the exit status.
 */
function run(zone, files, { concurrency, stream }) {
  if (files.length === 0) return Promise.resolve({ status: 0, report: "" });
  const heading = `\n# TZ=${zone}: ${files.length} test files\n`;
  if (stream) process.stdout.write(heading);
  const child = spawn(process.execPath, ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, "--test-reporter=spec", ...files], {
    stdio: stream ? "inherit" : ["ignore", "pipe", "pipe"],
    env: { ...process.env, TZ: zone },
  });
  let report = heading;
  if (!stream) for (const output of [child.stdout, child.stderr]) output.on("data", (chunk) => (report += chunk));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status: status ?? 1, report: stream ? "" : report })));
}

// The suite, in its zone, test files side by side, one per processor (most of their time is spent in builds and in
// sharp), its report as it goes. Beside it, one file at a time and one zone after the other, the date runs: they fill
// the moments the suite leaves a processor idle, and their reports follow the suite's.
const suite = (async () => {
  const results = [];
  for (const zone of SUITE_ZONES) results.push(await run(zone, all, { concurrency: Math.max(2, availableParallelism()), stream: true }));
  return results;
})();
const dates = (async () => {
  const results = [];
  for (const zone of DATE_ZONES) {
    results.push(await run(zone, zone === SCHEDULE_ZONE ? [...dateTests, ...scheduleTests] : dateTests, { concurrency: 1, stream: false }));
  }
  return results;
})();
const results = [...(await suite), ...(await dates)];
for (const { report } of results) process.stdout.write(report);
const failed = results.filter(({ status }) => status !== 0).length;
if (failed > 0) {
  console.log(`\n${failed} test run(s) failed`);
  process.exit(1);
}
