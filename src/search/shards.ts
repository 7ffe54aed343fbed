/**
 * The search index in shards of whole years: which years go together, for
 * the build (the records of each shard) and the search page (the folders it
 * merges).
 */
/**
 * Releases per shard, at most (a year with more is a shard of its own). Pagefind's time
 * grows faster than the number of records (here 2.4 s for 1,000, 7.9 s for 2,000, 38 s for
 * 10,000), so shards of 1,000 index a large archive in a third of the time, and a change
 * makes only its own shard again. Each shard costs the browser one more small download
 * (Pagefind's WebAssembly, about 60 KB) when it searches.
 */
export const SHARD_SIZE = 1000;

export interface SearchShard<R> {
  /** Its folder below pagefind/: the first year it holds, or "1998-2003". */
  readonly name: string;
  readonly records: readonly R[];
}

/**
 * The records in shards of whole years, oldest first, each filled up to `size`, and the
 * newest year always in a shard of its own: new releases and most corrections change only
 * that small shard, so the others keep their names and bytes from build to build (until the
 * year turns, when last year joins the older ones once).
 */
export function searchShards<R extends { readonly year: string }>(records: readonly R[], size = SHARD_SIZE): SearchShard<R>[] {
  const byYear = new Map<string, R[]>();
  for (const record of records) {
    const year = byYear.get(record.year);
    if (year) year.push(record);
    else byYear.set(record.year, [record]);
  }
  return yearGroups(new Map([...byYear].map(([year, own]) => [year, own.length])), size).map((group) => ({
    name: group.name,
    records: group.years.flatMap((year) => byYear.get(year)!),
  }));
}

/** Years (with how many releases each has) grouped into shards, oldest first; what the search page merges. */
export function yearGroups(counts: ReadonlyMap<string, number>, size = SHARD_SIZE): { name: string; years: string[] }[] {
  const groups: { years: string[]; count: number }[] = [];
  const years = [...counts.keys()].sort();
  const newest = years.pop();
  for (const year of years) {
    const count = counts.get(year)!;
    const last = groups.at(-1);
    if (last && last.count + count <= size) {
      last.years.push(year);
      last.count += count;
    } else groups.push({ years: [year], count });
  }
  if (newest !== undefined) groups.push({ years: [newest], count: counts.get(newest)! });
  return groups.map(({ years }) => ({ name: years.length === 1 ? years[0]! : `${years[0]}-${years.at(-1)}`, years }));
}
