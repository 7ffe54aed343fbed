/**
 * `pressroom import` (issue 21) against an old site on 127.0.0.1
 * (test/import-helpers.ts serving test/fixtures/import-archive): a WordPress
 * export with the edge cases of WordPress's own theme test data, an RSS and
 * an Atom feed of two pages each, into a copy of test/fixtures/import-site.
 * Round trip: import → check without errors → build, every item with its
 * page, every old address redirecting, nothing of a draft public. Then: a
 * second run changes nothing, an edited release is never overwritten, a dry
 * run writes nothing, and each kind of bad input has its message.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { aliasOutputPath } from "../src/content/alias.ts";
import { defaults as fetchDefaults } from "../src/import/fetch.ts";
import { emptyMapping } from "../src/import/mapping.ts";
import { runImport } from "../src/import/run.ts";
import { fixture, html, listFiles, ROOT, scratchDirs } from "./helpers.ts";
import { cli, giveContact, importSite, releaseAt, startOldSite, type OldSite } from "./import-helpers.ts";

const ARCHIVE = fixture("import-archive");
const NOW = "2026-11-28T12:00";
const fresh = scratchDirs();



interface JsonItem {
  readonly status: string;
  readonly old: string;
  readonly title?: string;
  readonly file?: string;
  readonly url?: string;
  readonly draft?: boolean;
  readonly warnings: readonly { code: string; message: string; hint: string; file: string; field?: string }[];
}
interface JsonReport {
  readonly kind: string;
  readonly counts: Record<string, number>;
  readonly requests: number;
  readonly items: readonly JsonItem[];
}

async function imported(args: string[]): Promise<JsonReport> {
  const run = await cli(["import", ...args, "--json"]);
  assert.equal(run.status, 0, run.stderr + run.stdout);
  return JSON.parse(run.stdout) as JsonReport;
}

const freshContent = (): string => importSite(fresh);

/** Every file of a content folder with its bytes. */
const snapshot = (dir: string): Map<string, string> => new Map(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f)).toString("base64")]));

const release = releaseAt;


const byOld = (report: JsonReport, suffix: string): JsonItem => {
  const item = report.items.find((i) => i.old.endsWith(suffix));
  assert.ok(item, `no item ${suffix} in ${report.items.map((i) => i.old).join(", ")}`);
  return item;
};
const codes = (item: JsonItem): string[] => item.warnings.map((w) => w.code).sort();

let old: OldSite;
before(async () => {
  old = await startOldSite(ARCHIVE);
});
after(() => old.close());

