/**
 * `manifest.json`: every file of the output with its sha256, size, content
 * type and cache class, plus when the build was made. `pressroom deploy`
 * compares it with the one deployed before to upload only what changed;
 * `pressroom diff` compares two of them; `pressroom schedule --due-since`
 * reads the time of the deployed build.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { UsageError } from "../errors/usage.ts";
import { sha256 } from "../media/cache.ts";
import { FILES } from "../site/files.ts";
import { contentTypeOf, HTML_TYPE } from "./content-type.ts";
import { CACHE_CONTROL, cacheClassOf, headersFile, type CacheClass, type HeaderInput, type ServedClass } from "./headers.ts";
import { inCodeUnitOrder } from "../compare.ts";

export interface ManifestEntry {
  readonly sha256: string;
  readonly size: number;
  /** The Content-Type to serve it with. */
  readonly type: string;
  readonly cache: CacheClass;
  /** For a redirect page: where it sends readers (a path on the site's host). */
  readonly redirect?: string;
}

export interface Manifest {
  /** The format's version. */
  readonly pressroom: 1;
  /** The site's address, from site.yaml. */
  readonly site: string;
  /** The build's "now" (UTC): releases dated up to this moment are in it. */
  readonly built: string;
  /** A preview (`serve`, `build --preview`): drafts and embargoed releases shown, never deployed. */
  readonly preview: boolean;
  /** The Cache-Control of each class, as the version of pressroom that built it sends it (manifests of early versions lack it). */
  readonly cacheControl?: { readonly [K in ServedClass]: string };
  /** Output files by path (relative, forward slashes), sorted; the marker and the manifest itself are not listed. */
  readonly files: { readonly [file: string]: ManifestEntry };
}

/** A relative path inside the folder: no empty, `.` or `..` part, no backslash. */
const safePath = (file: string): boolean =>
  file.length > 0 && !file.includes("\\") && file.split("/").every((part) => part !== "" && part !== "." && part !== "..");

const entrySchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  type: z.string().min(1),
  cache: z.enum(["immutable", "revalidate", "host"]),
  redirect: z.string().optional(),
});

const manifestSchema = z.object({
  pressroom: z.literal(1),
  site: z.string(),
  built: z.iso.datetime({ offset: true }),
  preview: z.boolean(),
  cacheControl: z.object({ immutable: z.string(), revalidate: z.string() }).optional(),
  files: z.record(z.string(), entrySchema),
});

/** The file's text: one line per output file, so that two manifests compare line by line too. */
export function manifestText(manifest: Manifest): string {
  const { files, ...head } = manifest;
  const lines = Object.keys(files)
    .sort(inCodeUnitOrder)
    .map((file) => `${JSON.stringify(file)}:${JSON.stringify(files[file])}`);
  return `${JSON.stringify(head).slice(0, -1)},"files":{\n${lines.join(",\n")}\n}}\n`;
}

/** A manifest from its text; `where` names it in the error. */
export function parseManifest(text: string, where: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${where} is not a pressroom manifest: it is not JSON`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${where} is not a pressroom manifest: ${issue.path.join(".") || "the file"}: ${issue.message}`);
  }
  const outside = Object.keys(parsed.data.files).find((file) => !safePath(file));
  if (outside !== undefined) throw new UsageError(`${where} is not a pressroom manifest: ${JSON.stringify(outside)} is not a path inside the output folder`);
  return parsed.data as Manifest;
}

/** The manifest of an output folder, or a manifest file itself. */
export function readManifest(folderOrFile: string): Manifest {
  let file = folderOrFile;
  try {
    if (statSync(folderOrFile).isDirectory()) file = path.join(folderOrFile, FILES.manifest);
    return parseManifest(readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new UsageError(`${file} does not exist: build the site first (pressroom build), or name a manifest.json`);
    }
    throw error;
  }
}

export interface DescribeInput {
  readonly siteUrl: string;
  readonly basePath: string;
  /** The build's "now". */
  readonly now: number;
  readonly preview: boolean;
  /** Every file of the output but `_headers` and the manifest (relative, forward slashes). */
  readonly files: readonly string[];
  /** Redirect pages: output file → where it sends readers. */
  readonly redirects: ReadonlyMap<string, string>;
  /** Each file's sha256 and size. */
  readonly facts: (file: string) => { readonly sha256: string; readonly size: number };
  /** Origins besides the site that its forms may send to. */
  readonly formTargets?: readonly string[];
  /** A folder with a security policy of its own (the browser editor). */
  readonly ownPolicy?: HeaderInput["ownPolicy"];
}

/** `_headers` and `manifest.json` for a finished output (the manifest lists `_headers` too). */
export function describeOutput(input: DescribeInput): { headers: string; manifest: string } {
  const headers = headersFile({
    siteUrl: input.siteUrl,
    basePath: input.basePath,
    files: [...input.files, FILES.headers, FILES.manifest],
    redirectPages: [...input.redirects.keys()],
    ...(input.formTargets && { formTargets: input.formTargets }),
    ...(input.ownPolicy && { ownPolicy: input.ownPolicy }),
  });
  const entry = (file: string, sha256: string, size: number): ManifestEntry => {
    const redirect = input.redirects.get(file);
    return {
      sha256,
      size,
      type: redirect !== undefined ? HTML_TYPE : contentTypeOf(file),
      cache: cacheClassOf(file),
      ...(redirect !== undefined && { redirect }),
    };
  };
  const files: { [file: string]: ManifestEntry } = {};
  for (const file of [...input.files].sort(inCodeUnitOrder)) {
    const facts = input.facts(file);
    files[file] = entry(file, facts.sha256, facts.size);
  }
  files[FILES.headers] = entry(FILES.headers, sha256(headers), Buffer.byteLength(headers));
  const manifest = manifestText({
    pressroom: 1,
    site: input.siteUrl,
    built: new Date(input.now).toISOString(),
    preview: input.preview,
    cacheControl: { ...CACHE_CONTROL },
    files,
  });
  return { headers, manifest };
}
