/**
 * How far the JavaScript heap of a build may grow between full collections.
 * Left to itself, V8 lets the heap of a cold build at 10,000 releases grow to
 * about 800 MiB while what is alive after a full collection stays near
 * 300 MiB: it raises the limit by a factor it picks from how fast collecting
 * went, up to several times what is alive. Growth by at most half of it kept
 * the peak memory of that build at 870–930 MiB instead of 1,210–1,240 MiB, in
 * the same time (35.5–35.8 s against 35.9 s); by a fifth, 820 MiB but 6 s
 * more of collecting. The flag exists in the V8 of Node 20 and Node 24.
 *
 * Bounded for a first build into a folder (the command decides, before anything
 * is loaded), and while a build renders many pages into a folder it built
 * before (after an update of pressroom or a template: every page at once).
 * Not for a build after a change of a few files: its heap holds more that
 * stays alive (the model, every view, every page's key), and it spent about
 * 1.3 s more processor time collecting at 10,000 with the bound (0.4–0.8 s of
 * wall time), for 100 MiB less.
 */
import { setFlagsFromString } from "node:v8";

/** Growth by at most half of what is alive. */
const BOUND = "--heap-growing-percent=50";

let bounded = false;

/** From now on, for the rest of the process. */
export function boundHeapGrowth(): void {
  setFlagsFromString(BOUND);
  bounded = true;
}

/** Bounded while `work` runs; afterwards V8 picks the growth again (0 is its default: its own heuristics). */
export async function withBoundedHeap<T>(work: () => Promise<T>): Promise<T> {
  if (bounded) return work();
  setFlagsFromString(BOUND);
  try {
    return await work();
  } finally {
    setFlagsFromString("--heap-growing-percent=0");
  }
}
