import { checkContent } from "../check.ts";
import { formatAnnotations } from "../errors/annotations.ts";
import { UsageError } from "../errors/usage.ts";
import { defaults as cacheDefaults, MediaCache } from "../media/cache.ts";
import { parse, USAGE } from "./args.ts";
import { printProblems } from "./report.ts";

export async function checkCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    cache: { type: "string" },
    json: { type: "boolean", default: false },
    annotations: { type: "boolean", default: false },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  // Both print to standard output: mixed, neither could be read.
  if (values.json && values.annotations) throw new UsageError("--json and --annotations cannot be combined");
  // check only reads the cache that builds fill: it writes nothing.
  const cache = new MediaCache({ dir: values.cache ?? cacheDefaults.dir, write: false });
  const result = await checkContent(values.content!, { cache });
  const all = [...result.problems, ...result.warnings];
  // For GitHub Actions: each problem shown on its line of the changed file. The human report is printed as well.
  if (values.annotations) process.stdout.write(formatAnnotations(all, { contentDir: values.content!, cwd: process.cwd() }));
  if (result.problems.length > 0) {
    printProblems(all, result.sources, values.json!);
    return 1;
  }
  const count = result.model?.releases.length ?? 0;
  if (values.json) {
    process.stdout.write(JSON.stringify({ ok: true, releases: count, problems: [], warnings: result.warnings }) + "\n");
    return 0;
  }
  if (result.warnings.length > 0) printProblems(result.warnings, result.sources, false);
  process.stdout.write(`Content is valid: ${count} releases checked in ${values.content}.\n`);
  return 0;
}
