/** `pressroom diff` between two builds and `pressroom schedule` (embargoes, drafts, --due-since), run as a user would. */
import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import { build } from "../src/build.ts";
import { fixture, listFiles, pressroom, ROOT, scratchDirs } from "./helpers.ts";

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
  test("lists embargoed releases with their local time and how long until then, and drafts apart, in the site's language", () => {
    const result = pressroom(["schedule", "--content", "content", "--now", NOW]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Zeiten in Europe\/Berlin\.$/m);
    assert.match(
      result.stdout,
      /^Mit Sperrfrist \(1\):\n {2}01\.06\.2031, 10:00 {2}in 1646 Tagen, 22 Stunden {2}\/2031\/06\/01\/stadtjubilaeum-festakt\/ {2}FUTURESECRET: .* {2}\(content\/releases\/2031\/2031-06-01-stadtjubilaeum-festakt\/index\.md\)$/m,
    );
    assert.match(result.stdout, /^Entwürfe, nie veröffentlicht, solange draft: true dasteht \(1\):\n {2}ENTWURF DRAFTSECRET/m);
    // The draft is not waiting for a time: it waits for its draft: true to go.
    assert.doesNotMatch(result.stdout.split("Entwürfe")[0]!, /DRAFTSECRET/);
    const english = pressroom(["schedule", "--content", "content", "--now", NOW, "--lang", "en"]);
    assert.match(english.stdout, /^Times are Europe\/Berlin\.$/m);
    assert.match(english.stdout, /^Waiting for their time \(1\):\n {2}1 Jun 2031, 10:00 {2}in 1646 days, 22 hours {2}\/2031\/06\/01\/stadtjubilaeum-festakt\//m);
    assert.match(english.stdout, /^Drafts, never published until draft: true is removed \(1\):\n {2}ENTWURF DRAFTSECRET/m);
  });

  test("an embargo fixture: soonest first, withdrawals waiting, days of the site's calendar across a change of clocks, and --json with in_seconds", () => {
    // An English site in New York (clocks go back on 1 November 2026), with two embargoes, a withdrawal to come and a draft.
    const content = newDir();
    cpSync(fixture("english"), content, { recursive: true });
    const release = (name: string, fields: string) =>
      writeFileSync(path.join(content, "releases", `${name}.md`), `---\ntitle: ${name}\ndepartment: parks\n${fields}---\n\nText.\n`);
    release("2026-11-11-later", "date: 2026-11-11\n");
    release("2026-11-01-soon", "date: 2026-11-01 13:00\n");
    release("2026-10-01-ending", "date: 2026-10-01 09:00\nwithdrawn:\n  date: 2026-10-30 10:30\n  reason: Cancelled.\n");
    release("2026-10-02-unfinished", "date: 2026-10-02 09:00\ndraft: true\n");
    const now = "2026-10-30 10:00";
    const text = pressroom(["schedule", "--content", content, "--now", now]);
    assert.equal(text.status, 0, text.stderr);
    const lines = text.stdout.split("\n");
    assert.equal(lines[0], "Times are America/New_York.");
    assert.equal(lines[1], "Waiting for their time (2):");
    // Aligned columns; a release without a time shows its day only.
    assert.match(lines[2]!, /^ {2}1 Nov 2026, 13:00 {2}in 2 days, 3 hours {4}\/2026\/11\/01\/soon\/ {3}2026-11-01-soon {2}\(.*releases\/2026-11-01-soon\.md\)$/);
    assert.match(lines[3]!, /^ {2}11 Nov 2026 {8}in 11 days, 14 hours {2}\/2026\/11\/11\/later\/ {2}2026-11-11-later/);
    assert.equal(lines[4], "Withdrawals waiting for their time (1):");
    assert.match(lines[5]!, /^ {2}30 Oct 2026, 10:30 {2}in 30 minutes {2}\/2026\/10\/01\/ending\//);
    assert.match(text.stdout, /^Drafts, never published until draft: true is removed \(1\):\n {2}2026-10-02-unfinished/m);

    const json = pressroom(["schedule", "--content", content, "--now", now, "--json"]);
    assert.equal(json.status, 0, json.stderr);
    const report = JSON.parse(json.stdout) as Record<string, { url: string; date: string; in_seconds?: number; withdrawn?: string }[]>;
    assert.deepEqual(Object.keys(report), ["waiting", "withdrawals", "drafts"]);
    const nowInstant = Date.parse("2026-10-30T14:00:00Z");
    assert.deepEqual(
      report.waiting!.map((r) => [r.url, r.date, r.in_seconds]),
      [
        ["/2026/11/01/soon/", "2026-11-01T18:00:00.000Z", (Date.parse("2026-11-01T18:00:00Z") - nowInstant) / 1000],
        ["/2026/11/11/later/", "2026-11-11T05:00:00.000Z", (Date.parse("2026-11-11T05:00:00Z") - nowInstant) / 1000],
      ],
    );
    assert.deepEqual(report.withdrawals!.map((r) => [r.url, r.withdrawn, r.in_seconds]), [["/2026/10/01/ending/", "2026-10-30T14:30:00.000Z", 1800]]);
    assert.deepEqual(report.drafts!.map((r) => [r.url, r.in_seconds]), [["/2026/10/02/unfinished/", undefined]]);
  });

  test("--due-since says which releases went public since a moment, in the site's time zone", () => {
    // The 2031 release's time is 10:00 in Berlin: 09:59 is before it, 10:00 is it.
    const args = ["schedule", "--content", "content", "--due-since", "2031-06-01T09:59"];
    const due = pressroom([...args, "--now", "2031-06-01T10:00", "--json"]);
    assert.equal(due.status, 0, due.stderr);
    assert.deepEqual(JSON.parse(due.stdout).due.map((r: { url: string }) => r.url), ["/2031/06/01/stadtjubilaeum-festakt/"]);
    const early = pressroom([...args, "--now", "2031-06-01T09:59:59"]);
    assert.match(early.stdout, /^Seit 2031-06-01T09:59 ist nichts erschienen oder zurückgenommen worden\.$/m);
    const english = pressroom([...args, "--now", "2031-06-01T10:00", "--lang", "en"]);
    assert.match(english.stdout, /^1 release\(s\) went public or were withdrawn since 2031-06-01T09:59: build and deploy\.\n {2}1 Jun 2031, 10:00 {2}\/2031\/06\/01\/stadtjubilaeum-festakt\//);
  });

  test("--due-since a deployed manifest, with the answer written for GitHub Actions", async () => {
    const out = newDir();
    await build({ contentDir: "content", outDir: out, now: "2031-06-01T09:00" });
    const outputFile = path.join(newDir(), "github-output");
    writeFileSync(outputFile, "");
    const env = { GITHUB_OUTPUT: outputFile };
    const later = pressroom(["schedule", "--content", "content", "--due-since", path.join(out, "manifest.json"), "--now", "2031-06-01T10:07", "--github-output"], { env });
    assert.equal(later.status, 0, later.stderr);
    assert.match(later.stdout, /^1 Meldung ist seit .*manifest\.json \(gebaut 2031-06-01T07:00:00\.000Z\) erschienen oder zurückgenommen worden: bauen und veröffentlichen\.$/m);
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
