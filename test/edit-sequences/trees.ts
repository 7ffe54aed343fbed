/**
 * Output folders read whole, to compare: every file with its bytes and identity on disk
 * (inode and modification time), and every folder (an empty folder left behind is a
 * difference too). What differs is told as the first differing path and, for text, the
 * first differing lines.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface Entry {
  /** undefined for a folder. */
  readonly bytes: Buffer | undefined;
  readonly ino: number;
  readonly mtimeMs: number;
}

export type Tree = ReadonlyMap<string, Entry>;

/** Every file and folder below `dir`, by relative path with forward slashes (folders end in `/`), sorted. */
export function readTree(dir: string): Tree {
  const entries: [string, Entry][] = [];
  const walk = (at: string, prefix: string): void => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, e.name);
      const facts = statSync(full);
      if (e.isDirectory()) {
        entries.push([`${prefix}${e.name}/`, { bytes: undefined, ino: facts.ino, mtimeMs: facts.mtimeMs }]);
        walk(full, `${prefix}${e.name}/`);
      } else entries.push([`${prefix}${e.name}`, { bytes: readFileSync(full), ino: facts.ino, mtimeMs: facts.mtimeMs }]);
    }
  };
  walk(dir, "");
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const short = (bytes: Buffer): string => `${bytes.length} bytes, sha256 ${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}`;

const isText = (file: string): boolean => /\.(html|xml|json|txt|css|js|vcf|svg|webmanifest)$|_headers$|_redirects$/.test(file);

/** The first lines where two texts differ, with two lines around them. */
function textDiff(expected: string, actual: string, names: readonly [string, string]): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const cut = (line: string): string => (line.length > 300 ? `${line.slice(0, 300)}…` : line);
  const around = (lines: string[], sign: string): string[] => lines.slice(Math.max(0, at - 2), at + 3).map((line, i) => `${Math.max(0, at - 2) + i === at ? sign : " "} ${cut(line)}`);
  return [`  line ${at + 1}:`, `  ${names[0]}:`, ...around(a, "-"), `  ${names[1]}:`, ...around(b, "+")].join("\n");
}

/**
 * What differs between `expected` (a cold build) and `actual` (the folder built again and
 * again), by names and bytes only; undefined when nothing does.
 */
export function contentDifference(expected: Tree, actual: Tree, names: readonly [string, string] = ["cold build", "incremental build"]): string | undefined {
  const paths = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  const onlyCold = paths.filter((n) => !actual.has(n));
  const onlyIncremental = paths.filter((n) => !expected.has(n));
  const differing = paths.filter((n) => expected.has(n) && actual.has(n) && !sameBytes(expected.get(n)!, actual.get(n)!));
  if (onlyCold.length + onlyIncremental.length + differing.length === 0) return undefined;
  const lines: string[] = [];
  const list = (what: string, files: string[]): void => {
    if (files.length > 0) lines.push(`${what} (${files.length}): ${files.slice(0, 8).join(", ")}${files.length > 8 ? ", …" : ""}`);
  };
  list(`only in the ${names[0]}`, onlyCold);
  list(`only in the ${names[1]}`, onlyIncremental);
  list("different bytes", differing);
  const first = differing[0];
  if (first !== undefined) {
    const a = expected.get(first)!.bytes!;
    const b = actual.get(first)!.bytes!;
    lines.push(`${first}: ${names[0]} ${short(a)}, ${names[1]} ${short(b)}`);
    if (isText(first)) lines.push(textDiff(a.toString("utf8"), b.toString("utf8"), names));
  }
  return lines.join("\n");
}

const sameBytes = (a: Entry, b: Entry): boolean => (a.bytes === undefined ? b.bytes === undefined : b.bytes !== undefined && a.bytes.equals(b.bytes));

/**
 * What a build that should have changed nothing changed: paths or bytes, and with `identity`
 * also files written again with the same bytes (another inode or time); undefined when nothing.
 */
export function touched(before: Tree, after: Tree, identity: boolean, names: readonly [string, string] = ["first build", "second build"]): string | undefined {
  const bytes = contentDifference(before, after, names);
  if (bytes !== undefined || !identity) return bytes;
  const files = [...before].filter(([name, e]) => e.bytes !== undefined && (after.get(name)!.ino !== e.ino || after.get(name)!.mtimeMs !== e.mtimeMs)).map(([name]) => name);
  if (files.length === 0) return undefined;
  return `the same bytes, but ${files.length} file(s) written again (another inode or time): ${files.slice(0, 8).join(", ")}${files.length > 8 ? ", …" : ""}`;
}
