/**
 * The output folder: refused when replacing it would destroy something else,
 * and updated only at the very end of a build that succeeded.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { UsageError } from "./errors/usage.ts";
import { sha256 } from "./media/cache.ts";
import type { OutputScan } from "./output-scan.ts";
import { FILES } from "./site/files.ts";
import type { FolderWriter, OutputFile } from "./write-files.ts";

const MARKER = FILES.marker;

const inside = (child: string, parent: string): boolean =>
  child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/** Refuse output folders whose replacement would destroy something else. */
export function checkOutputFolder(outDir: string, protectedDirs: readonly string[]): void {
  const out = path.resolve(outDir);
  if (out === path.parse(out).root) throw new UsageError(`refusing to use the root folder ${out} as output folder`);
  for (const dir of protectedDirs) {
    if (inside(path.resolve(dir), out)) {
      throw new UsageError(`refusing to use ${outDir} as output folder: it holds ${path.relative(process.cwd(), dir) || "."}`);
    }
  }
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new UsageError(`refusing to use ${outDir} as output folder: it is a file`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new UsageError(
        `refusing to replace ${outDir}: the folder was not made by pressroom. Choose an empty or new folder with --out`,
      );
    }
  }
}

type Known = (file: string) => { readonly sha256: string; readonly size: number } | undefined;

const byteLength = (content: string | Uint8Array): number => (typeof content === "string" ? Buffer.byteLength(content) : content.byteLength);

const isFileContent = (content: OutputFile["content"]): content is string | Uint8Array =>
  typeof content === "string" || content instanceof Uint8Array;

/**
 * The output folder, updated in place and only at the very end. Until
 * commit(), every file of the build is written under a temporary name next
 * to its place (a name starting with a dot and ending in .pressroom-new-…);
 * commit() renames them into place and removes what the new build does not
 * have; abort() removes the temporary files, so a failed build leaves the
 * previous output as it was. Files the previous build wrote that are the
 * same now are never touched. Into an empty or new folder files are written
 * under their own names, and abort() empties the folder again.
 */
export class OutputUpdate implements FolderWriter {
  readonly root: string;
  private readonly top: string;
  private readonly tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  /** Every file of the new build (absolute). */
  private readonly files = new Set<string>();
  /** Final place → temporary name, for files written until commit. */
  private readonly pending = new Map<string, string>();
  private readonly folders = new Set<string>();
  /** sha256 of each file written from text or bytes (relative path), for the record of the build. */
  readonly hashes = new Map<string, string>();
  /** Files whose bytes this build puts in place (relative): not those that stay as the previous build left them. */
  private readonly rewritten = new Set<string>();

  private constructor(
    root: string,
    /** The folder was new or empty: files go straight to their place. */
    private readonly direct: boolean,
    private readonly existed: boolean,
    /** The sha256 and size of a file the previous build left, when it is still the one it wrote (previous-build.ts). */
    private readonly known: Known,
  ) {
    this.root = root;
    this.top = root + path.sep;
  }

  /**
   * The old output's files and folders, as the scan found them (output-scan.ts). Until the commit the build only
   * adds files and folders of its own, so what was there and is not part of the new build is what this listing
   * has and `files` lacks. Without a scan, the commit walks the folder.
   */
  private listing: Promise<readonly string[]> | undefined;

  static async begin(outDir: string, known: Known = () => undefined, scan?: OutputScan): Promise<OutputUpdate> {
    const root = path.resolve(outDir);
    const existed = existsSync(root);
    const entries = existed ? readdirSync(root).filter((name) => name !== MARKER) : [];
    mkdirSync(root, { recursive: true });
    const update = new OutputUpdate(root, entries.length === 0, existed, known);
    if (!update.direct && scan !== undefined) {
      update.listing = scan.listing();
      update.listing.catch(() => undefined);
    }
    return update;
  }

  target = (file: string): string => {
    const resolved = path.resolve(this.top, file);
    if (!resolved.startsWith(this.top)) throw new Error(`refusing to write outside the output folder: ${file}`);
    return resolved;
  };

