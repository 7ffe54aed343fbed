/**
 * Resolving a whole content folder (src/content/site.ts) from memory: an
 * in-memory RawContent and a fake FileSystem, no disk.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { FileSystem } from "../../src/content/fs.ts";
import type { RawContent } from "../../src/content/load.ts";
import type { ContentModel, Release } from "../../src/content/model.ts";
import { resolveContent, type ResolveResult } from "../../src/content/site.ts";
import type { Problem } from "../../src/errors/problem.ts";

const ROOT = path.resolve("/srv/presse/content");

const SITE = ["title: Stadt Musterstadt – Pressemitteilungen", "url: https://presse.musterstadt.de/", "language: de", "timezone: Europe/Berlin", "footer:", "  imprint: https://www.musterstadt.de/impressum", "  privacy: https://www.musterstadt.de/datenschutz", ""].join("\n");

const DEPARTMENTS = [
  "tiefbauamt:", //                  1
  "  name: Tiefbauamt", //           2
  "  description: Straßen, Brücken, Radwege",
  "  contact: jaskowiak",
  "umweltamt:",
  "  name: Umweltamt",
  "  contact: oezdemir",
  "kulturamt:",
  "  name: Kulturamt",
  "  contact: jaskowiak",
  "ordnungsamt:",
  "  name: Ordnungsamt",
  "",
].join("\n");

const CONTACTS = [
  "jaskowiak:",
  "  name: Birgit Jaskowiak",
  "  role: Pressesprecherin",
  "  phone: 0251 492-6609",
  "  email: presse@musterstadt.de",
  "oezdemir:",
  "  name: Deniz Özdemir",
  "  phone: 02514926610",
  "",
].join("\n");

interface Setup {
  readonly releases: Record<string, string>;
  readonly files?: readonly string[];
  readonly links?: Readonly<Record<string, string>>;
  readonly site?: string;
  readonly departments?: string;
  readonly contacts?: string;
}

/** An in-memory content folder; `files` are media files relative to the content folder. */
function resolve(setup: Setup): ResolveResult {
  const texts = new Map<string, string>([
    ["site.yaml", setup.site ?? SITE],
    ["departments.yaml", setup.departments ?? DEPARTMENTS],
    ["contacts.yaml", setup.contacts ?? CONTACTS],
    ...Object.entries(setup.releases),
  ]);
  const raw: RawContent = {
    root: ROOT,
    texts,
    releaseFiles: Object.keys(setup.releases).sort(),
    unreadable: new Map(),
  };
  const known = new Set((setup.files ?? []).map((f) => path.join(ROOT, f)));
  const links = new Map(Object.entries(setup.links ?? {}).map(([from, to]) => [path.join(ROOT, from), to]));
  const fs: FileSystem = {
    realFile(p) {
      if (links.has(p)) return links.get(p);
      return known.has(p) ? p : undefined;
    },
  };
  return resolveContent(raw, fs);
}

function modelOf(result: ResolveResult): ContentModel {
  assert.deepEqual(result.problems.map(describeProblem), []);
  assert.ok(result.model, "a model");
  return result.model;
}

const describeProblem = (p: Problem): string => `${p.code} ${p.file}:${p.line ?? "?"} ${p.field ?? ""} – ${p.message}`;

function releaseIn(model: ContentModel, file: string): Release {
  const release = model.releases.find((r) => r.file === file);
  assert.ok(release, `release ${file} in the model`);
  return release;
}

const md = (...lines: string[]): string => lines.join("\n") + "\n";

function front(fields: Record<string, string>, body = "Text."): string {
  return md("---", ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), "---", "", body);
}

const basic = (extra: Record<string, string> = {}): string =>
  front({ title: "Radwege am Ring werden breiter", date: "2026-11-27 10:30", department: "tiefbauamt", ...extra });

