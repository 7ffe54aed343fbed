/**
 * Everything pressroom prints is inert (issue #23): a title or an address
 * with a line break, ESC sequences, C1 controls, separators or direction
 * controls reaches the terminal and the CI log as ‹U+001B›, one line each,
 * and no content starts a GitHub workflow command. The real command, as a
 * workflow runs it: check (text, --annotations, German and English), the
 * waiting releases after check and build, schedule and schedule --json, diff.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { manifestText } from "../src/outputs/manifest.ts";
import { fixture, pressroom, scratchDirs } from "./helpers.ts";

const newDir = scratchDirs();
const NOW = "2026-11-28T12:00";

/** What acts on a terminal or a log instead of showing: any control but the line feed between lines, separators, direction controls. */
const LIVE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** What GitHub would read as a workflow command: a line that starts with "::". */
const commandLines = (text: string): string[] => text.split("\n").filter((line) => line.startsWith("::"));

function assertInert(text: string, what: string): void {
  const live = LIVE.exec(text);
  assert.equal(live, null, `${what} holds U+${live?.[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}:\n${text}`);
}

/**
 * The injection in YAML's double-quoted escapes that the front matter accepts: LF, CR and a tab (ESC, BEL, NEL and
 * the other controls are the error control-character, below).
 */
const INJECTED = String.raw`Radweg\n::error title=Injected::x\r\t Mitte`;
/** How the title is shown: every live character written out, on one line. */
const SHOWN = "Radweg‹U+000A›::error title=Injected::x‹U+000D›‹U+0009› Mitte";

/** A small site (the valid fixture's settings) with the releases given. */
function site(releases: Record<string, string>): string {
  const content = newDir();
  for (const file of ["site.yaml", "departments.yaml", "contacts.yaml"]) cpSync(path.join(fixture("valid"), file), path.join(content, file));
  for (const [file, text] of Object.entries(releases)) {
    mkdirSync(path.dirname(path.join(content, "releases", file)), { recursive: true });
    writeFileSync(path.join(content, "releases", file), text);
  }
  return content;
}

/** Waits for its time (an embargo), then is withdrawn: every field that takes text holds the injection. */
const WAITING = [
  "---",
  `title: "${INJECTED}"`,
  `subtitle: "${INJECTED}"`,
  "date: 2026-12-01 09:00",
  "department: tiefbauamt",
  "contact:",
  `  name: "Anna\\tMüller\\r"`,
  "  phone: 0251 492-1",
  "withdrawn:",
  "  date: 2026-12-02 10:00",
  `  reason: "${INJECTED}"`,
  "---",
  "",
  "Text.",
  "",
].join("\n");

