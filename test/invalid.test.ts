/**
 * Invalid content: one fixture per kind of mistake a press officer can make
 * (test/fixtures/invalid-*), and what pressroom must say about it: the code,
 * the file (content-relative), the line, the field, and a report that holds
 * the message and the hint. Then the command line: exit codes, no stack
 * traces, JSON output, and a failed build that leaves the output untouched.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ErrorCode, ParamsOf } from "../src/errors/catalog.ts";
import { problem } from "../src/errors/problem.ts";
import { inert } from "../src/errors/inert.ts";
import { checkReport, fixture, listFiles, pressroom, removeDir, tempDir } from "./helpers.ts";

type Report = Awaited<ReturnType<typeof checkReport>>;
type Problem = Report["problems"][number];

/** checkReport, once per fixture. */
const reports = new Map<string, Promise<Report>>();
const report = (name: string): Promise<Report> => {
  if (!reports.has(name)) reports.set(name, checkReport(name));
  return reports.get(name)!;
};

const STACK_TRACE = /\n\s+at /;

/**
 * What the catalog says for `code` with these facts: the wording belongs to the catalog, the facts
 * (the value, the field, the other file) are what each case pins down.
 */
const said = <C extends ErrorCode>(code: C, params: ParamsOf<C>): { message: string; hint: string } => {
  const { message, hint } = problem(code, { file: "" }, params);
  return { message, hint };
};

interface Expected {
  readonly code: string;
  /** Content-relative path. */
  readonly file: string;
  /** A number: the problem is on that line. null: the problem is about the whole file. Left out: not checked. */
  readonly line?: number | null;
  /** A string: that field. null: no field. Left out: not checked (YAML that cannot be parsed has no fields). */
  readonly field?: string | null;
  /** The problem's message; it must appear in the human report. */
  readonly message: string | RegExp;
  /** The problem's hint; it must appear in the human report. */
  readonly hint: string | RegExp;
}

interface Case {
  /** Name under test/fixtures. */
  readonly fixture: string;
  /** Every code reported, sorted. */
  readonly codes: readonly string[];
  readonly problems: readonly Expected[];
}

const R = "releases/2026/";
const YAML_BROKEN = /^The front matter cannot be read: \S/;
const ANY_HINT = /\S/;
const ALIAS_HINT = said("invalid-alias", { value: "", reason: "" }).hint;
const DATE_FORMAT_HINT = /YYYY-MM-DD \(2026-11-27\).*YYYY-MM-DD HH:MM/;

