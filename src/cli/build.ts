import { build, BuildFailed } from "../build.ts";
import { parseNow } from "../content/dates.ts";
import { UsageError } from "../errors/usage.ts";
import { parse, USAGE } from "./args.ts";
import { printProblems } from "./report.ts";

export async function buildCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "dist" },
    now: { type: "string" },
    drafts: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.now !== undefined && parseNow(values.now, "UTC") === undefined) {
    throw new UsageError(`--now "${values.now}" is not a date like 2026-11-27T10:30 or 2026-11-27T10:30:00+01:00`);
  }
  const started = performance.now();
  try {
    const result = await build({
      contentDir: values.content!,
      outDir: values.out!,
      ...(values.now !== undefined && { now: values.now }),
      drafts: values.drafts!,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const summary = `Built ${result.releases} releases into ${values.out}: ${result.pages} pages, ${result.mediaFiles} media files in ${seconds} s.`;
    if (values.json) {
      const { releases, pages, mediaFiles } = result;
      process.stdout.write(JSON.stringify({ ok: true, releases, pages, mediaFiles, seconds: Number(seconds) }) + "\n");
    }
    else process.stdout.write(summary + "\n");
    return 0;
  } catch (error) {
    if (error instanceof BuildFailed) {
      printProblems(error.problems, error.sources, values.json!);
      return 1;
    }
    throw error;
  }
}
