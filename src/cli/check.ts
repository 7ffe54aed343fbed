import { checkContent } from "../check.ts";
import { defaults as cacheDefaults, MediaCache } from "../media/cache.ts";
import { parse, USAGE } from "./args.ts";
import { printProblems } from "./report.ts";

export async function checkCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    cache: { type: "string" },
    json: { type: "boolean", default: false },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  // check only reads the cache that builds fill: it writes nothing.
  const cache = new MediaCache({ dir: values.cache ?? cacheDefaults.dir, write: false });
  const result = await checkContent(values.content!, { cache });
  if (result.problems.length > 0) {
    printProblems([...result.problems, ...result.warnings], result.sources, values.json!);
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