const cases: readonly Case[] = [
  {
    fixture: "invalid-yaml",
    codes: ["yaml-syntax", "yaml-syntax", "yaml-syntax"],
    problems: [
      // title: Bürgermeisterin: Wir bauen   (unquoted ": " inside the value): the hint shows the line with the value quoted.
      { code: "yaml-syntax", file: `${R}2026-11-27-doppelpunkt.md`, line: 4, message: YAML_BROKEN, hint: /in quotes: title: "Bürgermeisterin: Wir bauen"$/ },
      // "  contact: oezdemir" indented under "department: umweltamt": the mistake is on line 5,
      // and the advice is about indentation (quoting "umweltamt" would not help).
      { code: "yaml-syntax", file: `${R}2026-11-28-einrueckung.md`, line: 5, message: YAML_BROKEN, hint: /indent/i },
      {
        code: "yaml-syntax",
        file: `${R}2026-11-29-offen.md`,
        line: 1,
        ...said("yaml-syntax", {
          detail: "it is never closed by a line ---",
          hint: "Add a line of three dashes (---) after the last field, before the text of the release.",
        }),
      },
    ],
  },
  {
    fixture: "invalid-yaml-alias",
    codes: ["yaml-syntax", "yaml-syntax"],
    problems: [
      // date: *heute   (an alias to an anchor that does not exist)
      { code: "yaml-syntax", file: `${R}2026-11-27-anker.md`, line: 4, message: YAML_BROKEN, hint: ANY_HINT },
      // "billion laughs": aliases nested eight deep
      { code: "yaml-syntax", file: `${R}2026-11-28-lol.md`, message: YAML_BROKEN, hint: ANY_HINT },
    ],
  },
  {
    fixture: "invalid-missing-fields",
    codes: ["missing-field", "missing-field", "missing-field"],
    problems: [
      { code: "missing-field", file: `${R}2026-11-27-ohne-titel.md`, line: 4, field: "title", ...said("missing-field", { field: "title" }) },
      { code: "missing-field", file: `${R}2026-11-27-ohne-datum.md`, line: 4, field: "date", ...said("missing-field", { field: "date" }) },
      { code: "missing-field", file: `${R}2026-11-27-ohne-amt.md`, line: 4, field: "department", ...said("missing-field", { field: "department" }) },
    ],
  },
  {
    fixture: "invalid-unknown-ids",
    codes: ["unknown-contact", "unknown-contact", "unknown-contact", "unknown-department", "unknown-department"],
    problems: [
      {
        code: "unknown-department",
        file: `${R}2026-11-27-amt-vertippt.md`,
        line: 4,
        field: "department",
        message: 'The department "tiefbauammt" is not defined in departments.yaml.',
        hint: 'Did you mean "tiefbauamt"?',
      },
      {
        code: "unknown-contact",
        file: `${R}2026-11-27-kontakt-vertippt.md`,
        line: 5,
        field: "contact",
        message: 'The contact "oezdemri" is not defined in contacts.yaml.',
        hint: 'Did you mean "oezdemir"?',
      },
      {
        code: "unknown-department",
        file: `${R}2026-11-27-gemeinsam.md`,
        line: 6,
        field: "department.1",
        message: 'The department "umweltamtt" is not defined in departments.yaml.',
        hint: 'Did you mean "umweltamt"?',
      },
      {
        code: "unknown-contact",
        file: `${R}2026-11-27-gemeinsam.md`,
        line: 7,
        field: "contact.1",
        message: 'The contact "presse" is not defined in contacts.yaml.',
        // "presse" is the part before the @ of jaskowiak's address: presse@pruefstadt.example.
        hint: 'Did you mean "jaskowiak"?',
      },
      {
        // A department's default contact in departments.yaml.
        code: "unknown-contact",
        file: "departments.yaml",
        line: 9,
        field: "kulturamt.contact",
        message: 'The contact "jaskowiac" is not defined in contacts.yaml.',
        hint: 'Did you mean "jaskowiak"?',
      },
    ],
  },
  {
    fixture: "invalid-dates",
    codes: ["impossible-date", "impossible-date", "invalid-date", "invalid-date"],
    problems: [
      { code: "impossible-date", file: `${R}2026-02-30-kein-tag.md`, line: 4, field: "date", ...said("impossible-date", { field: "date", value: "2026-02-30", why: { part: "day", year: 2026, month: 2, days: 28 } }) },
      {
        code: "invalid-date",
        file: `${R}2026-11-27-deutsches-format.md`,
        line: 4,
        field: "date",
        message: said("invalid-date", { field: "date", value: "27.11.2026" }).message,
        // Written the German way: the hint gives the date as it must be written.
        hint: /^Probably meant: date: 2026-11-27\. Write the date as YYYY-MM-DD \(2026-11-27\).*YYYY-MM-DD HH:MM/,
      },
      { code: "impossible-date", file: `${R}2026-11-27-stunde-25.md`, line: 4, field: "date", ...said("impossible-date", { field: "date", value: "2026-11-27 25:00", why: { part: "time" } }) },
      {
        code: "invalid-date",
        file: `${R}2026-11-27-gestern.md`,
        line: 5,
        field: "updated",
        message: said("invalid-date", { field: "updated", value: "gestern" }).message,
        // No date to read in it: no guess.
        hint: /^Write the date as YYYY-MM-DD \(2026-11-27\).*YYYY-MM-DD HH:MM/,
      },
    ],
  },
  {
    // The content folder is invalid-media/content; invalid-media/outside.jpg is a real image outside it.
    fixture: "invalid-media/content",
    codes: ["media-alt-missing", "media-missing", "media-outside", "media-outside", "media-unreadable", "media-unreadable"],
    problems: [
      { code: "media-missing", file: `${R}2026-11-27-fotos/index.md`, line: 6, field: "media.0.file", ...said("media-missing", { file: "fehlt.jpg" }) },
      { code: "media-outside", file: `${R}2026-11-27-fotos/index.md`, line: 8, field: "media.1.file", ...said("media-outside", { file: "../../../../outside.jpg" }) },
      { code: "media-outside", file: `${R}2026-11-27-fotos/index.md`, line: 10, field: "media.2.file", ...said("media-outside", { file: "/etc/passwd" }) },
      { code: "media-alt-missing", file: `${R}2026-11-27-fotos/index.md`, line: 12, field: "media.3.alt", ...said("media-alt-missing", { file: "ganz.jpg" }) },
      // A text file named .jpg, and a JPEG cut in half. Both sit in a release that is otherwise valid,
      // next to another release with problems: one run must report them all.
      {
        code: "media-unreadable",
        file: `${R}2026-11-27-kaputt/index.md`,
        line: 6,
        field: "media.0.file",
        message: /^The image "kaputt\.jpg" cannot be read: \S/,
        hint: said("media-unreadable", { file: "kaputt.jpg", reason: "" }).hint,
      },
      {
        code: "media-unreadable",
        file: `${R}2026-11-27-kaputt/index.md`,
        line: 8,
        field: "media.1.file",
        message: /^The image "halb\.jpg" cannot be read: \S/,
        hint: said("media-unreadable", { file: "halb.jpg", reason: "" }).hint,
      },
    ],
  },
  {
    fixture: "invalid-front-matter-engine",
    codes: ["front-matter-not-yaml", "yaml-tag"],
    problems: [
      { code: "front-matter-not-yaml", file: `${R}2026-11-27-javascript.md`, line: 1, ...said("front-matter-not-yaml", { language: "js" }) },
      // subtitle: !!js/function >  — the field is known from the line.
      { code: "yaml-tag", file: `${R}2026-11-27-yaml-tag.md`, line: 5, field: "subtitle", ...said("yaml-tag", { tag: "!!js/function" }) },
    ],
  },
  {
    fixture: "invalid-unknown-field",
    codes: ["missing-field", "missing-field", "unknown-field", "unknown-field", "unknown-field"],
    problems: [
      { code: "unknown-field", file: `${R}2026-11-27-titel.md`, line: 2, field: "titel", message: 'The field "titel" is not known.', hint: 'Did you mean "title"?' },
      { code: "missing-field", file: `${R}2026-11-27-titel.md`, line: 5, field: "title", ...said("missing-field", { field: "title" }) },
      { code: "unknown-field", file: `${R}2026-11-28-departement.md`, line: 4, field: "departement", message: 'The field "departement" is not known.', hint: 'Did you mean "department"?' },
      { code: "missing-field", file: `${R}2026-11-28-departement.md`, line: 5, field: "department", ...said("missing-field", { field: "department" }) },
      { code: "unknown-field", file: `${R}2026-11-29-bild/index.md`, line: 7, field: "media.0.atl", message: 'The field "atl" is not known.', hint: 'Did you mean "alt"?' },
    ],
  },
  {
    fixture: "invalid-site",
    codes: ["invalid-timezone", "invalid-url", "invalid-value"],
    problems: [
      { code: "invalid-url", file: "site.yaml", line: 2, field: "url", ...said("invalid-url", { field: "url", value: "presse.musterstadt.de" }) },
      { code: "invalid-value", file: "site.yaml", line: 3, field: "language", message: '"fr" is not a valid value for "language".', hint: /\bde\b.*\ben\b/ },
      { code: "invalid-timezone", file: "site.yaml", line: 4, field: "timezone", ...said("invalid-timezone", { value: "Europe/Berlinn" }) },
    ],
  },
  {
    // A language listed twice (tags are read in lower case), a name that is no language tag, a direction that is neither.
    fixture: "invalid-languages",
    codes: ["invalid-value", "invalid-value", "invalid-value"],
    problems: [
      { code: "invalid-value", file: "site.yaml", line: 10, field: "languages.EN", message: '"EN" is not a valid value for "languages.EN".', hint: /does not list already/ },
      { code: "invalid-value", file: "site.yaml", line: 11, field: "languages", message: '"english" is not a valid value for "languages".', hint: /language tag like en, tr, ar or de-x-ls/ },
      { code: "invalid-value", file: "site.yaml", line: 14, field: "languages.fa.direction", message: '"sideways" is not a valid value for "languages.fa.direction".', hint: /rtl \(right to left\) or ltr/ },
    ],
  },
  {
    // Translations beside their originals: fields that are the original's, a language site.yaml does not offer,
    // a second file in one language, a photo the original lacks, a translation with no original beside it.
    fixture: "invalid-translations",
    codes: ["translation-duplicate", "translation-field", "translation-field", "translation-media-unknown", "translation-media-unknown", "translation-unknown-language", "translation-without-original"],
    problems: [
      { code: "translation-field", file: `${R}2026-11-27-gueltig.en.md`, line: 3, field: "date", ...said("translation-field", { field: "date" }) },
      { code: "translation-field", file: `${R}2026-11-27-gueltig.en.md`, line: 4, field: "department", ...said("translation-field", { field: "department" }) },
      {
        code: "translation-duplicate",
        file: `${R}2026-11-27-gueltig.en.md`,
        line: null,
        message: `The release has a second translation into "en": ${R}2026-11-27-gueltig.EN.md.`,
        hint: "Keep one of the two files and delete the other.",
      },
      {
        code: "translation-unknown-language",
        file: `${R}2026-11-27-gueltig.tr.md`,
        line: null,
        message: 'This translation is in "tr", a language site.yaml does not offer translations in.',
        hint: `Use one of the languages of site.yaml's languages: ("en", "de-x-ls") in the file name, or add "tr" there with its name.`,
      },
      {
        code: "translation-media-unknown",
        file: `${R}2026-11-20-bad/index.de-x-ls.md`,
        line: 6,
        field: "media.1.file",
        message: 'The original has no photo or file "plan.pdf".',
        hint: /\("baustelle\.jpg"\); a translation only gives their alt text and caption/,
      },
      // A photo in the text that the original does not have.
      {
        code: "translation-media-unknown",
        file: `${R}2026-11-20-bad/index.de-x-ls.md`,
        line: 12,
        field: "body",
        message: 'The original has no photo or file "plan.jpg".',
        hint: /\("baustelle\.jpg"\)/,
      },
      {
        code: "translation-without-original",
        file: `${R}2026-11-26-fehlt.en.md`,
        line: null,
        message: 'This file is a translation (language "en"), but there is no original "2026-11-26-fehlt.md" beside it.',
        hint: /2026-11-26-fehlt\.md → its translation/,
      },
    ],
  },
  {
    fixture: "invalid-no-site",
    codes: ["missing-file"],
    problems: [{ code: "missing-file", file: "site.yaml", line: null, field: null, ...said("missing-file", { file: "site.yaml" }) }],
  },
  {
    fixture: "invalid-contact-data",
    codes: ["invalid-email", "invalid-email", "invalid-phone"],
    problems: [
      { code: "invalid-phone", file: "contacts.yaml", line: 10, field: "stadtpresse.phone", ...said("invalid-phone", { value: "ruf an" }) },
      { code: "invalid-email", file: "contacts.yaml", line: 11, field: "stadtpresse.email", ...said("invalid-email", { value: "presse(at)stadt.de" }) },
      // An inline contact in a release is checked the same way.
      { code: "invalid-email", file: `${R}2026-11-27-inline.md`, line: 8, field: "contact.email", ...said("invalid-email", { value: "max.mustermann@" }) },
    ],
  },
  {
    fixture: "invalid-aliases",
    codes: ["duplicate-alias", "duplicate-alias", "invalid-alias", "invalid-alias", "invalid-alias", "invalid-alias"],
    problems: [
      { code: "invalid-alias", file: `${R}2026-11-27-alte-adressen.md`, line: 6, field: "aliases.0", message: /^The alias "\.\.\/\.\.\/etc\/passwd" cannot be used: /, hint: ALIAS_HINT },
      { code: "invalid-alias", file: `${R}2026-11-27-alte-adressen.md`, line: 7, field: "aliases.1", message: /^The alias "\/presse\/\.\.\/\.\.\/etc\/passwd" cannot be used: .*\.\./, hint: ALIAS_HINT },
      { code: "invalid-alias", file: `${R}2026-11-27-alte-adressen.md`, line: 8, field: "aliases.2", message: /^The alias "presse\/x\.html" cannot be used: .*\//, hint: ALIAS_HINT },
      { code: "invalid-alias", file: `${R}2026-11-27-alte-adressen.md`, line: 9, field: "aliases.3", message: /^The alias "\/cms\/detail\.php\?id=3" cannot be used: .*\?/, hint: ALIAS_HINT },
      // The later file names the earlier one; the line and list entry of the alias are known.
      {
        code: "duplicate-alias",
        file: `${R}2026-11-29-noch-einmal.md`,
        line: 6,
        field: "aliases.0",
        ...said("duplicate-alias", { value: "/presse/archiv/100.html", other: `${R}2026-11-28-gleiche-adresse.md` }),
      },
    ],
  },
  {
    fixture: "invalid-many",
    codes: ["invalid-date", "invalid-email", "invalid-timezone", "media-missing", "missing-field", "unknown-contact", "unknown-department"],
    problems: [
      { code: "invalid-timezone", file: "site.yaml", line: 4, field: "timezone", ...said("invalid-timezone", { value: "Europe/Berlinn" }) },
      { code: "invalid-email", file: "contacts.yaml", line: 4, field: "jaskowiak.email", ...said("invalid-email", { value: "presse at pruefstadt.example" }) },
      { code: "unknown-contact", file: "departments.yaml", line: 6, field: "umweltamt.contact", message: 'The contact "oezdemr" is not defined in contacts.yaml.', hint: 'Did you mean "oezdemir"?' },
      { code: "missing-field", file: `${R}2026-11-27-ohne-titel.md`, line: 4, field: "title", ...said("missing-field", { field: "title" }) },
      // The same release also names an unknown department: both mistakes in one run.
      {
        code: "unknown-department",
        file: `${R}2026-11-27-ohne-titel.md`,
        line: 3,
        field: "department",
        message: 'The department "tiefbauammt" is not defined in departments.yaml.',
        hint: 'Did you mean "tiefbauamt"?',
      },
      { code: "invalid-date", file: `${R}2026-11-28-datum.md`, line: 3, field: "date", message: said("invalid-date", { field: "date", value: "28.11.2026" }).message, hint: DATE_FORMAT_HINT },
      { code: "media-missing", file: "releases/2025/2025-06-01 Sommerfest.md", line: 6, field: "media.0.file", ...said("media-missing", { file: "sommerfest.jpg" }) },
    ],
  },
  {
    fixture: "invalid-encoding",
    codes: ["file-unreadable"],
    problems: [
      // A release saved as Latin-1: the message must say so in words, not as an error code.
      { code: "file-unreadable", file: `${R}2026-11-27-latin1.md`, line: null, message: /^The file cannot be read: .*UTF-8/, hint: /UTF-8/ },
    ],
  },
  {
    fixture: "invalid-corrections",
    codes: ["change-note-without-updated", "impossible-date", "impossible-date", "missing-field", "withdrawn-before-date", "wrong-type"],
    problems: [
      {
        code: "missing-field",
        file: `${R}2026-11-20-ohne-grund.md`,
        line: 6,
        field: "withdrawn.reason",
        ...said("missing-field", { field: "withdrawn.reason", name: "reason" }),
      },
      {
        code: "impossible-date",
        file: `${R}2026-11-20-unmoegliches-datum.md`,
        line: 6,
        field: "withdrawn.date",
        ...said("impossible-date", { field: "withdrawn.date", value: "2026-11-31", why: { part: "day", year: 2026, month: 11, days: 30 } }),
      },
      {
        code: "withdrawn-before-date",
        file: `${R}2026-11-20-vor-dem-datum.md`,
        line: 6,
        field: "withdrawn.date",
        ...said("withdrawn-before-date", { withdrawn: "2026-11-19", date: "2026-11-20 10:00" }),
      },
      { code: "wrong-type", file: `${R}2026-11-20-nur-ja.md`, line: 5, field: "withdrawn", message: /^The field "withdrawn" must be a group of two indented lines/, hint: ANY_HINT },
      { code: "change-note-without-updated", file: `${R}2026-11-20-notiz-ohne-datum.md`, line: 5, field: "change_note", ...said("change-note-without-updated", {}) },
      {
        code: "impossible-date",
        file: `${R}2026-11-20-aktualisiert-unmoeglich.md`,
        line: 5,
        field: "updated",
        ...said("impossible-date", { field: "updated", value: "2026-02-30 09:00", why: { part: "day", year: 2026, month: 2, days: 28 } }),
      },
    ],
  },
  {
    fixture: "invalid-department-entry",
    codes: ["wrong-type", "wrong-type", "wrong-type"],
    problems: [
      // A department has one contact: the message must not offer the release's forms (a list, a group), which fail here too.
      {
        code: "wrong-type",
        file: "departments.yaml",
        line: 7,
        field: "kulturamt.contact",
        message: 'The field "kulturamt.contact" must be the id of one contact of contacts.yaml, e.g. contact: jaskowiak.',
        hint: ANY_HINT,
      },
      // umweltamt: Umweltamt   (the name written on the id's line)
      { code: "wrong-type", file: "departments.yaml", line: 4, field: "umweltamt", message: /^The field "umweltamt" must be /, hint: ANY_HINT },
      // presse: 0251 492-0
      { code: "wrong-type", file: "contacts.yaml", line: 8, field: "presse", message: /^The field "presse" must be /, hint: ANY_HINT },
    ],
  },
  {
    // A title that shows as "Unterlagen exe.pdf" (U+202E RIGHT-TO-LEFT OVERRIDE) and a file name with the same trick.
    fixture: "invalid-bidi",
    codes: ["bidi-control", "bidi-control"],
    problems: [
      {
        code: "bidi-control",
        file: "releases/2026-06-01-unterlagen.md",
        line: 2,
        field: null,
        ...said("bidi-control", { character: "U+202E RIGHT-TO-LEFT OVERRIDE" }),
      },
      { code: "bidi-control", file: "releases/2026-06-02-bericht\u202Etxt.exe.md", line: null, ...said("bidi-control", { character: "U+202E RIGHT-TO-LEFT OVERRIDE" }) },
    ],
  },
  {
    // Control characters written as escapes between double quotes: ESC and a line break with a workflow command in a
    // title, NEL in a tag, BELL in a contact's name. Each an error where its value starts; the rest of each file is checked.
    fixture: "invalid-control",
    codes: ["control-character", "control-character", "control-character"],
    problems: [
      { code: "control-character", file: "contacts.yaml", line: 2, field: "lee", ...said("control-character", { character: "U+0007 BELL" }) },
      { code: "control-character", file: "releases/2026-06-01-city-hall.md", line: 2, field: "title", ...said("control-character", { character: "U+001B ESCAPE" }) },
      { code: "control-character", file: "releases/2026-06-01-city-hall.md", line: 5, field: "tags", ...said("control-character", { character: "U+0085 NEXT LINE" }) },
    ],
  },
  {
    // Zero-width characters where they make a text other than it looks: a department's and a contact's name, a title,
    // a subtitle, an inline contact, a media file's name, a caption and a release's file name. An emoji's joiner is fine.
    fixture: "invalid-invisible",
    codes: Array(8).fill("zero-width"),
    problems: [
      ["departments.yaml", 2, "U+2060 WORD JOINER"],
      ["contacts.yaml", 4, "U+200B ZERO WIDTH SPACE"],
      ["releases/2026-06-01-rathaus/index.md", 2, "U+200B ZERO WIDTH SPACE"],
      ["releases/2026-06-01-rathaus/index.md", 3, "U+FEFF ZERO WIDTH NO-BREAK SPACE"],
      ["releases/2026-06-01-rathaus/index.md", 7, "U+200C ZERO WIDTH NON-JOINER"],
      ["releases/2026-06-01-rathaus/index.md", 9, "U+200D ZERO WIDTH JOINER"],
      ["releases/2026-06-01-rathaus/index.md", 13, "U+200B ZERO WIDTH SPACE"],
      ["releases/2026-06-02-bericht\u200B2026.md", null, "U+200B ZERO WIDTH SPACE"],
    ].map(([file, line, character]) => ({ code: "zero-width", file: file as string, line: line as number | null, field: null, ...said("zero-width", { character: character as string }) })),
  },
  {
    // Limits of site.yaml (12 KB a file, 6 KB a text): a text over its limit (its wrong department still reported), a file
    // over its limit (not read), quotations 300 deep and a list 60 deep (from the line where text would be lost).
    fixture: "invalid-limits",
    codes: ["body-too-deep", "body-too-deep", "body-too-large", "release-too-large", "unknown-department"],
    problems: [
      { code: "body-too-large", file: "releases/2026-03-01-long-report.md", line: 6, field: "body", ...said("body-too-large", { size: "7 KB", limit: "6 KB" }) },
      { code: "release-too-large", file: "releases/2026-03-02-pasted-archive.md", line: null, field: null, ...said("release-too-large", { size: "20 KB", limit: "12 KB" }) },
      { code: "body-too-deep", file: "releases/2026-03-03-deep-quote.md", line: 9, field: "body", ...said("body-too-deep", { limit: 100 }) },
      { code: "body-too-deep", file: "releases/2026-03-04-deep-list.md", line: 58, field: "body", ...said("body-too-deep", { limit: 100 }) },
    ],
  },
  {
    // Symbolic links in the content folder: a release file to outside, one to another release, a folder to outside.
    fixture: "invalid-symlinks",
    codes: ["symlink", "symlink", "symlink"],
    problems: [
      { code: "symlink", file: "releases/geheim.md", line: null, field: null, ...said("symlink", {}) },
      { code: "symlink", file: "releases/kopie.md", line: null, field: null, ...said("symlink", { target: "releases/2026-01-15-news-1.md" }) },
      { code: "symlink", file: "releases/archiv", line: null, field: null, ...said("symlink", {}) },
    ],
  },
  {
    // A German site's theme: a colour too light for white text, an SVG logo with a script, no Impressum, a social account without https://.
    fixture: "invalid-theme",
    codes: ["invalid-value", "logo-unreadable", "low-contrast", "missing-legal-link"],
    problems: [
      {
        code: "low-contrast",
        file: "site.yaml",
        line: 5,
        field: "color",
        // #7fb2e5 against white is 2.23:1; the nearest darker shade with 4.5:1 is suggested.
        ...said("low-contrast", { value: "#7fb2e5", ratio: "2.23:1", suggestion: "#2f76d1", suggestionRatio: "4.53:1" }),
      },
      { code: "logo-unreadable", file: "site.yaml", line: 6, field: "logo", ...said("logo-unreadable", { file: "wappen.svg", reason: "it contains a script" }) },
      { code: "missing-legal-link", file: "site.yaml", line: 7, field: "footer.imprint", ...said("missing-legal-link", { kind: "imprint" }) },
      {
        code: "invalid-value",
        file: "site.yaml",
        line: 10,
        field: "social.Mastodon",
        ...said("invalid-value", { field: "social.Mastodon", value: "social.pruefstadt.example/@stadt", expected: "a full address starting with https://" }),
      },
    ],
  },
  {
    // Templates that replace pressroom's: unescaped text, a way to JavaScript, a misspelt name, a broken block, a link; a logo named in other capitals.
    fixture: "invalid-layouts",
    codes: ["layout-broken", "layout-unknown", "layout-unsafe", "layout-unsafe", "layout-unsafe", "logo-missing", "symlink"],
    problems: [
      { code: "layout-unsafe", file: "layouts/base.njk", line: 2, field: null, ...said("layout-unsafe", { name: "base.njk", what: "| safe on pressroom.site.title", why: "escape" }) },
      { code: "layout-unsafe", file: "layouts/base.njk", line: 3, field: null, ...said("layout-unsafe", { name: "base.njk", what: 'the name "constructor"', why: "code" }) },
      { code: "layout-unsafe", file: "layouts/base.njk", line: 3, field: null, ...said("layout-unsafe", { name: "base.njk", what: "a call of a computed value", why: "code" }) },
      { code: "layout-unknown", file: "layouts/itme.njk", line: null, ...said("layout-unknown", { name: "itme.njk", suggestions: ["item.njk"], known: [] }) },
      // contact.njk is a symbolic link (to /etc/hostname): never read.
      { code: "symlink", file: "layouts/contact.njk", line: null, ...said("symlink", {}) },
      { code: "layout-broken", file: "layouts/pages/release.njk", line: 4, ...said("layout-broken", { name: "pages/release.njk", detail: "unknown block tag: endblock" }) },
      { code: "logo-missing", file: "site.yaml", line: 5, field: "logo", ...said("logo-missing", { file: "Wappen.svg", candidates: ["wappen.svg"] }) },
    ],
  },
];

const describeProblems = (problems: readonly Problem[]): string =>
  problems.map((p) => `  ${p.code} ${p.file}:${p.line ?? "-"} field=${p.field ?? "-"}: ${p.message}`).join("\n");

const matches = (text: string, expected: string | RegExp): boolean =>
  typeof expected === "string" ? text === expected : expected.test(text);

/** The reported problem that `expected` describes: same code, file and (when given) field; the best match of message and line. */
function find(problems: readonly Problem[], expected: Expected): Problem {
  const candidates = problems.filter(
    (p) => p.code === expected.code && p.file === expected.file && (typeof expected.field !== "string" || p.field === expected.field),
  );
  const score = (p: Problem): number =>
    (matches(p.message, expected.message) ? 2 : 0) + (typeof expected.line !== "number" || p.line === expected.line ? 1 : 0);
  const found = [...candidates].sort((a, b) => score(b) - score(a))[0];
  assert.ok(
    found,
    `expected ${expected.code} in ${expected.file} (field ${expected.field ?? "-"}), reported:\n${describeProblems(problems)}`,
  );
  return found;
}

for (const c of cases) {
  test(`${c.fixture}: reports exactly ${c.codes.join(", ")}`, async () => {
    const { codes, problems } = await report(c.fixture);
    assert.deepEqual(codes, [...c.codes].sort(), `reported:\n${describeProblems(problems)}`);
  });

  for (const e of c.problems) {
    const where = `${e.file}${typeof e.line === "number" ? `:${e.line}` : ""}${e.field ? ` (${e.field})` : ""}`;
    test(`${c.fixture}: ${e.code} at ${where}`, async () => {
      const { problems, report: text } = await report(c.fixture);
      const p = find(problems, e);
      if (e.line !== undefined) assert.equal(p.line, e.line ?? undefined, `line of ${e.code} in ${e.file}`);
      if (e.field !== undefined) assert.equal(p.field, e.field ?? undefined, `field of ${e.code} in ${e.file}`);
      if (typeof e.message === "string") assert.equal(p.message, e.message);
      else assert.match(p.message, e.message);
      if (typeof e.hint === "string") assert.equal(p.hint, e.hint);
      else assert.match(p.hint, e.hint);
      // The human report names the place, the field, and says what and how to fix (a direction control in them written out, inert).
      const location = inert(typeof e.line === "number" ? `${e.file}:${e.line}` : e.file);
      assert.ok(text.includes(location), `report names ${location}:\n${text}`);
      if (typeof e.field === "string") assert.ok(text.includes(`field: ${e.field}`), `report names field ${e.field}`);
      assert.ok(text.includes(inert(p.message)), `report holds the message "${p.message}"`);
      assert.ok(text.includes(`hint: ${inert(p.hint)}`), `report holds the hint "${p.hint}"`);
      assert.ok(text.includes(`[${e.code}]`));
    });
  }
}

// ---------------------------------------------------------------------------
// Details of single fixtures

test("invalid-yaml: a line indented too far is one problem, not two", async () => {
  const { problems } = await report("invalid-yaml");
  const own = problems.filter((p) => p.file === `${R}2026-11-28-einrueckung.md`);
  assert.equal(own.length, 1, `reported:\n${describeProblems(own)}`);
});

test("invalid-yaml: the report frames the broken line", async () => {
  const { report: text } = await report("invalid-yaml");
  assert.match(text, />\s+4 \| title: Bürgermeisterin: Wir bauen/);
});

test("invalid-duplicate-url: two files on one address are both named", async () => {
  const { problems, report: text } = await report("invalid-duplicate-url");
  const a = "releases/a/2026-11-27-radwege.md";
  const b = "releases/b/2026-11-27 Radwege.md";
  const dup = problems.filter((p) => p.code === "duplicate-url");
  assert.equal(dup.length, 1, `reported:\n${describeProblems(problems)}`);
  const p = dup[0]!;
  assert.ok([a, b].includes(p.file), p.file);
  const other = p.file === a ? b : a;
  assert.equal(p.message, said("duplicate-url", { url: "/2026/11/27/radwege/", other }).message);
  assert.ok(p.message.includes(other));
  assert.equal(p.hint, said("duplicate-url", { url: "/2026/11/27/radwege/", other }).hint);
  assert.ok(text.includes(a) && text.includes(b), text);
  assert.ok(text.includes(`hint: ${p.hint}`));
});

test("invalid-duplicate-url: the same name with different dates is fine", async () => {
  // releases/a/2026-11-20-hallenbad.md and "releases/b/2026-11-21 Hallenbad.md" sit in the same fixture.
  const { problems, codes } = await report("invalid-duplicate-url");
  assert.deepEqual(codes, ["duplicate-url"]);
  const mentioned = problems.filter((p) => /hallenbad/i.test(`${p.file} ${p.message}`));
  assert.deepEqual(mentioned, []);
});

test("invalid-aliases: an alias shared with a release that has other problems is still reported", async () => {
  // releases/2026/2026-11-27-alte-adressen.md has invalid aliases and also claims /presse/archiv/200.html,
  // which 2026-11-29-noch-einmal.md claims too.
  const { problems } = await report("invalid-aliases");
  const p = problems.find((x) => x.code === "duplicate-alias" && x.message.includes('"/presse/archiv/200.html"'));
  assert.ok(p, `reported:\n${describeProblems(problems)}`);
  const named = `${p.file} ${p.message}`;
  assert.ok(named.includes(`${R}2026-11-27-alte-adressen.md`) && named.includes(`${R}2026-11-29-noch-einmal.md`), named);
});

test("invalid-many: every file with a mistake is named in one run", async () => {
  const { problems, report: text } = await report("invalid-many");
  const files = [
    "site.yaml",
    "contacts.yaml",
    "departments.yaml",
    `${R}2026-11-27-ohne-titel.md`,
    `${R}2026-11-28-datum.md`,
    "releases/2025/2025-06-01 Sommerfest.md",
  ];
  assert.deepEqual([...new Set(problems.map((p) => p.file))].sort(), [...files].sort());
  for (const file of files) assert.ok(text.includes(file), `report names ${file}`);
  assert.ok(problems.length >= 6);
  assert.ok(text.endsWith(`\n${problems.length} problems found.\n`), text);
});

test("invalid-many: the count in the report matches all seven mistakes", async () => {
  const { problems, report: text } = await report("invalid-many");
  assert.equal(problems.length, 7, `reported:\n${describeProblems(problems)}`);
  assert.ok(text.endsWith("\n7 problems found.\n"), text);
});

test("invalid-department-entry: an entry written as one line is explained without programmer words", async () => {
  const { problems, report: text } = await report("invalid-department-entry");
  for (const p of problems) {
    assert.doesNotMatch(`${p.message} ${p.hint}`, /\ba object\b|\bobject\b/, `${p.file}: ${p.message} / ${p.hint}`);
    // Say what an entry looks like: name: on its own line (the department's list of contacts is another mistake).
    if (p.field !== "kulturamt.contact") assert.match(`${p.message} ${p.hint}`, /name:/, `${p.file}: ${p.message} / ${p.hint}`);
  }
  assert.ok(text.includes("departments.yaml:4") && text.includes("contacts.yaml:8"));
});

test("invalid-media: the outside image is a real file, so the refusal is about its place", () => {
  assert.ok(existsSync(fixture("invalid-media/outside.jpg")));
  assert.ok(existsSync(fixture("invalid-media/content/releases/2026/2026-11-27-fotos/ganz.jpg")));
});

// ---------------------------------------------------------------------------
// Front matter never runs code

const MARKER = path.join(tmpdir(), "pressroom-front-matter-js-ran");

test("invalid-front-matter-engine: no code in the front matter runs, in check or build", async () => {
  rmSync(MARKER, { force: true });
  delete (globalThis as Record<string, unknown>).__pressroomFrontMatterRan;
  reports.delete("invalid-front-matter-engine");
  await report("invalid-front-matter-engine");
  assert.equal((globalThis as Record<string, unknown>).__pressroomFrontMatterRan, undefined);
  assert.equal(existsSync(MARKER), false, "the ---js front matter or the !!js/function tag ran");

  const out = tempDir();
  try {
    const check = pressroom(["check", "--content", fixture("invalid-front-matter-engine")]);
    assert.equal(check.status, 1, check.stderr);
    const build = pressroom(["build", "--content", fixture("invalid-front-matter-engine"), "--out", path.join(out, "site"), "--now", "2026-11-27T12:00"]);
    assert.equal(build.status, 1, build.stderr);
    assert.equal(existsSync(MARKER), false, "the front matter ran in the CLI");
    assert.doesNotMatch(check.stderr + build.stderr, /Ausgeführt/);
  } finally {
    removeDir(out);
    rmSync(MARKER, { force: true });
  }
});

// ---------------------------------------------------------------------------
// Command line

// Spawning the CLI is slow; the table tests above cover every fixture through checkContent, these
// cover the command: a crash-prone fixture, one with images, one per settings file, and the big one.
const CLI_CHECK = ["invalid-many", "invalid-media/content", "invalid-yaml-alias", "invalid-encoding", "invalid-no-site", "invalid-limits"];
const CLI_BUILD = ["invalid-many", "invalid-yaml-alias", "invalid-invisible"];

for (const name of CLI_CHECK) {
  test(`CLI check ${name}: exit 1, a report on stderr, no stack trace`, () => {
    const result = pressroom(["check", "--content", fixture(name)]);
    assert.doesNotMatch(result.stderr, STACK_TRACE, result.stderr);
    assert.equal(result.status, 1, result.stderr);
    // German for a German site, English without site.yaml; check writes nothing, so it does not say it did not.
    assert.match(result.stderr, /\n\d+ (?:Fehler|problems?)(?: (?:und|and) \d+ (?:Warnung|Warnungen|warnings?))? (?:gefunden|found)\.\n$/);
    assert.doesNotMatch(result.stderr, /nothing was written|nichts geschrieben/);
    assert.equal(result.stdout, "");
  });
}

for (const name of CLI_BUILD) {
  test(`CLI build ${name}: exit 1, no stack trace, nothing written`, () => {
    const dir = tempDir();
    try {
      const out = path.join(dir, "site");
      const result = pressroom(["build", "--content", fixture(name), "--out", out, "--now", "2026-11-27T12:00"]);
      assert.doesNotMatch(result.stderr, STACK_TRACE, result.stderr);
      assert.equal(result.status, 1, result.stderr);
      assert.deepEqual(readdirSync(dir), [], "the build left files behind");
    } finally {
      removeDir(dir);
    }
  });
}

test("CLI build: an alias on a generated page (/aemter/) fails the build with line and field", () => {
  const dir = tempDir();
  try {
    // --lang en: the catalog's English texts below (the site is German).
    const args = ["build", "--content", fixture("invalid-alias-conflict"), "--out", path.join(dir, "site"), "--now", "2026-11-27T12:00", "--lang", "en"];
    const human = pressroom(args);
    assert.doesNotMatch(human.stderr, STACK_TRACE, human.stderr);
    assert.equal(human.status, 1, human.stderr);
    assert.deepEqual(readdirSync(dir), [], "the failed build left files behind");
    assert.ok(human.stderr.includes(`${R}2026-11-27-aemter.md`), human.stderr);
    const { message, hint } = said("alias-conflict", { value: "/aemter/" });
    assert.ok(human.stderr.includes(message), human.stderr);
    assert.ok(human.stderr.includes(`hint: ${hint}`), human.stderr);
    assert.ok(!human.stderr.includes('"/presse/aemter.html"'), "the harmless alias is not reported");

    const json = pressroom([...args, "--json"]);
    assert.equal(json.status, 1, json.stderr);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; problems: Problem[] };
    assert.equal(parsed.ok, false);
    assert.equal(parsed.problems.length, 1);
    const p = parsed.problems[0]!;
    assert.equal(p.code, "alias-conflict");
    assert.equal(p.file, `${R}2026-11-27-aemter.md`);
    // aliases: [/presse/aemter.html, /aemter/] is line 5; /aemter/ is the second entry.
    assert.equal(p.field, "aliases.1");
    assert.equal(p.line, 5);
  } finally {
    removeDir(dir);
  }
});

