import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { build, BuildFailed } from "../build.ts";
import { parseNow } from "../content/dates.ts";
import { reportLanguage } from "../errors/language.ts";
import { reportText } from "../errors/report-text.ts";
import { problemJson } from "../errors/report.ts";
import { UsageError } from "../errors/usage.ts";
import { parse, USAGE } from "./args.ts";
import { boundHeapGrowth } from "../build/heap.ts";
import { FILES } from "../site/files.ts";
import { imageProgress, imageSummary } from "./progress.ts";
import { jsonLine, pathFromCwd, printProblems, waitingJson, waitingText } from "./report.ts";

/** The text of site.yaml, if there is one to read. */
function readSiteYaml(contentDir: string): string | undefined {
  try {
    return readFileSync(path.join(contentDir, "site.yaml"), "utf8");
  } catch {
    return undefined;
  }
}

export async function buildCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "dist" },
    now: { type: "string" },
    preview: { type: "boolean", default: false },
    // The older name of --preview.
    drafts: { type: "boolean", default: false },
    cache: { type: "string" },
    lang: { type: "string" },
    json: { type: "boolean", default: false },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  // A first build renders every page: its heap is bounded. A build into its own earlier output is not (see heap.ts).
  if (!existsSync(path.join(values.out!, FILES.marker))) boundHeapGrowth();
  if (values.now !== undefined && parseNow(values.now, "UTC") === undefined) {
    throw new UsageError(`--now "${values.now}" is not a date like 2026-11-27T10:30 or 2026-11-27T10:30:00+01:00`);
  }
  const contentDir = values.content!;
  const preview = values.preview! || values.drafts!;
  // The language is known before the build, for its progress line: site.yaml's own, as the report's.
  const language = reportLanguage(values.lang, readSiteYaml(contentDir));
  const started = performance.now();
  const progress = imageProgress(process.stderr, language);
  try {
    const result = await build({
      contentDir,
      outDir: values.out!,
      ...(values.now !== undefined && { now: values.now }),
      preview,
      ...(values.cache !== undefined && { cacheDir: values.cache }),
      ...(!values.json && { onImageProgress: progress.onProgress }),
    });
    progress.end();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    // A preview shows its drafts: no line counts them as left out.
    const drafts = { drafts: preview };
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
        warnings: warnings.map((p) => problemJson(p, { language, path: pathFromCwd(contentDir) })),
        ...waitingJson(result.waiting, drafts),
        ...(result.unchanged && { unchanged: true }),
      };
      process.stdout.write(jsonLine(json));
    } else {
      if (result.warnings.length > 0) printProblems(result.warnings, result.sources, false, { language, contentDir, outcome: "build" });
      const text = reportText(language);
      if (result.unchanged) process.stdout.write(text.unchanged(result.releases, values.out!, result.pages, seconds) + "\n");
      else {
        const images = imageSummary(result.images, language);
        if (images) process.stdout.write(images + "\n");
        process.stdout.write(text.built(result.releases, values.out!, result.pages, result.mediaFiles, seconds) + "\n");
      }
      process.stdout.write(waitingText(result.waiting, language, drafts));
    }
    return 0;
  } catch (error) {
    progress.end();
    if (error instanceof BuildFailed) {
      // The output folder as it was is worth saying only when there is one.
      const kept = existsSync(values.out!) ? { out: values.out! } : {};
      printProblems(error.problems, error.sources, values.json!, { language, contentDir, outcome: "build", ...kept });
      return 1;
    }
    throw error;
  }
}
