import { build, BuildFailed } from "../build.ts";
import { parseNow } from "../content/dates.ts";
import { UsageError } from "../errors/usage.ts";
import { parse, USAGE } from "./args.ts";
import { imageProgress, imageSummary } from "./progress.ts";
import { printProblems } from "./report.ts";

export async function buildCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "dist" },
    now: { type: "string" },
    drafts: { type: "boolean", default: false },
    cache: { type: "string" },
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
  const progress = imageProgress();
  try {
    const result = await build({
      contentDir: values.content!,
      outDir: values.out!,
      ...(values.now !== undefined && { now: values.now }),
      drafts: values.drafts!,
      ...(values.cache !== undefined && { cacheDir: values.cache }),
      ...(!values.json && { onImageProgress: progress.onProgress }),
    });
    progress.end();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const summary = `Built ${result.releases} releases into ${values.out}: ${result.pages} pages, ${result.mediaFiles} media files in ${seconds} s.`;
    if (values.json) {
      const { releases, pages, mediaFiles, images, warnings } = result;
      const { photos, encoded, reused, cards } = images;
      const json = {
        ok: true,
        releases,
        pages,
        mediaFiles,
        seconds: Number(seconds),
        images: { photos, encoded, reused, cards, seconds: Number(images.seconds.toFixed(2)) },
        warnings,
      };
      process.stdout.write(JSON.stringify(json) + "\n");
    } else {
      if (result.warnings.length > 0) printProblems(result.warnings, result.sources, false);
      const images = imageSummary(result.images);
      if (images) process.stdout.write(images + "\n");
      process.stdout.write(summary + "\n");
    }
    return 0;
  } catch (error) {
    progress.end();
    if (error instanceof BuildFailed) {
      printProblems(error.problems, error.sources, values.json!);
      return 1;
    }
    throw error;
  }
}
