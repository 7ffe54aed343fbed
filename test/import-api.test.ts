/**
 * `pressroom import` from a WordPress site's REST API (/wp-json/wp/v2/posts,
 * two pages, served by test/import-helpers.ts): found from the API's address
 * or from the site's page, the posts with their categories, tags and
 * featured image, and the same keys as the site's export, so that importing
 * the export afterwards finds the posts imported already.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { checkContent } from "../src/check.ts";
import { fixture, scratchDirs } from "./helpers.ts";
import { cli, giveContact, importSite, releaseAt, startOldSite, type OldSite } from "./import-helpers.ts";

const fresh = scratchDirs();
let old: OldSite;
before(async () => {
  old = await startOldSite(fixture("import-archive"));
});
after(() => old.close());

interface Report {
  readonly kind: string;
  readonly counts: Record<string, number>;
  readonly items: readonly { old: string; status: string; warnings: readonly { code: string }[] }[];
}

async function imported(args: string[]): Promise<Report> {
  const run = await cli(["import", ...args, "--json"]);
  assert.equal(run.status, 0, run.stderr + run.stdout);
  return JSON.parse(run.stdout) as Report;
}

test("the REST API: every page of posts, with categories, tags and featured image; the export of the same site afterwards finds them imported", async () => {
  const content = importSite(fresh);
  const asked = old.requests.length;
  const report = await imported([`${old.origin}/wp-json/`, "--content", content]);
  assert.equal(report.kind, "wordpress");
  assert.deepEqual(report.counts, { imported: 3, updated: 0, unchanged: 0, skipped: 0 });
  assert.deepEqual(
    old.requests.slice(asked).filter((p) => p.startsWith("/wp-json/")),
    ["/wp-json/wp/v2/posts", "/wp-json/wp/v2/posts", "/wp-json/wp/v2/posts"],
    "three pages asked for: two with posts, the empty third ends the list",
  );
  const ampel = releaseAt(content, "releases/2012/2012-01-07-neue-ampel-am-ring/index.md");
  assert.deepEqual(ampel.data, { title: "Straßen & Brücken: „Neue Ampel“ am Ring", date: "2012-01-07 10:30", department: "tiefbauamt", tags: ["Radverkehr"] });
  assert.ok(ampel.body.includes("![Die neue Ampel an der Kreuzung](ampel.jpg)"), ampel.body);
  const park = releaseAt(content, "releases/2012/2012-01-09-stadtpark/index.md");
  assert.equal(park.data.department, "gruenflaechenamt");
  assert.deepEqual(park.data.media, [{ file: "titelbild.jpg", alt: "Der Stadtpark von oben", caption: "Der Stadtpark im Sommer." }]);
  assert.deepEqual(
    report.items.find((i) => i.old.endsWith("?p=102"))!.warnings.map((w) => w.code).sort(),
    ["import-alias-unusable", "import-no-contact"],
  );
  assert.ok(releaseAt(content, "releases/2012/2012-01-10-sommerfest/index.md").body.includes("![Die Regie beim Aufbau](regie.jpg)"));

  const again = await imported([`${old.origin}/wordpress.xml`, "--content", content, "--department", "presseamt"]);
  for (const id of ["neue-ampel-am-ring/", "/2012/01/09/202-2/", "/2012/01/10/sommerfest/"]) {
    assert.equal(again.items.find((i) => i.old.endsWith(id))?.status, "unchanged", id);
  }
  giveContact(content);
  assert.deepEqual((await checkContent(content)).problems, []);
});

test("the site's own page names its API: the import finds it there", async () => {
  const report = await imported([`${old.origin}/index.html`, "--content", importSite(fresh)]);
  assert.equal(report.kind, "wordpress");
  assert.equal(report.counts.imported, 3);
});

test("an address of the API that answers no list of posts", async () => {
  const run = await cli(["import", `${old.origin}/alt/wp-json/`, "--content", importSite(fresh), "--lang", "en"]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /\[import-source-unreadable\][\s\S]*cannot be read: the server answered 404 Not Found\./);
});
