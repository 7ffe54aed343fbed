/**
 * What `check` and `build` say, through the real command: German for a
 * German site, English for `language: en`, `--lang` over both; paths from
 * the repository's root; colours only on a terminal; errors and warnings
 * apart; the summary line; what waits for its time. And the four mistakes a
 * trial as a new user showed (test/fixtures/invalid-trial): a tab in the
 * YAML, quotes inside a quoted title, a photo's name in other capitals, a
 * contact's name instead of its id.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { checkContent } from "../src/check.ts";
import type { Problem } from "../src/errors/problem.ts";
import { fixture, pressroom, ROOT, scratchDirs } from "./helpers.ts";

const scratch = scratchDirs();
const TRIAL = "test/fixtures/invalid-trial";
const R = "releases/2026/";
const ANSI = /\u001b\[/;
/** The output folder of the one successful build of this file. */
const BUILT = path.join(scratch(), "site");

/** `pressroom` as a CI log runs it: output to pipes, and NO_COLOR not set. */
function inLog(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.NO_COLOR;
  return spawnSync(process.execPath, [path.join(ROOT, "bin", "pressroom.js"), ...args], { cwd: ROOT, env, encoding: "utf8" });
}

/** `check` of the trial fixture, once per language setting. */
const german = inLog(["check", "--content", TRIAL]);
const english = pressroom(["check", "--content", TRIAL, "--lang", "en"]);

/** The problems of the trial fixture, as made (in English, with their facts). */
const trial = checkContent(fixture("invalid-trial"));
const problemsIn = async (file: string): Promise<Problem[]> => (await trial).problems.filter((p) => p.file === file);

// ---------------------------------------------------------------------------
// The report in German and English

test("check of a German site speaks German: heading, labels, messages, hints and summary line", () => {
  assert.equal(german.status, 1, german.stderr);
  assert.equal(german.stdout, "");
  const err = german.stderr;
  assert.ok(err.startsWith("Fehler (4) – sie verhindern die Veröffentlichung:\n\n"), err);
  assert.ok(err.includes(`\n${TRIAL}/${R}2026-11-29-spielplatz/index.md:6  Mediendatei nicht gefunden [media-missing]\n  Feld: media.0.file\n  Die Mediendatei „Spielplatz.JPG“ gibt es nicht.\n  Hinweis: Meinten Sie „spielplatz.jpg“?`), err);
  assert.ok(err.endsWith("\n\n4 Fehler gefunden.\n"), err);
  // check never writes, so it does not talk about what it did not write.
  assert.doesNotMatch(err, /nothing was written|geschrieben/);
  assert.doesNotMatch(err, /\b(hint|field|Did you mean|problems? found)\b/);
});

test("--lang en: the same report in English", () => {
  assert.equal(english.status, 1, english.stderr);
  const err = english.stderr;
  assert.ok(err.startsWith("Errors (4) – they stop publishing:\n\n"), err);
  assert.ok(err.includes(`\n${TRIAL}/${R}2026-11-29-spielplatz/index.md:6  Media file not found [media-missing]\n  field: media.0.file\n  The media file "Spielplatz.JPG" does not exist.\n  hint: Did you mean "spielplatz.jpg"?`), err);
  assert.ok(err.endsWith("\n\n4 problems found.\n"), err);
  assert.doesNotMatch(err, /Hinweis|Feld:|Meinten Sie/);
});

test("paths are shown from the working folder; --json keeps the content-relative file and adds the path", () => {
  // From another working folder the same file is named from there.
  const elsewhere = pressroom(["check", "--content", "invalid-trial"], { cwd: path.join(ROOT, "test", "fixtures") });
  assert.ok(elsewhere.stderr.includes(`\ninvalid-trial/${R}2026-11-30-kontakt.md:5  Unbekannter Kontakt [unknown-contact]\n`), elsewhere.stderr);
  const json = pressroom(["check", "--content", TRIAL, "--json"]);
  assert.equal(json.status, 1, json.stderr);
  const parsed = JSON.parse(json.stdout) as { ok: boolean; problems: Record<string, unknown>[] };
  assert.equal(parsed.ok, false);
  const contact = parsed.problems.find((p) => p.code === "unknown-contact")!;
  assert.deepEqual(contact, {
    code: "unknown-contact",
    severity: "error",
    file: `${R}2026-11-30-kontakt.md`,
    path: `${TRIAL}/${R}2026-11-30-kontakt.md`,
    line: 5,
    field: "contact",
    title: "Unbekannter Kontakt",
    message: "Der Kontakt „Tobias Brandhorst“ ist in contacts.yaml nicht angelegt.",
    hint: "Meinten Sie „brandhorst“? Schreiben Sie die Kennung des Kontakts aus contacts.yaml (das Wort vor dem Doppelpunkt), nicht den Namen der Person.",
  });
});

