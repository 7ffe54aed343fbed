/**
 * Checking a content folder: load → validate → resolve, and every photo
 * read. Writes nothing but the media cache it is given. Kept apart from the
 * build so `pressroom check` loads only what checking needs.
 */
import path from "node:path";
import { contentExists, loadContent, SITE_FILE } from "./content/load.ts";
import { readOverrides } from "./eleventy/overrides.ts";
import { futureTimes } from "./content/future-times.ts";
import { clockOf } from "./content/dates.ts";
import { readLogo, type LogoFile } from "./theme/logo.ts";
import type { ContentModel } from "./content/model.ts";
import { publishedReleases } from "./content/publish.ts";
import { resolveContent } from "./content/site.ts";
import { FrontMatterCache } from "./content/frontmatter-cache.ts";
import { ReleaseCache } from "./content/release-cache.ts";
import { nodeFileSystem } from "./content/fs.ts";
import { codeFingerprint } from "./fingerprint.ts";
import { problem, type Problem } from "./errors/problem.ts";
import { defaults as cacheDefaults, MediaCache, sha256 } from "./media/cache.ts";
import { probeMedia } from "./media/probe.ts";
import { defaults as planDefaults, planSite } from "./site/plan.ts";

export interface CheckResult {
  readonly model?: ContentModel;
  /** Errors: a build stops on any of them. */
  readonly problems: readonly Problem[];
  /** Worth fixing, but no reason to stop a build. */
  readonly warnings: readonly Problem[];
  /** Text of every content file read, for code frames in reports. */
  readonly sources: ReadonlyMap<string, string>;
  /** The logo file, read and measured, and the templates that replace pressroom's. */
  readonly theme?: ThemeFiles;
}

export interface ThemeFiles {
  readonly logo?: LogoFile;
  /** Name under layouts/_includes/ → the content folder's template. */
  readonly templates: ReadonlyMap<string, string>;
}

export interface CheckOptions {
  /** The media cache: what an unchanged photo told last time is not decoded again. Default: read-only, in .cache/pressroom. */
  readonly cache?: MediaCache;
  /** The build's clock (`now` as --now gives it, or the current time): times later than it are judged. Without it, only the content. */
  readonly clock?: { readonly now?: string };
}

const ADDRESSES_STORE = "addresses.json";

/**
 * Old addresses must not collide with any page, whenever each release is
 * published: every page of the site is planned with every release, drafts
 * and embargoed ones too. What that depends on — the settings, the
 * departments, every release but its text and media — is hashed; a content
 * whose hash a build found without a collision before is not planned again.
 */
async function addressProblems(model: ContentModel, cache: MediaCache): Promise<readonly Problem[]> {
  const everything = publishedReleases(model, { now: Number.POSITIVE_INFINITY, drafts: true });
  const key = sha256(JSON.stringify([codeFingerprint(), model.site, [...model.departments], [...model.contacts], everything.map(({ body: _body, media: _media, ...rest }) => rest), ...(model.translations ? [model.translations.map((t) => [t.file, t.original, t.language, t.draft])] : [])]));
  const known = (await cache.readStore(ADDRESSES_STORE)) as { key?: unknown } | undefined;
  if (known?.key === key) return [];
  const found = planSite(model, everything, { ...planDefaults, releaseViews: false }).problems;
  if (found.length === 0) await cache.writeStore(ADDRESSES_STORE, { key });
  return found;
}

/** Validate a content folder completely (including decoding every image); writes nothing but the media cache it is given. */
export async function checkContent(contentDir: string, options: CheckOptions = {}): Promise<CheckResult> {
  if (!(await contentExists(contentDir))) {
    return {
      problems: [problem("content-folder-missing", { file: contentDir }, { dir: contentDir })],
      warnings: [],
      sources: new Map(),
    };
  }
  const cache = options.cache ?? new MediaCache({ ...cacheDefaults, write: false });
  const [raw, frontMatter] = await Promise.all([loadContent(contentDir), FrontMatterCache.open(cache, codeFingerprint())]);
  const releases = await ReleaseCache.open(cache, codeFingerprint(), (textHash) => frontMatter.keep(textHash));
  const resolved = resolveContent(raw, nodeFileSystem, frontMatter.split, releases);
  await Promise.all([frontMatter.save(cache), releases.save(cache)]);
  const probed = await probeMedia(resolved.media, cache);
  const problems = [...resolved.problems, ...probed.problems];
  const warnings = [...resolved.warnings, ...probed.warnings];
  const overrides = readOverrides(contentDir);
  problems.push(...overrides.problems);
  const sources = new Map([...raw.texts, ...overrides.sources]);
  let logo: LogoFile | undefined;
  const logoEntry = resolved.partial?.site.theme.logo;
  if (logoEntry) {
    const read = await readLogo(path.join(raw.root, logoEntry.file));
    if ("reason" in read) {
      const at = { file: SITE_FILE, ...(logoEntry.line !== undefined && { line: logoEntry.line }), field: "logo" };
      problems.push(problem("logo-unreadable", at, { file: logoEntry.file, reason: read.reason }));
    } else logo = read;
  }
  if (resolved.partial) problems.push(...(await addressProblems(resolved.partial, cache)));
  const model = problems.length === 0 ? resolved.model : undefined;
  if (model && options.clock) warnings.push(...futureTimes(model, clockOf(options.clock.now, model.site.timeZone), sources));
  return {
    ...(model && { model }),
    problems,
    warnings,
    sources,
    theme: { ...(logo && { logo }), templates: overrides.templates },
  };
}
