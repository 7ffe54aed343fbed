/**
 * One build in this process, for scripts/bench.ts where /usr/bin/time is
 * missing: runs build() and prints one line of JSON with the result, its own
 * elapsed time, the photos it encoded or took from the media cache, and the
 * peak resident memory of this process.
 *
 *   node --import tsx scripts/bench-child.ts --content DIR --out DIR [--now DATETIME] [--cache DIR]
 */
import { parseArgs } from "node:util";
import { build } from "../src/build.ts";

const { values } = parseArgs({
  options: { content: { type: "string" }, out: { type: "string" }, now: { type: "string" }, cache: { type: "string" } },
  strict: true,
});
if (!values.content || !values.out) {
  process.stderr.write("Usage: node --import tsx scripts/bench-child.ts --content DIR --out DIR [--now DATETIME] [--cache DIR]\n");
  process.exit(2);
}

try {
  const buildStarted = performance.now();
  const result = await build({
    contentDir: values.content,
    outDir: values.out,
    ...(values.now !== undefined && { now: values.now }),
    // The bench owns the media cache folder: it empties it for cold runs and keeps it for rebuilds.
    ...(values.cache !== undefined && { cacheDir: values.cache }),
  });
  const done = performance.now();
  process.stdout.write(
    JSON.stringify({
      ok: true,
      releases: result.releases,
      pages: result.pages,
      mediaFiles: result.mediaFiles,
      // The same fields as `pressroom build --json` prints under "images".
      ...(result.images && {
        images: {
          photos: result.images.photos,
          encoded: result.images.encoded,
          reused: result.images.reused,
          seconds: result.images.seconds,
        },
      }),
      buildSeconds: (done - buildStarted) / 1000,
      // Since the process started: Node's start-up and loading src/ through tsx included.
      uptimeSeconds: process.uptime(),
      maxRssKiB: process.resourceUsage().maxRSS,
    }) + "\n",
  );
} catch (error) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const problems = (error as { problems?: unknown[] }).problems;
  process.stdout.write(
    JSON.stringify({
      ok: false,
      error: message,
      ...(Array.isArray(problems) && { problems: problems.slice(0, 20), problemCount: problems.length }),
      maxRssKiB: process.resourceUsage().maxRSS,
    }) + "\n",
  );
  process.exitCode = 1;
}
