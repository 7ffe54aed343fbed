/**
 * Lines for programs that drive `pressroom serve` (its tests), only when
 * PRESSROOM_PREVIEW_TRACE=1; without it the preview prints nothing more.
 *
 * A program that saved files must know when the preview has taken in its saves
 * and is done with them. Watching the files does not tell: the watcher reports a
 * second change of a file within 50 ms not at all (chokidar's throttle), and the
 * preview reads that save only because it gathers saves for 50 ms before it reads
 * any. So the preview says what it read, when it reads: each time it starts on
 * gathered saves, a `batch` line names every path reported since the last one
 * with the change time (ctime, in ns) it has then, or null when it is gone; for a
 * folder that appeared, the files in it then (a folder made and filled at once can
 * reach the watcher before its files, which it may then never name, and the build
 * after the batch reads the whole folder). A
 * program waits until a batch has named each file it saved with that file's
 * last change time (or null for a file it removed), then for a `settled` line:
 * no save waiting, no quick-lane page being written, no build running or due.
 * `quick` says the quick lane showed saved texts.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const ON = process.env.PRESSROOM_PREVIEW_TRACE === "1";

export const PREFIX = "pressroom-preview:";

export type TraceLine = { readonly batch: readonly (readonly [file: string, ctime: string | null])[] } | { readonly settled: true } | { readonly quick: number };

const say = (line: TraceLine): void => {
  if (ON) process.stdout.write(`${PREFIX} ${JSON.stringify(line)}\n`);
};

/** Paths reported since the last batch (absolute). */
const reported = new Set<string>();

/** Folders that appeared since the last batch (absolute). */
const folders = new Set<string>();

/** The files below `folder` (absolute), hidden ones and those in hidden folders left out, as the watcher does. */
const filesIn = (folder: string): string[] => {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !path.relative(folder, file).split(path.sep).some((part) => part.startsWith(".")));
  } catch {
    return [];
  }
};

/** A file's change time in ns (as text), or null when it is not there. */
export const changeTime = (file: string): string | null => {
  try {
    return String(statSync(file, { bigint: true }).ctimeNs);
  } catch {
    return null;
  }
};

export const trace = {
  /** The watcher reported `file` (absolute). */
  saw(file: string): void {
    if (ON) reported.add(file);
  },
  /** The watcher reported that folder `folder` (absolute) appeared. */
  sawFolder(folder: string): void {
    if (ON) folders.add(folder);
  },
  /** The preview starts on the saves gathered so far. */
  batch(): void {
    if (!ON) return;
    for (const folder of folders) for (const file of [folder, ...filesIn(folder)]) reported.add(file);
    folders.clear();
    say({ batch: [...reported].map((file) => [file, changeTime(file)] as const) });
    reported.clear();
  },
  quick(pages: number): void {
    say({ quick: pages });
  },
  settled(): void {
    say({ settled: true });
  },
};
