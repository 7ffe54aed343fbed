import { checkContent } from "../check.ts";
import { clockOf, parseNow } from "../content/dates.ts";
import { waitingAt } from "../content/waiting.ts";
import { formatAnnotations } from "../errors/annotations.ts";
import { reportLanguage } from "../errors/language.ts";
import { reportText } from "../errors/report-text.ts";
import { problemJson } from "../errors/report.ts";
import { UsageError } from "../errors/usage.ts";
import { defaults as cacheDefaults, MediaCache } from "../media/cache.ts";
import { parse, USAGE } from "./args.ts";
import { jsonLine, pathFromCwd, printProblems, waitingJson, waitingText } from "./report.ts";

export async function checkCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    cache: { type: "string" },
    now: { type: "string" },
    lang: { type: "string" },
    json: { type: "boolean", default: false },
    annotations: { type: "boolean", default: false },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  // Both print to standard output: mixed, neither could be read.
  if (values.json && values.annotations) throw new UsageError("--json and --annotations cannot be combined");
  if (values.now !== undefined && parseNow(values.now, "UTC") === undefined) {
    throw new UsageError(`--now "${values.now}" is not a date like 2026-11-27T10:30 or 2026-11-27T10:30:00+01:00`);
  }
  reportLanguage(values.lang, undefined);
  const contentDir = values.content!;
  // check only reads the cache that builds fill: it writes nothing.
  const cache = new MediaCache({ dir: values.cache ?? cacheDefaults.dir, write: false });
  const result = await checkContent(contentDir, { cache, clock: { ...(values.now !== undefined && { now: values.now }) } });
  const language = reportLanguage(values.lang, result.sources.get("site.yaml"));
  const all = [...result.problems, ...result.warnings];
  // For GitHub Actions: each problem shown on its line of the changed file. The human report is printed as well.
  if (values.annotations) process.stdout.write(formatAnnotations(all, { contentDir, cwd: process.cwd(), language }));
  const print = { language, contentDir, outcome: "check" } as const;
  if (result.problems.length > 0) {
    printProblems(all, result.sources, values.json!, print);
    return 1;
  }
  const model = result.model;
  const now = model && clockOf(values.now, model.site.timeZone);
  const releases = model?.releases.length ?? 0;
  if (values.json) {
    const shown = pathFromCwd(contentDir);
    const json = {
      ok: true,
      releases,
      problems: [],
      warnings: result.warnings.map((p) => problemJson(p, { language, path: shown })),
      ...(model && waitingJson(waitingAt(model, now!), { drafts: false })),
    };
    process.stdout.write(jsonLine(json));
    return 0;
  }
  if (result.warnings.length > 0) printProblems(result.warnings, result.sources, false, print);
  process.stdout.write(reportText(language).valid(releases, contentDir) + "\n");
  if (model) process.stdout.write(waitingText(waitingAt(model, now!), language, { drafts: false }));
  return 0;
}
