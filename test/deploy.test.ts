/**
 * `pressroom deploy` end to end against a real S3 API on 127.0.0.1 (s3rver):
 * first deploy, nothing to do, one release changed, one deleted, an upload
 * failing half-way and a re-run that converges; what the server holds read
 * back with the SDK (content, type, caching, redirects).
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { build } from "../src/build.ts";
import { readManifest, type Manifest } from "../src/outputs/manifest.ts";
import { fixture, listFiles, ROOT, scratchDirs, type CliResult } from "./helpers.ts";
import { startMailServer } from "./mail-server.ts";
import { ISOLATED_AWS_ENV, S3RVER_CREDENTIALS, startS3rver } from "./s3-server.ts";

const newDir = scratchDirs();
// The SDK's notice that its 2027 versions need Node 22 would fill the test log.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const NOW = "2026-11-27T12:00";
const BUCKET = "presse";

/** The CLI, run without blocking this process (the S3 server lives here). */
function pressroomAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NO_COLOR: "1",
        ...ISOLATED_AWS_ENV,
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

let server: ChildProcess;
let endpoint: string;
let client: S3Client;

before(async () => {
  const started = await startS3rver(newDir(), BUCKET);
  server = started.child;
  endpoint = `http://127.0.0.1:${started.port}`;
  client = new S3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
});

after(async () => {
  client?.destroy();
  server?.kill();
});

const deploy = (out: string, extra: string[] = [], options: { endpoint?: string; env?: NodeJS.ProcessEnv; prefix?: string } = {}) =>
  pressroomAsync(
    ["deploy", "--out", out, "--bucket", BUCKET, "--prefix", options.prefix ?? "site", "--endpoint", options.endpoint ?? endpoint, "--path-style", ...extra],
    { ...S3RVER_CREDENTIALS, ...options.env },
  );

/** Every object below `prefix` with its ETag, as the bucket lists them. */
async function objectsOf(prefix: string): Promise<Map<string, string>> {
  const objects = new Map<string, string>();
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ...(token && { ContinuationToken: token }) }));
    for (const object of page.Contents ?? []) objects.set(object.Key!, object.ETag!);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

const keysOf = async (prefix: string): Promise<string[]> => [...(await objectsOf(prefix)).keys()].sort();

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
const md5 = (bytes: Uint8Array): string => createHash("md5").update(bytes).digest("hex");

async function objectBytes(key: string): Promise<Uint8Array> {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return object.Body!.transformToByteArray();
}

/** The files a deploy says it uploaded ("+ /path" and "~ /path" lines), as addresses. */
const uploadedIn = (stdout: string): string[] => [...stdout.matchAll(/^ {2}[+~] (\S+)/gm)].map((m) => m[1]!).sort();
const removedIn = (stdout: string): string[] => [...stdout.matchAll(/^ {2}- (\S+)/gm)].map((m) => m[1]!).sort();

const addressOf = (file: string): string =>
  file === "index.html" ? "/" : file.endsWith("/index.html") ? `/${file.slice(0, -"index.html".length)}` : `/${file}`;

/** Served files of a manifest (host files are never uploaded). */
const served = (manifest: Manifest): string[] =>
  Object.entries(manifest.files)
    .filter(([, entry]) => entry.cache !== "host")
    .map(([file]) => file)
    .sort();

/**
 * The bucket holds exactly the output: every served file with its bytes, and the manifest. The bytes are compared
 * by the ETag of the listing, the MD5 of what the server stored (every upload is a single PUT), not fetched one by one.
 */
async function assertBucketIs(out: string, prefix: string): Promise<void> {
  const manifest = readManifest(out);
  const objects = await objectsOf(prefix);
  assert.deepEqual([...objects.keys()].sort(), [...served(manifest), "manifest.json"].map((file) => prefix + file).sort());
  for (const file of served(manifest)) {
    const bytes = readFileSync(path.join(out, file));
    assert.equal(sha256(bytes), manifest.files[file]!.sha256, file);
    assert.equal(objects.get(prefix + file), `"${md5(bytes)}"`, file);
  }
  assert.ok(Buffer.from(await objectBytes(`${prefix}manifest.json`)).equals(readFileSync(path.join(out, "manifest.json"))));
}