describe("resolveContent: a valid release", () => {
  const file = "releases/2026/2026-11-27-radwege-am-ring.md";
  const result = resolve({ releases: { [file]: basic({ tags: "[Verkehr, Radverkehr]" }) } });

  it("has no problems and a model", () => {
    modelOf(result);
  });

  it("resolves the settings", () => {
    const { site } = modelOf(result);
    assert.equal(site.url, "https://presse.musterstadt.de");
    assert.equal(site.timeZone, "Europe/Berlin");
    assert.equal(site.language, "de");
  });

  it("has its address from the file name and the local date", () => {
    const release = releaseIn(modelOf(result), file);
    assert.equal(release.url, "/2026/11/27/radwege-am-ring/");
    assert.equal(release.date, Date.UTC(2026, 10, 27, 9, 30));
    assert.equal(release.hasTime, true);
    assert.equal(release.year, 2026);
    assert.deepEqual(release.tags, ["Verkehr", "Radverkehr"]);
    assert.equal(release.draft, false);
    assert.match(release.body, /Text\./);
  });

  it("a release without contact gets its department's default contact", () => {
    const release = releaseIn(modelOf(result), file);
    assert.deepEqual(release.departments.map((d) => d.id), ["tiefbauamt"]);
    assert.deepEqual(release.contacts.map((c) => c.id), ["jaskowiak"]);
    const contact = release.contacts[0]!;
    assert.equal(contact.name, "Birgit Jaskowiak");
    assert.equal(contact.phone, "0251 492-6609");
    assert.equal(contact.phoneHref, "02514926609");
    assert.equal(contact.email, "presse@musterstadt.de");
  });

  it("a phone number from contacts.yaml keeps its leading zero", () => {
    const { contacts } = modelOf(result);
    assert.equal(contacts.get("oezdemir")?.phone, "02514926610");
    assert.equal(contacts.get("oezdemir")?.phoneHref, "02514926610");
  });
});

describe("resolveContent: dates and addresses", () => {
  it("2026-01-01 00:30 belongs to 2026 and its address is in 2026", () => {
    const file = "releases/2026/neujahr.md";
    const model = modelOf(resolve({ releases: { [file]: basic({ date: "2026-01-01 00:30" }) } }));
    const release = releaseIn(model, file);
    assert.equal(release.date, Date.UTC(2025, 11, 31, 23, 30));
    assert.equal(release.year, 2026);
    assert.equal(release.url, "/2026/01/01/neujahr/");
  });

  it("a Z date late on 31 December UTC is on 1 January in Berlin", () => {
    const file = "releases/2026/neujahr.md";
    const model = modelOf(resolve({ releases: { [file]: basic({ date: "2025-12-31T23:30:00Z" }) } }));
    const release = releaseIn(model, file);
    assert.equal(release.year, 2026);
    assert.equal(release.url, "/2026/01/01/neujahr/");
  });

  it("the site time zone decides the local date", () => {
    const file = "releases/2026/neujahr.md";
    const site = SITE.replace("Europe/Berlin", "America/New_York");
    const model = modelOf(resolve({ site, releases: { [file]: basic({ date: "2025-12-31T23:30:00Z" }) } }));
    const release = releaseIn(model, file);
    assert.equal(release.year, 2025);
    assert.equal(release.url, "/2025/12/31/neujahr/");
  });

  it("a file name with spaces, capitals, underscores and umlauts gives a lowercase ASCII address", () => {
    const file = "releases/2025/2025-05-08 Tag der_Offenen Tür.md";
    const model = modelOf(resolve({ releases: { [file]: basic({ date: "2025-05-08" }) } }));
    assert.equal(releaseIn(model, file).url, "/2025/05/08/tag-der-offenen-tuer/");
  });

  it("index.md in a folder takes the folder's name", () => {
    const file = "releases/2026/2026-11-20-hallenbad/index.md";
    const model = modelOf(resolve({ releases: { [file]: basic({ date: "2026-11-20T09:00:00+01:00" }) } }));
    assert.equal(releaseIn(model, file).url, "/2026/11/20/hallenbad/");
  });

  it("an impossible date is reported with line and field", () => {
    const file = "releases/2026/x.md";
    const result = resolve({ releases: { [file]: basic({ date: "2026-02-29" }) } });
    assert.equal(result.model, undefined);
    const p = result.problems.find((q) => q.code === "impossible-date");
    assert.ok(p, result.problems.map(describeProblem).join("\n"));
    assert.equal(p.file, file);
    assert.equal(p.line, 3);
    assert.equal(p.field, "date");
  });

  it("a date in another format is reported with line and field", () => {
    const file = "releases/2026/x.md";
    const result = resolve({ releases: { [file]: basic({ date: "27.11.2026" }) } });
    const p = result.problems.find((q) => q.code === "invalid-date");
    assert.ok(p, result.problems.map(describeProblem).join("\n"));
    assert.equal(p.line, 3);
    assert.equal(p.field, "date");
  });
});

