/**
 * The search index (Pagefind), in shards of whole years (search/shards.ts),
 * each made again only when what it holds changed: a shard's files share one
 * key, the hash of what every record in it is made of (its text as the hash
 * of the release's HTML: only a shard made again has its bodies made plain). A shard is taken from the output
 * folder when the last build there left it, else from the cache folder,
 * which keeps the last one made of each name for any output folder (a CI run
 * into a new folder, the preview); Pagefind is loaded only when a shard has
 * to be made.
 */
import { codeFingerprint } from "../fingerprint.ts";
import { sha256 } from "../media/cache.ts";
import type { PreviousBuild, RecordStore } from "../previous-build.ts";
import { recordOf, searchSources, type SearchSource } from "../search/records.ts";
import { searchShards, type SearchShard } from "../search/shards.ts";
import { searchFingerprint } from "../search/version.ts";
import { FILES } from "../site/files.ts";
import type { PlannedViews } from "../site/plan.ts";
import { UNCHANGED, type OutputFile } from "../write-files.ts";
import { indexShard } from "../search/index-workers.ts";

/** A shard as the cache folder keeps it: its key and its files, by path below the shard's folder. */
interface KeptShard {
  readonly key: string;
  readonly files: readonly (readonly [file: string, base64: string])[];
}

const keptName = (shard: string): string => `search/${shard}.json`;
/** Beside each kept shard, its key alone: read at once, it tells whether Pagefind must start now. */
const keyName = (shard: string): string => `search/${shard}.key.json`;

async function keptShard(store: RecordStore, shard: string, key: string): Promise<[string, Uint8Array][] | undefined> {
  const kept = (await store.readStore(keptName(shard))) as Partial<KeptShard> | undefined;
  if (!kept || kept.key !== key || !Array.isArray(kept.files)) return undefined;
  const files = kept.files.filter((entry): entry is KeptShard["files"][number] => Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "string");
  if (files.length !== kept.files.length || files.length === 0) return undefined;
  return files.map(([file, data]) => [file, Buffer.from(data, "base64")]);
}

/**
 * Starts every shard that has to be made before it returns: this thread goes on to plan and render the pages
 * without a pause, so a read's callback would wait for them, and Pagefind with it.
 */
export async function searchIndex(plan: PlannedViews, shardSize: number | undefined, previous: PreviousBuild, store: RecordStore): Promise<OutputFile[]> {
  const shards = searchShards(searchSources(plan), shardSize);
  const language = plan.site.language;
  const version = searchFingerprint();
  const make = async (shard: SearchShard<SearchSource>, key: string): Promise<OutputFile[]> => {
    // Started here, at once (no import to wait for): a worker loads Pagefind on its own thread.
    const made = await indexShard(shard.records.map(recordOf), { language });
    const files: KeptShard = { key, files: [...made].map(([file, content]) => [file, Buffer.from(content).toString("base64")]) };
    await store.writeStore(keptName(shard.name), files);
    await store.writeStore(keyName(shard.name), key);
    return placed(shard, key, made);
  };
  /** Each shard's files, in the order of the shards; those to make are made side by side. */
  const parts = shards.map((shard): OutputFile[] | Promise<OutputFile[]> => {
    const folder = `${FILES.searchFolder}/${shard.name}`;
    // Each source is keyed with its body's hash (the page's key has it too), not its body.
    const records = shard.records.map(({ bodyHtml: _html, ...source }) => source);
    const key = sha256(JSON.stringify(["search", codeFingerprint(), version, language, shard.name, records]));
    const recorded = previous.filesKeyed(key);
    if (recorded.length > 0 && recorded.every((file) => file.startsWith(`${folder}/`) && previous.reusable(file, key))) {
      return recorded.map((file) => ({ path: file, content: UNCHANGED, key }));
    }
    if (store.peekStore(keyName(shard.name)) !== key) return make(shard, key);
    return keptShard(store, shard.name, key).then((kept) => (kept === undefined ? make(shard, key) : placed(shard, key, kept)));
  });
  return (await Promise.all(parts)).flat();
}

const placed = (shard: SearchShard<unknown>, key: string, made: Iterable<readonly [string, Uint8Array]>): OutputFile[] =>
  [...made].map(([file, content]) => ({ path: `${FILES.searchFolder}/${shard.name}/${file}`, content, key }));