  private folder(dir: string): void {
    if (this.folders.has(dir)) return;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      // A file of the old output stands where the new one has a folder: it is not part of the new build.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" && (error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
      for (let up = dir; up.startsWith(this.top); up = path.dirname(up)) {
        if (existsSync(up) && !statSync(up).isDirectory()) rmSync(up);
      }
      mkdirSync(dir, { recursive: true });
    }
    this.folders.add(dir);
  }

  /** Where to write `file` now (its temporary name until commit); makes its folder. */
  private place(file: string): string {
    const to = this.target(file);
    const pending = this.pending.get(to);
    if (pending !== undefined) return pending;
    this.files.add(to);
    this.folder(path.dirname(to));
    if (this.direct) return to;
    const temporary = path.join(path.dirname(to), `.${path.basename(to)}.pressroom-new-${this.tag}`);
    this.pending.set(to, temporary);
    return temporary;
  }

  prepare = async (file: string): Promise<string> => {
    this.rewritten.add(file);
    return this.place(file);
  };

  write = async (file: string, content: OutputFile["content"]): Promise<void> => {
    if (!isFileContent(content) && "unchanged" in content) {
      // The previous build's file, the same now: it stays where it is.
      this.files.add(this.target(file));
      return;
    }
    if (isFileContent(content)) {
      const hash = sha256(content);
      this.hashes.set(file, hash);
      // The same bytes as the file the previous build left there: it stays, untouched.
      const there = this.direct ? undefined : this.known(file);
      if (there !== undefined && there.sha256 === hash && there.size === byteLength(content)) {
        this.files.add(this.target(file));
        return;
      }
      writeFileSync(this.place(file), content);
    } else copyFileSync(content.copyFrom, this.place(file));
    this.rewritten.add(file);
  };

  /** The files this build wrote anew, relative with forward slashes. */
  changed(): string[] {
    return [...this.rewritten];
  }

  /** Every file of the new build so far, relative with forward slashes. */
  list(): string[] {
    return [...this.files].map((file) => file.slice(this.top.length).split(path.sep).join("/"));
  }

  /** Where the new build's `file` is until commit. */
  private current(file: string): string {
    const to = this.target(file);
    return this.pending.get(to) ?? to;
  }

  /**
   * The sha256 and size of the new build's `file`: the hash is known when
   * the file was written from text or bytes; for a file the previous build
   * left in place, `known` may tell both from the record of that build; else
   * the file is read.
   */
  describe(file: string): { sha256: string; size: number } {
    const left = !this.pending.has(this.target(file));
    const written = this.hashes.get(file);
    if (written === undefined && left) {
      const recorded = this.known(file);
      if (recorded !== undefined) {
        this.hashes.set(file, recorded.sha256);
        return recorded;
      }
    }
    const at = this.current(file);
    if (written !== undefined) return { sha256: written, size: statSync(at).size };
    const bytes = readFileSync(at);
    const hash = sha256(bytes);
    this.hashes.set(file, hash);
    return { sha256: hash, size: bytes.length };
  }

  /** Put the new files in place and remove every other file of the folder. */
  async commit(): Promise<void> {
    for (const [to, temporary] of this.pending) {
      if (existsSync(to) && statSync(to).isDirectory()) rmSync(to, { recursive: true, force: true });
      renameSync(temporary, to);
    }
    this.pending.clear();
    const marker = path.join(this.root, MARKER);
    if (!existsSync(marker)) writeFileSync(marker, "This folder is written by `pressroom build` and replaced on every build.\n");
    this.files.add(marker);
    if (this.direct) return;
    const listed = await this.listing?.catch(() => undefined);
    if (listed === undefined) this.removeOthers(this.root);
    else this.removeListed(listed);
  }

  /** Remove the files and folders of `listed` that are not part of the new build. */
  private removeListed(listed: readonly string[]): void {
    const needed = new Set<string>();
    for (const file of this.files) {
      for (let dir = path.dirname(file); dir.startsWith(this.top) && !needed.has(dir); dir = path.dirname(dir)) needed.add(dir);
    }
    for (const full of listed) {
      // A file of the old output may have given way to a folder of the new one (or the other way round).
      if (needed.has(full) || this.files.has(full)) continue;
      try {
        rmSync(full, { recursive: true, force: true });
      } catch (error) {
        // Inside a folder that gave way to a file of the new build: gone already.
        if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
      }
    }
  }

  /** Remove files and folders below `dir` that are not part of the new build; true when `dir` is left empty. */
  private removeOthers(dir: string): boolean {
    let empty = true;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (this.removeOthers(full)) rmdirSync(full);
        else empty = false;
      } else if (this.files.has(full)) empty = false;
      else rmSync(full, { force: true });
    }
    return empty;
  }

  /** Leave the folder as it was: temporary files removed; a folder that was new or empty is emptied again. */
  async abort(): Promise<void> {
    for (const temporary of this.pending.values()) rmSync(temporary, { force: true });
    this.pending.clear();
    if (this.direct) {
      for (const entry of readdirSync(this.root)) if (entry !== MARKER) rmSync(path.join(this.root, entry), { recursive: true, force: true });
      if (!this.existed) rmSync(this.root, { recursive: true, force: true });
    } else {
      for (const dir of [...this.folders].sort((a, b) => b.length - a.length)) {
        try {
          rmdirSync(dir);
        } catch {
          // Not empty: it held files before.
        }
      }
    }
  }
}