describe("resolveContent: duplicate addresses", () => {
  it("two files on the same address fail, naming both files", () => {
    const a = "releases/2026/2026-11-27-radwege.md";
    const b = "releases/archiv/Radwege.md";
    const result = resolve({ releases: { [a]: basic(), [b]: basic({ date: "2026-11-27 14:00" }) } });
    assert.equal(result.model, undefined);
    const duplicates = result.problems.filter((p) => p.code === "duplicate-url");
    assert.equal(duplicates.length, 1, result.problems.map(describeProblem).join("\n"));
    const p = duplicates[0]!;
    const named = `${p.file} ${p.message}`;
    assert.ok(named.includes(a), named);
    assert.ok(named.includes(b), named);
    assert.ok(p.message.includes("/2026/11/27/radwege/"), p.message);
  });

  it("the same slug on different dates is fine", () => {
    const a = "releases/2026/2026-11-27-radwege.md";
    const b = "releases/2026/2026-11-28-radwege.md";
    const model = modelOf(resolve({ releases: { [a]: basic(), [b]: basic({ date: "2026-11-28" }) } }));
    assert.deepEqual(model.releases.map((r) => r.url).sort(), ["/2026/11/27/radwege/", "/2026/11/28/radwege/"]);
  });

  it("an address that differs only by umlaut spelling is still a duplicate", () => {
    const a = "releases/2026/2026-11-27-Tür.md";
    const b = "releases/2026/2026-11-27-tuer.md";
    const result = resolve({ releases: { [a]: basic(), [b]: basic() } });
    assert.deepEqual(result.problems.map((p) => p.code), ["duplicate-url"]);
  });

  it("the same old address on two releases fails, naming both", () => {
    const a = "releases/2026/a.md";
    const b = "releases/2026/b.md";
    const result = resolve({
      releases: {
        [a]: basic({ aliases: "[/presse/archiv/12345.html]" }),
        [b]: basic({ aliases: "/presse/archiv/12345.html" }),
      },
    });
    const p = result.problems.find((q) => q.code === "duplicate-alias");
    assert.ok(p, result.problems.map(describeProblem).join("\n"));
    assert.ok(`${p.file} ${p.message}`.includes(a) && `${p.file} ${p.message}`.includes(b));
  });

  it("aliases are normalized; a bad alias is reported on its line", () => {
    const file = "releases/2026/a.md";
    const ok = modelOf(resolve({ releases: { [file]: basic({ aliases: "[https://www.musterstadt.de/pm/123.html, /pm/radwege/]" }) } }));
    const paths = releaseIn(ok, file).aliases.map((a: unknown) => (typeof a === "string" ? a : (a as { path: string }).path));
    assert.deepEqual(paths, ["/pm/123.html", "/pm/radwege/"]);
    const bad = resolve({ releases: { [file]: basic({ aliases: "[/ok.html, ../etc/passwd]" }) } });
    const p = bad.problems.find((q) => q.code === "invalid-alias");
    assert.ok(p, bad.problems.map(describeProblem).join("\n"));
    assert.equal(p.line, 5);
  });
});

