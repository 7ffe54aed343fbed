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
 * with the change time (ctime, in ns) it has then, or null when it is gone. A
 * program waits until a batch has named each file it saved with that file's
 * last change time (or null for a file it removed), then for a `settled` line:
 * no save waiting, no quick-lane page being written, no build running or due.
 * `quick` says the quick lane showed saved texts.
 */
import { statSync } from "node:fs";

const ON = process.env.PRESSROOM_PREVIEW_TRACE === "1";

export const PREFIX = "pressroom-preview:";

export type TraceLine = { readonly batch: readonly (readonly [file: string, ctime: string | null])[] } | { readonly settled: true } | { readonly quick: number };

const say = (line: TraceLine): void => {
  if (ON) process.stdout.write(`${PREFIX} ${JSON.stringify(line)}\n`);
};

/** Paths reported since the last batch (absolute). */
const reported = new Set<string>();

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
  /** The preview starts on the saves gathered so far. */
  batch(): void {
    if (!ON) return;
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
