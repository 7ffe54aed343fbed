/**
 * How each output file is cached and which headers every response carries:
 * the one table that `_headers` (Netlify, Cloudflare Pages), `manifest.json`
 * and `pressroom deploy` (S3 object metadata) all read.
 */
import { FILES } from "../site/files.ts";
import { contentTypeOf, HTML_TYPE } from "./content-type.ts";
import { inCodeUnitOrder } from "../compare.ts";

/**
 * - immutable: the name changes whenever the content does (a hash in the name): cached for a year.
 * - revalidate: pages, feeds, sitemap, downloads at lasting addresses: asked for again each time
 *   (a cheap 304 while unchanged), so a correction or a withdrawn photo is gone at once.
 * - host: read by the host itself (`_headers`, `_redirects`), never served, never uploaded.
 */
export type CacheClass = "immutable" | "revalidate" | "host";
export type ServedClass = Exclude<CacheClass, "host">;

export const CACHE_CONTROL: Readonly<Record<ServedClass, string>> = {
  immutable: "public, max-age=31536000, immutable",
  revalidate: "public, max-age=0, must-revalidate",
};

/** Top-level folders whose every file carries a content hash in its name. */
export const IMMUTABLE_FOLDERS: readonly string[] = [FILES.assetsFolder, FILES.imagesFolder];

/** Host configuration files, for hosts that read them. */
const HOST_FILES: ReadonlySet<string> = new Set([FILES.headers, FILES.redirects]);

export function cacheClassOf(file: string): CacheClass {
  if (HOST_FILES.has(file)) return "host";
  const top = file.includes("/") ? file.slice(0, file.indexOf("/")) : "";
  return IMMUTABLE_FOLDERS.includes(top) ? "immutable" : "revalidate";
}

const CSP = "Content-Security-Policy";

/**
 * Sent with every response. No page has inline script or style, so the
 * policy allows neither; scripts come from the site only (the search page's,
 * and Pagefind's WebAssembly). Frames stay on the site, and forms too, but
 * for the search engine the no-script search may send its query to.
 */
export function securityHeaders(siteUrl: string, formTargets: readonly string[] = []): [name: string, value: string][] {
  const https = siteUrl.startsWith("https://");
  const policy = [
    "default-src 'self'",
    // The search runs Pagefind's WebAssembly, which a policy only allows with this word (no eval of scripts).
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...formTargets].join(" ")}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return [
    ["Content-Security-Policy", policy],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"],
    ["X-Frame-Options", "DENY"],
    ...(https ? ([["Strict-Transport-Security", "max-age=31536000"]] as [string, string][]) : []),
  ];
}

export interface HeaderInput {
  readonly siteUrl: string;
  /** The site's path on its host ("" or "/presse"). */
  readonly basePath: string;
  /** Every output file (relative, forward slashes). */
  readonly files: readonly string[];
  /** Output files that are redirect pages. */
  readonly redirectPages: readonly string[];
  /** Origins besides the site that its forms may send to (the search engine of the no-script search). */
  readonly formTargets?: readonly string[];
  /**
   * A top-level folder with a policy of its own (the browser editor, admin/)
   * and its other headers. Hosts join a header that two matching blocks set,
   * and two policies allow only what both allow: so the site's policy then
   * goes with each other top-level block instead of with every address.
   */
  readonly ownPolicy?: { readonly folder: string; readonly policy: string; readonly headers?: readonly [string, string][] };
}

/**
 * The `_headers` file. Hosts apply every block whose path matches and join
 * a header set twice, so each Cache-Control block covers files no other one
 * does: one block per top-level folder or file of the output. Redirect pages
 * whose names do not say HTML (an old `.php` address) are declared HTML,
 * or a plain host offers them as a download instead of following them.
 */
export function headersFile(input: HeaderInput): string {
  const base = input.basePath;
  const blocks: string[] = [];
  const block = (path: string, headers: readonly [string, string][]): void => {
    blocks.push(`${path}\n${headers.map(([name, value]) => `  ${name}: ${value}\n`).join("")}`);
  };
  const security = securityHeaders(input.siteUrl, input.formTargets);
  const own = input.ownPolicy;
  const policy = security.find(([name]) => name === CSP)!;
  block(`${base}/*`, own ? security.filter((header) => header !== policy) : security);
  const withPolicy = (path: string, headers: [string, string][]): [string, string][] => {
    if (!own) return headers;
    if (path === `/${own.folder}/*`) return [...headers, [CSP, own.policy], ...(own.headers ?? [])];
    return [...headers, policy];
  };

  const tops = new Map<string, ServedClass>();
  for (const file of input.files) {
    const slash = file.indexOf("/");
    const path = slash === -1 ? `/${file}` : `/${file.slice(0, slash)}/*`;
    const cache = cacheClassOf(file);
    if (cache !== "host") tops.set(path, cache);
  }
  for (const [path, cache] of [...tops].sort(([a], [b]) => inCodeUnitOrder(a, b))) {
    // The home page is asked for as the folder, not as index.html.
    if (path === `/${FILES.home}`) block(`${base}/`, withPolicy(`/`, [["Cache-Control", CACHE_CONTROL[cache]]]));
    block(`${base}${path}`, withPolicy(path, [["Cache-Control", CACHE_CONTROL[cache]]]));
  }
  for (const file of [...input.redirectPages].sort(inCodeUnitOrder)) {
    if (contentTypeOf(file) !== HTML_TYPE) block(`${base}/${file}`, [["Content-Type", HTML_TYPE]]);
  }
  return blocks.join("\n");
}
