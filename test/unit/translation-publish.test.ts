/**
 * Translations in the content model (src/content/translation.ts, publish.ts): which files are translations,
 * what a translation takes from its original, when it is public, and the warning that the original changed
 * after it. Run under several time zones (scripts/test.js): dates are read in the site's zone, never the machine's.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { RawContent } from "../../src/content/load.ts";
import type { ContentModel } from "../../src/content/model.ts";
import { publishedReleases, publishedTranslations } from "../../src/content/publish.ts";
import { resolveContent, type ResolveResult } from "../../src/content/site.ts";
import { partFiles } from "../../src/content/translation.ts";

const ROOT = path.resolve("/srv/presse/content");
const SITE = [
  "title: Stadt Musterstadt – Pressemitteilungen",
  "url: https://presse.musterstadt.de/",
  "language: de",
  "timezone: Europe/Berlin",
  "footer:",
  "  imprint: https://www.musterstadt.de/impressum",
  "  privacy: https://www.musterstadt.de/datenschutz",
  "languages:",
  "  en: { name: English }",
  "  de-x-ls: { name: Leichte Sprache }",
  "  ar: { name: العربية }",
  "",
].join("\n");
const DEPARTMENTS = "tiefbauamt:\n  name: Tiefbauamt\n  contact: jaskowiak\n";
const CONTACTS = "jaskowiak:\n  name: Birgit Jaskowiak\n  email: presse@musterstadt.de\n";

const front = (fields: Record<string, string>, body = "Text.\n"): string =>
  `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join("\n")}\n---\n\n${body}`;

function resolve(releases: Record<string, string>, site = SITE): ResolveResult {
  const raw: RawContent = {
    root: ROOT,
    texts: new Map([["site.yaml", site], ["departments.yaml", DEPARTMENTS], ["contacts.yaml", CONTACTS], ...Object.entries(releases)]),
    releaseFiles: Object.keys(releases).sort(),
    unreadable: new Map(),
  };
  return resolveContent(raw, { realFile: (p) => (p.endsWith(".jpg") ? p : undefined) });
}

const ORIGINAL = "releases/2026/2026-11-27-radweg/index.md";
const original = (extra: Record<string, string> = {}) =>
  front({ title: "Radweg am Ring", date: "2026-11-27 10:00", department: "tiefbauamt", media: "\n  - file: ring.jpg\n    alt: Der Radweg\n    caption: Der neue Radweg\n    credit: Stadt", ...extra });

function modelOf(result: ResolveResult): ContentModel {
  assert.deepEqual(result.problems.map((p) => `${p.code} ${p.file}:${p.line} ${p.message}`), []);
  return result.model!;
}

describe("which files are translations", () => {
  it("a language tag between the last two dots, with the original beside it or a language of site.yaml", () => {
    const files = [
      "releases/2026/a/index.md",
      "releases/2026/a/index.en.md",
      "releases/2026/a/index.DE-X-LS.md",
      "releases/2026/b.md",
      "releases/2026/b.tr.md",
      "releases/2026/bericht.2024.md",
      "releases/2026/bericht.neu.md",
      "releases/2026/fehlt.en.md",
    ];
    const { releases, translations } = partFiles(files, new Set(["en", "de-x-ls"]));
    assert.deepEqual(releases, ["releases/2026/a/index.md", "releases/2026/b.md", "releases/2026/bericht.2024.md", "releases/2026/bericht.neu.md"]);
    assert.deepEqual(
      translations.map((t) => [t.file, t.language, t.original, t.hasOriginal]),
      [
        ["releases/2026/a/index.en.md", "en", "releases/2026/a/index.md", true],
        ["releases/2026/a/index.DE-X-LS.md", "de-x-ls", "releases/2026/a/index.md", true],
        ["releases/2026/b.tr.md", "tr", "releases/2026/b.md", true],
        ["releases/2026/fehlt.en.md", "en", "releases/2026/fehlt.md", false],
      ],
    );
  });
});

describe("a translation resolved", () => {
  it("has its own title, subtitle, text, alt text and caption; the rest stays the original's", () => {
    const model = modelOf(
      resolve({
        [ORIGINAL]: original(),
        "releases/2026/2026-11-27-radweg/index.en.md": front(
          { title: '"Cycle path on the Ring: open"', subtitle: "Two kilometres", translated: "2026-11-27 12:00", media: "\n  - file: ring.jpg\n    alt: The cycle path\n    caption: The new cycle path" },
          "The **new** path.\n",
        ),
      }),
    );
    assert.equal(model.releases.length, 1, "the translation is no release of its own");
    const [t] = model.translations!;
    assert.equal(t!.original, ORIGINAL);
    assert.equal(t!.language, "en");
    assert.equal(t!.title, "Cycle path on the Ring: open");
    assert.equal(t!.subtitle, "Two kilometres");
    assert.equal(t!.body.trim(), "The **new** path.");
    assert.deepEqual(t!.media, [{ file: "ring.jpg", alt: "The cycle path", caption: "The new cycle path" }]);
    assert.equal(t!.translated, Date.parse("2026-11-27T12:00:00+01:00"));
  });

  it("a site without translation files has no translations in its model", () => {
    const model = modelOf(resolve({ [ORIGINAL]: original() }));
    assert.equal(model.translations, undefined);
  });

  it("a translation without languages: in site.yaml is told to add them", () => {
    const site = SITE.slice(0, SITE.indexOf("languages:"));
    const result = resolve({ [ORIGINAL]: original(), "releases/2026/2026-11-27-radweg/index.en.md": front({ title: "Cycle path" }) }, site);
    assert.deepEqual(result.problems.map((p) => p.code), ["translation-unknown-language"]);
    assert.match(result.problems[0]!.hint, /^Add languages: to site\.yaml with "en"/);
  });
});

describe("the original changed after the translation", () => {
  const updated = { updated: "2026-11-28 09:00", change_note: "Uhrzeit ergänzt." };
  const warningsOf = (translated?: string) =>
    modelOfWarnings(resolve({ [ORIGINAL]: original(updated), "releases/2026/2026-11-27-radweg/index.en.md": front({ title: "Cycle path", ...(translated && { translated }) }) }));
  const modelOfWarnings = (result: ResolveResult) => {
    modelOf(result);
    return result.warnings.filter((w) => w.code === "translation-outdated");
  };

  it("warns at translated: when the original was updated later, with both times in the site's zone", () => {
    const [w] = warningsOf("2026-11-28 08:59");
    assert.equal(w!.line, 3);
    assert.equal(w!.field, "translated");
    assert.equal(w!.message, "The original changed after this translation: it was updated at 2026-11-28 09:00, the translation was last brought in line at 2026-11-28 08:59.");
  });

  it("warns when the translation has no translated: date", () => {
    const [w] = warningsOf();
    assert.equal(w!.file, "releases/2026/2026-11-27-radweg/index.en.md");
    assert.match(w!.message, /has no translated: date/);
  });

  it("is quiet when the translation was brought in line at or after the update (an offset counts)", () => {
    assert.deepEqual(warningsOf("2026-11-28 09:00"), []);
    assert.deepEqual(warningsOf("2026-11-28T08:30:00Z"), []);
  });
});

describe("a translation is public when its original is", () => {
  const files = {
    [ORIGINAL]: original(),
    "releases/2026/2026-11-27-radweg/index.en.md": front({ title: "Cycle path" }),
    "releases/2026/2026-11-27-radweg/index.ar.md": front({ title: "مسار الدراجات", draft: "true" }),
    "releases/2026/2026-11-27-radweg/index.de-x-ls.md": front({ title: "Der neue Rad·weg" }),
  };
  const model = modelOf(resolve(files));
  const at = (iso: string, drafts = false) => {
    const options = { now: Date.parse(iso), drafts };
    return [...publishedTranslations(model, publishedReleases(model, options), options).values()].flat().map((t) => t.language);
  };

  it("not before the original's date: one minute before 10:00 in Berlin, none; at 10:00, all but the draft, in site.yaml's order", () => {
    assert.deepEqual(at("2026-11-27T08:59:00Z"), []);
    assert.deepEqual(at("2026-11-27T09:00:00Z"), ["en", "de-x-ls"]);
  });

  it("a translation's draft: true keeps just it back, unless drafts are built", () => {
    assert.deepEqual(at("2026-11-28T00:00:00Z", true), ["en", "de-x-ls", "ar"]);
  });

  it("a draft original keeps every translation back", () => {
    const drafted = modelOf(resolve({ ...files, [ORIGINAL]: original({ draft: "true" }) }));
    const options = { now: Date.parse("2027-01-01T00:00:00Z"), drafts: false };
    assert.equal(publishedTranslations(drafted, publishedReleases(drafted, options), options).size, 0);
  });
});