describe("resolveContent: departments and contacts", () => {
  it("a joint release gets the contacts of both departments", () => {
    const file = "releases/2026/gemeinsam.md";
    const model = modelOf(resolve({ releases: { [file]: basic({ department: "[tiefbauamt, umweltamt]" }) } }));
    const release = releaseIn(model, file);
    assert.deepEqual(release.departments.map((d) => d.id), ["tiefbauamt", "umweltamt"]);
    assert.deepEqual(release.contacts.map((c) => c.id), ["jaskowiak", "oezdemir"]);
  });

  it("departments sharing a contact list it once", () => {
    const file = "releases/2026/gemeinsam.md";
    const model = modelOf(resolve({ releases: { [file]: basic({ department: "[tiefbauamt, kulturamt, umweltamt]" }) } }));
    assert.deepEqual(releaseIn(model, file).contacts.map((c) => c.id), ["jaskowiak", "oezdemir"]);
  });

  it("a department named twice is listed once", () => {
    const file = "releases/2026/doppelt.md";
    const model = modelOf(resolve({ releases: { [file]: basic({ department: "[tiefbauamt, tiefbauamt]" }) } }));
    assert.deepEqual(releaseIn(model, file).departments.map((d) => d.id), ["tiefbauamt"]);
  });

  it("an explicit contact replaces the department default", () => {
    const file = "releases/2026/x.md";
    const model = modelOf(resolve({ releases: { [file]: basic({ contact: "oezdemir" }) } }));
    assert.deepEqual(releaseIn(model, file).contacts.map((c) => c.id), ["oezdemir"]);
  });

  it("an inline contact", () => {
    const file = "releases/2026/inline.md";
    const text = md(
      "---",
      "title: Sommerfest",
      "date: 2026-07-01",
      "department: kulturamt",
      "contact:",
      "  name: Max Muster",
      "  role: Veranstaltungsbüro",
      "  phone: +49 251 492-1234",
      "  email: max.muster@musterstadt.de",
      "---",
      "Text.",
    );
    const model = modelOf(resolve({ releases: { [file]: text } }));
    const contacts = releaseIn(model, file).contacts;
    assert.equal(contacts.length, 1);
    assert.deepEqual({ ...contacts[0] }, {
      name: "Max Muster",
      role: "Veranstaltungsbüro",
      phone: "+49 251 492-1234",
      phoneHref: "+492514921234",
      email: "max.muster@musterstadt.de",
    });
  });

  it("a list of an id and an inline contact, the id not repeated", () => {
    const file = "releases/2026/liste.md";
    const text = md(
      "---",
      "title: Sommerfest",
      "date: 2026-07-01",
      "department: kulturamt",
      "contact:",
      "  - jaskowiak",
      "  - name: Max Muster",
      "  - jaskowiak",
      "---",
      "Text.",
    );
    const model = modelOf(resolve({ releases: { [file]: text } }));
    assert.deepEqual(releaseIn(model, file).contacts.map((c) => c.name), ["Birgit Jaskowiak", "Max Muster"]);
  });

  it("an inline contact with a bad e-mail is reported on its line", () => {
    const file = "releases/2026/inline.md";
    const text = md("---", "title: x", "date: 2026-07-01", "department: kulturamt", "contact:", "  name: Max", "  email: max(at)musterstadt.de", "---", "Text.");
    const result = resolve({ releases: { [file]: text } });
    const p = result.problems.find((q) => q.code === "invalid-email");
    assert.ok(p, result.problems.map(describeProblem).join("\n"));
    assert.equal(p.line, 7);
    assert.equal(p.field, "contact.email");
  });

  it("an unknown department is reported with did-you-mean", () => {
    const file = "releases/2026/x.md";
    const result = resolve({ releases: { [file]: basic({ department: "tiefbauammt" }) } });
    assert.equal(result.model, undefined);
    const p = result.problems.find((q) => q.code === "unknown-department");
    assert.ok(p, result.problems.map(describeProblem).join("\n"));
    assert.equal(p.file, file);
    assert.equal(p.line, 4);
    assert.equal(p.field, "department");
    assert.match(p.message, /tiefbauammt/);
    assert.match(p.hint, /Did you mean "tiefbauamt"\?/);
  });

  it("an unknown department in a list names its entry", () => {
    const file = "releases/2026/x.md";
    const result = resolve({ releases: { [file]: basic({ department: "[umweltamt, tiefbauammt]" }) } });
    const p = result.problems.find((q) => q.code === "unknown-department");
    assert.ok(p);
    assert.equal(p.field, "department.1");
    assert.equal(p.line, 4);
  });

  it("an unknown contact id is reported with did-you-mean", () => {
    const file = "releases/2026/x.md";
    const result = resolve({ releases: { [file]: basic({ contact: "jaskowiack" }) } });
    const p = result.problems.find((q) => q.code === "unknown-contact");
    assert.ok(p, result.problems.map(describeProblem).join("\n"));
    assert.equal(p.line, 5);
    assert.match(p.hint, /"jaskowiak"/);
  });

  it("a department without default contact and a release without contact is reported", () => {
    const file = "releases/2026/x.md";
    const result = resolve({ releases: { [file]: basic({ department: "ordnungsamt" }) } });
    assert.ok(result.problems.some((p) => p.code === "no-contact" && p.file === file));
  });
});

