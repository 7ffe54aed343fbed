/**
 * PRESSROOM_TIMINGS=1 prints how long each stage of a build took, with the
 * memory in use after it, to standard error (for profiling, see
 * docs/performance.md). Without it, `stage` does nothing.
 */
export const stage: (name: string) => void = process.env.PRESSROOM_TIMINGS
  ? (() => {
      let last = performance.now();
      return (name: string): void => {
        const now = performance.now();
        const { rss, heapUsed } = process.memoryUsage();
        const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0).padStart(5)} MiB`;
        process.stderr.write(`${name.padEnd(24)} ${((now - last) / 1000).toFixed(2).padStart(6)} s  rss ${mib(rss)}  heap ${mib(heapUsed)}\n`);
        last = now;
      };
    })()
  : (): void => undefined;
