/**
 * The pipeline: load → validate → resolve → publish → plan → render → commit.
 * `check` stops after validation and writes nothing. A build first asks
 * whether anything changed since the last one into its folder
 * (build/up-to-date.ts); only then are the modules of a full build
 * (build/full.ts, each step a module of build/) loaded and run.
 */
import path from "node:path";
import { clockOf } from "./content/dates.ts";
import { LAYOUTS_DIR } from "./eleventy/layouts.ts";
import { defaults as cacheDefaults, MediaCache } from "./media/cache.ts";
import { checkOutputFolder } from "./output-folder.ts";
import { stage } from "./build/timings.ts";
import { stampInputs, upToDate, type StampOptions } from "./build/up-to-date.ts";
import type { BuildOptions, BuildResult } from "./build/options.ts";

export { BuildFailed, type BuildOptions, type BuildResult } from "./build/options.ts";

export async function build(options: BuildOptions): Promise<BuildResult> {
  stage("start");
  const layoutsDir = options.layoutsDir ?? LAYOUTS_DIR;
  const cache = new MediaCache({ dir: options.cacheDir ?? cacheDefaults.dir, write: true });
  checkOutputFolder(options.outDir, [options.contentDir, layoutsDir, process.cwd(), cache.dir]);
  // Read before the content is: a file changed while this build reads it makes the next build a full one.
  const inputs = stampInputs(stampOptions(options, layoutsDir));
  const unchanged = options.force ? undefined : await upToDate(cache, inputs, (timeZone) => clockOf(options.now, timeZone));
  stage("up to date?");
  if (unchanged) return { ...unchanged.summary, sources: new Map(unchanged.summary.sources), now: unchanged.now, unchanged: true };
  const { fullBuild } = await import("./build/full.ts");
  return fullBuild(options, layoutsDir, cache, inputs);
}

/** The options that change what a build makes, for its stamp. */
function stampOptions(options: BuildOptions, layoutsDir: string): StampOptions {
  const { contentDir, outDir, preview, pageSize, searchShardSize, images, localEditor } = options;
  return {
    contentDir: path.resolve(contentDir),
    outDir: path.resolve(outDir),
    layoutsDir: path.resolve(layoutsDir),
    preview: preview ?? false,
    pageSize: pageSize ?? null,
    searchShardSize: searchShardSize ?? null,
    images: images ?? null,
    localEditor: localEditor ?? null,
  };
}