describe("a WordPress export: import → check → build", () => {
  let content: string;
  let report: JsonReport;
  let requestsBefore: number;
  before(async () => {
    content = freshContent();
    requestsBefore = old.requests.length;
    // At the pace a real import keeps (the other tests ask without a pause).
    report = await imported([`${old.origin}/wordpress.xml`, "--content", content, "--department", "presseamt", "--delay", "250"]);
  });

  test("the report: eight posts imported, the page skipped with its reason, warnings per item with its old address", () => {
    assert.equal(report.kind, "wordpress");
    assert.deepEqual(report.counts, { imported: 8, updated: 0, unchanged: 0, skipped: 1 });
    const page = byOld(report, "/ueber-uns/");
    assert.equal(page.status, "skipped");
    assert.deepEqual(codes(page), ["import-skipped-kind"]);
    assert.equal(page.warnings[0]!.message, "Der Eintrag ist eine Seite, kein Beitrag.");
    assert.deepEqual(codes(byOld(report, "/neue-ampel-am-ring/")), ["import-comments"]);
    assert.match(byOld(report, "/neue-ampel-am-ring/").warnings[0]!.message, /hat einen Kommentar/, "the spam comment is not counted");
    assert.deepEqual(codes(byOld(report, "/202-2/")), ["import-no-contact", "import-no-title"]);
    assert.deepEqual(codes(byOld(report, "/sommerfest/")), ["import-alt-missing", "import-no-contact", "import-other-host", "import-shortcode"]);
    assert.deepEqual(codes(byOld(report, "/buergermeisterin-im-video.html")), []);
    for (const [suffix, status] of [["?p=105", "ein Entwurf"], ["?p=106", "geplant"], ["/interne-notiz/", "privat"], ["/angebote/", "mit Passwort geschützt"]]) {
      const item = byOld(report, suffix!);
      assert.equal(item.draft, true, suffix);
      assert.deepEqual(codes(item), ["import-draft"], suffix);
      assert.ok(item.warnings[0]!.message.includes(`alten Website ${status};`), item.warnings[0]!.message);
    }
  });

  test("the releases are in pressroom's format: title, local date, department, tags, media, aliases, drafts", () => {
    const ampel = release(content, "releases/2012/2012-01-07-neue-ampel-am-ring/index.md");
    assert.deepEqual(ampel.data, {
      title: "Straßen & Brücken: „Neue Ampel“ am Ring",
      date: "2012-01-07 10:30",
      department: "tiefbauamt",
      tags: ["Radverkehr", "Ampeln"],
      media: [{ file: "lageplan.pdf", title: "Lageplan der Kreuzung" }],
    });
    // The caption's thumbnail is fetched in its full size; the download is linked by its new name.
    assert.ok(ampel.body.includes('![Die neue Ampel an der Kreuzung](ampel.jpg "Die Ampel am Ring, kurz vor der Inbetriebnahme.")'), ampel.body);
    assert.ok(ampel.body.includes("[Lageplan der Kreuzung](lageplan.pdf)"));
    const folder = path.join(content, "releases/2012/2012-01-07-neue-ampel-am-ring");
    assert.ok(readFileSync(path.join(folder, "ampel.jpg")).equals(readFileSync(path.join(ARCHIVE, "wp-content/uploads/2012/01/ampel.jpg"))));
    assert.ok(!existsSync(path.join(folder, "ampel-300x200.jpg")));

    const untitled = release(content, "releases/2012/2012-01-09-202-2/index.md");
    assert.equal(untitled.data.title, "Ohne Titel");
    assert.equal(untitled.data.department, "gruenflaechenamt", "the category with umlauts is the department of that name");
    assert.deepEqual(untitled.data.media, [{ file: "titelbild.jpg", alt: "Der Stadtpark von oben", caption: "Der Stadtpark im Sommer." }]);

    const fest = release(content, "releases/2012/2012-01-10-sommerfest/index.md");
    assert.match(String(fest.data.title), /^Sommerfest im Stadtpark – ein sehr langer Titel/);
    assert.ok(!fest.body.includes("[gallery") && !fest.body.includes("[contact-form-7") && !fest.body.includes("<em>"));
    assert.ok(fest.body.includes('![Die Bühne im Stadtpark mit Publikum](sommerfest-1.jpg "Die Bühne am Abend.")'));
    assert.ok(fest.body.includes("![Die Regie beim Aufbau](regie.jpg)"), "the site-absolute photo is fetched from the old site");
    assert.ok(fest.body.includes("(bagger.png)"));
    assert.ok(fest.body.includes("\\[Hinweis\\] Der Festplatz ist barrierefrei."), "text in brackets is no shortcode");

    const video = release(content, "releases/2012/2012-01-11-video/index.md");
    assert.equal(video.data.department, "presseamt", "no rule maps Allgemein: the default");
    assert.deepEqual(video.data.aliases, ["/aktuelles/buergermeisterin-im-video.html"]);
    assert.deepEqual(video.data.media, [{ file: "ansage.mp3", title: "ansage.mp3" }]);
    assert.ok(video.body.includes("[https://www.youtube.com/watch?v=abc123](https://www.youtube.com/watch?v=abc123)"), "the embed is a link");
    assert.ok(!video.body.includes("alert"), "no script");

    for (const file of ["2012/2012-01-12-entwurf-geheime-bauplaene", "2030/2030-05-01-neues-hallenbad", "2012/2012-01-13-interne-notiz", "2012/2012-01-14-angebote"]) {
      const draft = release(content, `releases/${file}/index.md`);
      assert.equal(draft.data.draft, true, file);
      assert.equal(draft.data.aliases, undefined, `${file}: an address nobody could see needs no redirect`);
    }
    assert.equal(release(content, "releases/2030/2030-05-01-neues-hallenbad/index.md").data.date, "2030-05-01 09:00");
  });

  test("only the old site was asked, one request at a time a quarter second apart, each file once", () => {
    const asked = old.requests.slice(requestsBefore);
    assert.equal(asked.length, report.requests);
    const times = old.times.slice(requestsBefore);
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 240, `request ${i} came ${Math.round(times[i]! - times[i - 1]!)} ms after the one before`);
    assert.equal(asked[0], "/wordpress.xml");
    assert.equal(new Set(asked).size, asked.length, asked.join("\n"));
    assert.ok(!asked.includes("/wp-content/uploads/2012/01/ampel-300x200.jpg"));
  });

  test("check finds no error once the department has the contact the report asked for", async () => {
    const before = await checkContent(content);
    assert.deepEqual([...new Set(before.problems.map((p) => p.code))], ["no-contact"]);
    giveContact(content);
    const result = await checkContent(content);
    assert.deepEqual(result.problems, []);
    assert.deepEqual([...new Set(result.warnings.map((w) => w.code))].sort(), ["image-alt-missing-inline", "image-external", "media-format-renamed"]);
  });

  describe("built", () => {
    let out: string;
    before(async () => {
      out = path.join(fresh(), "out");
      await build({ contentDir: content, outDir: out, now: NOW, cacheDir: fresh() });
    });

    test("every imported item that was public has its page, and its old address redirects to it", () => {
      const published = report.items.filter((i) => i.status === "imported" && !i.draft);
      assert.equal(published.length, 4);
      for (const item of published) {
        const $ = html(out, `${item.url!.slice(1)}index.html`);
        assert.equal($("h1").first().text().trim().length > 0, true, item.url);
        const alias = new URL(item.old).pathname;
        if (alias === item.url) continue;
        const redirect = html(out, aliasOutputPath(alias));
        assert.equal(redirect('meta[http-equiv="refresh"]').attr("content"), `0; url=${item.url}`);
      }
    });

    test("every photo is shown with its web versions, the JPEG named .png as bagger.jpg", () => {
      const $ = html(out, "2012/01/10/sommerfest/index.html");
      const pictures = $(".release-body figure.photo picture");
      assert.equal(pictures.length, 4);
      pictures.each((_, p) => assert.ok($(p).find("source[type='image/webp']").attr("srcset")));
      assert.deepEqual(
        $(".release-body a.download").toArray().map((a) => $(a).attr("href")!.split("/").pop()).sort(),
        ["bagger.jpg", "regie.jpg", "sommerfest-1.jpg", "sommerfest-2.jpg"],
      );
      assert.equal($(".release-body a[href='https://bilder.partner.example/fest.jpg']").length, 1, "the partner's photo is a link");
      const ampel = html(out, "2012/01/07/neue-ampel-am-ring/index.html");
      assert.equal(ampel(".release-body figure.photo figcaption .caption").text(), "Die Ampel am Ring, kurz vor der Inbetriebnahme.");
      const untitled = html(out, "2012/01/09/202-2/index.html");
      assert.equal(untitled("a[href='#user-content-programm']").length, 1);
      assert.equal(untitled("#user-content-programm").text(), "Programm");
    });

    test("nothing of a draft, scheduled, private or password-protected post is public", () => {
      const secret = readFileSync(path.join(ARCHIVE, "wp-content/uploads/2012/01/entwurf-geheim.jpg"));
      for (const file of listFiles(out)) {
        const bytes = readFileSync(path.join(out, file));
        assert.ok(!bytes.equals(secret), file);
        assert.doesNotMatch(bytes.toString("latin1"), /GEHEIMNIS|Geheime Baupl|Interne Notiz|Angebote der Bieter|Neues Hallenbad/, file);
      }
    });
  });

  describe("run again", () => {
    test("changes nothing", async () => {
      const before = snapshot(content);
      const again = await imported([`${old.origin}/wordpress.xml`, "--content", content, "--department", "presseamt"]);
      assert.deepEqual(again.counts, { imported: 0, updated: 0, unchanged: 8, skipped: 1 });
      assert.deepEqual(snapshot(content), before);
    });

    test("with --update, replaces what changed at the source, and never a release edited since", async () => {
      const edited = path.join(content, "releases/2012/2012-01-07-neue-ampel-am-ring/index.md");
      writeFileSync(edited, readFileSync(edited, "utf8") + "\nNachtrag der Pressestelle.\n");
      const mine = readFileSync(edited, "utf8");
      old.edits.set("/wordpress.xml", ["<title>Bürgermeisterin im Video &amp; Radio</title>", "<title>Bürgermeisterin im Video und im Radio</title>"]);
      try {
        const update = await imported([`${old.origin}/wordpress.xml`, "--content", content, "--department", "presseamt", "--update"]);
        assert.deepEqual(update.counts, { imported: 0, updated: 1, unchanged: 6, skipped: 2 });
        assert.deepEqual(codes(byOld(update, "/neue-ampel-am-ring/")), ["import-skipped-edited"]);
        assert.equal(readFileSync(edited, "utf8"), mine);
        const video = release(content, "releases/2012/2012-01-11-video/index.md");
        assert.equal(video.data.title, "Bürgermeisterin im Video und im Radio");
      } finally {
        old.edits.clear();
      }
    });
  });
});

