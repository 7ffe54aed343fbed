/**
 * A hash of the code that turns content into output: pressroom's own modules
 * (compiled or not), its templates, and the Eleventy that runs them. What a
 * build keeps for the next one (rendered bodies, pages) is valid only under
 * the same fingerprint, so an upgrade never reuses output of older code.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inCodeUnitOrder } from "./compare.ts";

/** Files below `dir`, sorted, with their contents, into `hash`. */
function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => inCodeUnitOrder(a.name, b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else if (entry.isFile() && /\.(js|ts|njk|css|json)$/.test(entry.name) && !entry.name.startsWith(".")) {
      hash.update(`${entry.name}\0`).update(readFileSync(full)).update("\0");
    }
  }
}

const OWN_CODE = path.dirname(fileURLToPath(import.meta.url));
let code: string | undefined;

/** The fingerprint of pressroom's own modules. */
export function codeFingerprint(): string {
  if (code === undefined) {
    const hash = createHash("sha256");
    hashTree(hash, OWN_CODE);
    code = hash.digest("hex");
  }
  return code;
}

/** The fingerprint of everything that renders pages: the code, the templates in `layoutsDir`, Eleventy's version. */
export function renderFingerprint(layoutsDir: string): string {
  const hash = createHash("sha256").update(codeFingerprint());
  hashTree(hash, layoutsDir);
  try {
    const eleventy = fileURLToPath(import.meta.resolve("@11ty/eleventy"));
    hash.update(readFileSync(path.join(path.dirname(eleventy), "..", "package.json")));
  } catch {
    hash.update("eleventy unknown");
  }
  return hash.digest("hex");
}
