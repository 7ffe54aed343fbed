/** The pure parts of the media stage: finding body images, planning web versions, naming, the kit's text. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { localImagePath } from "../../src/content/media.ts";
import { DEFAULT_LIMITS, type Release, type Site } from "../../src/content/model.ts";
import { stringsFor } from "../../src/i18n/index.ts";
import { findBodyImages, tagAttributes } from "../../src/markdown/images.ts";
import { planPhoto, defaults, widthsFor } from "../../src/media/recipe.ts";
import { kitText, planKit } from "../../src/outputs/media-kit.ts";

describe("findBodyImages", () => {
  it("finds Markdown and HTML images with their 0-based body line, alt text and title", () => {
    const body = ["Text", "", "![Alt](foto.jpg \"Titel\")", "", "Zeile eins", "Zeile zwei ![](b.png)", "", '<img src="c&amp;d.jpg" alt=\'C\'>', ""].join("\n");
    assert.deepEqual(findBodyImages(body), [
      { src: "foto.jpg", alt: "Alt", title: "Titel", line: 2 },
      { src: "b.png", alt: "", line: 5 },
      { src: "c&d.jpg", alt: "C", line: 7, html: true },
    ]);
  });

  it("tells an empty alt text from none at all", () => {
    assert.deepEqual(findBodyImages('<img src="a.jpg">\n\n<img src="b.jpg" alt="">'), [
      { src: "a.jpg", alt: undefined, line: 0, html: true },
      { src: "b.jpg", alt: "", line: 2, html: true },
    ]);
  });

  it("skips parsing bodies without images", () => {
    assert.deepEqual(findBodyImages("Nur Text mit einem [Link](x.html)."), []);
  });

  it("reads attributes quoted either way, unquoted, and entities", () => {
    const attributes = tagAttributes('<img SRC=a.jpg alt="x &quot;y&quot;" title=\'t\'>');
    assert.deepEqual([...attributes], [["src", "a.jpg"], ["alt", 'x "y"'], ["title", "t"]]);
  });
});

describe("localImagePath", () => {
  it("decodes a relative address into a file path", () => {
    assert.equal(localImagePath("Br%C3%BCcke%20Aa.JPG"), "Brücke Aa.JPG");
    assert.equal(localImagePath("fotos/a.jpg?v=2#x"), "fotos/a.jpg");
  });
  it("leaves addresses on the web and absolute paths alone", () => {
    for (const src of ["https://x.example/a.jpg", "//x.example/a.jpg", "/bilder/a.jpg", "data:image/png;base64,AAAA", "#top", ""]) {
      assert.equal(localImagePath(src), undefined, src);
    }
  });
});

describe("widthsFor", () => {
  it("never makes a version wider than the original", () => {
    assert.deepEqual(widthsFor(3000, [480, 960, 1600]), [480, 960, 1600]);
    assert.deepEqual(widthsFor(1200, [480, 960, 1600]), [480, 960, 1200]);
    assert.deepEqual(widthsFor(1000, [480, 960, 1600]), [480, 1000], "960 is too close to 1000 to be worth a file");
    assert.deepEqual(widthsFor(300, [480, 960, 1600]), [300]);
  });
});

describe("planPhoto", () => {
  const facts = { hash: "ab".repeat(32), width: 2400, height: 1600, hasAlpha: false, animated: false };
  it("names each version by the photo, its width and a hash of what made it", () => {
    const plan = planPhoto("/c/a.jpg", "baustelle", facts, { copyright: "Stadt" }, defaults);
    assert.deepEqual(plan.formats, ["webp", "jpeg"]);
    assert.equal(plan.versions.length, 6);
    assert.match(plan.versions[0]!.path, new RegExp(`^img/${plan.key.slice(0, 2)}/baustelle-480\\.${plan.key.slice(0, 12)}\\.webp$`));
    assert.deepEqual([plan.width, plan.height], [1600, 1067]);
  });
  it("changes its key with anything that changes the bytes, and only then", () => {
    const base = planPhoto("/c/a.jpg", "a", facts, {}, defaults).key;
    assert.equal(planPhoto("/elsewhere/b.jpg", "b", facts, {}, defaults).key, base, "the same photo under another name");
    assert.notEqual(planPhoto("/c/a.jpg", "a", { ...facts, hash: "cd".repeat(32) }, {}, defaults).key, base);
    assert.notEqual(planPhoto("/c/a.jpg", "a", facts, { copyright: "X" }, defaults).key, base);
    assert.notEqual(planPhoto("/c/a.jpg", "a", facts, {}, { ...defaults, webp: { quality: 70, effort: 2 } }).key, base);
  });
  it("uses PNG as the fallback for transparency, and nothing for an animation", () => {
    assert.deepEqual(planPhoto("/c/a.png", "a", { ...facts, hasAlpha: true }, {}, defaults).formats, ["webp", "png"]);
    assert.deepEqual(planPhoto("/c/a.gif", "a", { ...facts, animated: true }, {}, defaults).versions, []);
  });
});

describe("the media kit", () => {
  const site: Site = { title: "Stadt", url: "https://presse.example", basePath: "", language: "de", timeZone: "Europe/Berlin", theme: { footer: [], social: [] }, limits: DEFAULT_LIMITS, languages: [] };
  const release: Release = {
    file: "releases/x/index.md",
    url: "/2026/01/01/neujahr/",
    title: "Neujahr",
    subtitle: "Ein Gruß",
    // 00:30 in Berlin on 1 January is still 31 December in UTC.
    date: Date.UTC(2025, 11, 31, 23, 30),
    hasTime: true,
    year: 2026,
    departments: [{ id: "presseamt", name: "Presseamt", contactIds: [] }],
    contacts: [{ name: "Anna", phone: "0251 1", email: "a@presse.example" }],
    media: [
      { kind: "image", source: "/c/a.jpg", file: "A.jpg", name: "a.jpg", field: "media.0.file", alt: "Ein Feuerwerk", caption: "Über dem Rathaus", credit: "Stadt", listed: true, bodySources: [], bytes: 2_500_000, facts: { hash: "x", width: 1800, height: 1200, format: "jpeg", hasAlpha: false, animated: false } },
      { kind: "file", source: "/c/p.pdf", file: "p.pdf", name: "p.pdf", field: "media.1.file", title: "Programm", bytes: 2048 },
    ],
    tags: [],
    draft: false,
    aliases: [],
    body: "",
  };
  it("is planned for more than one file, with the release's local day as the time of every entry", () => {
    const kit = planKit(release, site, stringsFor("de"))!;
    assert.equal(kit.path, "2026/01/01/neujahr/neujahr-pressematerial.zip");
    assert.deepEqual(kit.time, { year: 2026, month: 1, day: 1 });
    assert.deepEqual(kit.entries.map((e) => e.name), ["neujahr-pressematerial/a.jpg", "neujahr-pressematerial/p.pdf", "neujahr-pressematerial/LIESMICH.txt"]);
    assert.equal(planKit({ ...release, media: release.media.slice(0, 1) }, site, stringsFor("de")), undefined);
  });
  it("has a text for Windows' editor: byte order mark, CRLF, each file with caption, credit and description", () => {
    const text = kitText(release, site, stringsFor("de"));
    assert.ok(text.startsWith("\uFEFFNeujahr\r\nEin Gruß\r\n"));
    assert.ok(!/[^\r]\n/.test(text), "every line ends in CRLF");
    const lines = text.slice(1).split("\r\n");
    assert.ok(lines.includes("Pressemitteilung vom 01.01.2026, 00:30 Uhr"));
    assert.ok(lines.includes("Quelle: https://presse.example/2026/01/01/neujahr/"));
    assert.ok(lines.includes("Pressekontakt: Anna"));
    assert.ok(lines.includes("1. a.jpg (JPG, 1800 × 1200 px, 2,4 MB)"));
    assert.ok(lines.includes("   Bildunterschrift: Über dem Rathaus"));
    assert.ok(lines.includes("   Foto: Stadt"));
    assert.ok(lines.includes("   Bildbeschreibung: Ein Feuerwerk"));
    assert.ok(lines.includes("2. p.pdf: Programm (PDF, 2 KB)"));
  });
});

describe("findBodyImages and the sanitizer agree", () => {
  it("an image in an HTML comment, a script or a template is not on the page, so it is not found", () => {
    const body = [
      "<!-- Noch nicht freigegeben: <img src=\"geheim.jpg\" alt=\"x\"> -->",
      "",
      "<script><img src=\"skript.jpg\"></script>",
      "",
      "<template><img src=\"vorlage.jpg\"></template>",
      "",
      "![Sichtbar](ja.jpg)",
    ].join("\n");
    assert.deepEqual(findBodyImages(body).map((i) => i.src), ["ja.jpg"]);
  });

  it("an image the parser cannot read but the page shows is still found", () => {
    const found = findBodyImages('Text <img src="a.jpg?x=1&y=<b>" alt="A"> mehr');
    assert.deepEqual(found.map((i) => i.src), ["a.jpg?x=1&y=<b>"]);
  });
});

describe("planPhoto for unusual shapes", () => {
  it("keeps every version of a very tall image within WebP's 16383 pixels", () => {
    const plan = planPhoto("/c/tall.jpg", "tall", { hash: "ef".repeat(32), width: 400, height: 20000, hasAlpha: false, animated: false }, {}, defaults);
    assert.ok(plan.height <= 16383, String(plan.height));
    assert.ok(plan.decodeWidth <= 327);
  });
});
