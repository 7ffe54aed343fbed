/**
 * `pressroom schedule`: what waits for its time (embargoes, withdrawals), with
 * the time in the site's zone and how long until then, and which drafts
 * exist; with --due-since, whether a release went public since a moment (the
 * deployed build's), so a scheduled job builds and deploys only then. It
 * speaks the site's language (or --lang).
 */
import { appendFileSync, existsSync } from "node:fs";
import { checkContent } from "../check.ts";
import { clockOf, formatInstant, formatUntil, parseNow } from "../content/dates.ts";
import { dueBetween, drafts, waiting, withdrawalsWaiting } from "../content/publish.ts";
import type { Release } from "../content/model.ts";
import { inert } from "../errors/inert.ts";
import { reportLanguage } from "../errors/language.ts";
import { UsageError } from "../errors/usage.ts";
import { defaults as cacheDefaults, MediaCache } from "../media/cache.ts";
import { readManifest } from "../outputs/manifest.ts";
import { parse, USAGE } from "./args.ts";
import { jsonLine, pathFromCwd, printProblems } from "./report.ts";
import { scheduleText, type ScheduleText } from "./schedule-text.ts";

/** A moment from the command line: a date-time, or a manifest.json (the time its build was made). */
function sinceOf(value: string, timeZone: string, t: ScheduleText): { at: number; from: string } {
  if (existsSync(value)) {
    const built = readManifest(value).built;
    return { at: Date.parse(built), from: t.builtAt(inert(value), built) };
  }
  const at = parseNow(value, timeZone);
  if (at === undefined) throw new UsageError(`--due-since "${value}" is neither a date like 2026-11-27T10:30 nor a manifest.json`);
  return { at, from: inert(value) };
}

/**
 * Lines whose columns line up: each cell padded to the widest of its column, the last one as it is.
 * Every cell (titles, addresses, file names) made inert first: one row stays one line, and the widths count what is shown.
 */
function table(rows: readonly (readonly string[])[]): string {
  const shown = rows.map((cells) => cells.map(inert));
  return shown.map((cells) => "  " + cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(Math.max(...shown.map((r) => r[i]!.length))))).join("  ")).join("\n");
}

export async function scheduleCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    cache: { type: "string" },
    now: { type: "string" },
    lang: { type: "string" },
    "due-since": { type: "string" },
    "github-output": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  reportLanguage(values.lang, undefined);
  const contentDir = values.content!;
  const cache = new MediaCache({ dir: values.cache ?? cacheDefaults.dir, write: false });
  const result = await checkContent(contentDir, { cache });
  const language = reportLanguage(values.lang, result.sources.get("site.yaml"));
  if (!result.model || result.problems.length > 0) {
    printProblems([...result.problems, ...result.warnings], result.sources, values.json!, { language, contentDir, outcome: "check" });
    return 1;
  }
  const t = scheduleText(language);
  const model = result.model;
  const zone = model.site.timeZone;
  const now = clockOf(values.now, zone);
  const shown = pathFromCwd(contentDir);
  const when = (instant: number, hasTime: boolean): string => formatInstant(instant, zone, hasTime ? t.dateTime : t.date);
  const until = (instant: number): string => formatUntil(now, instant, zone, language);
  const row = (r: Release, instant = r.date, hasTime = r.hasTime): string[] => [when(instant, hasTime), until(instant), r.url, `${r.title}  (${shown(r.file)})`];
  const json = (r: Release) => ({ file: r.file, url: r.url, title: r.title, date: new Date(r.date).toISOString() });
  /** Whole seconds until a moment, for tools that count. */
  const inSeconds = (instant: number): number => Math.ceil((instant - now) / 1000);

  if (values["due-since"] !== undefined) {
    const since = sinceOf(values["due-since"], zone, t);
    const due = dueBetween(model, since.at, now);
    if (values["github-output"]) {
      const file = process.env.GITHUB_OUTPUT;
      if (!file) throw new UsageError("--github-output needs the GITHUB_OUTPUT variable that GitHub Actions sets");
      appendFileSync(file, `due=${due.length > 0}\n`);
    }
    const dueRow = (r: Release): string[] => [when(r.date, r.hasTime), r.url, `${r.title}  (${shown(r.file)})`];
    if (values.json) process.stdout.write(jsonLine({ since: new Date(since.at).toISOString(), due: due.map(json) }));
    else if (due.length === 0) process.stdout.write(t.nothingDue(since.from) + "\n");
    else process.stdout.write(`${t.due(due.length, since.from)}\n${table(due.map(dueRow))}\n`);
    return 0;
  }

  const later = waiting(model, now);
  const withdrawals = withdrawalsWaiting(model, now);
  const unfinished = drafts(model);
  if (values.json) {
    const withdrawalJson = (r: Release) => ({ ...json(r), withdrawn: new Date(r.withdrawn!.date).toISOString(), in_seconds: inSeconds(r.withdrawn!.date) });
    const waitingJson = (r: Release) => ({ ...json(r), in_seconds: inSeconds(r.date) });
    process.stdout.write(jsonLine({ waiting: later.map(waitingJson), withdrawals: withdrawals.map(withdrawalJson), drafts: unfinished.map(json) }));
    return 0;
  }
  const out: string[] = [t.zone(zone)];
  out.push(later.length === 0 ? t.noneWaiting : `${t.waiting(later.length)}\n${table(later.map((r) => row(r)))}`);
  if (withdrawals.length > 0) {
    out.push(`${t.withdrawals(withdrawals.length)}\n${table(withdrawals.map((r) => row(r, r.withdrawn!.date, r.withdrawn!.hasTime)))}`);
  }
  out.push(unfinished.length === 0 ? t.noDrafts : `${t.drafts(unfinished.length)}\n${table(unfinished.map((r) => [r.title, `(${shown(r.file)})`]))}`);
  process.stdout.write(out.join("\n") + "\n");
  return 0;
}