/** One build cache for every copy: the photos are encoded once in this file, not once a copy. */
const exampleCache = newDir();

/** A copy of the example site to change, and a build of it as it is now (into a new folder). */
function exampleCopy(): { content: string; build: () => Promise<string> } {
  const content = newDir();
  cpSync(path.join(ROOT, "content"), content, { recursive: true });
  const cacheDir = exampleCache;
  return {
    content,
    build: async () => {
      const out = newDir();
      await build({ contentDir: content, outDir: out, now: NOW, cacheDir });
      return out;
    },
  };
}

/** One build cache for the small site and every copy of it. */
const smallCache = newDir();

/** A small site (test/fixtures/valid), built into a new folder: for what a deploy does whatever the size of the site. */
async function smallSite(): Promise<string> {
  const out = newDir();
  await build({ contentDir: fixture("valid"), outDir: out, now: NOW, cacheDir: smallCache });
  return out;
}

/** A copy of the small site to change, and a build of it as it is now (into a new folder). */
function smallCopy(): { content: string; build: () => Promise<string> } {
  const content = newDir();
  cpSync(fixture("valid"), content, { recursive: true });
  return {
    content,
    build: async () => {
      const out = newDir();
      await build({ contentDir: content, outDir: out, now: NOW, cacheDir: smallCache });
      return out;
    },
  };
}

/** A release of the small site, its title changed. */
const RING = "releases/2026/2026-11-27-radwege-am-ring.md";
function retitle(content: string, title: string): void {
  const file = path.join(content, RING);
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, `title: ${title}`));
}

/** A new release on top of every listing. */
const BUS_LINE = ["releases/2026/2026-11-20-neue-buslinie.md", "---\ntitle: Neue Buslinie 17\ndate: 2026-11-20 10:00\ndepartment: tiefbauamt\n---\n\nAb Dezember fährt die Linie 17.\n"] as const;