describe("a title with a line break, a carriage return and a tab, which the front matter accepts", () => {
  const content = site({ "2026/2026-12-01-radweg.md": WAITING });

  for (const lang of ["de", "en"]) {
    test(`check --lang ${lang} lists it waiting, on one inert line, and --annotations adds no command`, () => {
      const run = pressroom(["check", "--content", content, "--now", NOW, "--lang", lang, "--annotations"]);
      assert.equal(run.status, 0, run.stderr);
      assertInert(run.stdout + run.stderr, "check's output");
      assert.deepEqual(commandLines(run.stdout + run.stderr), []);
      const line = run.stdout.split("\n").find((l) => l.includes("Radweg"));
      assert.ok(line?.includes(SHOWN), run.stdout);
      assert.match(line ?? "", lang === "de" ? /erscheint am 01\.12\.2026 um 09:00 Uhr$/ : /is published on 1 December 2026 at 09:00$/);
    });
  }

  test("build ends with it waiting, on one inert line", () => {
    const run = pressroom(["build", "--content", content, "--out", newDir(), "--now", NOW, "--cache", newDir()]);
    assert.equal(run.status, 0, run.stderr);
    assertInert(run.stdout + run.stderr, "build's output");
    assert.deepEqual(commandLines(run.stdout + run.stderr), []);
    assert.ok(run.stdout.split("\n").some((l) => l.startsWith(`1 Meldung mit Sperrfrist: „${SHOWN}“ erscheint am`)), run.stdout);
  });

  test("schedule lists it waiting and being withdrawn, a row a line", () => {
    for (const lang of ["de", "en"]) {
      const run = pressroom(["schedule", "--content", content, "--now", NOW, "--lang", lang]);
      assert.equal(run.status, 0, run.stderr);
      assertInert(run.stdout + run.stderr, "schedule's output");
      assert.deepEqual(commandLines(run.stdout), []);
      const rows = run.stdout.split("\n").filter((l) => l.includes("Radweg"));
      assert.equal(rows.length, 2, run.stdout);
      for (const row of rows) assert.ok(row.includes(`/2026/12/01/radweg/  ${SHOWN}  (`) && row.endsWith("radweg.md)"), row);
    }
  });

  test("schedule --json gives the title as it is, every live character escaped", () => {
    const run = pressroom(["schedule", "--content", content, "--now", NOW, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    assertInert(run.stdout.trimEnd(), "schedule --json");
    assert.equal(run.stdout.trimEnd().split("\n").length, 1);
    const json = JSON.parse(run.stdout) as { waiting: { title: string }[]; withdrawals: { title: string }[] };
    const title = "Radweg\n::error title=Injected::x\r\t Mitte";
    assert.equal(json.waiting[0]!.title, title);
    assert.equal(json.withdrawals[0]!.title, title);
  });
});

describe("content with errors: the report shows the characters, inert", () => {
  // Raw ESC, BEL, NEL and a direction override in the title (the override an error), an alias with an escaped line break.
  const raw = [
    "---",
    "title: Raw \u001b]0;pwned\u0007 \u001b[2J Titel \u202e rechts \u0085 nel \u2066x\u2069",
    "date: 2026-12-01 09:00",
    "department: tiefbauamt",
    `aliases: ["/a\\n::error::b", "/c\\x85d"]`,
    "---",
    "",
    "Text.",
    "",
  ].join("\n");
  const content = site({ "2026/2026-12-01-raw.md": raw });

  for (const lang of ["de", "en"]) {
    test(`check --lang ${lang} --annotations: one command a problem, the report inert`, () => {
      const run = pressroom(["check", "--content", content, "--lang", lang, "--annotations"]);
      assert.equal(run.status, 1, run.stderr);
      assertInert(run.stdout + run.stderr, "check's report");
      // Only pressroom's own annotations, each one line: code as title, a file and a line.
      const commands = commandLines(run.stdout + run.stderr);
      assert.ok(commands.length >= 2, run.stdout);
      for (const command of commands) assert.match(command, /^::error file=[^:,]+,line=\d+,title=[a-z-]+::[^:]/);
      assert.ok(commands.some((c) => c.includes("title=invalid-alias::") && c.includes("/a‹U+000A›::error::b")), run.stdout);
      assert.ok(commands.some((c) => c.includes("title=bidi-control::")), run.stdout);
      // The code frame shows the title's line with every character written out.
      assert.ok(run.stderr.includes("title: Raw ‹U+001B›]0;pwned‹U+0007› ‹U+001B›[2J Titel ‹U+202E› rechts ‹U+0085› nel ‹U+2066›x‹U+2069›"), run.stderr);
      assert.ok(run.stderr.includes(lang === "de" ? "„/a‹U+000A›::error::b“" : '"/a‹U+000A›::error::b"'), run.stderr);
    });
  }

  test("check --json: the same problems, JSON-escaped, nothing raw", () => {
    const run = pressroom(["check", "--content", content, "--json"]);
    assert.equal(run.status, 1, run.stderr);
    assertInert(run.stdout.replace(/\n/g, ""), "check --json");
    const json = JSON.parse(run.stdout) as { problems: { code: string; message: string }[] };
    assert.ok(json.problems.some((p) => p.code === "invalid-alias" && p.message.includes("/a\n::error::b")));
  });
});

test("diff names a file with controls in its name inert", () => {
  const entry = { sha256: "0".repeat(64), size: 1, type: "text/html; charset=utf-8", cache: "revalidate" as const };
  const manifest = (files: Record<string, typeof entry>) =>
    manifestText({ pressroom: 1, site: "https://presse.example", built: "2026-11-28T11:00:00.000Z", preview: false, files });
  const dir = newDir();
  writeFileSync(path.join(dir, "old.json"), manifest({ "index.html": entry }));
  writeFileSync(path.join(dir, "new.json"), manifest({ "index.html": entry, "a\n::error::b\u001b[2J/index.html": entry }));
  for (const flags of [[], ["--markdown"]]) {
    const run = pressroom(["diff", path.join(dir, "old.json"), path.join(dir, "new.json"), ...flags]);
    assert.equal(run.status, 0, run.stderr);
    assertInert(run.stdout, `diff ${flags.join(" ")}`);
    assert.deepEqual(commandLines(run.stdout), []);
    assert.ok(run.stdout.includes("/a‹U+000A›::error::b‹U+001B›[2J/"), run.stdout);
  }
  const json = pressroom(["diff", path.join(dir, "old.json"), path.join(dir, "new.json"), "--json"]);
  assert.equal(json.stdout.trimEnd().split("\n").length, 1);
  assert.deepEqual((JSON.parse(json.stdout) as { pages: { added: string[] } }).pages.added, ["/a\n::error::b\u001b[2J/"]);
});

describe("manifest.json is reserved at every level of the output", () => {
  const release = [
    "---",
    "title: Verschoben",
    "date: 2026-11-20 10:00",
    "department: tiefbauamt",
    "aliases:",
    "  - /2026/manifest.json",
    "  - /manifest.json",
    "  - /presse/manifest.json/",
    "---",
    "",
    "Text.",
    "",
  ].join("\n");
  const content = site({ "2026/2026-11-20-verschoben.md": release });
  const at = (line: number) => `${content}/releases/2026/2026-11-20-verschoben.md:${line}`;

  test("check refuses an alias named manifest.json, with file, line, field and hint, in English and German", () => {
    const en = pressroom(["check", "--content", content, "--lang", "en"]);
    assert.equal(en.status, 1, en.stderr);
    assert.ok(
      en.stderr.includes(
        [
          `${at(6)}  Old address with a reserved name [alias-reserved]`,
          "  field: aliases.0",
          '  The alias "/2026/manifest.json" would be written as a file named manifest.json, a name reserved for the list of files that pressroom deploy reads.',
          "  hint: Remove the alias: a redirect cannot bear that name. Every site pressroom publishes has its manifest.json, and one in a folder would make the folder look like another site to the deploy.",
        ].join("\n"),
      ),
      en.stderr,
    );
    assert.ok(en.stderr.includes(`${at(7)}  Old address with a reserved name [alias-reserved]\n  field: aliases.1\n  The alias "/manifest.json" would be written`), en.stderr);
    // A folder of that name is only a folder: its page is index.html.
    assert.ok(!en.stderr.includes(at(8)), en.stderr);
    assert.match(en.stderr, /2 problems found\.\n$/);
    const de = pressroom(["check", "--content", content, "--lang", "de"]);
    assert.equal(de.status, 1, de.stderr);
    assert.ok(
      de.stderr.includes(
        [
          `${at(6)}  Alte Adresse mit reserviertem Namen [alias-reserved]`,
          "  Feld: aliases.0",
          "  Die alte Adresse „/2026/manifest.json“ würde als Datei manifest.json geschrieben; dieser Name ist der Liste aller Dateien vorbehalten, die pressroom deploy liest.",
          "  Hinweis: Entfernen Sie die alte Adresse: Eine Umleitung kann nicht so heißen. Jede Website, die pressroom veröffentlicht, hat ihre manifest.json, und eine solche Datei in einem Ordner ließe den Ordner beim Veröffentlichen wie eine andere Website aussehen.",
        ].join("\n"),
      ),
      de.stderr,
    );
  });

  test("build refuses it and writes nothing", () => {
    const out = path.join(newDir(), "site");
    const run = pressroom(["build", "--content", content, "--out", out, "--now", NOW, "--lang", "en", "--json"]);
    assert.equal(run.status, 1, run.stderr);
    const json = JSON.parse(run.stdout) as { problems: { code: string; file: string; line: number; field: string }[] };
    assert.deepEqual(
      json.problems.map((p) => [p.code, p.file, p.line, p.field]),
      [
        ["alias-reserved", "releases/2026/2026-11-20-verschoben.md", 6, "aliases.0"],
        ["alias-reserved", "releases/2026/2026-11-20-verschoben.md", 7, "aliases.1"],
      ],
    );
    assert.equal(existsSync(out), false);
  });
});

test("new names a department whose name holds a line break, a carriage return and a tab on one inert line", () => {
  const content = site({});
  writeFileSync(path.join(content, "departments.yaml"), 'tiefbauamt:\n  name: "Tief\\tbau\\ramt\\n::error::x"\n');
  const args = ["--title", "Neue Brücke", "--department", "tiefbauamt", "--contact", "none", "--date", "2026-12-01", "--no-photos", "--now", NOW];
  const run = pressroom(["new", "--content", content, ...args]);
  assert.equal(run.status, 2, run.stderr);
  assertInert(run.stderr, "new's message");
  assert.deepEqual(commandLines(run.stderr), []);
  assert.ok(run.stderr.startsWith("pressroom: Tief‹U+0009›bau‹U+000D›amt‹U+000A›::error::x hat keinen eigenen Pressekontakt"), run.stderr);
});
