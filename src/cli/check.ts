import { checkContent } from "../build.ts";
import { parse, USAGE } from "./args.ts";
import { printProblems } from "./report.ts";

export async function checkCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    json: { type: "boolean", default: false },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const result = await checkContent(values.content!);
  if (result.problems.length > 0) {
    printProblems(result.problems, result.sources, values.json!);
    return 1;
  }
  const count = result.model?.releases.length ?? 0;
  if (values.json) process.stdout.write(JSON.stringify({ ok: true, releases: count, problems: [] }) + "\n");
  else process.stdout.write(`Content is valid: ${count} releases checked in ${values.content}.\n`);
  return 0;
}
