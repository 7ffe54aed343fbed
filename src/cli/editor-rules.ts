/**
 * What the browser editor may ask of decap-server, judged before the request
 * is passed on. decap-server itself only keeps paths inside the repository:
 * `.git/config`, the site's workflows, `site.yaml` and the templates are all
 * inside it. The editor needs much less: the releases and their photos, a
 * branch per release, and merging that branch when it is published.
 *
 * Read from decap-server 3.11 (its localGit and localFs middlewares):
 * - `persistEntry` with `useWorkflow` writes and commits on the release's
 *   branch `cms/<collection>/<slug>`; without it, straight onto the branch
 *   the site is built from.
 * - `persistMedia`, `deleteFile` and `deleteFiles` always commit straight
 *   onto that branch (git mode): the editorial workflow keeps a release's
 *   photos in its `persistEntry`, so the editor needs none of them there.
 * - `publishUnpublishedEntry` merges a release's branch: that is "Publish".
 * - `updateUnpublishedEntryStatus` writes the status into the repository's
 *   configuration (`branch.<branch>.description`), named by the slug.
 */
import { isLanguageTag } from "../content/languages.ts";
import type { RefusalReason } from "./local-guard.ts";

export interface EditorRules {
  /** decap-server's mode: git (branches, review) or fs (a folder outside git: files only). */
  readonly mode: "git" | "fs";
  /** The releases folder as seen from the repository's root ("content/releases"; "releases" when the content folder is the root). */
  readonly releases: string;
  /** The branch the site is built from, the one `edit` started on. */
  readonly branch: string;
}

/** The collection of releases of the generated config.yml (outputs/admin.ts). */
export const COLLECTION = "releases";

/** A collection of the generated config.yml: the releases, or the translations of one language (`releases-en`, `releases-de-x-ls`). */
export const isCollection = (value: unknown): boolean =>
  value === COLLECTION || (typeof value === "string" && value.startsWith(`${COLLECTION}-`) && isLanguageTag(value.slice(COLLECTION.length + 1)));

/** The statuses of Decap's editorial workflow. */
const STATUSES = new Set(["draft", "pending_review", "pending_publish"]);

export type Verdict = { readonly ok: true; readonly paths: readonly string[] } | { readonly ok: false; readonly reason: RefusalReason; readonly detail: string };

const no = (reason: RefusalReason, detail: string): Verdict => ({ ok: false, reason, detail });

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Segments of a relative path with none empty, none "." or "..", none hidden (".git", ".github", ".env"). */
function segmentsOf(value: unknown): string[] | undefined {
  if (typeof value !== "string" || value === "" || value.length > 1024 || CONTROL.test(value) || value.includes("\\")) return undefined;
  const segments = value.split("/");
  return segments.some((s) => s === "" || s === "." || s === ".." || s.startsWith(".")) ? undefined : segments;
}

/**
 * Whether `value` is a path inside the releases folder (`folder`: the
 * folder itself too, with or without a final "/"). Absolute paths, `..`
 * and hidden segments never are.
 */
export function isReleasePath(value: unknown, releases: string, folder = false): boolean {
  const written = folder && typeof value === "string" && value.endsWith("/") ? value.slice(0, -1) : value;
  const segments = segmentsOf(written);
  if (segments === undefined) return false;
  const root = releases.split("/");
  if (segments.length < root.length + (folder ? 0 : 1)) return false;
  return root.every((name, i) => segments[i] === name);
}

/**
 * Whether `value` is a release's slug as Decap makes it for the generated
 * collection ("2026/2026-12-01-neue-brücke/index"): it names the branch
 * `cms/releases/<slug>` and a key of the repository's configuration, so no
 * control character (a line break in the configuration), no `..` and no
 * hidden segment.
 */
export const isSlug = (value: unknown): boolean => typeof value === "string" && value.length <= 300 && segmentsOf(value) !== undefined && !/[\s~^:?*[\]@{}]/.test(value);

type Params = Record<string, unknown>;
const isObject = (value: unknown): value is Params => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Judges one request to decap-server's API. The verdict names the paths a
 * request touches, for the check that none of them leads out of the
 * releases folder through a link on disk (editor-api.ts).
 */
