/**
 * `pressroom new`, run as a user would: with flags, without a terminal (it
 * must never wait), with wrong values, and answering its questions through
 * the prompt streams. Every new file must pass `pressroom check` as it is.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { newCommand } from "../src/cli/new.ts";
import { checkContent } from "../src/check.ts";
import { isPublished } from "../src/content/publish.ts";
import { fixture, pressroom, ROOT, scratchDirs } from "./helpers.ts";
import { answerPrompts } from "./prompts.ts";

const newDir = scratchDirs();

/** A working folder with a site of settings only (no releases): `content/` inside it. */
function site(from = "valid", extraDepartments = ""): string {
  const dir = newDir();
  const content = path.join(dir, "content");
  mkdirSync(path.join(content, "releases"), { recursive: true });
  for (const file of ["site.yaml", "departments.yaml", "contacts.yaml"]) copyFileSync(path.join(fixture(from), file), path.join(content, file));
  if (extraDepartments) appendFileSync(path.join(content, "departments.yaml"), extraDepartments);
  return dir;
}

/** Every file below the releases folder of a working folder. */
const releaseFiles = (dir: string): string[] =>
  readdirSync(path.join(dir, "content", "releases"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(path.join(dir, "content"), path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();

const NOW = "2026-11-27 10:22";

describe("pressroom new with flags", () => {
  test("writes a draft named by date and title, says it is under embargo, and pressroom check passes", async () => {
    const dir = site();
    const result = pressroom(
      ["new", "--title", "Radwege am Ring werden breiter", "--department", "tiefbauamt", "--contact", "oezdemir", "--date", "2026-12-01 09:00", "--now", NOW],
      { cwd: dir },
    );
    assert.equal(result.status, 0, result.stderr);
    const file = "releases/2026/2026-12-01-radwege-am-ring-werden-breiter.md";
    assert.deepEqual(releaseFiles(dir), [file]);
    assert.match(result.stdout, /^Angelegt: content\/releases\/2026\/2026-12-01-radwege-am-ring-werden-breiter\.md \(als Entwurf\)\.$/m);
    assert.match(result.stdout, /^Sperrfrist: Die Meldung erscheint erst am 01\.12\.2026 um 09:00 Uhr \(Europe\/Berlin\), in 3 Tagen, 22 Stunden\.$/m);
    assert.match(result.stdout, /npx pressroom serve +\(die Meldung: http:\/\/127\.0\.0\.1:8080\/2026\/12\/01\/radwege-am-ring-werden-breiter\/\)/);
    assert.match(result.stdout, /^ {2}veröffentlichen: die Zeile draft: true löschen\.$/m);
    // Only this release's file goes to git: the line names it.
    assert.match(result.stdout, /^ {2}an die Website schicken: git add \S+\.md, dann git commit -m "Neue Meldung" und git push \(Anleitung, Abschnitt 8\)\.$/m);

    // Read back by the loader every build uses.
    const checked = await checkContent(path.join(dir, "content"));
    assert.deepEqual(checked.problems, []);
    const release = checked.model!.releases.find((r) => r.file === file)!;
    assert.equal(release.title, "Radwege am Ring werden breiter");
    assert.equal(release.draft, true);
    assert.equal(release.date, Date.parse("2026-12-01T08:00:00Z"));
    assert.deepEqual(release.departments.map((d) => d.id), ["tiefbauamt"]);
    assert.deepEqual(release.contacts.map((c) => c.id), ["oezdemir"]);

    const check = pressroom(["check"], { cwd: dir });
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /1 Entwurf \(draft: true\)/);

    // Published as the file says: with the draft line deleted, it waits for its time, then it is out.
    const absolute = path.join(dir, "content", file);
    writeFileSync(absolute, readFileSync(absolute, "utf8").replace(/^draft: true .*\n/m, ""));
    const waiting = pressroom(["check", "--now", NOW], { cwd: dir });
    assert.match(waiting.stdout, /1 Meldung mit Sperrfrist: „Radwege am Ring werden breiter“ erscheint am 01\.12\.2026 um 09:00 Uhr/);
    assert.doesNotMatch(waiting.stdout, /Entwurf/);
    const out = await checkContent(path.join(dir, "content"));
    const published = out.model!.releases.find((r) => r.file === file)!;
    assert.equal(published.draft, false);
    assert.ok(isPublished(published, { now: Date.parse("2026-12-01T08:00:00Z"), drafts: false }));
    assert.ok(!isPublished(published, { now: Date.parse("2026-12-01T07:59:59Z"), drafts: false }));
  });

  test("--photos makes a folder; a real photo put in it and the media lines filled in still pass check", () => {
    const dir = site();
    const result = pressroom(["new", "--title", "Neues Hallenbad", "--department", "umweltamt", "--photos", "--now", NOW], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    const folder = "releases/2026/2026-11-27-neues-hallenbad";
    assert.deepEqual(releaseFiles(dir), [`${folder}/index.md`]);
    assert.match(result.stdout, /^Fotos: in den Ordner content\/releases\/2026\/2026-11-27-neues-hallenbad\/ legen und unter media: eintragen/m);
    // Not an embargo: the default date is now, down to the quarter hour.
    assert.doesNotMatch(result.stdout, /Sperrfrist/);
    const index = path.join(dir, "content", folder, "index.md");
    assert.match(readFileSync(index, "utf8"), /^date: 2026-11-27 10:15 /m);

    copyFileSync(path.join(fixture("valid"), "releases/2026/2026-11-20-hallenbad/baustelle.jpg"), path.join(dir, "content", folder, "foto.jpg"));
    writeFileSync(index, readFileSync(index, "utf8").replace(/^# (?=(media|subtitle|tags):| {2,})/gm, ""));
    const check = pressroom(["check"], { cwd: dir });
    assert.equal(check.status, 0, check.stderr + check.stdout);
  });

  test("--date in German is written as a release writes it, and the release passes check", () => {
    const dir = site();
    const result = pressroom(["new", "--title", "Festkonzert im Dom", "--department", "kulturamt", "--date", "6.12.2026, 19:30 Uhr", "--now", NOW], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Sperrfrist: Die Meldung erscheint erst am 06\.12\.2026 um 19:30 Uhr/);
    assert.match(readFileSync(path.join(dir, "content/releases/2026/2026-12-06-festkonzert-im-dom.md"), "utf8"), /^date: 2026-12-06 19:30 /m);
    assert.equal(pressroom(["check"], { cwd: dir }).status, 0);
  });

  test("an English site gets English comments and messages", () => {
    const dir = site("english");
    const result = pressroom(["new", "--title", "New bus line", "--department", "parks", "--date", "2026-03-09 13:00", "--now", "2026-03-07 10:00"], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Created content\/releases\/2026\/2026-03-09-new-bus-line\.md \(as a draft\)\.$/m);
    // New York changes its clocks on 8 March: two days of its calendar and three hours.
    assert.match(result.stdout, /^Embargo: the release goes out on 9 March 2026 at 13:00 \(America\/New_York\) at the earliest, in 2 days, 3 hours\.$/m);
    const text = readFileSync(path.join(dir, "content/releases/2026/2026-03-09-new-bus-line.md"), "utf8");
    assert.match(text, /^# contact: lee +# without one of its own, the department's contact: Jordan Lee$/m);
    assert.equal(pressroom(["check"], { cwd: dir }).status, 0);
  });
});

describe("pressroom new refuses", () => {
  test("without a terminal it never waits: every missing flag at once, with an example, exit code 2", async () => {
    const dir = site();
    // Standard input stays open and silent, as in a CI job: the command must end by itself.
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), "new", "--now", NOW], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const guard = setTimeout(() => child.kill(), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    clearTimeout(guard);
    child.stdin.end();
    assert.equal(code, 2, `ended with ${code}: ${stderr}`);
    assert.match(stderr, /Ohne Terminal fragt pressroom new nicht nach\. Es fehlen:\n {2}--title TEXT .*\n {2}--department ID +das Amt: tiefbauamt, umweltamt, kulturamt\n/);
    assert.match(stderr, /Zum Beispiel:\n {2}npx pressroom new --title "Radwege am Ring werden breiter" --department tiefbauamt --date "2026-11-27 10:15"\n/);
    assert.match(stderr, /\n {2}new +Start a release/);
    assert.doesNotMatch(stderr, /^ {2}build /m);
    assert.deepEqual(releaseFiles(dir), []);
  });

  test("a department without a contact of its own needs --contact; unknown ids get a did-you-mean", () => {
    const dir = site("valid", "ordnungsamt:\n  name: Ordnungsamt\n");
    const noContact = pressroom(["new", "--title", "Blitzer", "--department", "ordnungsamt"], { cwd: dir });
    assert.equal(noContact.status, 2);
    assert.match(noContact.stderr, /Es fehlt:\n {2}--contact ID .*: jaskowiak, oezdemir\n/);
    assert.match(noContact.stderr, /--department ordnungsamt --contact jaskowiak --date/);
    const wrong = pressroom(["new", "--title", "Blitzer", "--department", "ordnugsamt", "--contact", "Birgit Jaskowiak", "--date", "31.11.2026"], { cwd: dir });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /Das Amt „ordnugsamt“ steht nicht in departments\.yaml\. Meinten Sie ordnungsamt\?/);
    assert.match(wrong.stderr, /Den Kontakt „Birgit Jaskowiak“ gibt es in contacts\.yaml nicht\. Meinten Sie jaskowiak\?/);
    assert.match(wrong.stderr, /„31\.11\.2026“ gibt es nicht: Der November 2026 hat 30 Tage\./);
    assert.deepEqual(releaseFiles(dir), []);
  });

  test("never overwrites: the same release as a file or as a folder is there already", () => {
    const dir = site();
    const args = ["new", "--title", "Maifest", "--department", "kulturamt", "--date", "2027-05-01 10:00"];
    assert.equal(pressroom(args, { cwd: dir }).status, 0);
    const file = path.join(dir, "content/releases/2027/2027-05-01-maifest.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Hier steht", "Schon geschrieben:"));
    const before = readFileSync(file, "utf8");
    for (const again of [args, [...args, "--photos"]]) {
      const result = pressroom(again, { cwd: dir });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /content\/releases\/2027\/2027-05-01-maifest\.md gibt es schon/);
    }
    assert.equal(readFileSync(file, "utf8"), before);
    assert.equal(existsSync(path.join(dir, "content/releases/2027/2027-05-01-maifest")), false);
  });

  test("settings with a problem are reported as check reports them, exit code 1", () => {
    const dir = site();
    writeFileSync(path.join(dir, "content/departments.yaml"), "tiefbauamt:\n  nam: Tiefbauamt\n");
    const result = pressroom(["new", "--title", "X", "--department", "tiefbauamt"], { cwd: dir });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /content\/departments\.yaml:2/);
    assert.deepEqual(releaseFiles(dir), []);
  });
});

const answer = (args: string[], script: [question: RegExp, keys: string][]) => answerPrompts(newCommand, args, script);

const DOWN = "\x1b[B";

describe("pressroom new on a terminal", () => {
  test("asks for title, department, date, contact and photos, and writes what was answered", { timeout: 30_000 }, async () => {
    const dir = site();
    const content = path.join(dir, "content");
    const { code, shown } = await answer(
      ["--content", content, "--now", NOW],
      [
        [/Titel der Meldung:/, "Sommerleseclub startet\r"],
        // Typing finds the department in the list.
        [/Amt:[\s\S]*Umweltamt \(umweltamt\)/, "umwelt\r"],
        // The default answer is now, down to the quarter hour (the line wraps at 80 columns).
        [/Datum und Uhrzeit \(Europe\/Berlin; später als jetzt: Sperrfrist\):\s+\(2026-11-27\s+10:15\)/, "\r"],
        // The department's own contact is chosen already; one down is the next.
        [/Pressekontakt:[\s\S]*❯ Deniz Özdemir/, `${DOWN}\r`],
        [/Kommen Fotos dazu\?/, `${DOWN}\r`],
      ],
    );
    assert.equal(code, 0);
    const file = "releases/2026/2026-11-27-sommerleseclub-startet/index.md";
    assert.deepEqual(releaseFiles(dir), [file]);
    assert.match(shown, /keinen eigenen \(es gilt der des Amts: Deniz Özdemir\)/);
    assert.match(shown, /Angelegt: .*2026-11-27-sommerleseclub-startet\/index\.md \(als Entwurf\)\./);
    const text = readFileSync(path.join(content, file), "utf8");
    assert.match(text, /^title: Sommerleseclub startet$/m);
    assert.match(text, /^department: umweltamt +# Umweltamt$/m);
    assert.match(text, /^date: 2026-11-27 10:15 /m);
    assert.match(text, /^# contact: oezdemir +# ohne eigenen Kontakt gilt der des Amts: Deniz Özdemir$/m);
    assert.equal(pressroom(["check", "--content", content]).status, 0);
  });

  test("a wrong answer is said under the question, which is asked again", { timeout: 30_000 }, async () => {
    const dir = site();
    const content = path.join(dir, "content");
    const { code, shown } = await answer(
      ["--content", content, "--now", NOW, "--department", "kulturamt", "--no-photos"],
      [
        [/Titel der Meldung:/, "Lesenacht\r"],
        [/Datum und Uhrzeit/, "\x15morgen\r"],
        [/„morgen“ ist kein Datum wie 27\.11\.2026 10:30 oder 2026-11-27 10:30\./, "\x15" + "31.11.2026\r"],
        // A day that does not exist gets the reason check gives; a German date is taken.
        [/„31\.11\.2026“ gibt es nicht: Der November 2026 hat 30 Tage\./, "\x15" + "5.12.2026, 19:00 Uhr\r"],
        [/Pressekontakt:[\s\S]*❯ Birgit Jaskowiak/, "\r"],
      ],
    );
    assert.equal(code, 0);
    assert.deepEqual(releaseFiles(dir), ["releases/2026/2026-12-05-lesenacht.md"]);
    assert.match(shown, /Sperrfrist: Die Meldung erscheint erst am 05\.12\.2026 um 19:00 Uhr \(Europe\/Berlin\), in 8 Tagen, 8 Stunden\./);
    assert.match(readFileSync(path.join(content, "releases/2026/2026-12-05-lesenacht.md"), "utf8"), /^contact: jaskowiak +# Birgit Jaskowiak$/m);
  });

  test("the default date deleted and Enter pressed: the default again, not an empty answer", { timeout: 30_000 }, async () => {
    const dir = site();
    const content = path.join(dir, "content");
    const { code } = await answer(
      ["--content", content, "--now", NOW, "--title", "Lesenacht", "--department", "kulturamt", "--contact", "jaskowiak", "--no-photos"],
      // Backspace on the empty line takes the default away (inquirer's input); Enter then answers "".
      [[/Datum und Uhrzeit/, "\x7f\r"]],
    );
    assert.equal(code, 0);
    assert.deepEqual(releaseFiles(dir), ["releases/2026/2026-11-27-lesenacht.md"]);
    assert.match(readFileSync(path.join(content, "releases/2026/2026-11-27-lesenacht.md"), "utf8"), /^date: 2026-11-27 10:15 /m);
  });

  test("a wrong flag stops it before the first question", { timeout: 30_000 }, async () => {
    const dir = site();
    const { code, shown } = await answer(["--content", path.join(dir, "content"), "--department", "tiefbau"], []);
    assert.equal(code, 2);
    assert.equal(shown, "");
    assert.deepEqual(releaseFiles(dir), []);
  });
});