test("an English site gets English, and --lang de turns it German", () => {
  const content = path.join(scratch(), "content");
  cpSync(fixture("english"), content, { recursive: true });
  writeFileSync(path.join(content, "releases", "2026-06-01-broken.md"), "---\ntitle: Broken\ndate: 2026-06-01\ndepartment: parks\ncontact: Jordan Lee\n---\n\nText.\n");
  const en = pressroom(["check", "--content", content]);
  assert.equal(en.status, 1, en.stderr);
  assert.ok(en.stderr.startsWith("Error – it stops publishing:\n"), en.stderr);
  assert.match(en.stderr, /\n {2}hint: Did you mean "lee"\?/);
  assert.ok(en.stderr.endsWith("\n1 problem found.\n"), en.stderr);
  const de = pressroom(["check", "--content", content, "--lang", "de"]);
  assert.ok(de.stderr.startsWith("Fehler – er verhindert die Veröffentlichung:\n"), de.stderr);
  assert.match(de.stderr, /\n {2}Hinweis: Meinten Sie „lee“\?/);
  assert.ok(de.stderr.endsWith("\n1 Fehler gefunden.\n"), de.stderr);
});

test("a site.yaml in a language pressroom does not speak gives English", () => {
  // invalid-site: language: fr. (A site.yaml with other mistakes and language: de is German: test/workflows.test.ts.)
  assert.match(pressroom(["check", "--content", fixture("invalid-site")]).stderr, /\n\d+ problems found\.\n$/);
});