describe("deploying the example site", () => {
  const site = exampleCopy();
  const content = site.content;
  const outs: string[] = [];
  const release = path.join(content, "releases/2025/2025-03-14-radwege-am-ring");
  const buildNow = async (): Promise<string> => {
    const out = await site.build();
    outs.push(out);
    return out;
  };

  test("a dry run shows the plan and changes nothing", async () => {
    const out = await buildNow();
    const result = await deploy(out, ["--dry-run"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Dry run: nothing is uploaded or removed/);
    assert.deepEqual(uploadedIn(result.stdout), served(readManifest(out)).map(addressOf).sort());
    assert.deepEqual(await keysOf("site/"), []);
  });

  test("the first deploy uploads every file with its type, caching and redirect, and nothing else", async () => {
    const out = outs[0]!;
    const result = await deploy(out);
    assert.equal(result.status, 0, result.stderr);
    await assertBucketIs(out, "site/");
    const keys = await keysOf("site/");
    for (const never of [".pressroom-output", "_headers", "_redirects"]) assert.ok(!keys.includes(`site/${never}`), never);
    const manifest = readManifest(out);
    const head = (file: string) => client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `site/${file}` }));
    const page = await head("2025/03/14/radwege-am-ring/index.html");
    assert.equal(page.ContentType, "text/html; charset=utf-8");
    assert.equal(page.CacheControl, "public, max-age=0, must-revalidate");
    const image = Object.keys(manifest.files).find((file) => file.startsWith("img/") && file.endsWith(".webp"))!;
    const webp = await head(image);
    assert.equal(webp.ContentType, "image/webp");
    assert.equal(webp.CacheControl, "public, max-age=31536000, immutable");
    assert.equal(webp.Metadata?.sha256, manifest.files[image]!.sha256);
    const css = await head(Object.keys(manifest.files).find((file) => file.startsWith("assets/") && file.endsWith(".css"))!);
    assert.equal(css.ContentType, "text/css; charset=utf-8");
    assert.equal((await head("feed.xml")).ContentType, "application/atom+xml; charset=utf-8");
    assert.equal((await head("2025/03/14/radwege-am-ring/lageplan.pdf")).ContentType, "application/pdf");
    // An old .php address: HTML for any host, and a redirect for S3 website hosting.
    const old = await head("pm/2019/0815.php");
    assert.equal(old.ContentType, "text/html; charset=utf-8");
    assert.equal(old.WebsiteRedirectLocation, "/2019/04/03/hafenbruecke-wird-saniert/");
  });

  test("a second deploy of the same build uploads nothing", async () => {
    const result = await deploy(outs[0]!);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(uploadedIn(result.stdout), []);
    assert.match(result.stdout, /Upload 0 files .*manifest unchanged; remove 0\./);
  });

  test("a changed release uploads only its page, the pages and feeds listing it, and its media", async () => {
    const before = outs[0]!;
    const index = path.join(release, "index.md");
    writeFileSync(index, readFileSync(index, "utf8").replace("title: Radwege am Ring werden breiter", "title: Radwege am Ring werden deutlich breiter"));
    const photo = path.join(release, "baustelle-ring.jpg");
    writeFileSync(photo, await sharp(photo).flop().jpeg({ quality: 80 }).toBuffer());
    const out = await buildNow();
    const result = await deploy(out);
    assert.equal(result.status, 0, result.stderr);

    const old = readManifest(before);
    const now = readManifest(out);
    const expected = served(now).filter((file) => old.files[file]?.sha256 !== now.files[file]!.sha256);
    assert.deepEqual(uploadedIn(result.stdout), expected.map(addressOf).sort());
    // Every file that went up is the release's own, a web version of its photo, a page or feed that shows it,
    // or a part of the search index (whose files are named by content and shared by many releases).
    const url = "/2025/03/14/radwege-am-ring/";
    for (const file of expected) {
      const own = file.startsWith(url.slice(1)) || file.startsWith("img/") || file.startsWith("pagefind/");
      const text = readFileSync(path.join(out, file), "utf8");
      assert.ok(own || text.includes(url) || text.includes("deutlich breiter"), `${file} was uploaded but does not show the release`);
    }
    assert.ok(expected.includes("2025/03/14/radwege-am-ring/index.html"));
    assert.ok(expected.includes("2025/03/14/radwege-am-ring/baustelle-ring.jpg"), "the original photo");
    assert.ok(expected.some((file) => file.startsWith("img/")), "new web versions of the photo");
    assert.ok(expected.includes("index.html") && expected.includes("feed.xml"));
    assert.ok(expected.length < served(now).length / 4, `${expected.length} files uploaded`);
    // The photo's old web versions are gone from the bucket.
    const gone = served(old).filter((file) => !now.files[file]);
    assert.ok(gone.some((file) => file.startsWith("img/")));
    assert.deepEqual(removedIn(result.stdout), gone.map(addressOf).sort());
    await assertBucketIs(out, "site/");
  });

  test("a deleted release disappears from the bucket", async () => {
    rmSync(release, { recursive: true });
    const out = await buildNow();
    const result = await deploy(out);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(removedIn(result.stdout).includes("/2025/03/14/radwege-am-ring/"));
    const keys = await keysOf("site/2025/03/14/");
    assert.deepEqual(keys, [], "no page, photo or PDF of the release is left");
    await assertBucketIs(out, "site/");
  });

  test("--keep-stale leaves files that are gone for caches, a later deploy removes them", async () => {
    const withRelease = outs[1]!;
    const withoutRelease = outs.at(-1)!;
    // Put the release back, then remove it again keeping stale files.
    assert.equal((await deploy(withRelease)).status, 0);
    const kept = await deploy(withoutRelease, ["--keep-stale"]);
    assert.equal(kept.status, 0, kept.stderr);
    assert.match(kept.stdout, /remove 0, keep \d+ stale\./);
    assert.ok((await keysOf("site/2025/03/14/")).length > 0);
    const later = await deploy(withoutRelease);
    assert.match(later.stdout, /Upload 0 files .*remove [1-9]\d*\./);
    await assertBucketIs(withoutRelease, "site/");
  });
});