test("a dry run reports what it would do and writes nothing", async () => {
  const content = freshContent();
  const before = snapshot(content);
  const run = await cli(["import", `${old.origin}/wordpress.xml`, "--content", content, "--department", "presseamt", "--dry-run"]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /: 8 würden übernommen, 0 würden aktualisiert, 0 unverändert, 1 übersprungen\.\n/);
  assert.match(run.stdout, /releases\/2012\/2012-01-07-neue-ampel-am-ring\/index\.md {2}← http:\/\/127\.0\.0\.1:\d+\/2012\/01\/07\/neue-ampel-am-ring\//);
  assert.match(run.stdout, /\nProbelauf: Es wurde nichts geschrieben\.\n$/);
  assert.deepEqual(snapshot(content), before);
});

describe("feeds", () => {
  test("RSS: both pages, dates in the site's time zone, photos of the text and enclosures, old addresses as aliases", async () => {
    const content = freshContent();
    const report = await imported([`${old.origin}/feed-rss-1.xml`, "--content", content]);
    assert.equal(report.kind, "feed");
    assert.deepEqual(report.counts, { imported: 3, updated: 0, unchanged: 0, skipped: 0 });
    const brunnen = release(content, "releases/2002/2002-10-09-brunnen-am-domplatz-sprudelt-wieder/index.md");
    assert.equal(brunnen.data.date, "2002-10-09 14:30", "12:30 GMT is 14:30 in Berlin's summer time");
    assert.deepEqual(brunnen.data.aliases, ["/presse/2002/pm-4712.html"]);
    assert.ok(brunnen.body.includes("![Der Brunnen am Domplatz](brunnen.jpg)"));
    const radweg = release(content, "releases/2002/2002-10-08-radweg-an-der-promenade-frei/index.md");
    assert.equal(radweg.data.title, "Radweg an der Promenade frei");
    assert.ok(radweg.body.startsWith("![](radweg.jpg)"), radweg.body);
    assert.deepEqual(codes(byOld(report, "pm-4711.html")), ["import-alt-missing"]);
    const baenke = release(content, "releases/2002/2002-09-30-neue-parkbaenke-im-stadtpark/index.md");
    assert.equal(baenke.data.department, "gruenflaechenamt");

    giveContact(content);
    assert.deepEqual((await checkContent(content)).problems, []);
    const out = path.join(fresh(), "out");
    await build({ contentDir: content, outDir: out, now: NOW, cacheDir: fresh() });
    assert.equal(html(out, "presse/2002/pm-4712.html")('meta[http-equiv="refresh"]').attr("content"), "0; url=/2002/10/09/brunnen-am-domplatz-sprudelt-wieder/");
    assert.equal(html(out, "2002/10/08/radweg-an-der-promenade-frei/index.html")(".release-body picture").length, 1);
  });

  test("Atom: both pages, HTML and text content, categories by label, offsets kept", async () => {
    const content = freshContent();
    const report = await imported([`${old.origin}/atom-1.xml`, "--content", content]);
    assert.deepEqual(report.counts, { imported: 2, updated: 0, unchanged: 0, skipped: 0 });
    const winter = release(content, "releases/2003/2003-03-01-winterdienst-streugut-bilanz/index.md");
    assert.deepEqual(winter.data, { title: "Winterdienst & Streugut: Bilanz", date: "2003-03-01 10:00", department: "tiefbauamt", aliases: ["/meldungen/winterdienst-bilanz"] });
    assert.equal(winter.body, "Der Winterdienst zieht Bilanz: 1.200 Tonnen Streugut.\n");
    const eisbahn = release(content, "releases/2003/2003-01-15-eisbahn-am-markt-oeffnet/index.md");
    assert.equal(eisbahn.data.date, "2003-01-15 17:45");
    assert.equal(eisbahn.body, "Die Eisbahn am Markt öffnet am Samstag. Eintritt: 2 € & Schuhe.\n");
  });

  test("a feed saved as a file: its photos come from the site it names", async () => {
    const dir = fresh();
    const file = path.join(dir, "feed.xml");
    writeFileSync(file, readFileSync(path.join(ARCHIVE, "feed-rss-2.xml"), "utf8").replaceAll("__ORIGIN__", old.origin).replace(/<atom:link[^>]*>/g, ""));
    const content = freshContent();
    const report = await imported([file, "--content", content]);
    assert.deepEqual(report.counts, { imported: 1, updated: 0, unchanged: 0, skipped: 0 });
  });
});

describe("bad input: one message each, nothing written", () => {
  const failing = async (args: string[], status: number, expected: RegExp): Promise<void> => {
    const content = freshContent();
    const before = snapshot(content);
    const run = await cli(["import", ...args, "--content", content, "--lang", "en"]);
    assert.equal(run.status, status, run.stderr + run.stdout);
    assert.match(run.stderr, expected);
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
    assert.deepEqual(snapshot(content), before);
  };
  const scratchFile = (name: string, text: string): string => {
    const file = path.join(fresh(), name);
    writeFileSync(file, text);
    return file;
  };

  test("a file that is not there", () => failing(["/nonexistent/archiv.xml"], 1, /The source "\/nonexistent\/archiv\.xml" cannot be read: there is no such file or folder\.\n.*\[import-source-unreadable\]|\[import-source-unreadable\][\s\S]*there is no such file or folder/));
  test("an address the old site does not have", async () => failing([`${old.origin}/gibt-es-nicht.xml`], 1, /cannot be read: the server answered 404 Not Found\./));
  test("a text that is no archive", () => failing([scratchFile("notiz.txt", "Bitte alles importieren.\n")], 1, /\[import-source-unknown\][\s\S]*is neither a WordPress export, an RSS or Atom feed/));
  test("broken XML", () => failing([scratchFile("kaputt.xml", "<?xml version=\"1.0\"?><rss><channel><item></channel></rss>")], 1, /cannot be read: it is not well-formed XML/));
  test("XML that declares entities", () =>
    failing([scratchFile("bombe.xml", '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel><title>&a;</title></channel></rss>')], 1, /cannot be read: it declares its own XML entities\./));
  test("an unknown department", () => failing([`${old.origin}/wordpress.xml`, "--department", "bauamt"], 1, /\[import-department-unknown\][\s\S]*The department "bauamt" is not in departments\.yaml\.[\s\S]*"tiefbauamt", "gruenflaechenamt", "presseamt"/));
  test("a mapping file with an unknown field", () =>
    failing([`${old.origin}/wordpress.xml`, "--map", scratchFile("map.yaml", "departments:\n  Allgemein: presseamt\nselektoren:\n  title: h1\n")], 1, /map\.yaml:3 {2}Mapping file cannot be used \[import-map-invalid\][\s\S]*the unknown field "selektoren"/));
  test("an address that is no address", () => failing(["http://[alt"], 1, /cannot be read: it is not a valid address\./));
  test("addresses in a feed that are no addresses are left out, the rest imported", async () => {
    const feed = scratchFile(
      "kaputt-adressen.xml",
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Alt</title><link>http://[alt</link>' +
        "<item><title>Eine Meldung</title><link>http://[alt/pm-1.html</link><pubDate>Wed, 09 Oct 2002 12:30:00 GMT</pubDate>" +
        '<enclosure url="http://[x/foto.jpg" type="image/jpeg"/><description>&lt;p&gt;Text &lt;img src="http://[y/b.jpg" alt="B"&gt;&lt;/p&gt;</description></item></channel></rss>',
    );
    const content = freshContent();
    const run = await cli(["import", feed, "--content", content, "--department", "presseamt", "--json"]);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    assert.deepEqual(JSON.parse(run.stdout).counts, { imported: 1, updated: 0, unchanged: 0, skipped: 0 });
  });
  test("no source, two sources, an unknown kind: usage errors", async () => {
    await failing([], 2, /import needs a SOURCE/);
    await failing(["a.xml", "b.xml"], 2, /import takes one SOURCE/);
    await failing(["a.xml", "--from", "typo3"], 2, /--from "typo3" is not a kind of source: use wordpress, feed, html/);
    await failing(["a.xml", "--delay", "schnell"], 2, /--delay "schnell" is not a number of milliseconds/);
  });

  test("a photo the old site no longer has: the release links its old address, and still passes check", async () => {
    const content = freshContent();
    old.missing.add("/wp-content/uploads/2012/01/regie.jpg");
    try {
      const report = await imported([`${old.origin}/wordpress.xml`, "--content", content, "--department", "presseamt"]);
      const fest = byOld(report, "/sommerfest/");
      const failure = fest.warnings.find((w) => w.code === "import-fetch-failed")!;
      assert.equal(failure.message, `„${old.origin}/wp-content/uploads/2012/01/regie.jpg“ konnte nicht abgerufen werden: der Server antwortete 404 Not Found. Die Meldung verweist stattdessen auf die alte Adresse.`);
      const body = release(content, "releases/2012/2012-01-10-sommerfest/index.md").body;
      assert.ok(body.includes(`![Die Regie beim Aufbau](${old.origin}/wp-content/uploads/2012/01/regie.jpg)`), body);
      assert.ok(!existsSync(path.join(content, "releases/2012/2012-01-10-sommerfest/regie.jpg")));
      giveContact(content);
      assert.deepEqual((await checkContent(content)).problems, []);
    } finally {
      old.missing.clear();
    }
  });

  test("a feed's later page that fails: the first page's items are imported, the failure reported", async () => {
    const content = freshContent();
    old.missing.add("/feed-rss-2.xml");
    try {
      const report = await imported([`${old.origin}/feed-rss-1.xml`, "--content", content]);
      assert.deepEqual(report.counts, { imported: 2, updated: 0, unchanged: 0, skipped: 1 });
      assert.deepEqual(codes(byOld(report, "/feed-rss-2.xml")), ["import-fetch-failed"]);
    } finally {
      old.missing.clear();
    }
  });

  test("an item no rule gives a department, without a default: skipped with the reason", async () => {
    const content = freshContent();
    const report = await imported([`${old.origin}/wordpress.xml`, "--content", content]);
    const video = byOld(report, "/buergermeisterin-im-video.html");
    assert.equal(video.status, "skipped");
    assert.deepEqual(codes(video), ["import-skipped-no-department"]);
    assert.equal(video.warnings[0]!.message, "Keine Regel ordnet seine Kategorien („Allgemein“) einem Amt zu, und es gibt keinen Standard.");
  });

  test("a release already in the content folder (moved by hand) is never overwritten: the item is skipped", async () => {
    const content = freshContent();
    const mine = path.join(content, "releases/2012/2012-01-07-neue-ampel-am-ring/index.md");
    mkdirSync(path.dirname(mine), { recursive: true });
    writeFileSync(mine, "---\ntitle: Meine Ampel\ndate: 2012-01-07\ndepartment: tiefbauamt\n---\n\nVon Hand.\n");
    const flat = path.join(content, "releases/2012/2012-01-09-202-2.md");
    writeFileSync(flat, "---\ntitle: Sommerfest\ndate: 2012-01-09\ndepartment: tiefbauamt\n---\n\nSchon da.\n");
    const report = await imported([`${old.origin}/wordpress.xml`, "--content", content, "--department", "presseamt"]);
    assert.equal(readFileSync(mine, "utf8"), "---\ntitle: Meine Ampel\ndate: 2012-01-07\ndepartment: tiefbauamt\n---\n\nVon Hand.\n");
    assert.equal(readFileSync(flat, "utf8"), "---\ntitle: Sommerfest\ndate: 2012-01-09\ndepartment: tiefbauamt\n---\n\nSchon da.\n");
    const ampel = byOld(report, "/neue-ampel-am-ring/");
    assert.deepEqual([ampel.status, codes(ampel)], ["skipped", ["import-skipped-exists"]]);
    assert.match(ampel.warnings[0]!.message, /^Die Datei .*releases\/2012\/2012-01-07-neue-ampel-am-ring\/index\.md gibt es schon, und der Import hat sie nicht geschrieben; sie bleibt, wie sie ist\.$/);
    assert.deepEqual(codes(byOld(report, "/202-2/")), ["import-skipped-exists"], "a release file of the same name without a folder is the same release");
    assert.equal(report.counts.imported, 6);
  });
});

describe("an interrupted import continues where it stopped", () => {
  const site = {
    language: "de" as const,
    timeZone: "Europe/Berlin",
    departments: new Map([
      ["tiefbauamt", { id: "tiefbauamt", name: "Tiefbauamt", contactIds: ["jaskowiak"] }],
      ["gruenflaechenamt", { id: "gruenflaechenamt", name: "Grünflächenamt", contactIds: ["jaskowiak"] }],
      ["presseamt", { id: "presseamt", name: "Presseamt", contactIds: ["jaskowiak"] }],
    ]),
    contacts: new Map([["jaskowiak", { id: "jaskowiak", name: "Birgit Jaskowiak", phone: "0251 492-6609" }]]),
  };
  const options = (contentDir: string) => ({
    contentDir,
    source: `${old.origin}/wordpress.xml`,
    site,
    mapping: emptyMapping,
    department: "presseamt",
    dryRun: false,
    update: false,
    fetch: { ...fetchDefaults, delayMs: 0 },
  });

  test("stopped between two items, or in the middle of one: the next run writes the rest, and the result is that of one run", async () => {
    const whole = freshContent();
    await runImport(options(whole));

    const content = freshContent();
    await assert.rejects(
      runImport({
        ...options(content),
        progress: (done) => {
          if (done === 3) throw new Error("Strg+C");
        },
      }),
      /Strg\+C/,
    );
    assert.equal(listFiles(path.join(content, "releases")).filter((f) => f.endsWith("index.md")).length, 3);
    // As if it had stopped after the photos of the third item, before its text.
    const ledgerFile = path.join(content, ".pressroom-import.json");
    const ledger = JSON.parse(readFileSync(ledgerFile, "utf8")) as { items: Record<string, { folder: string; files: Record<string, string>; complete: boolean }> };
    const third = ledger.items["wordpress:103"]!;
    delete third.files["index.md"];
    third.complete = false;
    writeFileSync(ledgerFile, JSON.stringify(ledger));
    rmSync(path.join(content, third.folder, "index.md"));

    const asked = old.requests.length;
    const rest = await runImport(options(content));
    const fetched = old.requests.slice(asked);
    assert.deepEqual(
      rest.entries.filter((e) => e.status !== "skipped").map((e) => e.status).sort(),
      ["imported", "imported", "imported", "imported", "imported", "imported", "unchanged", "unchanged"],
    );
    assert.ok(!fetched.some((p) => p.includes("sommerfest") || p.includes("regie")), `photos written before were fetched again: ${fetched.join(", ")}`);
    assert.deepEqual(snapshot(content), snapshot(whole));
  });
});

const terminal = ["/usr/bin/script", "/bin/script"].find(existsSync);

test("on a terminal, a counting line shows the progress, and is cleared for the report", { skip: terminal === undefined && "no script(1) for a terminal" }, async () => {
  const content = freshContent();
  const feed = path.join(fresh(), "feed.xml");
  const entries = Array.from({ length: 3 }, (_, i) => `<item><title>Meldung ${i + 1}</title><link>http://127.0.0.1:9/pm-${i + 1}.html</link><pubDate>Wed, 0${i + 1} Oct 2002 12:30:00 GMT</pubDate><description>Text.</description></item>`);
  writeFileSync(feed, `<?xml version="1.0"?><rss version="2.0"><channel><title>Alt</title><link>http://127.0.0.1:9/</link>${entries.join("")}</channel></rss>`);
  const command = [process.execPath, path.join(ROOT, "bin", "pressroom.js"), "import", feed, "--content", content, "--department", "presseamt"].map((a) => JSON.stringify(a)).join(" ");
  const run = await new Promise<string>((resolve) => {
    execFile(terminal!, ["-qec", command, "/dev/null"], { env: { ...process.env, NO_COLOR: "1" } }, (_error, stdout) => resolve(stdout));
  });
  assert.match(run, /\r\u001b\[KImport: 3 von 3 \(100 %\), \d+ s\r\u001b\[K/, JSON.stringify(run));
  assert.match(run, /3 übernommen, 0 aktualisiert, 0 unverändert, 0 übersprungen\./);
});
