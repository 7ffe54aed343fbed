/**
 * Run `work` over `items`, at most `limit` at a time, in order of the items.
 * After a failure no further item is started; the first error is thrown once
 * the items in work have ended.
 */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (!failed && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  const results = await Promise.allSettled(runners);
  const failure = results.find((result) => result.status === "rejected");
  if (failure) throw failure.reason;
}