describe("--quick: the deployed manifest instead of a listing of the bucket", () => {
  const site = smallCopy();
  const prefix = "quick/";
  let first: string;

  test("uploads and removes what a deploy with a listing does", async () => {
    first = await site.build();
    assert.equal((await deploy(first, ["--quick"], { prefix })).status, 0, "the first deploy lists the bucket: there is no manifest yet");
    await assertBucketIs(first, prefix);
    writeFileSync(path.join(site.content, BUS_LINE[0]), BUS_LINE[1]);
    rmSync(path.join(site.content, "releases/2026/2026-11-20-hallenbad"), { recursive: true });
    const out = await site.build();
    const result = await deploy(out, ["--quick"], { prefix });
    assert.equal(result.status, 0, result.stderr);
    const old = readManifest(first);
    const now = readManifest(out);
    assert.deepEqual(uploadedIn(result.stdout), served(now).filter((file) => old.files[file]?.sha256 !== now.files[file]!.sha256).map(addressOf).sort());
    assert.ok(removedIn(result.stdout).includes("/2026/11/20/hallenbad/"), result.stdout);
    await assertBucketIs(out, prefix);
    first = out;
  });

  test("does not notice a file removed by hand; a deploy without it puts it back", async () => {
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${prefix}index.html` }));
    const quick = await deploy(first, ["--quick"], { prefix });
    assert.equal(quick.status, 0, quick.stderr);
    assert.deepEqual(uploadedIn(quick.stdout), []);
    assert.ok(!(await keysOf(prefix)).includes(`${prefix}index.html`));
    const listed = await deploy(first, [], { prefix });
    assert.equal(listed.status, 0, listed.stderr);
    assert.deepEqual(uploadedIn(listed.stdout), ["/"]);
    await assertBucketIs(first, prefix);
  });

  test("leaves the files of a site in a folder of its own, as a deploy with a listing does", async () => {
    // Another pressroom site deployed into the folder of a release that the next build no longer has.
    const folder = `${prefix}2026/11/20/neue-buslinie/`;
    const foreign = readFileSync(path.join(first, "manifest.json"));
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${folder}manifest.json`, Body: foreign }));
    rmSync(path.join(site.content, BUS_LINE[0]));
    const out = await site.build();
    const result = await deploy(out, ["--quick"], { prefix });
    assert.equal(result.status, 0, result.stderr);
    const kept = await keysOf(folder);
    assert.ok(kept.includes(`${folder}index.html`) && kept.includes(`${folder}manifest.json`), kept.join(" "));
    assert.ok(!removedIn(result.stdout).some((address) => address.startsWith("/2026/11/20/neue-buslinie/")), result.stdout);
  });
});

describe("a bucket deployed by an early version", () => {
  test("whose manifest lacks the Cache-Control table gets every file again, with today's headers", async () => {
    const out = await smallSite();
    assert.equal((await deploy(out, [], { prefix: "early" })).status, 0);
    const manifest = JSON.parse(Buffer.from(await objectBytes("early/manifest.json")).toString()) as Record<string, unknown>;
    delete manifest.cacheControl;
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "early/manifest.json", Body: JSON.stringify(manifest) }));
    const again = await deploy(out, [], { prefix: "early" });
    assert.equal(again.status, 0, again.stderr);
    const count = served(readManifest(out)).length;
    assert.match(again.stdout, new RegExp(`Upload ${count} files \\(0 new, ${count} changed\\)`));
    await assertBucketIs(out, "early/");
  });
});

/**
 * A proxy in front of the S3 server that lets `okPuts` uploads through and
 * then answers every further upload with 503, as a store that goes down
 * in the middle of a deploy.
 */
