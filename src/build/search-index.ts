/**
 * The search index (Pagefind), in shards of whole years (search/shards.ts),
 * each made again only when what it holds changed: a shard's files share one
 * key, the hash of every record in it. Pagefind is loaded only when a shard
 * has to be made.
 */
import { codeFingerprint } from "../fingerprint.ts";
import { sha256 } from "../media/cache.ts";
import type { PreviousBuild } from "../previous-build.ts";
import { searchRecords } from "../search/records.ts";
import { searchShards } from "../search/shards.ts";
import { searchFingerprint } from "../search/version.ts";
import { FILES } from "../site/files.ts";
import type { SitePlan } from "../site/plan.ts";
import { UNCHANGED, type OutputFile } from "../write-files.ts";

export async function searchIndex(plan: SitePlan, shardSize: number | undefined, previous: PreviousBuild): Promise<OutputFile[]> {
  const shards = searchShards(searchRecords(plan), shardSize);
  const language = plan.site.language;
  const files: OutputFile[] = [];
  const version = searchFingerprint();
  for (const shard of shards) {
    const folder = `${FILES.searchFolder}/${shard.name}`;
    const key = sha256(JSON.stringify(["search", codeFingerprint(), version, language, shard]));
    const recorded = previous.filesKeyed(key);
    if (recorded.length > 0 && recorded.every((file) => file.startsWith(`${folder}/`) && previous.reusable(file, key))) {
      files.push(...recorded.map((file) => ({ path: file, content: UNCHANGED, key })));
      continue;
    }
    const { searchIndexFiles } = await import("../search/pagefind.ts");
    for (const [file, content] of await searchIndexFiles(shard.records, { language })) files.push({ path: `${folder}/${file}`, content, key });
  }
  return files;
}
