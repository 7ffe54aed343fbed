/**
 * Each command loads only what it needs (issue 20): `check`, `schedule`,
 * `new`, `diff` and `notify` (but to send) never load the AWS SDK, Decap, Pagefind, Playwright or
 * Eleventy. The compiled command runs with test/module-log/preload.mjs, which
 * records every module the process loads; the packages among them are read
 * from their paths.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, test } from "node:test";
import { pathToFileURL } from "node:url";
import { fixture, listFiles, removeDir, ROOT, tempDir } from "./helpers.ts";

const PRELOAD = pathToFileURL(path.join(ROOT, "test", "module-log", "preload.mjs")).href;

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

interface Run {
  readonly status: number | null;
  readonly output: string;
  /** The packages loaded, by name (`@aws-sdk/client-s3`, `zod`). */
  readonly packages: ReadonlySet<string>;
  /** The module URLs loaded. */
  readonly modules: readonly string[];
}

/** Runs `pressroom ARGS` (the compiled command, in the repository's folder) and records what it loaded. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const dir = tempDir();
  dirs.push(dir);
  const log = path.join(dir, "modules.log");
  writeFileSync(log, "");
  const result = spawnSync(process.execPath, ["--import", PRELOAD, path.join(ROOT, "bin", "pressroom.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", PRESSROOM_MODULE_LOG: log, ...env },
    encoding: "utf8",
  });
  const modules = readFileSync(log, "utf8").split("\n").filter(Boolean);
  return { status: result.status, output: result.stdout + result.stderr, packages: new Set(modules.flatMap(packageOf)), modules };
}

/** The package a module belongs to: the name after the last node_modules/ of its path. */
function packageOf(url: string): string[] {
  const at = url.lastIndexOf("/node_modules/");
  if (at < 0) return [];
  const parts = url.slice(at + "/node_modules/".length).split("/");
  return [parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!];
}

