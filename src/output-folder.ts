/**
 * The output folder is replaced whole, and only at the very end: the build
 * writes into a fresh sibling folder and swaps it in, so a failed build leaves
 * the previous output exactly as it was.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "./errors/usage.ts";
import { FILES } from "./site/files.ts";

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

/** A fresh folder next to `outDir` to build into. */
export async function stagingFolder(outDir: string): Promise<string> {
  const out = path.resolve(outDir);
  const staging = `${out}.pressroom-tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  await mkdir(staging, { recursive: true });
  await writeFile(path.join(staging, MARKER), "This folder is written by `pressroom build` and replaced on every build.\n");
  return staging;
}

/** Put the staged build in place of `outDir`. */
export async function swapIn(staging: string, outDir: string): Promise<void> {
  const out = path.resolve(outDir);
  await mkdir(path.dirname(out), { recursive: true });
  if (!existsSync(out)) {
    await rename(staging, out);
    return;
  }
  const old = `${out}.pressroom-old-${process.pid}-${randomBytes(4).toString("hex")}`;
  await rename(out, old);
  try {
    await rename(staging, out);
  } catch (error) {
    await rename(old, out);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}

export async function discard(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
