/**
 * `pressroom deploy`: publish an output folder to S3-compatible storage.
 *
 * The deployed manifest says what the bucket holds; only files that are new
 * or differ are uploaded: hashed assets and downloads first, then pages and
 * feeds (which point at them), then the new manifest, and only then are
 * files that are gone removed. A deploy that stops half-way leaves the old
 * manifest and every old file in place, and a record of what it touched
 * (PENDING): the next run, of this build or another, redoes all of it.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { eachLimited } from "../each-limited.ts";
import { UsageError } from "../errors/usage.ts";
import { basePathOf } from "../content/base-path.ts";
import { sha256 } from "../media/cache.ts";
import { contentTypeOf } from "../outputs/content-type.ts";
import { CACHE_CONTROL } from "../outputs/headers.ts";
import { parseManifest, readManifest, type Manifest, type ManifestEntry } from "../outputs/manifest.ts";
import { FILES } from "../site/files.ts";
import { addressOf, sameEntry } from "./changes.ts";
import type { Bucket } from "./s3.ts";
import { inCodeUnitOrder } from "../compare.ts";

export interface DeployOptions {
  readonly outDir: string;
  /** Key prefix in the bucket ("" or ending in "/"). */
  readonly prefix: string;
  /** Show what would be done; change nothing. */
  readonly dryRun?: boolean;
  /** Leave files that the new build no longer has in the bucket. */
  readonly keepStale?: boolean;
  /**
   * Compare with the deployed manifest only, not with a listing of every key below the prefix (31 requests one after
   * another for a site of 10,000 releases): what it says is there is taken to be there. A file removed from the
   * bucket by hand, or put there by another tool, is not noticed; a deploy without it repairs both. Without a
   * deployed manifest the bucket is listed anyway.
   */
  readonly quick?: boolean;
  /** Uploads at once (default 8). */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface Upload {
  readonly file: string;
  readonly key: string;
  readonly entry: ManifestEntry;
  /** Why it goes up: not there before, different, missing in the bucket, or touched by a deploy that did not finish. */
  readonly reason: "new" | "changed" | "missing" | "unfinished";
}

export interface DeployPlan {
  readonly local: Manifest;
  /** What the bucket's manifest said (none: a first deploy). */
  readonly remote: Manifest | undefined;
  /** In upload order: hashed assets and downloads, then pages and feeds. */
  readonly uploads: readonly Upload[];
  readonly manifest: { readonly key: string; readonly changed: boolean };
  /** Keys of files the new build does not have. */
  readonly stale: readonly string[];
  /** Files an earlier deploy started to upload, remove or invalidate and did not finish (see PENDING). */
  readonly pending: readonly string[];
  readonly pendingKey: string;
  /** Whether stale files are removed: never under --keep-stale, never where no pressroom manifest was found. */
  readonly removeStale: boolean;
  readonly unchanged: number;
  readonly warnings: readonly string[];
}

/**
 * The record of a deploy under way, in the bucket next to the manifest:
 * every file it uploads, removes or has a CDN forget, written before the
 * first change and removed when everything is done. A deploy that finds one
 * did not finish: those files may hold anything, so they go up again (or
 * away) and are invalidated again, whatever either manifest says.
 */
export const PENDING = ".pressroom-deploy.json";

/** The record of `pressroom notify` (notify/record.ts), kept beside the manifest: never a stale file of the site. */
const NOTIFIED = "notified.json";

async function readPending(bucket: Bucket, key: string): Promise<string[]> {
  const bytes = await bucket.get(key);
  try {
    const files = (JSON.parse(Buffer.from(bytes ?? []).toString("utf8")) as { files?: unknown }).files;
    return Array.isArray(files) ? files.filter((file): file is string => typeof file === "string") : [];
  } catch {
    return [];
  }
}

/** Pages, feeds, sitemap and other texts readers open: they go up after what they point at. */
const isDocument = (entry: ManifestEntry): boolean =>
  /^(text\/|application\/(atom\+xml|xml|json|feed\+json))/.test(entry.type) && entry.cache !== "immutable";

export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  if (trimmed.split("/").some((part) => part === "." || part === "..")) throw new UsageError(`--prefix "${prefix}" must not hold . or .. parts`);
  return trimmed === "" ? "" : `${trimmed}/`;
}

/** The output folder's manifest, refusing what must not be deployed. */
export function readOutput(outDir: string): Manifest {
  if (!existsSync(path.join(outDir, FILES.marker))) {
    throw new UsageError(`${outDir} is not an output folder of pressroom: build the site first (pressroom build --out ${outDir})`);
  }
  const local = readManifest(outDir);
  if (local.preview) {
    throw new UsageError(`${outDir} holds a preview (from pressroom serve or build --preview: drafts and embargoed releases shown): it is never deployed. Build it with pressroom build`);
  }
  return local;
}