export function judge(body: unknown, rules: EditorRules): Verdict {
  if (!isObject(body) || typeof body.action !== "string") return no("request", "no action");
  const action = body.action;
  if (action === "info") return { ok: true, paths: [] };
  const params = body.params;
  if (!isObject(params)) return no("request", `${action} without params`);
  if (params.branch !== rules.branch) return no("branch", String(params.branch));

  const paths: string[] = [];
  /** Each of `values` inside the releases folder, or the first that is not. */
  const inside = (values: unknown[], folder = false): Verdict | undefined => {
    for (const value of values) {
      if (!isReleasePath(value, rules.releases, folder)) return no("path", `${action}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
      paths.push(value as string);
    }
    return undefined;
  };
  /** The release a request names by collection and slug (or by its id, "collection/slug"). */
  const entry = (collection: unknown, slug: unknown): Verdict | undefined =>
    isCollection(collection) && isSlug(slug) ? undefined : no("request", `${action}: ${String(collection)}/${String(slug)}`);
  const ok = (refusal?: Verdict): Verdict => refusal ?? { ok: true, paths };
  const commitsOnBranch = (what: string): Verdict => no("action", `${action} ${what}`.trim());

  switch (action) {
    case "entriesByFolder":
      return ok(inside([params.folder], true));
    case "entriesByFiles":
      return ok(Array.isArray(params.files) ? inside(params.files.map((file: unknown) => (isObject(file) ? file.path : file))) : no("request", action));
    case "getEntry":
    case "getMediaFile":
      return ok(inside([params.path]));
    case "getMedia":
      return ok(inside([params.mediaFolder], true));
    case "unpublishedEntries":
    case "getDeployPreview":
      return ok();
    case "unpublishedEntry": {
      if (typeof params.id === "string") {
        const at = params.id.indexOf("/");
        const refusal = entry(params.id.slice(0, at), params.id.slice(at + 1));
        if (refusal) return refusal;
      }
      return ok(params.collection === undefined && params.slug === undefined ? undefined : entry(params.collection, params.slug));
    }
    case "unpublishedEntryDataFile":
    case "unpublishedEntryMediaFile":
      return ok(entry(params.collection, params.slug) ?? inside([params.path]));
    case "deleteUnpublishedEntry":
    case "publishUnpublishedEntry":
      return ok(entry(params.collection, params.slug));
    case "updateUnpublishedEntryStatus":
      if (!STATUSES.has(params.newStatus as string)) return no("request", `${action}: ${String(params.newStatus)}`);
      if (params.cmsLabelPrefix !== undefined && params.cmsLabelPrefix !== "") return no("request", `${action}: cmsLabelPrefix`);
      return ok(entry(params.collection, params.slug));
    case "persistEntry": {
      const options = params.options;
      if (!isObject(options)) return no("request", action);
      if (rules.mode === "git" && options.useWorkflow !== true) return commitsOnBranch("useWorkflow: false");
      if (rules.mode === "git" && !isCollection(options.collectionName)) return no("request", `${action}: ${String(options.collectionName)}`);
      if (params.cmsLabelPrefix !== undefined && params.cmsLabelPrefix !== "") return no("request", `${action}: cmsLabelPrefix`);
      const dataFiles = params.dataFiles ?? (params.entry === undefined ? undefined : [params.entry]);
      if (!Array.isArray(dataFiles) || dataFiles.length === 0 || !dataFiles.every(isObject)) return no("request", action);
      if (!Array.isArray(params.assets) || !params.assets.every(isObject)) return no("request", action);
      for (const file of dataFiles) {
        if (rules.mode === "git" && !isSlug(file.slug)) return no("request", `${action}: ${String(file.slug)}`);
        const refusal = inside(file.newPath === undefined ? [file.path] : [file.path, file.newPath]);
        if (refusal) return refusal;
      }
      return ok(inside(params.assets.map((asset) => asset.path)));
    }
    case "persistMedia":
      if (rules.mode === "git") return commitsOnBranch(isObject(params.asset) ? String(params.asset.path) : "");
      return ok(isObject(params.asset) ? inside([params.asset.path]) : no("request", action));
    case "deleteFile":
      if (rules.mode === "git") return commitsOnBranch(String(params.path));
      return ok(inside([params.path]));
    case "deleteFiles":
      if (rules.mode === "git") return commitsOnBranch(Array.isArray(params.paths) ? params.paths.join(", ") : "");
      return ok(Array.isArray(params.paths) && params.paths.length > 0 ? inside(params.paths) : no("request", action));
    default:
      return no("request", `unknown action ${action}`);
  }
}
