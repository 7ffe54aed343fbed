/** `pressroom diff` between two builds and `pressroom schedule` (embargoes, drafts, --due-since), run as a user would. */
import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { build } from "../src/build.ts";
import { listFiles, pressroom, ROOT, scratchDirs } from "./helpers.ts";

const newDir = scratchDirs();
const NOW = "2026-11-27T12:00";

describe("pressroom diff", () => {
  let before1: string;
  let after1: string;
  before(async () => {
    const content = newDir();
    cpSync(path.join(ROOT, "content"), content, { recursive: true });
    before1 = newDir();
    await build({ contentDir: content, outDir: before1, now: NOW });
    // One release added, one changed, one deleted.
    writeFileSync(path.join(content, "releases/2026/2026-11-20-neue-buslinie.md"), "---\ntitle: Neue Buslinie 17\ndate: 2026-11-20 10:00\ndepartment: tiefbauamt\n---\n\nAb Dezember fährt die Linie 17.\n");
    const maifest = path.join(content, "releases/2025/2025-04-30-maifest.md");
    writeFileSync(maifest, readFileSync(maifest, "utf8").replace(/^title: .*$/m, "title: Maifest mit neuem Programm"));
    rmSync(path.join(content, "releases/2025/2025-08-20-einschulung.md"));
    after1 = newDir();
    await build({ contentDir: content, outDir: after1, now: NOW });
  });

  /** Pages (HTML files) that differ between the two folders, found by reading them. */
  function expected(): { added: string[]; changed: string[]; removed: string[] } {
    const a = new Set(listFiles(before1).filter((f) => f.endsWith(".html") || f.endsWith(".php")));
    const b = new Set(listFiles(after1).filter((f) => f.endsWith(".html") || f.endsWith(".php")));
    const address = (f: string): string => (f === "index.html" ? "/" : f.endsWith("/index.html") ? `/${f.slice(0, -10)}` : `/${f}`);
    const same = (f: string): boolean => readFileSync(path.join(before1, f)).equals(readFileSync(path.join(after1, f)));
    return {
      added: [...b].filter((f) => !a.has(f)).map(address).sort(),
      changed: [...b].filter((f) => a.has(f) && !same(f)).map(address).sort(),
      removed: [...a].filter((f) => !b.has(f)).map(address).sort(),
    };
  }

  test("reports added, changed and removed pages (JSON), the same as comparing the files", () => {
    const result = pressroom(["diff", before1, after1, "--json"]);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { pages: { added: string[]; changed: string[]; removed: string[] } };
    const want = expected();
    assert.deepEqual([...report.pages.added].sort(), want.added);
    assert.deepEqual([...report.pages.changed].sort(), want.changed);
    assert.deepEqual([...report.pages.removed].sort(), want.removed);
    assert.ok(want.added.includes("/2026/11/20/neue-buslinie/"));
    assert.ok(want.changed.includes("/2025/04/30/maifest/"));
    assert.ok(want.removed.includes("/2025/08/20/einschulung/"));
  });

  test("prints a list for people and Markdown for a pull request's summary; manifests compare as folders do", () => {
    const textual = pressroom(["diff", path.join(before1, "manifest.json"), path.join(after1, "manifest.json")]);
    assert.equal(textual.status, 0, textual.stderr);
    const want = expected();
    assert.match(textual.stdout, new RegExp(`^Pages: ${want.added.length} added, ${want.changed.length} changed, ${want.removed.length} removed$`, "m"));
    assert.match(textual.stdout, /^ {2}\+ \/2026\/11\/20\/neue-buslinie\/$/m);
    assert.match(textual.stdout, /^ {2}- \/2025\/08\/20\/einschulung\/$/m);
    const md = pressroom(["diff", before1, after1, "--markdown"]).stdout;
    assert.match(md, /^### What this change publishes$/m);
    assert.match(md, /^- `\/2026\/11\/20\/neue-buslinie\/`$/m);
    assert.match(md, /^- \[`\/2025\/04\/30\/maifest\/`\]\(https:\/\/presse\.musterstadt\.de\/2025\/04\/30\/maifest\/\)$/m);
    assert.match(pressroom(["diff", before1, before1, "--markdown"]).stdout, /Nothing: the site stays exactly as it is\./);
  });

  test("wrong usage: two builds needed, and a folder without a build is named", () => {
    const one = pressroom(["diff", before1]);
    assert.equal(one.status, 2);
    assert.match(one.stderr, /diff compares two builds: pressroom diff OLD NEW/);
    const empty = newDir();
    const none = pressroom(["diff", empty, after1]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /manifest\.json does not exist: build the site first/);
  });
});

describe("pressroom schedule", () => {
  test("lists embargoed releases with their local time, and drafts", () => {
    const result = pressroom(["schedule", "--content", "content", "--now", NOW]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Times are Europe\/Berlin\.$/m);
    assert.match(result.stdout, /Waiting for their time \(1\):\n {2}01\.06\.2031, 10:00 {2}\/2031\/06\/01\/stadtjubilaeum-festakt\//);
    assert.match(result.stdout, /Drafts, never published until draft: true is removed \(1\):\n {2}ENTWURF DRAFTSECRET/);
  });

  test("--due-since says which releases went public since a moment, in the site's time zone", () => {
    // The 2031 release's time is 10:00 in Berlin: 09:59 is before it, 10:00 is it.
    const args = ["schedule", "--content", "content", "--due-since", "2031-06-01T09:59"];
    const due = pressroom([...args, "--now", "2031-06-01T10:00", "--json"]);
    assert.equal(due.status, 0, due.stderr);
    assert.deepEqual(JSON.parse(due.stdout).due.map((r: { url: string }) => r.url), ["/2031/06/01/stadtjubilaeum-festakt/"]);
    const early = pressroom([...args, "--now", "2031-06-01T09:59:59"]);
    assert.match(early.stdout, /^Nothing went public or was withdrawn since 2031-06-01T09:59\.$/m);
  });

  test("--due-since a deployed manifest, with the answer written for GitHub Actions", async () => {
    const out = newDir();
    await build({ contentDir: "content", outDir: out, now: "2031-06-01T09:00" });
    const outputFile = path.join(newDir(), "github-output");
    writeFileSync(outputFile, "");
    const env = { GITHUB_OUTPUT: outputFile };
    const later = pressroom(["schedule", "--content", "content", "--due-since", path.join(out, "manifest.json"), "--now", "2031-06-01T10:07", "--github-output"], { env });
    assert.equal(later.status, 0, later.stderr);
    assert.match(later.stdout, /1 release\(s\) went public or were withdrawn since .*manifest\.json \(built 2031-06-01T07:00:00\.000Z\): build and deploy\./);
    const same = pressroom(["schedule", "--content", "content", "--due-since", path.join(out, "manifest.json"), "--now", "2031-06-01T09:30", "--github-output"], { env });
    assert.equal(same.status, 0, same.stderr);
    assert.equal(readFileSync(outputFile, "utf8"), "due=true\ndue=false\n");
    // The draft never comes due.
    assert.doesNotMatch(later.stdout, /DRAFTSECRET/);
  });

  test("a wrong moment is a usage error", () => {
    const result = pressroom(["schedule", "--content", "content", "--due-since", "gestern"]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--due-since "gestern" is neither a date like 2026-11-27T10:30 nor a manifest\.json/);
  });
});