test("CLI check --json: parses, ok is false, every problem has code, file, message and hint", async () => {
  const result = pressroom(["check", "--content", fixture("invalid-many"), "--json"]);
  assert.equal(result.status, 1, result.stderr);
  assert.doesNotMatch(result.stderr, STACK_TRACE);
  const parsed = JSON.parse(result.stdout) as { ok: boolean; problems: Problem[] };
  assert.equal(parsed.ok, false);
  assert.ok(Array.isArray(parsed.problems));
  assert.equal(parsed.problems.length, (await report("invalid-many")).problems.length, "the same problems as the human report");
  for (const p of parsed.problems) {
    for (const key of ["code", "file", "title", "message", "hint"] as const) assert.equal(typeof p[key], "string", `${key} of ${JSON.stringify(p)}`);
  }
  const timezone = parsed.problems.find((p) => p.code === "invalid-timezone");
  assert.deepEqual(
    { file: timezone?.file, line: timezone?.line, field: timezone?.field },
    { file: "site.yaml", line: 4, field: "timezone" },
  );
});

const usageCases: readonly { name: string; args: string[]; stderr: RegExp }[] = [
  { name: "check --bogus", args: ["check", "--bogus"], stderr: /--bogus/ },
  { name: "build --bogus", args: ["build", "--bogus", "--content", fixture("valid")], stderr: /--bogus/ },
  { name: "an unknown command", args: ["publish-everything"], stderr: /unknown command "publish-everything"/ },
  { name: "no command", args: [], stderr: /Usage: pressroom/ },
];