/** What none of these commands needs: deploying, the browser editor, the search index, a browser, rendering. */
const HEAVY = [/^@aws-sdk\//, /^@smithy\//, /^decap-cms$/, /^decap-server$/, /^pagefind$/, /^@pagefind\//, /^playwright(-core)?$/, /^@11ty\//, /^nunjucks$/];

const heavyIn = (packages: ReadonlySet<string>): string[] => [...packages].filter((name) => HEAVY.some((pattern) => pattern.test(name)));

test("the record sees packages loaded: a build renders with Eleventy and indexes with Pagefind", () => {
  const out = tempDir();
  dirs.push(out);
  const result = run(["build", "--content", fixture("english"), "--out", path.join(out, "site"), "--cache", path.join(out, "cache"), "--now", "2026-11-28T12:00"]);
  assert.equal(result.status, 0, result.output);
  assert.ok(result.modules.some((url) => url.endsWith("/lib/cli/main.js")), "pressroom's own modules are recorded");
  assert.ok(result.packages.has("@11ty/eleventy"), [...result.packages].join(" "));
  assert.ok(result.packages.has("pagefind"), [...result.packages].join(" "));
  assert.ok(!result.packages.has("nodemailer"), "a build sends no mail");
  // Node 24 reads date-fns's large package.json again for each of its ES module files (0.7 s a command): its CommonJS files only.
  const dateFns = result.modules.filter((url) => url.includes("/node_modules/date-fns/"));
  assert.ok(dateFns.length > 0, "dates are formatted with date-fns");
  assert.deepEqual(dateFns.filter((url) => !url.endsWith(".cjs")), []);
});

/** The output folders `a` and `b` of `dir` hold the same search index files, byte for byte. */
function assertSameIndex(dir: string, a: string, b: string): void {
  const index = (out: string): string[] => listFiles(path.join(dir, out, "pagefind"));
  assert.ok(index(a).length > 0);
  assert.deepEqual(index(b), index(a));
  for (const file of index(a)) assert.ok(readFileSync(path.join(dir, a, "pagefind", file)).equals(readFileSync(path.join(dir, b, "pagefind", file))), file);
}

/** A folder of its own, and builds of the fixture `name` into its subfolder `out`, all with the folder's one cache. */
function buildsOf(name: string): { dir: string; build: (out: string) => Run } {
  const dir = tempDir();
  dirs.push(dir);
  const build = (out: string): Run =>
    run(["build", "--content", fixture(name), "--out", path.join(dir, out), "--cache", path.join(dir, "cache"), "--now", "2026-11-28T12:00"]);
  return { dir, build };
}

test("a build into a new folder takes the search index from the cache folder an earlier build filled: Pagefind is not loaded", () => {
  const { dir, build } = buildsOf("english");
  const first = build("first");
  assert.equal(first.status, 0, first.output);
  assert.ok(first.packages.has("pagefind"));
  const second = build("second");
  assert.equal(second.status, 0, second.output);
  assert.ok(!second.packages.has("pagefind"), [...second.packages].join(" "));
  assertSameIndex(dir, "first", "second");
});

test("a kept shard is made again when its key file is missing or the shard itself is damaged: the same files as before", () => {
  const { dir, build } = buildsOf("valid");
  const first = build("first");
  assert.equal(first.status, 0, first.output);
  const kept = path.join(dir, "cache", "v1", "search");
  const shards = readdirSync(kept).filter((name) => name.endsWith(".json") && !name.endsWith(".key.json"));
  assert.ok(shards.length >= 2, `two shards or more to damage: ${shards.join(" ")}`);
  // One shard as a cache of an older pressroom left it (no key file), one cut short though its key file says it is whole.
  rmSync(path.join(kept, shards[0]!.replace(/\.json$/, ".key.json")));
  writeFileSync(path.join(kept, shards[1]!), "{");
  const second = build("second");
  assert.equal(second.status, 0, second.output);
  assert.ok(second.packages.has("pagefind"), "Pagefind made them again");
  assertSameIndex(dir, "first", "second");
  const third = build("third");
  assert.equal(third.status, 0, third.output);
  assert.ok(!third.packages.has("pagefind"), "both are kept again, key files and all");
});

test("check loads no deploy, editor, search index, browser or Eleventy", () => {
  const result = run(["check", "--content", "content", "--now", "2026-11-28T12:00"]);
  assert.equal(result.status, 0, result.output);
  assert.ok(result.packages.has("zod"), "what check needs is recorded");
  assert.deepEqual(heavyIn(result.packages), []);
  assert.ok(!result.packages.has("nodemailer"), "check sends no mail");
});

test("schedule loads none of them either", () => {
  const result = run(["schedule", "--content", "content", "--now", "2026-11-28T12:00"]);
  assert.equal(result.status, 0, result.output);
  assert.deepEqual(heavyIn(result.packages), []);
});

test("new loads none of them, nor the terminal's prompts when it has no terminal", () => {
  const help = run(["new", "--help"]);
  assert.equal(help.status, 0, help.output);
  assert.deepEqual(heavyIn(help.packages), []);
  assert.deepEqual([...help.packages].filter((name) => name.startsWith("@inquirer/")), []);

  const dir = tempDir();
  dirs.push(dir);
  cpSync(fixture("valid"), path.join(dir, "content"), { recursive: true });
  const made = run(["new", "--content", path.join(dir, "content"), "--title", "Neues Hallenbad", "--department", "umweltamt", "--no-photos", "--now", "2026-11-27T10:07"]);
  assert.equal(made.status, 0, made.output);
  assert.deepEqual(heavyIn(made.packages), []);
  assert.deepEqual([...made.packages].filter((name) => name.startsWith("@inquirer/")), []);
});

test("diff loads none of them, nor the content model (YAML, Markdown, the sanitizer)", () => {
  const result = run(["diff", "--help"]);
  assert.equal(result.status, 0, result.output);
  assert.deepEqual(heavyIn(result.packages), []);
  assert.deepEqual([...result.packages].filter((name) => ["yaml", "markdown-it", "sanitize-html", "gray-matter"].includes(name)), []);
});

test("notify loads the mail library only to send, and the AWS SDK only for a record on the deploy target", () => {
  const dir = tempDir();
  dirs.push(dir);
  const record = path.join(dir, "notified.json");
  const args = ["notify", "--content", fixture("notify"), "--record", record, "--now", "2026-12-01T10:30", "--since", "2026-11-30T00:00"];
  const dry = run([...args, "--dry-run"]);
  assert.equal(dry.status, 0, dry.output);
  assert.deepEqual(heavyIn(dry.packages), []);
  assert.ok(!dry.packages.has("nodemailer"), "a dry run sends nothing");
  // A server that is not there: the mail library is loaded to reach it, and nothing else heavy.
  const send = run([...args], { PRESSROOM_SMTP_URL: "smtp://127.0.0.1:1", PRESSROOM_MAIL_FROM: "presse@pruefstadt.example" });
  assert.equal(send.status, 1, send.output);
  assert.ok(send.packages.has("nodemailer"), [...send.packages].join(" "));
  assert.deepEqual(heavyIn(send.packages), []);
});

/** What only `pressroom import` needs: its own modules, the HTML and XML parsers, HTML to Markdown. */
const IMPORT_ONLY = ["turndown", "cheerio", "parse5", "fast-xml-parser", "@mixmark-io/domino"];
const importModules = (run: Run): string[] => [
  ...run.modules.filter((url) => url.includes("/lib/import/") || url.endsWith("/lib/cli/import.js")),
  ...[...run.packages].filter((name) => IMPORT_ONLY.includes(name)),
];

test("check and build load nothing of import", () => {
  const checked = run(["check", "--content", "content", "--now", "2026-11-28T12:00"]);
  assert.equal(checked.status, 0, checked.output);
  assert.deepEqual(importModules(checked), []);
  const out = tempDir();
  dirs.push(out);
  const built = run(["build", "--content", fixture("english"), "--out", path.join(out, "site"), "--cache", path.join(out, "cache"), "--now", "2026-11-28T12:00"]);
  assert.equal(built.status, 0, built.output);
  assert.deepEqual(importModules(built), []);
});

test("import loads its parsers, and no deploy, editor, search index, browser, Eleventy or image library", () => {
  const dir = tempDir();
  dirs.push(dir);
  cpSync(fixture("import-site"), path.join(dir, "content"), { recursive: true });
  const feed = path.join(dir, "feed.xml");
  writeFileSync(
    feed,
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Alt</title><link>http://127.0.0.1:9/</link>' +
      "<item><title>Eine Meldung</title><link>http://127.0.0.1:9/pm-1.html</link><pubDate>Wed, 09 Oct 2002 12:30:00 GMT</pubDate>" +
      "<description>&lt;p&gt;Text.&lt;/p&gt;</description></item></channel></rss>",
  );
  const result = run(["import", feed, "--content", path.join(dir, "content"), "--department", "presseamt"]);
  assert.equal(result.status, 0, result.output);
  assert.ok(result.packages.has("turndown") && result.packages.has("fast-xml-parser") && result.packages.has("cheerio"), [...result.packages].join(" "));
  assert.deepEqual(heavyIn(result.packages), []);
  assert.ok(!result.packages.has("sharp"), "no photo is decoded by an import");
});