describe("resolveContent: media", () => {
  const file = "releases/2026/2026-11-20-hallenbad/index.md";
  const withMedia = (...entries: string[]): string =>
    md("---", "title: Hallenbad", "date: 2026-11-20", "department: kulturamt", "media:", ...entries, "---", "Text.");

  it("images and downloads next to the release", () => {
    const model = modelOf(
      resolve({
        releases: {
          [file]: withMedia(
            "  - file: Baustelle Größe.JPG",
            "    alt: Rohbau mit Kran",
            "    caption: Der Rohbau.",
            "    credit: Stadt",
            "  - file: Lageplan Bad.pdf",
            "    title: Lageplan",
          ),
        },
        files: ["releases/2026/2026-11-20-hallenbad/Baustelle Größe.JPG", "releases/2026/2026-11-20-hallenbad/Lageplan Bad.pdf"],
      }),
    );
    const [image, download] = releaseIn(model, file).media;
    assert.ok(image && image.kind === "image");
    assert.equal(image.name, "baustelle-groesse.jpg");
    assert.equal(image.alt, "Rohbau mit Kran");
    assert.equal(image.caption, "Der Rohbau.");
    assert.equal(image.credit, "Stadt");
    assert.equal(image.source, path.join(ROOT, "releases/2026/2026-11-20-hallenbad/Baustelle Größe.JPG"));
    assert.ok(download && download.kind === "file");
    assert.equal(download.name, "lageplan-bad.pdf");
    assert.equal(download.title, "Lageplan");
  });

  it("a file of another folder, even inside the content folder, is refused (it may be another release's)", () => {
    const result = resolve({
      releases: { [file]: withMedia("  - file: ../../gemeinsam/logo.png", "    alt: Logo") },
      files: ["releases/gemeinsam/logo.png"],
    });
    assert.equal(result.model, undefined);
    assert.ok(result.problems.some((p) => p.code === "media-outside" && p.field === "media.0.file"));
  });

  it("media outside the content folder is refused", () => {
    for (const entry of ["../../../../secret.jpg", "/etc/passwd", "file:///etc/passwd", "../../../site.yaml/../../x.pdf"]) {
      const outside = path.resolve(path.dirname(path.join(ROOT, file)), entry);
      const result = resolve({
        releases: { [file]: withMedia(`  - file: ${entry}`, "    alt: x") },
        files: [path.relative(ROOT, outside)],
      });
      assert.equal(result.model, undefined, entry);
      const p = result.problems.find((q) => q.code === "media-outside");
      assert.ok(p, `${entry}: ${result.problems.map(describeProblem).join("; ")}`);
      assert.equal(p.line, 6);
      assert.equal(p.field, "media.0.file");
    }
  });

  it("a link that leads outside the content folder is refused", () => {
    const result = resolve({
      releases: { [file]: withMedia("  - file: bild.jpg", "    alt: x") },
      links: { "releases/2026/2026-11-20-hallenbad/bild.jpg": "/etc/secret.jpg" },
    });
    assert.ok(result.problems.some((p) => p.code === "media-outside"), result.problems.map(describeProblem).join("\n"));
  });

  it("a sibling folder whose name starts like the content folder is outside", () => {
    const sibling = `${ROOT}-alt/bild.jpg`;
    const result = resolve({
      releases: { [file]: withMedia("  - file: bild.jpg", "    alt: x") },
      links: { "releases/2026/2026-11-20-hallenbad/bild.jpg": sibling },
    });
    assert.ok(result.problems.some((p) => p.code === "media-outside"), result.problems.map(describeProblem).join("\n"));
  });

  it("a missing media file is reported", () => {
    const result = resolve({ releases: { [file]: withMedia("  - file: fehlt.jpg", "    alt: x") } });
    const p = result.problems.find((q) => q.code === "media-missing");
    assert.ok(p);
    assert.equal(p.line, 6);
  });

  it("an image without alt is reported at media.N.alt", () => {
    const result = resolve({
      releases: {
        [file]: withMedia("  - file: a.jpg", "    alt: Erstes", "  - file: b.png", "    caption: ohne alt"),
      },
      files: ["releases/2026/2026-11-20-hallenbad/a.jpg", "releases/2026/2026-11-20-hallenbad/b.png"],
    });
    assert.equal(result.model, undefined);
    const p = result.problems.find((q) => q.code === "media-alt-missing");
    assert.ok(p, result.problems.map(describeProblem).join("\n"));
    assert.equal(p.file, file);
    assert.equal(p.field, "media.1.alt");
    assert.equal(p.line, 8);
    assert.match(p.message, /b\.png/);
  });

  it("an empty alt counts as missing", () => {
    const result = resolve({
      releases: { [file]: withMedia("  - file: a.jpg", '    alt: "  "') },
      files: ["releases/2026/2026-11-20-hallenbad/a.jpg"],
    });
    assert.ok(result.problems.some((p) => p.code === "media-alt-missing"));
  });

  it("a download needs no alt", () => {
    const model = modelOf(
      resolve({ releases: { [file]: withMedia("  - file: plan.pdf") }, files: ["releases/2026/2026-11-20-hallenbad/plan.pdf"] }),
    );
    const [download] = releaseIn(model, file).media;
    assert.ok(download && download.kind === "file");
    assert.equal(download.title, "plan.pdf");
  });
});

describe("resolveContent: drafts and future releases stay in the model", () => {
  it("a draft is in model.releases with draft: true", () => {
    const draft = "releases/2026/entwurf.md";
    const published = "releases/2026/fertig.md";
    const model = modelOf(resolve({ releases: { [draft]: basic({ draft: "true" }), [published]: basic({ draft: "false" }) } }));
    assert.equal(releaseIn(model, draft).draft, true);
    assert.equal(releaseIn(model, published).draft, false);
  });

  it("draft: ja and yes are drafts too", () => {
    const a = "releases/2026/a.md";
    const b = "releases/2026/b.md";
    const model = modelOf(resolve({ releases: { [a]: basic({ draft: "ja" }), [b]: basic({ draft: "yes" }) } }));
    assert.equal(releaseIn(model, a).draft, true);
    assert.equal(releaseIn(model, b).draft, true);
  });

  it("a future release is in the model (the publish rule decides later)", () => {
    const file = "releases/2099/zukunft.md";
    const model = modelOf(resolve({ releases: { [file]: basic({ date: "2099-01-01" }) } }));
    assert.equal(releaseIn(model, file).url, "/2099/01/01/zukunft/");
  });
});

