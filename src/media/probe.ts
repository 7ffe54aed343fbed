/** Checking every image of the content before anything is written: size, and that it decodes. */
import { stat } from "node:fs/promises";
import { problem, type Problem } from "../errors/problem.ts";
import type { MediaRef } from "../content/release.ts";
import { inspectImage } from "./sharp.ts";

/** Run `work` over `items`, at most `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return "it has too many pixels (more than 100 megapixels)";
  if (/unsupported image format/i.test(message)) return "it is not an image in a known format";
  if (/premature end|truncated|corrupt|invalid|bad|vips/i.test(message)) return "the file is damaged or incomplete";
  return message.split("\n")[0]!.trim() || "unknown error";
}

/** Fill in size and bytes of every media file; problems for images that cannot be read. */
export async function probeMedia(found: readonly MediaRef[], concurrency = 4): Promise<Problem[]> {
  const problems: Problem[] = [];
  await eachLimited(found, concurrency, async ({ file, media }) => {
    media.bytes = (await stat(media.source)).size;
    if (media.kind !== "image") return;
    try {
      const info = await inspectImage(media.source);
      media.width = info.width;
      media.height = info.height;
    } catch (error) {
      problems.push(
        problem(
          "media-unreadable",
          { file, line: media.line, field: `media.${media.index}.file` },
          { file: media.file, reason: reasonOf(error) },
        ),
      );
    }
  });
  return problems;
}