/**
 * The folders below the prefix that hold another site ("en/"), whose files are not ours to remove.
 *
 * A folder is another site when it holds a manifest.json that is (a) not a file of this site: neither this build nor the
 * deployed manifest lists it, and (b) a pressroom manifest: the format's marker (`"pressroom": 1`) and every field read
 * as parseManifest reads our own. The name alone is not enough: a redirect page of an old address once could be called
 * manifest.json (aliases now refuse the name), and a release moved away from such a folder left its files there for
 * good. No site identity (the site's address) is compared: a second copy of the same site deployed below this one (a
 * staging folder) has the same address and is still another site. Whatever is not a pressroom manifest does not stop
 * the clean-up: it, and the files beside it, are removed like any other file the build no longer has.
 */
async function otherSitesBelow(bucket: Bucket, keys: ReadonlySet<string>, prefix: string, manifests: readonly (Manifest | undefined)[]): Promise<string[]> {
  const ours = (key: string): boolean => manifests.some((m) => m !== undefined && Object.hasOwn(m.files, key.slice(prefix.length)));
  const candidates = [...keys].filter((key) => key !== `${prefix}${FILES.manifest}` && key.endsWith(`/${FILES.manifest}`) && !ours(key));
  const sites: string[] = [];
  await eachLimited(candidates, 8, async (key) => {
    const bytes = await bucket.get(key);
    if (bytes === undefined) return;
    try {
      parseManifest(Buffer.from(bytes).toString("utf8"), key);
      sites.push(key.slice(0, -FILES.manifest.length));
    } catch {
      // Not a pressroom manifest: no site of ours lives there.
    }
  });
  return sites.sort();
}

/** Where another site's manifest.json could be that holds a key of `keys` the new build does not serve: in each folder above it, below the prefix. */
function manifestsAbove(keys: ReadonlySet<string>, served: ReadonlySet<string>, prefix: string): Set<string> {
  const places = new Set<string>();
  for (const key of keys) {
    if (served.has(key)) continue;
    const parts = key.slice(prefix.length).split("/").slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++) places.add(`${prefix}${parts.slice(0, depth).join("/")}/${FILES.manifest}`);
  }
  return places;
}

/** Compare the output with the bucket: what goes up, what goes away. Reads the bucket, changes nothing. */
export async function planDeploy(bucket: Bucket, options: DeployOptions): Promise<DeployPlan> {
  const local = readOutput(options.outDir);
  const prefix = options.prefix;
  const manifestKey = `${prefix}${FILES.manifest}`;
  const warnings: string[] = [];

  const remoteBytes = await bucket.get(manifestKey);
  let remote: Manifest | undefined;
  if (remoteBytes !== undefined) {
    try {
      remote = parseManifest(Buffer.from(remoteBytes).toString("utf8"), `${bucket.name}/${manifestKey}`);
    } catch (error) {
      warnings.push(`${(error as Error).message}; every file is uploaded and nothing removed`);
    }
  }
  const pendingKey = `${prefix}${PENDING}`;
  const listed = remote !== undefined && options.quick ? undefined : new Set(await bucket.keys(prefix));
  const pending = listed === undefined || listed.has(pendingKey) ? await readPending(bucket, pendingKey) : [];
  // Without a listing: what the deployed manifest lists is there, and so may be what an unfinished deploy touched.
  const keys = listed ?? new Set([...Object.keys(remote!.files).filter((file) => remote!.files[file]!.cache !== "host"), ...pending].map((file) => `${prefix}${file}`));
  const unfinished = new Set(pending);
  // Objects carry their Cache-Control: when a new version of pressroom says otherwise, they go up again.
  const sameCaching = (entry: ManifestEntry): boolean =>
    entry.cache === "host" || remote?.cacheControl?.[entry.cache] === CACHE_CONTROL[entry.cache];

  const uploads: Upload[] = [];
  let unchanged = 0;
  for (const [file, entry] of Object.entries(local.files)) {
    if (entry.cache === "host") continue;
    const key = `${prefix}${file}`;
    const was = remote && Object.hasOwn(remote.files, file) ? remote.files[file] : undefined;
    if (was === undefined) uploads.push({ file, key, entry, reason: "new" });
    else if (!sameEntry(was, entry) || !sameCaching(entry)) uploads.push({ file, key, entry, reason: "changed" });
    else if (!keys.has(key)) uploads.push({ file, key, entry, reason: "missing" });
    else if (unfinished.has(file)) uploads.push({ file, key, entry, reason: "unfinished" });
    else unchanged++;
  }
  uploads.sort((a, b) => Number(isDocument(a.entry)) - Number(isDocument(b.entry)) || inCodeUnitOrder(a.file, b.file));

  const served = new Set(Object.entries(local.files).filter(([, e]) => e.cache !== "host").map(([file]) => `${prefix}${file}`));
  // Without a listing, another site's manifest is looked for in each folder above a file to remove.
  const otherSites = await otherSitesBelow(bucket, listed ?? manifestsAbove(keys, served, prefix), prefix, [local, remote]);
  const stale = [...keys]
    .filter((key) => key !== manifestKey && key !== pendingKey && key !== `${prefix}${NOTIFIED}` && !served.has(key) && !otherSites.some((site) => key.startsWith(site)))
    .sort();
  const localManifest = readFileSync(path.join(options.outDir, FILES.manifest));
  const manifestChanged = remoteBytes === undefined || !Buffer.from(remoteBytes).equals(localManifest);
  if (remote === undefined && stale.length > 0) {
    warnings.push(
      `${bucket.name}/${prefix} holds ${stale.length} files but no manifest of pressroom: none of them is removed. ` +
        `If the site's files belong there, a later deploy removes them once this one has written its manifest`,
    );
  }
  return {
    local,
    remote,
    uploads,
    manifest: { key: manifestKey, changed: manifestChanged },
    stale,
    pending,
    pendingKey,
    removeStale: remote !== undefined && !(options.keepStale ?? false),
    unchanged,
    warnings,
  };
}