describe("resolveContent: settings and every problem in one run", () => {
  it("an invalid time zone is reported and gives no model", () => {
    const site = SITE.replace("Europe/Berlin", "Europe/Munich");
    const result = resolve({ site, releases: { "releases/2026/x.md": basic() } });
    assert.equal(result.model, undefined);
    const p = result.problems.find((q) => q.code === "invalid-timezone");
    assert.ok(p);
    assert.equal(p.file, "site.yaml");
    assert.equal(p.line, 4);
  });

  it("problems of several files are all reported", () => {
    const result = resolve({
      releases: {
        "releases/2026/a.md": basic({ department: "tiefbauammt" }),
        "releases/2026/b.md": basic({ date: "2026-02-30" }),
        "releases/2026/c.md": "no front matter\n",
      },
    });
    const files = new Set(result.problems.map((p) => p.file));
    assert.deepEqual([...files].sort(), ["releases/2026/a.md", "releases/2026/b.md", "releases/2026/c.md"]);
  });

  it("a front matter tag is reported as such, not as a wrong value", () => {
    const file = "releases/2026/x.md";
    const result = resolve({ releases: { [file]: basic({ date: "!!timestamp 2026-11-27" }) } });
    assert.deepEqual(result.problems.map((p) => [p.code, p.line]), [["yaml-tag", 3]]);
  });
});

describe("resolveContent: photos placed in the body", () => {
  const folder = "releases/2026/2026-11-20-hallenbad";
  const file = `${folder}/index.md`;
  const release = (body: string, media: string[] = []): string =>
    md("---", "title: Hallenbad", "date: 2026-11-20", "department: kulturamt", ...(media.length ? ["media:", ...media] : []), "---", "", body);

  it("a local photo in the body becomes a photo of the release, with its alt text and title as caption", () => {
    const result = resolve({
      releases: { [file]: release('Text.\n\n![Bagger am Becken](<Bagger Becken.JPG> "Der Rohbau")\n') },
      files: [`${folder}/Bagger Becken.JPG`],
    });
    const [photo] = releaseIn(modelOf(result), file).media;
    assert.equal(photo?.kind, "image");
    if (photo?.kind !== "image") return;
    assert.equal(photo.name, "bagger-becken.jpg");
    assert.equal(photo.alt, "Bagger am Becken");
    assert.equal(photo.caption, "Der Rohbau");
    assert.equal(photo.listed, false);
    assert.deepEqual(photo.bodySources, ["Bagger%20Becken.JPG"]);
    assert.equal(photo.field, "body");
    assert.equal(photo.line, 9, "the line in the file: front matter and blank lines counted");
    assert.deepEqual(result.warnings, []);
  });

  it("a photo listed under media and placed in the body is one photo, with the entry's alt text", () => {
    const result = resolve({
      releases: { [file]: release("<p><img src=\"bad.jpg\"></p>\n", ["  - file: bad.jpg", "    alt: Das Bad", "    credit: Stadt"]) },
      files: [`${folder}/bad.jpg`],
    });
    const media = releaseIn(modelOf(result), file).media;
    assert.equal(media.length, 1);
    assert.ok(media[0]?.kind === "image" && media[0].listed && media[0].bodySources[0] === "bad.jpg");
    assert.deepEqual(result.warnings, [], "the media entry has alt text");
  });

  it("an image without alt text is a warning with its line, not an error; one on another website is a warning of its own", () => {
    const result = resolve({
      releases: { [file]: release("Eins.\n\n![](foto.png)\n\nZwei <img src=\"https://alt.example/bild.gif\">\n") },
      files: [`${folder}/foto.png`],
    });
    const model = modelOf(result);
    assert.equal(releaseIn(model, file).media.length, 1, "only the local photo");
    assert.deepEqual(
      result.warnings.map((w) => [w.code, w.line, w.field, w.severity]),
      [
        ["image-alt-missing-inline", 9, "body", "warning"],
        ["image-external", 11, "body", "warning"],
      ],
    );
    assert.match(result.warnings[1]!.message, /"https:\/\/alt\.example\/bild\.gif"/);
  });

  it("a missing, outside or non-image file in the body is an error at its line", () => {
    const result = resolve({
      releases: { [file]: release("![A](fehlt.jpg)\n\n![B](../../anderes/foto.jpg)\n\n![C](plan.pdf)\n") },
      files: [`${folder}/plan.pdf`, "releases/anderes/foto.jpg"],
    });
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.line, p.field]),
      [
        ["media-missing", 7, "body"],
        ["media-outside", 9, "body"],
        ["media-type", 11, "body"],
      ],
    );
  });

  it("a release beside others may not use a file of another release's folder", () => {
    const leak = "releases/2026/2026-11-01-leak.md";
    const secret = "releases/2026/2026-12-24-weihnacht/index.md";
    const result = resolve({
      releases: {
        [leak]: md("---", "title: Leck", "date: 2026-11-01", "department: kulturamt", "---", "", "![Geheim](2026-12-24-weihnacht/geheim.jpg)"),
        [secret]: md("---", "title: Weihnacht", "date: 2026-12-24", "department: kulturamt", "---", "", "Text."),
      },
      files: ["releases/2026/2026-12-24-weihnacht/geheim.jpg"],
    });
    assert.deepEqual(result.problems.map((p) => [p.code, p.file, p.field]), [["media-outside", leak, "body"]]);
  });

  it("a release beside others may use photos of a plain subfolder", () => {
    const file = "releases/2026/2026-11-01-fotos.md";
    const result = resolve({
      releases: { [file]: md("---", "title: Fotos", "date: 2026-11-01", "department: kulturamt", "---", "", "![Ein Foto](Fotos%20Presse/a.jpg)") },
      files: ["releases/2026/Fotos Presse/a.jpg"],
    });
    assert.equal(releaseIn(modelOf(result), file).media.length, 1);
  });
});