async function failingProxy(
  target: string,
  okPuts: number,
  fails: (url: string) => boolean = () => true,
): Promise<{ url: string; puts: () => number; close: () => Promise<void> }> {
  let puts = 0;
  const proxy = http.createServer((request, response) => {
    const isPut = request.method === "PUT" && !(request.url ?? "").includes(".pressroom-deploy.json");
    if (isPut && ++puts > okPuts && fails(request.url ?? "")) {
      request.resume();
      response.writeHead(503, { "Content-Type": "application/xml" });
      response.end('<?xml version="1.0"?><Error><Code>ServiceUnavailable</Code><Message>down for the test</Message></Error>');
      return;
    }
    const forward = http.request(`${target}${request.url}`, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, puts: () => puts, close: () => new Promise((resolve) => proxy.close(() => resolve())) };
}

describe("a deploy that fails half-way", () => {
  test("keeps the old manifest and old files, says so, and a re-run converges", async () => {
    const site = smallCopy();
    const first = await site.build();
    assert.equal((await deploy(first, [], { prefix: "half" })).status, 0);
    const oldManifest = await objectBytes("half/manifest.json");

    // Many pages change: a new release on top of every listing.
    writeFileSync(path.join(site.content, BUS_LINE[0]), BUS_LINE[1]);
    const second = await site.build();
    const proxy = await failingProxy(endpoint, 3);
    try {
      const failed = await deploy(second, ["--retries", "1", "--concurrency", "2"], { endpoint: proxy.url, prefix: "half" });
      assert.equal(failed.status, 1, failed.stdout + failed.stderr);
      assert.match(failed.stderr, /deploy failed: uploading half\/\S+: ServiceUnavailable \(HTTP 503\)/);
      assert.match(failed.stderr, /Run the deploy again/);
      assert.doesNotMatch(failed.stderr, /\n\s+at /, "no stack trace");
      assert.ok(proxy.puts() > 3, "some uploads went through, then failed");
    } finally {
      await proxy.close();
    }
    // The deployed manifest is still the old one: the old site is whole.
    assert.ok(Buffer.from(await objectBytes("half/manifest.json")).equals(Buffer.from(oldManifest)));
    const kept = await objectsOf("half/");
    for (const file of served(readManifest(first))) assert.ok(kept.has(`half/${file}`), file);

    const rerun = await deploy(second, [], { prefix: "half" });
    assert.equal(rerun.status, 0, rerun.stderr);
    await assertBucketIs(second, "half/");
    const again = await deploy(second, [], { prefix: "half" });
    assert.match(again.stdout, /Upload 0 files .*manifest unchanged; remove 0\./);
    assert.deepEqual((await keysOf("half/.pressroom-deploy")), [], "a finished deploy leaves no record of itself");
  });

  test("an earlier build deployed after an unfinished one (a rollback) puts back every page the unfinished one touched", async () => {
    const site = smallCopy();
    const a = await site.build();
    assert.equal((await deploy(a, [], { prefix: "back" })).status, 0);
    retitle(site.content, "FALSCHER TITEL");
    writeFileSync(path.join(site.content, BUS_LINE[0]), BUS_LINE[1]);
    const b = await site.build();
    // Every file of B goes up, then the store fails on B's manifest.
    const proxy = await failingProxy(endpoint, 0, (url) => new URL(url, "http://x").pathname.endsWith("/manifest.json"));
    try {
      const failed = await deploy(b, ["--retries", "0"], { endpoint: proxy.url, prefix: "back" });
      assert.equal(failed.status, 1, failed.stdout + failed.stderr);
      assert.match(failed.stderr, /deploy failed: uploading back\/manifest\.json/);
    } finally {
      await proxy.close();
    }
    assert.match(Buffer.from(await objectBytes("back/index.html")).toString(), /FALSCHER TITEL/, "B's pages went up");
    const rollback = await deploy(a, [], { prefix: "back" });
    assert.equal(rollback.status, 0, rollback.stderr);
    assert.match(rollback.stdout, /left unfinished by an earlier deploy/);
    await assertBucketIs(a, "back/");
    assert.doesNotMatch(Buffer.from(await objectBytes("back/index.html")).toString(), /FALSCHER TITEL/);
  });
});

describe("a release moved away from a folder where a redirect page named manifest.json lay", () => {
  test("is removed from its old address: the folder is no other site", async () => {
    const site = smallCopy();
    const first = await site.build();
    assert.equal((await deploy(first, [], { prefix: "moved" })).status, 0);
    // As a version that let an alias be named manifest.json deployed it: a redirect page in 2026/, listed by the manifest.
    const redirect = '<!doctype html><meta http-equiv="refresh" content="0; url=/2026/11/20/hallenbad/">';
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "moved/2026/manifest.json", Body: redirect }));
    const manifest = JSON.parse(Buffer.from(await objectBytes("moved/manifest.json")).toString()) as Manifest;
    const entry = { sha256: sha256(Buffer.from(redirect)), size: Buffer.byteLength(redirect), type: "text/html; charset=utf-8", cache: "revalidate" };
    const listed = { ...manifest, files: { ...manifest.files, "2026/manifest.json": { ...entry, redirect: "/2026/11/20/hallenbad/" } } };
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: "moved/manifest.json", Body: JSON.stringify(listed) }));
    // Published on the wrong day, then moved to its right one, with its photo and PDF.
    const was = path.join(site.content, "releases/2026/2026-11-20-hallenbad");
    const is = path.join(site.content, "releases/2026/2026-11-19-hallenbad");
    cpSync(was, is, { recursive: true });
    rmSync(was, { recursive: true });
    writeFileSync(path.join(is, "index.md"), readFileSync(path.join(is, "index.md"), "utf8").replace("date: 2026-11-20T09:00", "date: 2026-11-19T09:00"));
    const second = await site.build();
    const result = await deploy(second, [], { prefix: "moved" });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(removedIn(result.stdout).includes("/2026/11/20/hallenbad/"), result.stdout);
    assert.ok(removedIn(result.stdout).includes("/2026/manifest.json"), result.stdout);
    assert.deepEqual(await keysOf("moved/2026/11/20/"), [], "no page, photo or PDF is left at the old address");
    assert.ok((await keysOf("moved/2026/11/19/hallenbad/")).length >= 3, "page, photo and PDF are at the new one");
    await assertBucketIs(second, "moved/");
  });
});