for (const u of usageCases) {
  test(`CLI usage error, ${u.name}: exit 2 with usage, no stack trace`, () => {
    const result = pressroom(u.args);
    assert.equal(result.status, 2, result.stderr);
    assert.doesNotMatch(result.stderr, STACK_TRACE, result.stderr);
    assert.match(result.stderr + result.stdout, u.stderr);
    assert.match(result.stderr + result.stdout, /Usage: pressroom/);
  });
}

test("CLI build --out pointing at a file: exit 2, no stack trace, the file is kept", () => {
  const dir = tempDir();
  try {
    const file = path.join(dir, "notes.txt");
    writeFileSync(file, "keep me\n");
    const result = pressroom(["build", "--content", fixture("valid"), "--out", file, "--now", "2026-11-27T12:00"]);
    assert.doesNotMatch(result.stderr, STACK_TRACE, result.stderr);
    assert.equal(result.status, 2, result.stderr);
    assert.equal(readFileSync(file, "utf8"), "keep me\n");
  } finally {
    removeDir(dir);
  }
});

test("CLI check of a folder that does not exist: exit 1, content-folder-missing", () => {
  const dir = tempDir();
  try {
    const missing = path.join(dir, "kein-inhalt");
    const result = pressroom(["check", "--content", missing]);
    assert.equal(result.status, 1, result.stderr);
    assert.doesNotMatch(result.stderr, STACK_TRACE);
    assert.match(result.stderr, /\[content-folder-missing\]/);
    assert.ok(result.stderr.includes(`There is no content folder at ${missing}.`));
    assert.ok(result.stderr.includes("hint: Pass the folder that holds site.yaml with --content DIR."));
  } finally {
    removeDir(dir);
  }
});

