/**
 * What `pressroom new` writes (src/content/scaffold.ts) and how it checks its
 * answers (src/cli/new-answers.ts), without a terminal or a disk: the new file
 * goes through the real content checks in memory. The runner starts this file
 * under several TZ values; dates are made in the site's zone.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { answersFromFlags, checkContact, checkDepartments } from "../../src/cli/new-answers.ts";
import { newText } from "../../src/cli/new-text.ts";
import { parseContentDate } from "../../src/content/dates.ts";
import type { FileSystem } from "../../src/content/fs.ts";
import type { RawContent } from "../../src/content/load.ts";
import type { ContentModel } from "../../src/content/model.ts";
import { defaultDate, scaffold, type Answers, type ScaffoldSite } from "../../src/content/scaffold.ts";
import { resolveContent } from "../../src/content/site.ts";

const ROOT = path.resolve("/srv/presse/content");
const SETTINGS = {
  "site.yaml": "title: Stadt Musterstadt\nurl: https://presse.musterstadt.de/\nlanguage: de\ntimezone: Europe/Berlin\nfooter:\n  imprint: https://www.pruefstadt.example/impressum\n  privacy: https://www.pruefstadt.example/datenschutz\n",
  "departments.yaml":
    "tiefbauamt:\n  name: Tiefbauamt\n  contact: brandhorst\numweltamt:\n  name: Amt für Umwelt- und Klimaschutz\n  contact: jaskowiak\nordnungsamt:\n  name: Ordnungsamt\n",
  "contacts.yaml": "jaskowiak:\n  name: Birgit Jaskowiak\n  role: Pressesprecherin\nbrandhorst:\n  name: Tobias Brandhorst\n",
};

/** The settings resolved as `check` resolves them, with `releases` (path → text) beside them; `files`: media files that exist. */
function resolve(releases: Record<string, string> = {}, language = "de", files: string[] = []) {
  const texts = new Map<string, string>(Object.entries(SETTINGS));
  texts.set("site.yaml", SETTINGS["site.yaml"].replace("language: de", `language: ${language}`));
  for (const [file, text] of Object.entries(releases)) texts.set(file, text);
  const raw: RawContent = { root: ROOT, texts, releaseFiles: Object.keys(releases).sort(), unreadable: new Map() };
  const existing = new Set(files.map((f) => path.join(ROOT, f)));
  const fs: FileSystem = { realFile: (p) => (existing.has(p) ? p : undefined), filesIn: () => [] };
  return resolveContent(raw, fs);
}

const model = (language = "de"): ContentModel => {
  const result = resolve({}, language);
  assert.deepEqual(result.problems, []);
  return result.model!;
};
const siteOf = (m: ContentModel): ScaffoldSite => ({ language: m.site.language, timeZone: m.site.timeZone, departments: m.departments, contacts: m.contacts });
const at = (text: string, zone = "Europe/Berlin"): number => {
  const parsed = parseContentDate(text, zone);
  assert.ok(parsed.ok);
  return parsed.instant;
};
const ANSWERS: Answers = { title: "Radwege am Ring werden breiter", departments: ["tiefbauamt"], date: "2026-11-27 10:30", photos: false };

describe("defaultDate", () => {
  it("is now, down to the quarter hour, in the site's zone", () => {
    assert.equal(defaultDate(at("2026-11-27 10:22:59"), "Europe/Berlin"), "2026-11-27 10:15");
    assert.equal(defaultDate(at("2026-11-27 10:15"), "Europe/Berlin"), "2026-11-27 10:15");
    assert.equal(defaultDate(at("2026-11-28 00:05"), "Europe/Berlin"), "2026-11-28 00:00");
    // A zone 5:45 ahead of UTC still gets quarter hours of its own clock.
    assert.equal(defaultDate(at("2026-11-27 10:29", "Asia/Kathmandu"), "Asia/Kathmandu"), "2026-11-27 10:15");
  });
});

