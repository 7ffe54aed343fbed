/** Addresses of releases and media files (src/content/slug.ts). */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mediaFileName, releaseSlug, releaseUrl, slugify } from "../../src/content/slug.ts";

const URL_SAFE = /^[a-z0-9-]+$/;

describe("releaseSlug", () => {
  const cases: [string, string][] = [
    ["2026/2026-11-27-radwege-am-ring.md", "radwege-am-ring"],
    ["2025/2025-05-08 Tag der_Offenen Tür.md", "tag-der-offenen-tuer"],
    ["Radwege am Ring.md", "radwege-am-ring"],
    ["RADWEGE Am Ring.md", "radwege-am-ring"],
    ["Neues_Hallenbad_eröffnet.md", "neues-hallenbad-eroeffnet"],
    ["Straße Öffnung Übung Ärger.md", "strasse-oeffnung-uebung-aerger"],
    ["äöüß ÄÖÜ.md", "aeoeuess-aeoeue"],
    ["Größere Füße.md", "groessere-fuesse"],
    ["2026-11-27_radwege.md", "radwege"],
    ["2026-11-27 radwege.md", "radwege"],
    ["2026-11-27--radwege.md", "radwege"],
    ["2026/2026-11-20-hallenbad/index.md", "hallenbad"],
    ["2026/2026-11-20 Neues Hallenbad/index.md", "neues-hallenbad"],
    ["2026/Hallenbad/INDEX.md", "hallenbad"],
    ["archiv/1999-03-04-altes-cms.markdown", "altes-cms"],
    ["2026/Radwege.MD", "radwege"],
    ["  Leerzeichen  außen  .md", "leerzeichen-aussen"],
    ["v1.2 Bericht.md", "v1-2-bericht"],
    ["Café Crème.md", "cafe-creme"],
  ];
  for (const [file, slug] of cases) {
    it(`${file} → ${slug}`, () => assert.equal(releaseSlug(file), slug));
  }

  it("the leading date is only stripped at the start", () => {
    assert.equal(releaseSlug("radwege-2026-11-27.md"), "radwege-2026-11-27");
  });

  it("a name that is only a date keeps the date as its slug", () => {
    const slug = releaseSlug("2026/2026-11-27.md");
    assert.equal(slug, "2026-11-27");
    assert.match(slug, URL_SAFE);
  });

  it("an index.md in a folder that is only a date keeps the date", () => {
    assert.equal(releaseSlug("2026/2026-11-27/index.md"), "2026-11-27");
  });

  it("a name with nothing sluggable still gets a non-empty slug", () => {
    for (const file of ["---.md", "日本語.md", "!!!.md", "🚀.md"]) {
      const slug = releaseSlug(file);
      assert.ok(slug.length > 0, file);
      assert.match(slug, URL_SAFE, file);
    }
  });

  it("ignores the title: only the path counts", () => {
    assert.equal(releaseSlug("2026/2026-11-27-radwege.md"), releaseSlug("2026/2026-11-27-radwege.md"));
    assert.equal(releaseSlug("a/2026-11-27-radwege.md"), releaseSlug("b/c/2026-11-27-radwege.md"));
  });

  it("every slug is lowercase ASCII of letters, digits and hyphens", () => {
    const names = [
      "Tag der Offenen Tür.md", "ÄRGER über Straßen.md", "A__B__C.md", "x y\tz.md", "Élysée.md",
      "100% Öko.md", "Mitteilung (neu).md", "Ünterwegs+Co.md", "a.b.c.md", "Ça va? Oui!.md",
      "日本 Tokyo.md", "ΑΒΓ.md", "2026-01-01.md", "-leading-.md", "ſ long s.md", "Ｆｕｌｌｗｉｄｔｈ.md",
    ];
    for (const name of names) {
      const slug = releaseSlug(name);
      assert.match(slug, URL_SAFE, `${name} → ${slug}`);
      assert.ok(!slug.startsWith("-") && !slug.endsWith("-") && !slug.includes("--"), `${name} → ${slug}`);
    }
  });
});

describe("slugify", () => {
  it("transliterates German umlauts and ß", () => {
    assert.equal(slugify("Bürgerbüro Öffnungszeiten Straßenfest ÄÖÜ"), "buergerbuero-oeffnungszeiten-strassenfest-aeoeue");
  });

  it("lowercases without splitting camel case", () => {
    assert.equal(slugify("CamelCaseName"), "camelcasename");
  });
});

describe("releaseUrl", () => {
  it("is /YYYY/MM/DD/slug/ with zero-padded month and day", () => {
    assert.equal(releaseUrl({ year: 2026, month: 1, day: 1 }, "neujahr"), "/2026/01/01/neujahr/");
    assert.equal(releaseUrl({ year: 2026, month: 11, day: 27 }, "radwege-am-ring"), "/2026/11/27/radwege-am-ring/");
    assert.equal(releaseUrl({ year: 1999, month: 3, day: 4 }, "altes-cms"), "/1999/03/04/altes-cms/");
  });

  it("is lowercase ASCII", () => {
    const url = releaseUrl({ year: 2025, month: 5, day: 8 }, releaseSlug("2025-05-08 Tag der_Offenen Tür.md"));
    assert.equal(url, "/2025/05/08/tag-der-offenen-tuer/");
    assert.match(url, /^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
  });
});

describe("mediaFileName", () => {
  const cases: [string, string][] = [
    ["baustelle.jpg", "baustelle.jpg"],
    ["Lageplan Bad.pdf", "lageplan-bad.pdf"],
    ["Baustelle Größe.JPG", "baustelle-groesse.jpg"],
    ["Foto_Übergabe 2026.JPEG", "foto-uebergabe-2026.jpeg"],
    ["a.b.c.JpEg", "a-b-c.jpeg"],
    ["README", "readme"],
    [".hidden", "hidden"],
    ["日本.png", "datei.png"],
    ["Straßenplan.tar.gz", "strassenplan-tar.gz"],
  ];
  for (const [file, name] of cases) {
    it(`${file} → ${name}`, () => assert.equal(mediaFileName(file), name));
  }

  it("every name is lowercase ASCII with at most one extension", () => {
    for (const file of ["Ärger.JPG", "x y.PnG", "Ça.webp", "___.pdf", "Plan (final) v2.PDF", "über.tIf", "ẞ.avif"]) {
      const name = mediaFileName(file);
      assert.match(name, /^[a-z0-9-]+(\.[a-z0-9]+)?$/, `${file} → ${name}`);
    }
  });
});
