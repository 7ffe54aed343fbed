/** The one module that knows yazl: ZIP files whose bytes depend only on what goes in. */
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";

export type ZipEntry =
  | { readonly name: string; readonly file: string }
  | { readonly name: string; readonly text: string };

export interface ZipOptions {
  /** The time every entry carries: local wall-clock time, as ZIP's DOS fields have no time zone. */
  readonly time: { readonly year: number; readonly month: number; readonly day: number };
}

/**
 * Write `entries`, in this order, to `target`. Stored, not deflated: photos
 * and office files are compressed already. One fixed time and mode for every
 * entry, and no extended timestamp (which would carry the build machine's
 * time zone), so the same entries give the same bytes on every machine.
 */
export async function writeZip(target: string, entries: readonly ZipEntry[], options: ZipOptions): Promise<void> {
  const zip = new yazl.ZipFile();
  // Noon: no daylight-saving change happens then, in any zone, so the local fields are exactly these.
  // ZIP's calendar starts in 1980: a release of a migrated archive from before carries that first day.
  const time = options.time.year < 1980 ? { year: 1980, month: 1, day: 1 } : options.time;
  const mtime = new Date(time.year, time.month - 1, time.day, 12, 0, 0);
  const common = { mtime, mode: 0o100644, compress: false, forceDosTimestamp: true };
  for (const entry of entries) {
    if ("file" in entry) zip.addFile(entry.file, entry.name, common);
    else zip.addBuffer(Buffer.from(entry.text, "utf8"), entry.name, common);
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(target));
}
