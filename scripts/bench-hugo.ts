/**
 * Hugo on the benchmark's corpus, for a side-by-side time (scripts/bench.ts).
 * The site in scripts/hugo-site/ makes the text case's pages: release pages,
 * the home and department listings of 20, department index, Atom feeds of 50
 * for the site and each department, sitemap.
 *
 * Hugo 0.111 (Debian's) reads "2026-11-27 10:30" as year 1, so the copy of
 * the corpus made here has its dates written "2026-11-27T10:30:00": the same
 * wall-clock time in the site's zone.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { settle } from "./bench-process.ts";

const SITE = path.join(path.dirname(fileURLToPath(import.meta.url)), "hugo-site");

/** The installed Hugo's version line, or undefined when there is none. */
export function hugoVersion(): string | undefined {
  const result = spawnSync("hugo", ["version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const siteValue = (siteYaml: string, key: string): string =>
  (new RegExp(`^${key}:\\s*(.*)$`, "m").exec(siteYaml)?.[1] ?? "").trim().replace(/^"(.*)"$/, "$1");

function copyReleases(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyReleases(source, target);
    else if (entry.name.endsWith(".md")) {
      const text = readFileSync(source, "utf8").replace(/^date: (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/m, "date: $1T$2:00");
      writeFileSync(target, text);
    } else cpSync(source, target);
  }
}

/** A Hugo site folder for `corpus` at `work` (replaced). */
export function prepareHugo(corpus: string, work: string): void {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, "data"), { recursive: true });
  cpSync(path.join(SITE, "layouts"), path.join(work, "layouts"), { recursive: true });
  for (const file of ["departments.yaml", "contacts.yaml"]) cpSync(path.join(corpus, file), path.join(work, "data", file));
  const siteYaml = readFileSync(path.join(corpus, "site.yaml"), "utf8");
  const config = readFileSync(path.join(SITE, "hugo.yaml.in"), "utf8")
    .replace("@URL@", siteValue(siteYaml, "url"))
    .replace("@TITLE@", siteValue(siteYaml, "title"))
    .replaceAll("@LANGUAGE@", siteValue(siteYaml, "language"))
    .replace("@TIMEZONE@", siteValue(siteYaml, "timezone"));
  writeFileSync(path.join(work, "hugo.yaml"), config);
  copyReleases(path.join(corpus, "releases"), path.join(work, "content", "releases"));
}

/** Arguments for one cold Hugo build of `work`: output and Hugo's caches removed first by the caller (coldHugo). */
export function coldHugo(work: string): string[] {
  for (const dir of ["public", "resources", ".hugo_cache"]) rmSync(path.join(work, dir), { recursive: true, force: true });
  // As before a pressroom build: the removal's disk work must not slow the timed build (and the cache is dropped with --drop-caches).
  settle();
  return ["hugo", "--source", work, "--cacheDir", path.join(work, ".hugo_cache"), "--quiet"];
}
