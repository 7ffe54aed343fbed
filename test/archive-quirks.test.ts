/**
 * What archives migrated from an old CMS hold, in any content folder
 * (test/fixtures/archive-quirks): photos whose name lies about their format,
 * in-page links to ids and old <a name> targets, paragraphs inside spans on
 * one line, and photos placed by an address of the old site.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { warning } from "../src/errors/problem.ts";
import { fixture, html, pressroom, scratchDirs } from "./helpers.ts";

const QUIRKS = fixture("archive-quirks");
const R = "releases/2026/";
const NOW = "2026-11-28T12:00";
const fresh = scratchDirs();

describe("archive-quirks", () => {
  let out: string;
  before(async () => {
    out = path.join(fresh(), "out");
    await build({ contentDir: QUIRKS, outDir: out, now: NOW, cacheDir: fresh() });
  });

  test("a photo whose name lies about its format is a warning naming the published name, not an error", async () => {
    const { problems, warnings } = await checkContent(QUIRKS);
    assert.deepEqual(problems, []);
    const renamed = warnings.filter((w) => w.code === "media-format-renamed").map((w) => [w.file, w.line, w.field, w.message]);
    const expected = (file: string, line: number, field: string, params: Parameters<typeof warning<"media-format-renamed">>[2]) => [
      file,
      line,
      field,
      warning("media-format-renamed", { file }, params).message,
    ];
    assert.deepEqual(renamed.sort(), [
      expected(`${R}2026-11-26-altes-archiv/index.md`, 17, "body", { file: "regie.png", actual: "JPEG", extension: "png", suggested: "jpg", promised: "PNG", published: "regie.jpg" }),
      expected(`${R}2026-11-27-falsche-endung/index.md`, 6, "media.0.file", { file: "foto.jpg", actual: "PNG", extension: "jpg", suggested: "png", promised: "JPEG", published: "foto.png" }),
      expected(`${R}2026-11-27-falsche-endung/index.md`, 8, "media.1.file", { file: "bild.webp", actual: "JPEG", extension: "webp", suggested: "jpg", promised: "WebP", published: "bild.jpg" }),
    ].sort());
  });

  test("the originals are published under names that match their content, with web versions and download links", async () => {
    for (const [file, format] of [["2026/11/27/falsche-endung/foto.png", "png"], ["2026/11/27/falsche-endung/bild.jpg", "jpeg"], ["2026/11/26/altes-archiv/regie.jpg", "jpeg"]] as const) {
      assert.equal((await sharp(path.join(out, file)).metadata()).format, format, file);
    }
    const $ = html(out, "2026/11/27/falsche-endung/index.html");
    const downloads = $("figure.photo a.download").toArray().map((a) => $(a).attr("href"));
    assert.deepEqual(downloads.map((href) => href?.split("/").pop()), ["foto.png", "bild.jpg"]);
    assert.equal($("figure.photo picture").length, 2);
    const body = html(out, "2026/11/26/altes-archiv/index.html");
    assert.equal(body(".release-body figure.photo picture source").length > 0, true);
    assert.match(body(".release-body figure.photo a.download").attr("href") ?? "", /\/regie\.jpg$/);
  });

  test("in-page targets keep their names under user-content-, and links to them follow", () => {
    const $ = html(out, "2026/11/26/altes-archiv/index.html");
    const body = $(".release-body");
    assert.equal(body.find("h2#user-content-programm").text(), "Programm");
    assert.equal(body.find("a#user-content-oben").length, 1);
    assert.equal(body.find("[name]").length, 0, "no obsolete name attribute");
    assert.deepEqual(
      body.find("a[href^='#']").toArray().map((a) => $(a).attr("href")),
      ["#user-content-programm", "#user-content-oben", "#nirgends"],
    );
    // Every link's target is on the page, except the one that never had one.
    for (const a of body.find("a[href^='#user-content-']").toArray()) assert.equal($($(a).attr("href")!).length, 1);
  });

  test("paragraphs inside a span on one line are not nested in a paragraph", () => {
    const source = readFileSync(path.join(out, "2026/11/26/altes-archiv/index.html"), "utf8");
    const $ = html(out, "2026/11/26/altes-archiv/index.html");
    assert.equal($(".release-body p p").length, 0);
    assert.doesNotMatch(source, /<p>(?:(?!<\/p>).)*<p>/s);
    assert.deepEqual(
      $(".release-body p").toArray().map((p) => $(p).text().trim()).slice(0, 4),
      ["Das Sommerfest beginnt um 14 Uhr.", "Der Eintritt ist frei.", "Text davor", "Eins"],
    );
  });
});

describe("a photo placed by an address of the old site", () => {
  let content: string;
  const RELEASE = `${R}2026-11-25-regie/index.md`;
  before(() => {
    content = path.join(fresh(), "content");
    cpSync(QUIRKS, content, { recursive: true });
    mkdirSync(path.join(content, path.dirname(RELEASE)));
    cpSync(path.join(QUIRKS, R, "2026-11-27-falsche-endung/foto.jpg"), path.join(content, path.dirname(RELEASE), "OBS-Regie.jpg"));
    writeFileSync(
      path.join(content, RELEASE),
      "---\ntitle: Neue Regie\ndate: 2026-11-25\ndepartment: umweltamt\n---\n\n![OBS-Regie](/news/images/2021_06_09_OBS-Regie_01.jpg)\n\n![Die Regie](/news/images/OBS-Regie.jpg)\n",
    );
  });

  test("is an error with the file, line and a hint, in check and in build", async () => {
    const { problems } = await checkContent(content);
    assert.deepEqual(
      problems.map((p) => [p.code, p.file, p.line, p.field, p.hint]),
      [
        ["image-site-absolute", RELEASE, 7, "body", "Save the image into the release's folder and write its name instead of the address, e.g. ![Description of the photo](2021_06_09_OBS-Regie_01.jpg)."],
        ["image-site-absolute", RELEASE, 9, "body", '"OBS-Regie.jpg" is in the release\'s folder: write its name instead of the address, e.g. ![Description of the photo](OBS-Regie.jpg).'],
      ],
    );
    const result = pressroom(["build", "--content", content, "--out", path.join(fresh(), "site"), "--cache", fresh(), "--now", NOW]);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /\[image-site-absolute\]/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