describe("scaffold", () => {
  it("names the file by the local date and the title, and passes the content checks as it is", () => {
    const made = scaffold(ANSWERS, siteOf(model()));
    assert.equal(made.file, "releases/2026/2026-11-27-radwege-am-ring-werden-breiter.md");
    assert.equal(made.folder, undefined);
    assert.equal(made.url, "/2026/11/27/radwege-am-ring-werden-breiter/");
    assert.equal(made.instant, at("2026-11-27 10:30"));
    const result = resolve({ [made.file]: made.text });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.warnings, []);
    const release = result.model!.releases[0]!;
    assert.equal(release.title, "Radwege am Ring werden breiter");
    assert.equal(release.draft, true);
    assert.equal(release.url, made.url);
    assert.equal(release.date, at("2026-11-27 10:30"));
    assert.deepEqual(release.departments.map((d) => d.id), ["tiefbauamt"]);
    // No contact written: the department's own applies.
    assert.deepEqual(release.contacts.map((c) => c.id), ["brandhorst"]);
  });

  it("writes every common field: the ones without a value as comments that are valid once the '# ' is taken away", () => {
    const made = scaffold({ ...ANSWERS, contact: "jaskowiak" }, siteOf(model()));
    for (const field of ["subtitle", "tags", "media", "file", "alt", "caption", "credit"]) assert.match(made.text, new RegExp(`^#\\s+(- )?${field}: `, "m"), field);
    assert.match(made.text, /^contact: jaskowiak +# Birgit Jaskowiak$/m);
    assert.match(made.text, /^draft: true +# Entwurf: wird nicht veröffentlicht\. Zum Veröffentlichen diese Zeile löschen\.$/m);
    // The template lines made real, with the example photo beside the file.
    const filled = made.text.replace(/^# (?=\w+:|  +)/gm, "");
    assert.doesNotMatch(filled, /^# (subtitle|tags|media):/m);
    const result = resolve({ [made.file]: filled }, "de", ["releases/2026/foto.jpg"]);
    assert.deepEqual(result.problems, []);
    const release = result.model!.releases[0]!;
    assert.equal(release.subtitle, "Unterzeile in einem Satz");
    assert.deepEqual(release.tags, ["Thema", "Noch ein Thema"]);
    assert.deepEqual(release.media.map((m) => [m.file, m.kind === "image" && m.alt]), [["foto.jpg", "Was auf dem Foto zu sehen ist"]]);
  });

  it("gives a release with photos a folder of its own", () => {
    const made = scaffold({ ...ANSWERS, photos: true }, siteOf(model()));
    assert.equal(made.folder, "releases/2026/2026-11-27-radwege-am-ring-werden-breiter");
    assert.equal(made.file, `${made.folder}/index.md`);
    assert.equal(made.url, "/2026/11/27/radwege-am-ring-werden-breiter/");
    assert.match(made.text, /# media: +# optional: Fotos und Dokumente, in diesem Ordner/);
    assert.deepEqual(resolve({ [made.file]: made.text }).problems, []);
  });

  it("writes a date with an offset as the site's local time, on the site's day", () => {
    const made = scaffold({ ...ANSWERS, date: "2026-11-27T23:30:00Z" }, siteOf(model()));
    assert.match(made.text, /^date: 2026-11-28 00:30 /m);
    assert.equal(made.file, "releases/2026/2026-11-28-radwege-am-ring-werden-breiter.md");
    assert.equal(made.url, "/2026/11/28/radwege-am-ring-werden-breiter/");
    const dayOnly = scaffold({ ...ANSWERS, date: "2026-12-01" }, siteOf(model()));
    assert.match(dayOnly.text, /^date: 2026-12-01 /m);
    assert.equal(dayOnly.hasTime, false);
  });

  it("quotes a title only when YAML needs it, takes out invisible characters and joins several departments", () => {
    const made = scaffold({ ...ANSWERS, title: "Baustelle\u200b am Ring: Umleitung  ab  Montag", departments: ["tiefbauamt", "umweltamt"] }, siteOf(model()));
    assert.match(made.text, /^title: "Baustelle am Ring: Umleitung ab Montag"$/m);
    assert.match(made.text, /^department: \[tiefbauamt, umweltamt\] +# Tiefbauamt, Amt für Umwelt- und Klimaschutz$/m);
    assert.equal(made.file, "releases/2026/2026-11-27-baustelle-am-ring-umleitung-ab-montag.md");
    const result = resolve({ [made.file]: made.text });
    assert.deepEqual(result.problems, []);
    assert.equal(result.model!.releases[0]!.title, "Baustelle am Ring: Umleitung ab Montag");
  });

  it("speaks the site's language in its comments", () => {
    const made = scaffold(ANSWERS, siteOf(model("en")));
    assert.match(made.text, /^draft: true +# draft: never published\. Delete this line to publish\.$/m);
    assert.match(made.text, /^date: 2026-11-27 10:30 +# local time, Europe\/Berlin; a later time is an embargo$/m);
    assert.deepEqual(resolve({ [made.file]: made.text }, "en").problems, []);
  });
});

describe("answers from flags", () => {
  const de = newText("de");
  const site = siteOf(model());
  const NOW = "2026-11-27 10:15";
  const fromFlags = (flags: Parameters<typeof answersFromFlags>[0]) => answersFromFlags(flags, site, NOW, "npx pressroom new", de);

  it("names every missing flag at once, with an example", () => {
    const result = fromFlags({});
    assert.ok(!result.ok);
    assert.match(result.error, /^Ohne Terminal fragt pressroom new nicht nach\. Es fehlen:\n {2}--title TEXT .*\n {2}--department ID .*tiefbauamt, umweltamt, ordnungsamt\n/);
    assert.match(result.error, /Zum Beispiel:\n {2}npx pressroom new --title "Radwege am Ring werden breiter" --department tiefbauamt --date "2026-11-27 10:15"$/);
  });

  it("asks for a contact when the department has none of its own, and keeps what was given in the example", () => {
    const result = fromFlags({ title: "Blitzer am Ring", department: "ordnungsamt" });
    assert.ok(!result.ok);
    assert.match(result.error, /Es fehlt:\n {2}--contact ID .*jaskowiak, brandhorst\n/);
    assert.match(result.error, /npx pressroom new --title "Blitzer am Ring" --department ordnungsamt --contact jaskowiak --date "2026-11-27 10:15"$/);
    assert.ok(!fromFlags({ title: "Blitzer", department: "ordnungsamt", contact: "none" }).ok);
    const ok = fromFlags({ title: "Blitzer", department: "ordnungsamt", contact: "brandhorst" });
    assert.deepEqual(ok, { ok: true, value: { title: "Blitzer", departments: ["ordnungsamt"], date: NOW, contact: "brandhorst", photos: false } });
  });

  it("lists wrong values together with missing flags, each with a did-you-mean", () => {
    const result = fromFlags({ department: "tiefbau", contact: "Tobias Brandhorst", date: "morgen" });
    assert.ok(!result.ok);
    assert.match(result.error, /--title TEXT/);
    assert.match(result.error, /Das Amt „tiefbau“ steht nicht in departments\.yaml\. Meinten Sie tiefbauamt\?/);
    assert.match(result.error, /Den Kontakt „Tobias Brandhorst“ gibt es in contacts\.yaml nicht\. Meinten Sie brandhorst\?/);
    assert.match(result.error, /„morgen“ ist kein Datum wie 27\.11\.2026 10:30 oder 2026-11-27 10:30\./);
  });

  it("takes a department's name for its id only as a suggestion, and several ids for a joint release", () => {
    const byName = checkDepartments("Ordnungsamt", site, de);
    assert.ok(!byName.ok);
    assert.match(byName.error, /Meinten Sie ordnungsamt\?/);
    assert.deepEqual(checkDepartments("tiefbauamt, umweltamt", site, de), { ok: true, value: ["tiefbauamt", "umweltamt"] });
    assert.deepEqual(checkContact("none", ["tiefbauamt"], site, de), { ok: true, value: undefined });
  });
});