test("--lang other than de or en, and a --now that is no date, are usage errors", () => {
  const lang = pressroom(["check", "--content", TRIAL, "--lang", "fr"]);
  assert.equal(lang.status, 2);
  assert.match(lang.stderr, /--lang "fr" is not a language of pressroom's messages: use de or en/);
  const now = pressroom(["check", "--content", TRIAL, "--now", "morgen"]);
  assert.equal(now.status, 2);
  assert.match(now.stderr, /--now "morgen" is not a date/);
});

test("warnings come after the errors, under a heading of their own", () => {
  const content = path.join(scratch(), "content");
  cpSync(fixture("invalid-trial"), content, { recursive: true });
  writeFileSync(path.join(content, R, "2026-12-01-bild.md"), "---\ntitle: Bild ohne Text\ndate: 2026-12-01\ndepartment: tiefbauamt\n---\n\n![](https://bilder.example.org/bild.jpg)\n");
  const result = pressroom(["check", "--content", content]);
  const err = result.stderr;
  const errors = err.indexOf("Fehler (4) – sie verhindern die Veröffentlichung:\n");
  const warnings = err.indexOf("\nWarnung – besser beheben, sie hält aber nichts auf:\n");
  const warning = err.indexOf("  Warnung: Bild von einer anderen Website [image-external]");
  assert.ok(errors === 0 && warnings > errors && warning > warnings, err);
  assert.ok(err.indexOf("[unknown-contact]") < warnings, "every error is listed before the warnings");
  assert.ok(err.endsWith("\n4 Fehler und 1 Warnung gefunden.\n"), err);
});

// ---------------------------------------------------------------------------
// Colours

test("no colours when the output is not a terminal, even without NO_COLOR", () => {
  assert.match(german.stderr, /Fehler \(4\)/);
  assert.doesNotMatch(german.stderr + german.stdout, ANSI);
});

const script = ["/usr/bin/script", "/bin/script"].find(existsSync);

test("colours on a terminal, none there when NO_COLOR is set", { skip: script === undefined && "no script(1) for a terminal" }, () => {
  const onTerminal = (noColor: string | undefined): string => {
    const env = { ...process.env };
    delete env.NO_COLOR;
    if (noColor !== undefined) env.NO_COLOR = noColor;
    const command = `${JSON.stringify(process.execPath)} bin/pressroom.js check --content ${TRIAL}`;
    const result = spawnSync(script!, ["-qec", command, "/dev/null"], { cwd: ROOT, env, encoding: "utf8" });
    assert.match(result.stdout, /Fehler \(4\)/, result.stdout + result.stderr);
    return result.stdout;
  };
  assert.match(onTerminal(undefined), /\u001b\[1;31mFehler \(4\)/);
  assert.doesNotMatch(onTerminal("1"), ANSI);
});

// ---------------------------------------------------------------------------
// What waits for its time

test("check ends with the releases under embargo, soonest first, and the drafts counted", () => {
  const one = pressroom(["check", "--content", "test/fixtures/valid", "--now", "2026-11-27T12:00"]);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(
    one.stdout,
    "Inhalt ist gültig: 7 Meldungen in test/fixtures/valid geprüft.\n" +
      "1 Meldung mit Sperrfrist: „FUTURESECRET Sperrfrist“ erscheint am 24.12.2026 um 12:00 Uhr\n" +
      "1 Entwurf (draft: true), wird nicht veröffentlicht.\n",
  );
  const several = pressroom(["check", "--content", "test/fixtures/valid", "--now", "2026-11-20T12:00"]);
  assert.equal(
    several.stdout,
    "Inhalt ist gültig: 7 Meldungen in test/fixtures/valid geprüft.\n" +
      "2 Meldungen mit Sperrfrist:\n" +
      "  „Radwege am Ring werden breiter“ erscheint am 27.11.2026 um 10:30 Uhr\n" +
      "  „FUTURESECRET Sperrfrist“ erscheint am 24.12.2026 um 12:00 Uhr\n" +
      "1 Entwurf (draft: true), wird nicht veröffentlicht.\n",
  );
});

test("an English site: the embargoes in English, in the site's time zone; --lang de in German", () => {
  const args = ["check", "--content", "test/fixtures/english", "--now", "2026-03-01T00:00"];
  assert.equal(
    pressroom(args).stdout,
    "Content is valid: 5 releases checked in test/fixtures/english.\n" +
      "3 releases under embargo:\n" +
      "  “Park news number 3” is published on 15 March 2026 at 23:30\n" +
      "  “Park news number 4” is published on 15 April 2026 at 23:30\n" +
      "  “Park news number 5” is published on 15 May 2026 at 23:30\n",
  );
  assert.match(pressroom([...args, "--lang", "de"]).stdout, /^ {2}„Park news number 3“ erscheint am 15\.03\.2026 um 23:30 Uhr$/m);
});

test("check --json and build --json list what waits (file, title, url, date) and count the drafts", () => {
  const check = pressroom(["check", "--content", "test/fixtures/valid", "--now", "2026-11-27T12:00", "--json"]);
  assert.equal(check.status, 0, check.stderr);
  const parsed = JSON.parse(check.stdout) as { waiting: unknown[]; drafts: number };
  assert.deepEqual(parsed.waiting, [
    { file: "releases/2026/2026-12-24-futuresecret.md", title: "FUTURESECRET Sperrfrist", url: "/2026/12/24/futuresecret/", date: "2026-12-24T11:00:00.000Z" },
  ]);
  assert.equal(parsed.drafts, 1);

  const build = pressroom(["build", "--content", "test/fixtures/english", "--out", BUILT, "--now", "2026-05-01T00:00", "--cache", scratch(), "--json"]);
  assert.equal(build.status, 0, build.stderr);
  const built = JSON.parse(build.stdout) as { releases: number; waiting: unknown[]; drafts: number };
  assert.equal(built.releases, 4);
  assert.deepEqual(built.waiting, [
    { file: "releases/2026-05-15-news-5.md", title: "Park news number 5", url: "/2026/05/15/news-5/", date: "2026-05-16T03:30:00.000Z" },
  ]);
  assert.equal(built.drafts, 0);
});

test("a failed build says nothing was built and the previous output is untouched, in the site's language", () => {
  const out = path.join(scratch(), "site");
  const first = pressroom(["build", "--content", TRIAL, "--out", out, "--now", "2026-12-01T12:00"]);
  assert.equal(first.status, 1, first.stderr);
  assert.ok(first.stderr.endsWith("\n4 Fehler gefunden: Es wurde nichts gebaut.\n"), "no output folder yet, none to speak of");
  assert.equal(existsSync(out), false);
  // Into the output of the English site's build above.
  const page = readFileSync(path.join(BUILT, "index.html"));
  const again = pressroom(["build", "--content", TRIAL, "--out", BUILT, "--now", "2026-12-01T12:00", "--lang", "en"]);
  assert.equal(again.status, 1, again.stderr);
  assert.ok(again.stderr.endsWith(`\n4 problems found: nothing was built, and the previous output in ${BUILT} is untouched.\n`), again.stderr);
  assert.ok(readFileSync(path.join(BUILT, "index.html")).equals(page));
});

test("schedule reports content problems the same way", () => {
  const result = pressroom(["schedule", "--content", TRIAL]);
  assert.equal(result.status, 1, result.stderr);
  assert.ok(result.stderr.includes(`\n${TRIAL}/${R}2026-11-30-kontakt.md:5  Unbekannter Kontakt [unknown-contact]\n`), result.stderr);
  assert.ok(result.stderr.endsWith("\n4 Fehler gefunden.\n"), result.stderr);
});

// ---------------------------------------------------------------------------
// The trial's four mistakes

test("trial: one tab in the YAML is one problem, on the tab's line, about tabs", async () => {
  const found = await problemsIn(`${R}2026-11-27-tabulator.md`);
  assert.deepEqual(found.map((p) => [p.code, p.line, p.column]), [["yaml-syntax", 7, 1]]);
  assert.equal(found[0]!.message, "The front matter cannot be read: this line is indented with a tab.");
  assert.match(found[0]!.hint, /^Delete the tab at the start of the line and indent with spaces/);
  // The German report shows the tab in its code frame.
  assert.ok(german.stderr.includes("  Hinweis: Löschen Sie den Tabulator am Zeilenanfang und rücken Sie mit Leerzeichen ein"), german.stderr);
  assert.ok(german.stderr.includes("  > 7 | → alt: Zwei neue Holzbänke am Teich\n"), german.stderr);
});

test("trial: a tab in departments.yaml is one problem, not one more for every release of a department", async () => {
  const content = path.join(scratch(), "content");
  cpSync(fixture("valid"), content, { recursive: true });
  const file = path.join(content, "departments.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("\n  description:", "\n\tdescription:"));
  const { problems } = await checkContent(content);
  assert.deepEqual(problems.map((p) => [p.code, p.file, p.line]), [["yaml-syntax", "departments.yaml", 3]]);
});

test("trial: quotes inside a double-quoted title get a clear message and „…“ or single quotes as the fix", async () => {
  const found = await problemsIn(`${R}2026-11-28-zitat.md`);
  assert.deepEqual(found.map((p) => [p.code, p.line]), [["yaml-syntax", 2]]);
  assert.equal(
    found[0]!.message,
    'The front matter cannot be read: the value of "title" starts with a double quote, so the next double quote inside it ends the value too early.',
  );
  assert.equal(
    found[0]!.hint,
    'Write the quotation marks inside the text as „…“: title: "Bürgermeisterin sagt „Danke“ an alle Helfer", ' +
      "or put single quotes around the whole value: title: 'Bürgermeisterin sagt \"Danke\" an alle Helfer'",
  );
  assert.ok(
    german.stderr.includes(
      "  Hinweis: Schreiben Sie die Anführungszeichen im Text als „…“: title: \"Bürgermeisterin sagt „Danke“ an alle Helfer\", " +
        "oder setzen Sie den ganzen Wert in einfache Anführungszeichen: title: 'Bürgermeisterin sagt \"Danke\" an alle Helfer'\n",
    ),
    german.stderr,
  );
});

test("trial: a photo named in other capitals than its file gets the file's name as did-you-mean", async () => {
  const found = await problemsIn(`${R}2026-11-29-spielplatz/index.md`);
  assert.deepEqual(found.map((p) => [p.code, p.line, p.field]), [["media-missing", 6, "media.0.file"]]);
  assert.match(found[0]!.hint, /^Did you mean "spielplatz\.jpg"\? Capital and small letters count/);
});

test("trial: a contact's name (or the start of its e-mail address) instead of its id gets the id as did-you-mean", async () => {
  const found = await problemsIn(`${R}2026-11-30-kontakt.md`);
  assert.deepEqual(found.map((p) => [p.code, p.line, p.field]), [["unknown-contact", 5, "contact"]]);
  assert.equal(
    found[0]!.hint,
    'Did you mean "brandhorst"? Write the contact\'s id from contacts.yaml (the word before its colon), not the person\'s name.',
  );
  const content = path.join(scratch(), "content");
  cpSync(fixture("invalid-trial"), content, { recursive: true });
  const file = path.join(content, R, "2026-11-30-kontakt.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("contact: Tobias Brandhorst", "contact: t.brandhorst"));
  const byMail = (await checkContent(content)).problems.find((p) => p.code === "unknown-contact")!;
  assert.match(byMail.hint, /^Did you mean "brandhorst"\?$/);
});

test("the code frame shows an invisible character or a direction control by its code point, the caret under it", () => {
  const invisible = pressroom(["check", "--content", fixture("invalid-invisible"), "--lang", "en", "--cache", scratch()]);
  const before = "title: New hours at the Town";
  assert.ok(invisible.stderr.includes(`  > 2 | ${before}‹U+200B›hall\n      | ${" ".repeat(before.length)}^\n`), invisible.stderr);
  const bidi = pressroom(["check", "--content", fixture("invalid-bidi"), "--lang", "en", "--cache", scratch()]);
  // The frame itself must not turn around in the terminal: the control is written out, not sent.
  assert.ok(bidi.stderr.includes('  > 2 | title: "Unterlagen ‹U+202E›fdp.exe"\n'), bidi.stderr);
  assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(bidi.stderr.split("\n").filter((line) => / \| /.test(line)).join("\n")));
});
