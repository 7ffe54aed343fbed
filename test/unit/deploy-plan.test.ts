/**
 * What a deploy removes below its prefix (src/deploy/deploy.ts, planDeploy),
 * against a bucket held in memory: a folder is another site only when its
 * manifest.json is a pressroom manifest that is not a file of this site.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { planDeploy } from "../../src/deploy/deploy.ts";
import type { Bucket } from "../../src/deploy/s3.ts";
import { manifestText, type Manifest, type ManifestEntry } from "../../src/outputs/manifest.ts";
import { CACHE_CONTROL } from "../../src/outputs/headers.ts";
import { FILES } from "../../src/site/files.ts";
import { scratchDirs } from "../helpers.ts";

const newDir = scratchDirs();

const page = (n: number): ManifestEntry => ({ sha256: String(n).padStart(64, "0"), size: n, type: "text/html; charset=utf-8", cache: "revalidate" });

const manifestOf = (files: Record<string, ManifestEntry>, site = "https://presse.example"): Manifest => ({
  pressroom: 1,
  site,
  built: "2026-11-28T11:00:00.000Z",
  preview: false,
  cacheControl: { ...CACHE_CONTROL },
  files,
});

/** An output folder as a build leaves it, as far as planning reads it: the marker and the manifest. */
function output(files: Record<string, ManifestEntry>): string {
  const dir = newDir();
  writeFileSync(path.join(dir, FILES.marker), "");
  writeFileSync(path.join(dir, FILES.manifest), manifestText(manifestOf(files)));
  return dir;
}

/** A bucket in memory: keys and their bytes. */
function bucket(objects: Record<string, string>): Bucket {
  const fake = {
    name: "presse",
    get: async (key: string) => (Object.hasOwn(objects, key) ? Buffer.from(objects[key]!) : undefined),
    keys: async (prefix: string) => Object.keys(objects).filter((key) => key.startsWith(prefix)),
  };
  return fake as unknown as Bucket;
}

const REDIRECT = '<!doctype html><meta http-equiv="refresh" content="0; url=/2026/11/20/verschoben/">';

describe("planDeploy: other sites below the prefix", () => {
  it("removes the files of a release that moved, though a redirect page named manifest.json was in its folder", async () => {
    // Deployed by a version that let an alias be called manifest.json: the deployed manifest lists the redirect page.
    const before = { "index.html": page(1), "2026/11/19/alt/index.html": page(2), "2026/manifest.json": page(3) };
    const objects = {
      "site/manifest.json": manifestText(manifestOf(before)),
      "site/index.html": "home",
      "site/2026/11/19/alt/index.html": "old",
      "site/2026/11/19/alt/foto.jpg": "photo",
      "site/2026/manifest.json": REDIRECT,
    };
    const out = output({ "index.html": page(4), "2026/11/20/verschoben/index.html": page(5) });
    const plan = await planDeploy(bucket(objects), { outDir: out, prefix: "site/" });
    assert.equal(plan.removeStale, true);
    assert.deepEqual(plan.stale, ["site/2026/11/19/alt/foto.jpg", "site/2026/11/19/alt/index.html", "site/2026/manifest.json"]);
  });

  it("removes a folder whose manifest.json is not a pressroom manifest (a web app's, say)", async () => {
    const objects = {
      "site/manifest.json": manifestText(manifestOf({ "index.html": page(1) })),
      "site/index.html": "home",
      "site/app/manifest.json": JSON.stringify({ name: "App", start_url: "/app/" }),
      "site/app/index.html": "app",
    };
    const plan = await planDeploy(bucket(objects), { outDir: output({ "index.html": page(1) }), prefix: "site/" });
    assert.deepEqual(plan.stale, ["site/app/index.html", "site/app/manifest.json"]);
  });

  it("leaves a site deployed in a folder alone: its manifest is a pressroom manifest, not listed by this site", async () => {
    const objects = {
      "site/manifest.json": manifestText(manifestOf({ "index.html": page(1) })),
      "site/index.html": "home",
      "site/old.html": "gone",
      // The same site's address, as a staging copy has: still another site.
      "site/en/manifest.json": manifestText(manifestOf({ "index.html": page(9) })),
      "site/en/index.html": "english",
      "site/en/2026/index.html": "english year",
    };
    const plan = await planDeploy(bucket(objects), { outDir: output({ "index.html": page(1) }), prefix: "site/" });
    assert.deepEqual(plan.stale, ["site/old.html"]);
  });
});