/** The bytes of an output file, refused if they are not what the manifest says (the folder changed after the build). */
function readChecked(outDir: string, upload: Upload): Uint8Array {
  const bytes = readFileSync(path.join(outDir, upload.file));
  if (sha256(bytes) !== upload.entry.sha256) {
    throw new UsageError(`${path.join(outDir, upload.file)} is not the file its build made (its hash differs from manifest.json): build again, then deploy`);
  }
  return bytes;
}

export interface DeployResult {
  readonly plan: DeployPlan;
  /** Keys removed from the bucket. */
  readonly removed: readonly string[];
}

/** Carry out the plan: uploads, the manifest, then removals. */
export async function runDeploy(bucket: Bucket, plan: DeployPlan, options: DeployOptions): Promise<DeployResult> {
  // Every file to upload must be there, with the size the manifest says, before the first upload.
  for (const upload of plan.uploads) {
    const at = path.join(options.outDir, upload.file);
    const size = existsSync(at) ? statSync(at).size : -1;
    if (size !== upload.entry.size) {
      throw new UsageError(`${at} is missing or not the file its build made: build again, then deploy`);
    }
  }
  const removing = plan.removeStale ? plan.stale : [];
  const touched = [...new Set([...plan.pending, ...plan.uploads.map((u) => u.file), ...removing.map((key) => key.slice(options.prefix.length))])].sort();
  if (touched.length > 0) {
    const record = JSON.stringify({ files: touched }) + "\n";
    await bucket.put(plan.pendingKey, Buffer.from(record), {
      contentType: contentTypeOf(PENDING),
      cacheControl: "no-store",
      sha256: sha256(record),
    });
  }
  let done = 0;
  const total = plan.uploads.length + (plan.manifest.changed ? 1 : 0);
  // Assets and downloads, then documents: a page never goes up before what it shows.
  const firstDocument = plan.uploads.findIndex((u) => isDocument(u.entry));
  const phases = firstDocument === -1 ? [plan.uploads] : [plan.uploads.slice(0, firstDocument), plan.uploads.slice(firstDocument)];
  for (const phase of phases) {
    await eachLimited(phase, options.concurrency ?? 8, async (upload) => {
      const entry = upload.entry;
      await bucket.put(upload.key, readChecked(options.outDir, upload), {
        contentType: entry.type,
        cacheControl: CACHE_CONTROL[entry.cache as keyof typeof CACHE_CONTROL],
        sha256: entry.sha256,
        ...(entry.redirect !== undefined && { redirect: entry.redirect }),
      });
      options.onProgress?.(++done, total);
    });
  }
  if (plan.manifest.changed) {
    const bytes = readFileSync(path.join(options.outDir, FILES.manifest));
    await bucket.put(plan.manifest.key, bytes, {
      contentType: contentTypeOf(FILES.manifest),
      cacheControl: CACHE_CONTROL.revalidate,
      sha256: sha256(bytes),
    });
    options.onProgress?.(++done, total);
  }
  if (removing.length > 0) await bucket.delete(removing, options.concurrency ?? 8);
  return { plan, removed: removing };
}

/** After the CDN was told (or when there is none): the deploy is complete, its record goes. */
export async function finishDeploy(bucket: Bucket, plan: DeployPlan): Promise<void> {
  await bucket.delete([plan.pendingKey], 1);
}

/** Addresses a CDN must forget after the deploy: every page or file that changed or went (hashed names never change). */
export function invalidationPaths(plan: DeployPlan, removed: readonly string[], prefix: string): string[] {
  const basePath = basePathOf(plan.local.site);
  const files = [
    ...plan.uploads.filter((u) => u.entry.cache !== "immutable").map((u) => u.file),
    ...removed.map((key) => key.slice(prefix.length)),
    ...plan.pending.filter((file) => plan.local.files[file]?.cache !== "immutable"),
    ...(plan.manifest.changed ? [FILES.manifest] : []),
  ];
  const paths = new Set<string>();
  for (const file of files) {
    paths.add(encodeURI(addressOf(basePath, file)));
    if (file.endsWith("index.html")) paths.add(encodeURI(`${basePath}/${file}`));
  }
  return [...paths].sort();
}