describe("resolveContent: the theme in site.yaml", () => {
  const noReleases = { releases: {} };
  const site = (...lines: string[]): string => [...SITE.trimEnd().split("\n"), ...lines, ""].join("\n");

  it("a German site without a footer is told both legal links are missing", () => {
    const result = resolve({ ...noReleases, site: SITE.replace(/footer:\n.*\n.*\n/, "") });
    assert.deepEqual(result.problems.map((p) => [p.code, p.field, p.line]), [
      ["missing-legal-link", "footer.imprint", undefined],
      ["missing-legal-link", "footer.privacy", undefined],
    ]);
  });

  it("an English site needs none; what it gives is kept in the order of the footer", () => {
    const english = ["title: City", "url: https://press.example/", "language: en", "timezone: UTC", "footer:", "  contact: mailto:press@example.org", "  imprint: https://example.org/legal", ""].join("\n");
    const result = resolve({ ...noReleases, site: english });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(modelOf(result).site.theme.footer, [
      { kind: "imprint", url: "https://example.org/legal" },
      { kind: "contact", url: "mailto:press@example.org" },
    ]);
  });

  it("a colour without quotes, which YAML reads as a comment, is shown as written with a hint to quote it", () => {
    const result = resolve({ ...noReleases, site: site("color: #4a90e2") });
    assert.deepEqual(result.problems.map((p) => [p.code, p.line, p.message]), [["invalid-value", 8, '"#4a90e2" is not a valid value for "color".']]);
    assert.equal(result.problems[0]!.hint, 'Use a colour in quotes: color: "#4a90e2".');
    assert.deepEqual(result.problems[0]!.fixes, [{ line: 8, text: 'color: "#4a90e2"' }]);
  });

  it("a German or British name of a field is answered with the field meant", () => {
    const result = resolve({ ...noReleases, site: site("colour: navy") });
    assert.deepEqual(result.problems.map((p) => [p.code, p.params?.suggestions]), [["unknown-field", ["color"]]]);
    const german = resolve({ ...noReleases, site: SITE.replace("  imprint:", "  Impressum:") });
    assert.deepEqual(german.problems.map((p) => [p.code, p.params?.suggestions]), [["unknown-field", ["imprint"]]]);
  });

  it("the logo must be a file inside the content folder", () => {
    const result = resolve({ ...noReleases, site: site("logo: ../geheim/logo.svg") });
    assert.deepEqual(result.problems.map((p) => [p.code, p.line]), [["logo-missing", 8]]);
    const found = resolve({ ...noReleases, site: site("logo: bilder/wappen.svg"), files: ["bilder/wappen.svg"] });
    assert.deepEqual(found.problems, []);
    assert.deepEqual(modelOf(found).site.theme.logo, { file: "bilder/wappen.svg", line: 8 });
  });
});

