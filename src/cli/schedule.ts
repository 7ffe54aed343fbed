/**
 * `pressroom schedule`: what waits for its time (embargoes) and which drafts
 * exist; with --due-since, whether a release went public since a moment (the
 * deployed build's), so a scheduled job builds and deploys only then.
 */
import { appendFileSync, existsSync } from "node:fs";
import { checkContent } from "../check.ts";
import { clockOf, formatInstant, parseNow } from "../content/dates.ts";
import { dueBetween, drafts, waiting, withdrawalsWaiting } from "../content/publish.ts";
import type { Release } from "../content/model.ts";
import { UsageError } from "../errors/usage.ts";
import { defaults as cacheDefaults, MediaCache } from "../media/cache.ts";
import { readManifest } from "../outputs/manifest.ts";
import { parse, USAGE } from "./args.ts";
import { printProblems } from "./report.ts";

/** A moment from the command line: a date-time, or a manifest.json (the time its build was made). */
function sinceOf(value: string, timeZone: string): { at: number; from: string } {
  if (existsSync(value)) {
    const built = readManifest(value).built;
    return { at: Date.parse(built), from: `${value} (built ${built})` };
  }
  const at = parseNow(value, timeZone);
  if (at === undefined) throw new UsageError(`--due-since "${value}" is neither a date like 2026-11-27T10:30 nor a manifest.json`);
  return { at, from: value };
}

export async function scheduleCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    cache: { type: "string" },
    now: { type: "string" },
    "due-since": { type: "string" },
    "github-output": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const cache = new MediaCache({ dir: values.cache ?? cacheDefaults.dir, write: false });
  const result = await checkContent(values.content!, { cache });
  if (!result.model || result.problems.length > 0) {
    printProblems([...result.problems, ...result.warnings], result.sources, values.json!, { contentDir: values.content!, outcome: "check" });
    return 1;
  }
  const model = result.model;
  const zone = model.site.timeZone;
  const now = clockOf(values.now, zone);
  const when = (r: Release): string => formatInstant(r.date, zone, r.hasTime ? "dd.MM.yyyy, HH:mm" : "dd.MM.yyyy       ");
  const line = (r: Release): string => `  ${when(r)}  ${r.url}  ${r.title}  (${r.file})\n`;
  const json = (r: Release) => ({ file: r.file, url: r.url, title: r.title, date: new Date(r.date).toISOString() });

  if (values["due-since"] !== undefined) {
    const since = sinceOf(values["due-since"], zone);
    const due = dueBetween(model, since.at, now);
    if (values["github-output"]) {
      const file = process.env.GITHUB_OUTPUT;
      if (!file) throw new UsageError("--github-output needs the GITHUB_OUTPUT variable that GitHub Actions sets");
      appendFileSync(file, `due=${due.length > 0}\n`);
    }
    if (values.json) process.stdout.write(JSON.stringify({ since: new Date(since.at).toISOString(), due: due.map(json) }) + "\n");
    else if (due.length === 0) process.stdout.write(`Nothing went public or was withdrawn since ${since.from}.\n`);
    else process.stdout.write(`${due.length} release(s) went public or were withdrawn since ${since.from}: build and deploy.\n${due.map(line).join("")}`);
    return 0;
  }

  const later = waiting(model, now);
  const withdrawals = withdrawalsWaiting(model, now);
  const unfinished = drafts(model);
  const withdrawalJson = (r: Release) => ({ ...json(r), withdrawn: new Date(r.withdrawn!.date).toISOString() });
  if (values.json) {
    process.stdout.write(JSON.stringify({ waiting: later.map(json), withdrawals: withdrawals.map(withdrawalJson), drafts: unfinished.map(json) }) + "\n");
    return 0;
  }
  const withdrawalLine = (r: Release): string =>
    `  ${formatInstant(r.withdrawn!.date, zone, r.withdrawn!.hasTime ? "dd.MM.yyyy, HH:mm" : "dd.MM.yyyy       ")}  ${r.url}  ${r.title}  (${r.file})\n`;
  const out: string[] = [`Times are ${zone}.`];
  out.push(later.length === 0 ? "No release waits for its time." : `Waiting for their time (${later.length}):\n${later.map(line).join("").trimEnd()}`);
  if (withdrawals.length > 0) out.push(`Withdrawals waiting for their time (${withdrawals.length}):\n${withdrawals.map(withdrawalLine).join("").trimEnd()}`);
  out.push(unfinished.length === 0 ? "No drafts." : `Drafts, never published until draft: true is removed (${unfinished.length}):\n${unfinished.map((r) => `  ${r.title}  (${r.file})`).join("\n")}`);
  process.stdout.write(out.join("\n") + "\n");
  return 0;
}
