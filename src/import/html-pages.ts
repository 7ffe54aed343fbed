/** Saved HTML pages read by a mapping file: not yet. */
import type { Fetcher } from "./fetch.ts";
import type { SourceRead } from "./item.ts";
import type { Mapping } from "./mapping.ts";

export async function readPages(_addresses: readonly string[], _fetcher: Fetcher, _mapping: Mapping, _timeZone: string): Promise<SourceRead> {
  return { items: [], skipped: [], failures: [] };
}
