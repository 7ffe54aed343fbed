/**
 * Shared helpers for the tests that look at a built site as its readers get it:
 * served on 127.0.0.1 the way a CDN serves it, opened in Debian's Chromium,
 * checked with axe-core, the W3C Nu Html Checker (vnu), a link checker and an
 * image check that read the output folder.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as cheerio from "cheerio";
import { chromium, type Browser, type ConsoleMessage, type Page } from "playwright-core";
import { readManifest } from "../src/outputs/manifest.ts";

const require = createRequire(import.meta.url);

// The functions given to page.evaluate run in the page; the project's TypeScript has no DOM types.
declare const document: unknown, window: object;

// ---------------------------------------------------------------------------------------------
// Serving an output folder

type Rule = { pattern: RegExp; headers: [string, string][] };

/** The blocks of a `_headers` file, each path pattern as a regular expression (`*` matching anything). */
function headerRules(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (!line.startsWith(" ")) {
      const source = line.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
      rules.push({ pattern: new RegExp(`^${source}$`), headers: [] });
    } else {
      const at = line.indexOf(":");
      rules.at(-1)!.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers of every block whose path matches, as a host reading `_headers` sends them. */
const headersFor = (rules: readonly Rule[], address: string): Record<string, string> =>
  Object.fromEntries(rules.filter((rule) => rule.pattern.test(address)).flatMap((rule) => rule.headers.map(([name, value]) => [name.toLowerCase(), value])));

export interface Served {
  /** http://127.0.0.1:port, without a trailing slash. */
  readonly base: string;
  readonly close: () => Promise<void>;
}

/**
 * Serve an output folder as a CDN serves the deployed site (a site at the root of its host):
 * each file with its type from manifest.json and the headers `_headers` gives its address, the
 * Content-Security-Policy among them; a folder address gives its index.html; anything else,
 * and the host's own files, the 404 page with status 404.
 */
export async function serveOutput(out: string, options: { headers?: boolean } = {}): Promise<Served> {
  const manifest = readManifest(out);
  // Without headers (no Content-Security-Policy), a page shows what its markup alone would do.
  const rules = options.headers === false ? [] : headerRules(readFileSync(path.join(out, "_headers"), "utf8"));
  const server = createServer((req, res) => {
    const address = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = path.join(out, address);
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const entry = manifest.files[path.relative(out, file).split(path.sep).join("/")];
    if (!file.startsWith(out) || !existsSync(file) || entry === undefined || entry.cache === "host") {
      res.writeHead(404, { ...headersFor(rules, "/404.html"), "content-type": "text/html; charset=utf-8" }).end(readFileSync(path.join(out, "404.html")));
      return;
    }
    res.writeHead(200, { ...headersFor(rules, address), "content-type": entry.type }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---------------------------------------------------------------------------------------------
// The browser

/**
 * Decap's editorial workflow for the entry open in `page`: saved (as a draft on its branch), marked ready, and
 * published at once.
 */
export async function saveReviewPublish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Speichern" }).click();
  await page.getByText("Beitrag gespeichert").first().waitFor();
  await page.getByText("Status: Entwurf").click();
  await page.getByText("Abgeschlossen", { exact: true }).click();
  await page.getByText("Status: Abgeschlossen").waitFor();
  await page.getByText("Veröffentlichen", { exact: true }).first().click();
  await page.getByText("Jetzt veröffentlichen").click();
  await page.getByText("Veröffentlicht", { exact: false }).first().waitFor();
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Debian's Chromium, headless. It resolves no host name but 127.0.0.1's, so a page can never
 * reach the network (an image of an old CMS in a migrated release fails at once).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}

/**
 * Start collecting the console messages of a page in which the browser says it refused something
 * under the Content-Security-Policy; `stop` ends it (for a page that is used again).
 */
export function refusals(page: Page): { readonly refused: string[]; readonly stop: () => void } {
  const refused: string[] = [];
  const listener = (message: ConsoleMessage): void => {
    if (/Content Security Policy|Content-Security-Policy|WebAssembly/i.test(message.text())) refused.push(message.text());
  };
  page.on("console", listener);
  return { refused, stop: () => void page.off("console", listener) };
}

/**
 * Pages kept open and lent to one test at a time: a page that navigates on is several times
 * faster than a new context and page for each address (no new renderer, stylesheet cached as a
 * reader's browser caches it).
 */
export class PagePool {
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];

  constructor(pages: readonly Page[]) {
    this.idle.push(...pages);
  }

  async use<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const page = this.idle.pop() ?? (await new Promise<Page>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(page);
    } finally {
      const next = this.waiting.shift();
      if (next) next(page);
      else this.idle.push(page);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// axe-core

/** axe-core's own bundle, injected into each page through the DevTools protocol. */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeOutcome {
  /** One line per element that violates a rule: rule id, impact, help, the element's selector and markup, why. */
  readonly violations: string[];
  /** How many rules passed: proof that axe ran. */
  readonly passes: number;
}

/**
 * Run axe's WCAG 2.0/2.1 A and AA rules on the page as it is now. The script is evaluated by
 * the DevTools protocol, which a page's Content-Security-Policy does not govern; it is injected
 * once per document (axe stays on `window` while the viewport or colour scheme changes).
 */
export async function axe(page: Page): Promise<AxeOutcome> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  return page.evaluate(async (tags) => {
    type Check = { message: string };
    type Node = { target: unknown[]; html: string; any: Check[]; all: Check[]; none: Check[] };
    type Results = { violations: { id: string; help: string; impact: string; nodes: Node[] }[]; passes: unknown[] };
    const axe = (window as { axe: { run: (context: unknown, options: unknown) => Promise<Results> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
    return {
      violations: result.violations.flatMap((v) =>
        v.nodes.map((n) => {
          const why = [...n.any, ...n.all, ...n.none][0]?.message ?? "";
          return `${v.id} (${v.impact}, ${v.help}): ${n.target.map(String).join(" ")} ${n.html.length > 100 ? `${n.html.slice(0, 99)}…` : n.html}${why ? ` — ${why}` : ""}`;
        }),
      ),
      passes: result.passes.length,
    };
  }, WCAG_TAGS);
}

// ---------------------------------------------------------------------------------------------
// The output folder, read as files

/** The output's files a host serves as HTML (pages, redirect pages, an old `.php` address), by their manifest type. */
export function htmlFiles(out: string): string[] {
  return Object.entries(readManifest(out).files)
    .filter(([, entry]) => entry.type.startsWith("text/html") && entry.cache !== "host")
    .map(([file]) => file)
    .sort();
}

/** The output's feeds (Atom and JSON Feed), by their manifest type. */
export function feedFiles(out: string): string[] {
  return Object.entries(readManifest(out).files)
    .filter(([, entry]) => /^application\/(atom\+xml|feed\+json)/.test(entry.type))
    .map(([file]) => file)
    .sort();
}

export const VNU_JAR: string = require("vnu-jar") as string;

export interface NuError {
  /** The checked file's absolute path. */
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly message: string;
  readonly extract: string | undefined;
}

/**
 * The W3C Nu Html Checker's errors in the given HTML files (absolute paths), in one run of the
 * checker, however many sites the files belong to: the JVM's start is most of its time. It
 * sniffs the type, so an old `.php` address is checked as HTML too. vnu writes its JSON report
 * to stderr and exits with 1 when it found errors.
 */
export async function nuCheck(files: readonly string[]): Promise<NuError[]> {
  // A JVM that compiles less and collects garbage on one thread: the same result with half the processor time.
  const java = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", VNU_JAR, "--format", "json", "--errors-only"];
  const child = spawn("java", [...java, ...files], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve, reject) => child.on("error", reject).on("close", resolve));
  const json = [stderr, stdout].map((text) => text.trim()).find((text) => text.startsWith("{"));
  if (json === undefined) throw new Error(`vnu printed no report (exit ${status}):\n${stderr}\n${stdout}`);
  type Message = { type: string; url?: string; firstLine?: number; lastLine?: number; firstColumn?: number; message: string; extract?: string };
  const errors = (JSON.parse(json) as { messages: Message[] }).messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map((m) => ({
      file: m.url?.startsWith("file:") ? fileURLToPath(m.url) : (m.url ?? "?"),
      line: m.firstLine ?? m.lastLine,
      column: m.firstColumn,
      message: m.message,
      extract: m.extract,
    }));
  if (status !== 0 && errors.length === 0) throw new Error(`vnu failed (exit ${status}) without errors:\n${stderr}`);
  return errors;
}

/** The errors of files inside `folder`, each as "file:line:column: message — extract" with the file relative to it. */
export const nuLines = (errors: readonly NuError[], folder: string): string[] =>
  errors
    .filter((error) => !path.relative(folder, error.file).startsWith(".."))
    .map((error) => {
      const file = path.relative(folder, error.file).split(path.sep).join("/");
      return `${file}:${error.line ?? "?"}:${error.column ?? "?"}: ${error.message}${error.extract ? ` — ${JSON.stringify(error.extract)}` : ""}`;
    });

/** A page of the output and its text (a broken copy may stand in for a file of the folder). */
export interface PageText {
  /** Relative to the output folder, forward slashes. */
  readonly file: string;
  readonly html: string;
}

export const readPages = (out: string, files: readonly string[] = htmlFiles(out)): PageText[] =>
  files.map((file) => ({ file, html: readFileSync(path.join(out, file), "utf8") }));

/** The URLs of a `srcset` attribute (its candidates' URLs, descriptors left out). */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, "");
    if (rest === "") return urls;
    const url = /^\S+/.exec(rest)![0];
    rest = rest.slice(url.length);
    urls.push(url.replace(/,+$/, ""));
    // A URL that ended in a comma ends its candidate; else the descriptors run to the next comma.
    if (!url.endsWith(",")) rest = rest.replace(/^[^,]*/, "");
  }
}

/** The URL-valued attributes a link checker follows: [selector, attribute, is a srcset]. */
const URL_ATTRIBUTES: [string, string, boolean][] = [
  ["[href]", "href", false],
  ["[src]", "src", false],
  ["[srcset]", "srcset", true],
  ["[poster]", "poster", false],
  ["form[action]", "action", false],
  // Absolute addresses the site announces for itself: they must exist once it is deployed.
  ['meta[property="og:image"], meta[property="og:url"], meta[name="twitter:image"]', "content", false],
];

/** Where a page of the output lies, on its deployed site: `aemter/index.html` → `https://host/base/aemter/`. */
function pageUrl(site: URL, file: string): URL {
  const address = file === "index.html" ? "" : file.endsWith("/index.html") ? file.slice(0, -"index.html".length) : file;
  return new URL(address, site);
}

export interface LinkCheck {
  /** The output folder: the files an internal link may lead to. */
  readonly out: string;
  /** The site's address from site.yaml (with its base path, if any). */
  readonly siteUrl: string;
  /** The pages to check (by default every HTML file of `out`). */
  readonly pages?: readonly PageText[];
  /** Feed entries to check too (by default, when every page is checked, every entry of every feed). */
  readonly feeds?: readonly FeedEntry[];
}

/**
 * Internal links that lead nowhere: every `href`, `src`, `srcset` candidate, `<link href>`, form
 * action, the redirect of a `<meta http-equiv="refresh">` and the site's own og: addresses that
 * are site-relative (`/…`, `…`) or absolute on the site's own address (incl. its base path) must
 * name a file the host serves (in manifest.json, not `_headers`/`_redirects`; a folder → its
 * index.html), and a `#fragment` on an HTML page an `id` (or `<a name>`) there. A site-relative
 * address outside the site's folder is broken too. External addresses are not fetched.
 * Each problem as "page: attribute value — reason".
 */
export function brokenLinks(check: LinkCheck): string[] {
  const { out } = check;
  const siteUrl = check.siteUrl.replace(/\/?$/, "/");
  const site = new URL(siteUrl);
  const manifest = readManifest(out);
  const served = new Map(Object.entries(manifest.files).filter(([, entry]) => entry.cache !== "host"));
  const pages = check.pages ?? readPages(out);
  const ids = new Map<string, Set<string> | null>();
  /** The ids of an HTML file of the output (null: not HTML), read once. */
  const idsOf = (file: string): Set<string> | null => {
    if (!ids.has(file)) {
      const entry = served.get(file)!;
      if (!entry.type.startsWith("text/html")) ids.set(file, null);
      else {
        const $ = cheerio.load(readFileSync(path.join(out, file), "utf8"));
        ids.set(file, new Set([...$("[id]").map((_, e) => $(e).attr("id")), ...$("a[name]").map((_, e) => $(e).attr("name"))]));
      }
    }
    return ids.get(file)!;
  };
  const problems: string[] = [];
  /** Check one address written in `where`, read relative to `base`. */
  const follow = (where: string, written: string, base: URL, ownIds?: Set<string>): void => {
    const value = written.trim();
    if (value === "") return void problems.push(`${where}: empty address`);
    let url: URL;
    try {
      url = new URL(value, base);
    } catch {
      return void problems.push(`${where}: ${value} — not an address`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return; // mailto:, tel:, data: …
    const writtenRelative = !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value);
    if (url.origin !== site.origin) {
      if (writtenRelative) problems.push(`${where}: ${value} — leads off the site (${url.href})`);
      return;
    }
    if (!url.pathname.startsWith(site.pathname)) {
      // Same host, outside the site's folder: a page of the city's main site (absolute), or a
      // site-relative address that forgot the base path (relative).
      if (writtenRelative) problems.push(`${where}: ${value} — outside the site's folder ${site.pathname}`);
      return;
    }
    let file: string;
    try {
      file = decodeURIComponent(url.pathname.slice(site.pathname.length));
    } catch {
      return void problems.push(`${where}: ${value} — badly encoded`);
    }
    if (file === "" || file.endsWith("/")) file += "index.html";
    if (!served.has(file)) {
      if (served.has(`${file}/index.html`)) file = `${file}/index.html`;
      else return void problems.push(`${where}: ${value} — no file ${file} in the output`);
    }
    const fragment = url.hash.slice(1);
    if (fragment === "" || fragment.toLowerCase() === "top") return;
    const targetIds = ownIds !== undefined && url.href.split("#")[0] === base.href.split("#")[0] ? ownIds : idsOf(file);
    if (targetIds === null) return; // a fragment of a PDF or image is the reader's business
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      id = fragment;
    }
    if (!targetIds.has(id)) problems.push(`${where}: ${value} — ${file} has no id "${id}"`);
  };

  for (const page of pages) {
    const $ = cheerio.load(page.html);
    let base = pageUrl(site, page.file);
    const baseHref = $("base[href]").attr("href");
    if (baseHref !== undefined) base = new URL(baseHref, base);
    const ownIds = new Set([...$("[id]").map((_, e) => $(e).attr("id")!), ...$("a[name]").map((_, e) => $(e).attr("name")!)]);
    for (const [selector, attribute, isSrcset] of URL_ATTRIBUTES) {
      $(selector).each((_, element) => {
        if (element.type !== "tag" || element.name === "base") return;
        const value = $(element).attr(attribute)!;
        const where = `${page.file}: <${element.name} ${attribute}="${value.length > 120 ? `${value.slice(0, 117)}...` : value}">`;
        for (const address of isSrcset ? srcsetUrls(value) : [value]) follow(where, address, base, ownIds);
      });
    }
    $('meta[http-equiv="refresh" i]').each((_, element) => {
      const content = $(element).attr("content") ?? "";
      const target = /url\s*=\s*['"]?([^'"]*)/i.exec(content)?.[1];
      if (target !== undefined) follow(`${page.file}: <meta http-equiv="refresh" content="${content}">`, target, base, ownIds);
    });
  }

  // A feed entry's links and photos, read against its xml:base (or its address).
  for (const entry of check.feeds ?? (check.pages === undefined ? feedEntries(out) : [])) {
    const $ = cheerio.load(entry.html);
    const base = new URL(entry.base);
    for (const [selector, attribute, isSrcset] of URL_ATTRIBUTES.slice(0, 3)) {
      $(selector).each((_, element) => {
        if (element.type !== "tag") return;
        const value = $(element).attr(attribute)!;
        for (const address of isSrcset ? srcsetUrls(value) : [value]) follow(`${entry.where}: <${element.name} ${attribute}="${value}">`, address, base);
      });
    }
  }
  return problems;
}

export interface FeedEntry {
  /** "feed file (entry id)". */
  readonly where: string;
  readonly html: string;
  /** The address its relative links are read against (`xml:base`, the entry's address). */
  readonly base: string;
}

/** The HTML of each entry of one feed: Atom `content`/`summary` of type html, JSON Feed `content_html`. */
export function feedEntriesOf(file: string, text: string, site: string): FeedEntry[] {
  const entries: FeedEntry[] = [];
  if (file.endsWith(".json")) {
    const feed = JSON.parse(text) as { items?: { id?: string; url?: string; content_html?: string }[] };
    for (const item of feed.items ?? []) {
      if (item.content_html !== undefined) entries.push({ where: `${file} (${item.id ?? item.url})`, html: item.content_html, base: item.url ?? site });
    }
    return entries;
  }
  const $ = cheerio.load(text, { xml: true });
  $("entry").each((_, entry) => {
    const id = $(entry).children("id").text();
    $(entry)
      .children('content[type="html"], summary[type="html"]')
      .each((_, content) => void entries.push({ where: `${file} (${id}, ${content.tagName})`, html: $(content).text(), base: $(content).attr("xml:base") ?? id }));
  });
  return entries;
}

/** The HTML of every entry of every feed of the output. */
export function feedEntries(out: string): FeedEntry[] {
  const site = readManifest(out).site;
  return feedFiles(out).flatMap((file) => feedEntriesOf(file, readFileSync(path.join(out, file), "utf8"), site));
}

/** Every `<img>` of the given pages and feed entries' HTML, and those without an `alt` attribute ("where: <img …>"). */
export function imagesWithoutAlt(pages: readonly PageText[], feeds: readonly FeedEntry[] = []): { images: number; missing: string[] } {
  let images = 0;
  const missing: string[] = [];
  for (const { file, html } of [...pages, ...feeds.map((entry) => ({ file: entry.where, html: entry.html }))]) {
    const $ = cheerio.load(html);
    images += $("img").length;
    $("img:not([alt])").each((_, element) => void missing.push(`${file}: ${$.html(element)}`));
  }
  return { images, missing };
}