describe("a deploy at the top of a bucket that holds other sites", () => {
  test("removes nothing of the sites in folders with their own manifest", async () => {
    const before = new Set(await keysOf(""));
    const others = [...before].filter((key) => /^(site|half|back)\//.test(key));
    assert.ok(others.length > 100, "the sites of the tests before are there");
    const out = await smallSite();
    const first = await deploy(out, [], { prefix: "" });
    assert.equal(first.status, 0, first.stderr);
    const second = await deploy(out, [], { prefix: "" });
    assert.match(second.stdout, /remove 0\./);
    const after = new Set(await keysOf(""));
    for (const key of others) assert.ok(after.has(key), key);
  });
});

describe("what a deploy refuses", () => {
  test("a preview build, a folder without a build, and a wrong key without showing it", async () => {
    const preview = newDir();
    await build({ contentDir: "content", outDir: preview, now: NOW, preview: true });
    const refused = await deploy(preview);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /holds a preview \(from pressroom serve or build --preview: drafts and embargoed releases shown\): it is never deployed/);

    const empty = newDir();
    const none = await deploy(empty);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /is not an output folder of pressroom: build the site first/);

    const secret = "wJalrXUtnFEMI-not-the-right-key-0123456789";
    const out = newDir();
    await build({ contentDir: "content", outDir: out, now: NOW });
    // s3rver checks the key id, not version 4 signatures: a key it does not know is refused.
    const keyId = "AKIAPRESSROOMTEST0001";
    const denied = await deploy(out, [], { env: { AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: secret } });
    assert.equal(denied.status, 1, denied.stdout + denied.stderr);
    assert.match(denied.stderr, /deploy failed: reading site\/manifest\.json from bucket presse: InvalidAccessKeyId \(HTTP 403\)/);
    for (const value of [secret, keyId]) assert.ok(!(denied.stdout + denied.stderr).includes(value), "no credential is ever printed");
  });

  test("no bucket: a usage error naming the flag and the variable", async () => {
    const result = await pressroomAsync(["deploy", "--out", "dist"]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /deploy needs a bucket: --bucket NAME or PRESSROOM_S3_BUCKET/);
  });
});