/** Every file below `dir` with its bytes. */
const snapshot = (dir: string): Map<string, Buffer> =>
  new Map(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file))]));

test("CLI build: a failed build leaves the existing output folder byte for byte as it was", () => {
  const dir = tempDir();
  try {
    const out = path.join(dir, "site");
    const good = pressroom(["build", "--content", fixture("valid"), "--out", out, "--now", "2026-11-27T12:00"]);
    assert.equal(good.status, 0, good.stderr);
    const before = snapshot(out);
    assert.ok(before.size > 5, "the valid build wrote a site");

    // Fails while checking content, and fails later while planning pages (alias conflict).
    for (const name of ["invalid-many", "invalid-alias-conflict"]) {
      const bad = pressroom(["build", "--content", fixture(name), "--out", out, "--now", "2026-11-27T12:00"]);
      assert.equal(bad.status, 1, `${name}: ${bad.stderr}`);
      assert.doesNotMatch(bad.stderr, STACK_TRACE);
      const after = snapshot(out);
      assert.deepEqual([...after.keys()], [...before.keys()], `${name} changed the file list`);
      for (const [file, bytes] of before) assert.ok(after.get(file)!.equals(bytes), `${name} changed ${file}`);
      assert.deepEqual(readdirSync(dir), ["site"], `${name} left a staging folder next to the output`);
    }
  } finally {
    removeDir(dir);
  }
});