describe("resolveContent: limits, hidden characters and hidden schemes", () => {
  const site = (...lines: string[]): string => [...SITE.trimEnd().split("\n"), ...lines, ""].join("\n");
  const FILE = "releases/2026-11-27-radwege.md";

  it("limits are sizes; anything else is reported on its line with the form expected", () => {
    const ok = resolve({ releases: { [FILE]: basic() }, site: site("limits:", "  release_file: 5 MB", "  body: 1,5 mb") });
    assert.deepEqual(modelOf(ok).site.limits, { releaseFile: 5 * 1024 * 1024, body: 1.5 * 1024 * 1024 });
    const bad = resolve({ releases: {}, site: site("limits:", "  body: viel") });
    assert.deepEqual(bad.problems.map((p) => [p.code, p.line, p.field, p.params?.expected]), [["invalid-value", 9, "limits.body", "a size like 2 MB or 500 KB"]]);
  });

  it("the default limits take a long release (300 KB of text) and refuse a pasted archive of 3 MB, naming both sizes", () => {
    const long = "Ein Absatz über die Radwege am Ring, lang genug für einen Bericht. ".repeat(4500);
    assert.ok(long.length > 300_000);
    assert.deepEqual(resolve({ releases: { [FILE]: basic({}).replace("Text.", long) } }).problems, []);
    const archive = resolve({ releases: { [FILE]: basic().replace("Text.", long.repeat(10)) } });
    assert.deepEqual(archive.problems.map((p) => [p.code, p.file, p.params]), [["release-too-large", FILE, { size: "3032 KB", limit: "2 MB" }]]);
  });

  it("a body of 30 MB, as the issue found building in 6.7 s, is refused before it is read", () => {
    const huge = basic().replace("Text.", "Ein Satz zum Ring. ".repeat(Math.ceil((30 * 1024 * 1024) / 19)));
    assert.ok(huge.length > 30_000_000);
    const result = resolve({ releases: { [FILE]: huge } });
    assert.deepEqual(result.problems.map((p) => [p.code, p.file, p.params]), [["release-too-large", FILE, { size: "30 MB", limit: "2 MB" }]]);
  });

  it("a zero-width character in a title, a contact or a release's file name is an error at its line and column; a joiner in an emoji is not", () => {
    const title = resolve({ releases: { [FILE]: basic({ title: "Radwege am\u200B Ring" }) } });
    assert.deepEqual(title.problems.map((p) => [p.code, p.file, p.line, p.column, p.params]), [["zero-width", FILE, 2, 18, { character: "U+200B ZERO WIDTH SPACE" }]]);
    const contacts = resolve({ releases: { [FILE]: basic() }, contacts: CONTACTS.replace("Birgit Jaskowiak", "Birgit\u2060 Jaskowiak") });
    assert.deepEqual(contacts.problems.map((p) => [p.code, p.file, p.line, p.column]), [["zero-width", "contacts.yaml", 2, 15]]);
    const named = "releases/2026-11-27-rad\uFEFFwege.md";
    assert.deepEqual(resolve({ releases: { [named]: basic() } }).problems.map((p) => [p.code, p.file, p.line]), [["zero-width", named, undefined]]);
    assert.deepEqual(resolve({ releases: { [FILE]: basic({ title: "Girls' Day 👩\u200D💻" }) } }).problems, []);
  });

  it("a link the page drops is named at the file's column, its hidden characters written out", () => {
    const result = resolve({ releases: { [FILE]: basic().replace("Text.", "Am Rat\u200Bhaus: [Plan](java\u200Bscript:alert(1))") } });
    const removed = result.warnings.filter((w) => w.code === "link-removed");
    assert.deepEqual(removed.map((w) => [w.line, w.column, w.params?.address]), [[7, 21, "java‹U+200B›script:alert(1)"]]);
  });

  it("a group inside a list where a choice belongs is shown as written (this crashed check; found by the fuzzer)", () => {
    const result = resolve({ releases: { [FILE]: basic({ draft: "[{a: b}]" }) } });
    assert.deepEqual(result.problems.map((p) => [p.code, p.line, p.message]), [["invalid-value", 5, '"[{a: b}]" is not a valid value for "draft".']]);
  });

  it("an address in site.yaml is judged as a browser reads it: a scheme behind entities, white space or invisible characters is refused", () => {
    for (const value of ["'\u2000javascript:alert(1)'", "'java\tscript:alert(1)'", "'&#x6A;avascript:alert(1)'", "'//evil.example/'", "'data:text/html,x'"]) {
      const result = resolve({ releases: {}, site: site("social:", `  Fediverse: ${value}`) });
      assert.deepEqual(result.problems.map((p) => [p.code, p.field]), [["invalid-value", "social.Fediverse"]], value);
    }
  });
});