describe("CloudFront", () => {
  test("changed addresses are invalidated on the distribution given; a failed invalidation is asked for again", async () => {
    const requests: { url: string; body: string }[] = [];
    let down = false;
    const fake = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        if (down) {
          response.writeHead(503, { "Content-Type": "text/xml" }).end('<?xml version="1.0"?><ErrorResponse><Error><Code>ServiceUnavailable</Code><Message>down</Message></Error></ErrorResponse>');
          return;
        }
        requests.push({ url: request.url ?? "", body });
        response.writeHead(201, { "Content-Type": "text/xml" });
        response.end('<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I2TEST</Id><Status>InProgress</Status></Invalidation>');
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    try {
      const site = smallCopy();
      const out = await site.build();
      const env = { PRESSROOM_CLOUDFRONT_ENDPOINT: `http://127.0.0.1:${(fake.address() as AddressInfo).port}` };
      assert.equal((await deploy(out, ["--distribution", "E1TEST"], { prefix: "cdn", env })).status, 0);
      retitle(site.content, "Radwege am Ring werden noch breiter");
      const out2 = await site.build();
      const result = await deploy(out2, ["--distribution", "E1TEST"], { prefix: "cdn", env });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /CloudFront E1TEST: invalidation I2TEST for \d+ paths\./);
      const last = requests.at(-1)!;
      assert.match(last.url, /\/2020-05-31\/distribution\/E1TEST\/invalidation$/);
      const paths = [...last.body.matchAll(/<Path>([^<]+)<\/Path>/g)].map((m) => m[1]!);
      assert.ok(paths.includes("/2026/11/27/radwege-am-ring/"), paths.join(" "));
      assert.ok(paths.includes("/"), "the home page lists it");
      // The title is on the release's social card: a new card under a new name, the old one removed.
      const before = readManifest(out).files;
      const after = readManifest(out2).files;
      const newCards = Object.keys(after).filter((file) => file.startsWith("img/") && !before[file]);
      const oldCards = Object.keys(before).filter((file) => file.startsWith("img/") && !after[file]);
      assert.ok(newCards.length > 0 && oldCards.length > 0, "the card was drawn anew");
      for (const file of newCards) assert.ok(!paths.includes(`/${file}`), `a new hashed name never needs invalidating: ${file}`);
      for (const file of oldCards) assert.ok(paths.includes(`/${file}`), `a removed file is forgotten: ${file}`);

      // The CDN is down after the upload: the deploy fails, and the next one invalidates the same addresses.
      retitle(site.content, "Radwege am Ring bleiben schmal");
      const out3 = await site.build();
      down = true;
      const failed = await deploy(out3, ["--distribution", "E1TEST", "--retries", "0"], { prefix: "cdn", env });
      assert.equal(failed.status, 1, failed.stdout + failed.stderr);
      assert.match(failed.stderr, /deploy failed: invalidating \d+ paths on CloudFront distribution E1TEST/);
      down = false;
      const again = await deploy(out3, ["--distribution", "E1TEST"], { prefix: "cdn", env });
      assert.equal(again.status, 0, again.stderr);
      const retried = [...requests.at(-1)!.body.matchAll(/<Path>([^<]+)<\/Path>/g)].map((m) => m[1]!);
      assert.ok(retried.includes("/2026/11/27/radwege-am-ring/") && retried.includes("/"), retried.join(" "));
      assert.deepEqual(listFiles(out3).length > 0, true);
    } finally {
      await new Promise((resolve) => fake.close(resolve));
    }
  });
});

describe("the record of pressroom notify on the deploy target", () => {
  test("notified.json lies beside the deployed manifest: notify reads and writes it there, and a deploy leaves it in place", async () => {
    const mail = await startMailServer();
    try {
      const out = newDir();
      const now = "2026-12-01T10:30";
      await build({ contentDir: fixture("notify"), outDir: out, now, cacheDir: path.join(newDir(), "cache") });
      const first = await deploy(out, [], { prefix: "notify" });
      assert.equal(first.status, 0, first.stderr);
      const notify = () =>
        pressroomAsync(
          ["notify", "--content", fixture("notify"), "--out", out, "--now", now, "--since", "2026-11-30T00:00", "--bucket", BUCKET, "--prefix", "notify", "--endpoint", endpoint, "--path-style"],
          { ...S3RVER_CREDENTIALS, PRESSROOM_SMTP_URL: mail.url(), PRESSROOM_MAIL_FROM: "presse@pruefstadt.example" },
        );
      const sent = await notify();
      assert.equal(sent.status, 0, sent.stderr);
      assert.equal(mail.received.length, 3);
      assert.match(sent.stdout, /recorded in s3:\/\/presse\/notify\/notified\.json/);
      const record = JSON.parse(Buffer.from(await objectBytes("notify/notified.json")).toString("utf8")) as { sent: Record<string, string> };
      assert.equal(Object.keys(record.sent).length, 3);

      const again = await notify();
      assert.equal(again.status, 0, again.stderr);
      assert.equal(mail.received.length, 3, "nothing twice");
      const redeploy = await deploy(out, [], { prefix: "notify" });
      assert.equal(redeploy.status, 0, redeploy.stderr);
      assert.ok((await keysOf("notify/")).includes("notify/notified.json"), "the deploy keeps the record");
    } finally {
      await mail.close();
    }
  });
});
