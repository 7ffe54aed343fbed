/**
 * Which Pagefind writes the index, read from its package without loading it:
 * a build that keeps every shard never starts Pagefind.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The versions of Pagefind and its binary: shards made by another version are made again
 * (the page merges them all with the newest shard's script).
 */
export function searchFingerprint(): string {
  const versions: string[] = [];
  // The binary writes the index and the client files; its package is the one that counts.
  for (const name of [`@pagefind/${process.platform}-${process.arch}`]) {
    try {
      versions.push(`${name}@${(JSON.parse(readFileSync(fileURLToPath(import.meta.resolve(`${name}/package.json`)), "utf8")) as { version: string }).version}`);
    } catch {
      versions.push(`${name}@unknown`);
    }
  }
  return versions.join(" ");
}
