/**
 * `pressroom import` of saved HTML pages in the shape of an old city's
 * press page of 2002 (department, date, title, subtitle, a photo with its
 * caption, a download, a contact with phone number), read by the CSS
 * selectors of a mapping file: as a list of addresses on the old site
 * (test/import-helpers.ts), and as a folder of saved pages.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { fixture, html, scratchDirs } from "./helpers.ts";
import { cli, importSite, releaseAt, startOldSite, type OldSite } from "./import-helpers.ts";

const ARCHIVE = fixture("import-archive");
const MAPPING = path.join(ARCHIVE, "presse", "mapping.yaml");
const fresh = scratchDirs();


const freshContent = (): string => importSite(fresh);

const release = releaseAt;

const AMPEL = "releases/2002/2002-10-09-ampel-an-der-weseler-strasse-wird-umgebaut/index.md";
const BRUNNEN = "releases/2002/2002-10-09-brunnen-am-domplatz-sprudelt-wieder/index.md";

let old: OldSite;
before(async () => {
  old = await startOldSite(ARCHIVE);
});
after(() => old.close());

describe("a list of the old site's pages and a mapping file", () => {
  let content: string;
  let report: { counts: Record<string, number>; items: { old: string; warnings: { code: string }[] }[] };
  before(async () => {
    content = freshContent();
    const list = path.join(fresh(), "seiten.txt");
    writeFileSync(list, `# Die alten Seiten, eine je Zeile\n${old.origin}/presse/2002/pm-4720.html\n${old.origin}/presse/2002/pm-4721.html\n`);
    const run = await cli(["import", list, "--content", content, "--map", MAPPING, "--json"]);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    report = JSON.parse(run.stdout);
  });

  test("every field of the page where the mapping file says, the German dates read in the site's time zone", () => {
    assert.deepEqual(report.counts, { imported: 2, updated: 0, unchanged: 0, skipped: 0 });
    const ampel = release(content, AMPEL);
    assert.deepEqual(ampel.data, {
      title: "Ampel an der Weseler Straße wird umgebaut",
      subtitle: "Bauarbeiten ab Montag / Umleitung über die Hammer Straße",
      date: "2002-10-09",
      department: "tiefbauamt",
      contact: "jaskowiak",
      media: [
        { file: "radweg.jpg", alt: "Die Kreuzung Weseler Straße vor dem Umbau", caption: "Die Kreuzung Weseler Straße vor dem Umbau. Foto: Stadt" },
        { file: "lageplan.pdf", title: "Lageplan der Umleitung (PDF, 1 KB)" },
      ],
      aliases: ["/presse/2002/pm-4720.html"],
    });
    assert.ok(ampel.body.includes("**Umleitung:** Der Verkehr stadteinwärts"), ampel.body);
    assert.ok(!ampel.body.includes("Startseite"), "the page's navigation is not the body");
    const brunnen = release(content, BRUNNEN);
    assert.equal(brunnen.data.date, "2002-10-09 14:30", "9. Oktober 2002, 14.30 Uhr");
    assert.equal(brunnen.data.department, "gruenflaechenamt", "mapped by the rule for the page's department line");
    assert.equal(brunnen.data.contact, "jaskowiak", "the contact line's e-mail address is the one of contacts.yaml");
    assert.deepEqual(report.items.find((i) => i.old.endsWith("pm-4721.html"))!.warnings.map((w) => w.code), ["import-alt-missing"]);
  });

  test("check passes, and the build shows both pages with photo, caption, download and contact, and redirects the old addresses", async () => {
    assert.deepEqual((await checkContent(content)).problems, []);
    const out = path.join(fresh(), "out");
    await build({ contentDir: content, outDir: out, now: "2026-11-28T12:00", cacheDir: fresh() });
    const $ = html(out, "2002/10/09/ampel-an-der-weseler-strasse-wird-umgebaut/index.html");
    assert.equal($("h1").text().trim(), "Ampel an der Weseler Straße wird umgebaut");
    assert.match($("time").first().text(), /09\.10\.2002/);
    assert.equal($("figure.photo .caption").first().text(), "Die Kreuzung Weseler Straße vor dem Umbau. Foto: Stadt");
    assert.ok($("figure.photo picture source").length > 0);
    assert.ok($("a[href$='lageplan.pdf']").length > 0);
    assert.ok($("a[href^='tel:']").length > 0);
    for (const [alias, url] of [["presse/2002/pm-4720.html", "/2002/10/09/ampel-an-der-weseler-strasse-wird-umgebaut/"], ["presse/2002/pm-4721.html", "/2002/10/09/brunnen-am-domplatz-sprudelt-wieder/"]]) {
      assert.equal(html(out, alias!)('meta[http-equiv="refresh"]').attr("content"), `0; url=${url}`);
    }
    const brunnen = html(out, "2002/10/09/brunnen-am-domplatz-sprudelt-wieder/index.html");
    assert.equal(brunnen(".release-body a[href='#user-content-chronik']").length, 1);
    assert.equal(brunnen("#user-content-chronik").length, 1);
  });
});

test("a folder of saved pages: their own photos copied, the old site's files fetched from base_url's host", async () => {
  const folder = path.join(fresh(), "gespeichert");
  cpSync(path.join(ARCHIVE, "presse"), folder, { recursive: true });
  const mapping = path.join(fresh(), "mapping.yaml");
  writeFileSync(mapping, `${readFileSync(MAPPING, "utf8")}base_url: ${old.origin}/presse/\n`);
  const content = freshContent();
  const asked = old.requests.length;
  const run = await cli(["import", folder, "--content", content, "--map", mapping, "--json"]);
  assert.equal(run.status, 0, run.stderr + run.stdout);
  assert.deepEqual(JSON.parse(run.stdout).counts, { imported: 2, updated: 0, unchanged: 0, skipped: 0 });
  assert.deepEqual(old.requests.slice(asked), ["/wp-content/uploads/2012/01/lageplan.pdf", "/presse/bilder/brunnen.jpg"]);
  assert.ok(readFileSync(path.join(content, path.dirname(AMPEL), "radweg.jpg")).equals(readFileSync(path.join(ARCHIVE, "presse/bilder/radweg.jpg"))));
  assert.deepEqual(release(content, AMPEL).data.aliases, ["/presse/2002/pm-4720.html"]);
});

test("pages without a mapping file that says where title, date and text are: a message, nothing written", async () => {
  const run = await cli(["import", path.join(ARCHIVE, "presse"), "--content", freshContent(), "--lang", "en"]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /\[import-map-invalid\][\s\S]*saved HTML pages need a mapping file \(--map FILE\) whose selectors name at least title, date and body/);
});

test("a page whose date cannot be read is skipped, with the date it had", async () => {
  const mapping = path.join(fresh(), "mapping.yaml");
  writeFileSync(mapping, `${readFileSync(MAPPING, "utf8")}date_format: yyyy-MM-dd\npages:\n  - ${old.origin}/presse/2002/pm-4720.html\n`);
  const list = path.join(fresh(), "seiten.txt");
  writeFileSync(list, `${old.origin}/presse/2002/pm-4721.html\n`);
  const run = await cli(["import", list, "--content", freshContent(), "--map", mapping, "--json", "--lang", "en"]);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { counts: Record<string, number>; items: { warnings: { code: string; message: string }[] }[] };
  assert.deepEqual(report.counts, { imported: 0, updated: 0, unchanged: 0, skipped: 2 });
  assert.deepEqual(report.items.map((i) => i.warnings[0]!.message).sort(), [
    'The item\'s date "09.10.2002" cannot be read.',
    'The item\'s date "Mittwoch, 9. Oktober 2002, 14.30 Uhr" cannot be read.',
  ]);
});
