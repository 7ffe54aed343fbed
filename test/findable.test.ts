/**
 * Corrections, withdrawals, tags, month and day pages, contacts and open data:
 * the fixture `corrections` built end to end and read back with parsers
 * (cheerio for pages, fast-xml-parser for feeds, ical.js for vCards, JSON).
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import ICAL from "ical.js";
import { XMLParser } from "fast-xml-parser";
import { fixture, html, listFiles, pressroom, readText, scratchDirs } from "./helpers.ts";

const scratch = scratchDirs();
const content = fixture("corrections");

function build(now: string): string {
  const out = path.join(scratch(), "out");
  const result = pressroom(["build", "--content", content, "--out", out, "--now", now]);
  assert.equal(result.status, 0, result.stderr);
  return out;
}

/** The titles of a listing page's items, in order. */
const titles = (out: string, file: string): string[] =>
  html(out, file)(".item h2 a").map((_, a) => html(out, file)(a).text()).get();

interface AtomEntry {
  title: string;
  updated: string;
  id: string;
  content: string;
}
function atomEntries(out: string, file: string): AtomEntry[] {
  const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "entry" }).parse(readText(out, file)).feed;
  return (feed.entry ?? []).map((e: Record<string, unknown>) => ({
    title: String(e.title && typeof e.title === "object" ? (e.title as Record<string, unknown>)["#text"] : e.title),
    updated: String(e.updated),
    id: String(e.id),
    content: String(e.content && typeof e.content === "object" ? (e.content as Record<string, unknown>)["#text"] : e.content),
  }));
}

/** A vCard's properties as [name, value, parameters] read by ical.js. */
function vcardProperties(text: string): Map<string, { value: string; params: Record<string, unknown> }> {
  const card = new ICAL.Component(ICAL.parse(text));
  assert.equal(card.name, "vcard");
  return new Map(
    card.getAllProperties().map((p) => [p.name, { value: String(p.getFirstValue()), params: p.toJSON()[1] as Record<string, unknown> }]),
  );
}

describe("a release's corrections and withdrawal, seen on 28.11.2026", () => {
  let out = "";
  before(() => {
    out = build("2026-11-28T12:00");
  });

  test("an update with a change note: shown under the date and in the list of changes; the feed entry is updated", () => {
    const $ = html(out, "2026/11/10/baustelle-ring/index.html");
    const note = $(".update-note");
    assert.equal(note.text().trim(), "Aktualisiert am 12.11.2026, 14:30 Uhr: Beginn der Umleitung korrigiert");
    assert.equal(note.find("time").attr("datetime"), "2026-11-12T14:30:00+01:00");
    const changes = $(".history li").map((_, li) => $(li).text().trim()).get();
    assert.deepEqual(changes, ["10.11.2026, 09:00 Uhr: Erstveröffentlichung", "12.11.2026, 14:30 Uhr: Beginn der Umleitung korrigiert"]);
    const article = JSON.parse($('script[type="application/ld+json"]').text()) as { dateModified: string; datePublished: string };
    assert.equal(article.datePublished, "2026-11-10T09:00:00+01:00");
    assert.equal(article.dateModified, "2026-11-12T14:30:00+01:00");
    const entry = atomEntries(out, "feed.xml").find((e) => e.title === "Baustelle am Ring ab Montag");
    assert.equal(entry?.updated, "2026-11-12T14:30:00+01:00");
    assert.match(entry!.content, /Aktualisiert am 12\.11\.2026, 14:30 Uhr: Beginn der Umleitung korrigiert/);
  });

  test("a withdrawn release keeps its page with a banner and the reason", () => {
    const $ = html(out, "2026/11/11/lichterfest/index.html");
    const banner = $(".withdrawn-banner");
    assert.equal(banner.find("h2").text(), "Zurückgezogen");
    assert.match(banner.text(), /am 15\.11\.2026, 16:30 Uhr zurückgezogen/);
    assert.match(banner.text(), /Das Fest wurde wegen Sturmwarnung abgesagt\./);
  });

  test("it leaves the home page, its department's and its tag's listings, but not the archive of its year, month and day", () => {
    const title = "Lichterfest am Hafen";
    assert.ok(!titles(out, "index.html").includes(title));
    assert.ok(!titles(out, "aemter/kulturamt/index.html").includes(title));
    assert.ok(!titles(out, "themen/veranstaltung/index.html").includes(title));
    for (const file of ["2026/index.html", "2026/11/index.html", "2026/11/11/index.html"]) {
      assert.ok(titles(out, file).includes(title), file);
      const item = html(out, file)(".item").filter((_, el) => html(out, file)(el).find("h2 a").text() === title);
      assert.match(item.find(".withdrawn-mark").text(), /Zurückgezogen/, file);
    }
  });

  test("a tag only withdrawn releases have gets no page, no feed and no link", () => {
    assert.ok(!existsSync(path.join(out, "themen/sturmfest")));
    assert.ok(!readText(out, "themen/index.html").includes("Sturmfest"));
    const links = html(out, "2026/11/11/lichterfest/index.html")(".tags a").map((_, a) => html(out, "2026/11/11/lichterfest/index.html")(a).text()).get();
    assert.deepEqual(links, ["Veranstaltung"]);
  });

  test("feeds keep it, marked in the title, dated by the withdrawal, the reason first", () => {
    for (const file of ["feed.xml", "aemter/kulturamt/feed.xml", "themen/veranstaltung/feed.xml"]) {
      const entry = atomEntries(out, file).find((e) => e.id.includes("/2026/11/11/lichterfest/"));
      assert.equal(entry?.title, "Zurückgezogen: Lichterfest am Hafen", file);
      assert.equal(entry?.updated, "2026-11-15T16:30:00+01:00", file);
      assert.match(entry!.content, /^<p><strong>Diese Pressemitteilung wurde am 15\.11\.2026, 16:30 Uhr zurückgezogen\.<\/strong> Grund: Das Fest wurde wegen Sturmwarnung abgesagt\.<\/p>/);
    }
    const json = JSON.parse(readText(out, "feed.json")) as { items: { title: string }[] };
    assert.ok(json.items.some((item) => item.title === "Zurückgezogen: Lichterfest am Hafen"));
  });

  test("a withdrawal dated later has not taken effect: listed as any other release, no banner", () => {
    assert.ok(titles(out, "index.html").includes("Weihnachtsmarkt mit neuem Programm"));
    assert.equal(html(out, "2026/11/12/markt-spaeter/index.html")(".withdrawn-banner").length, 0);
    const later = build("2026-12-11T12:00");
    assert.ok(!titles(later, "index.html").includes("Weihnachtsmarkt mit neuem Programm"));
    assert.equal(html(later, "2026/11/12/markt-spaeter/index.html")(".withdrawn-banner").length, 1);
  });

  test("schedule lists withdrawals waiting for their time, in the site's zone", () => {
    const result = pressroom(["schedule", "--content", content, "--now", "2026-11-28T12:00", "--lang", "en"]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Withdrawals waiting for their time \(1\):\n  10 Dec 2026 +in 11 days, 12 hours +\/2026\/11\/12\/markt-spaeter\/  Weihnachtsmarkt mit neuem Programm/);
    const json = JSON.parse(pressroom(["schedule", "--content", content, "--now", "2026-11-28T12:00", "--json"]).stdout) as { withdrawals: { url: string; withdrawn: string }[] };
    assert.deepEqual(json.withdrawals.map((w) => [w.url, w.withdrawn]), [["/2026/11/12/markt-spaeter/", "2026-12-09T23:00:00.000Z"]]);
  });

  test("a scheduled run knows a withdrawal fell due, as it knows an embargo did", () => {
    const due = pressroom(["schedule", "--content", content, "--now", "2026-12-10T12:00", "--due-since", "2026-12-09T12:00", "--json"]);
    assert.equal(due.status, 0, due.stderr);
    assert.deepEqual((JSON.parse(due.stdout) as { due: { file: string }[] }).due.map((r) => r.file), ["releases/2026-11-12-markt-spaeter.md"]);
  });
});

describe("tags, months and days", () => {
  let out = "";
  before(() => {
    out = build("2026-11-28T12:00");
  });

  test("a page and a feed per tag; spellings that give one address are one tag", () => {
    const $ = html(out, "themen/index.html");
    const entries = $(".index li a").map((_, a) => $(a).text()).get();
    assert.deepEqual(entries, ["Baustelle", "Veranstaltung", "Verkehr"]);
    assert.deepEqual(titles(out, "themen/verkehr/index.html"), ["Sprechstunde zum Radverkehr", "Baustelle am Ring ab Montag"]);
    assert.equal(atomEntries(out, "themen/verkehr/feed.xml").length, 2);
    const links = html(out, "2026/11/12/sprechstunde/index.html")(".tags a").map((_, a) => html(out, "2026/11/12/sprechstunde/index.html")(a).attr("href")).get();
    assert.deepEqual(links, ["/themen/verkehr/"]);
  });

  test("every prefix of a release address is a page: the month and the day list their releases", () => {
    assert.deepEqual(titles(out, "2026/11/index.html"), [
      "Sprechstunde zum Radverkehr",
      "Weihnachtsmarkt mit neuem Programm",
      "Lichterfest am Hafen",
      "Baustelle am Ring ab Montag",
    ]);
    assert.equal(html(out, "2026/11/index.html")("h1").text(), "Pressemitteilungen im November 2026");
    assert.deepEqual(titles(out, "2026/11/12/index.html"), ["Sprechstunde zum Radverkehr", "Weihnachtsmarkt mit neuem Programm"]);
    assert.equal(html(out, "2026/11/12/index.html")("h1").text(), "Pressemitteilungen vom 12.11.2026");
    assert.ok(!existsSync(path.join(out, "2026/12")), "no month page for a month with only an embargoed release");
    const sitemap = readText(out, "sitemap.xml");
    for (const address of ["/2026/11/", "/2026/11/12/", "/themen/verkehr/", "/kontakte/", "/suche/"]) {
      assert.ok(sitemap.includes(`<loc>https://presse.pruefstadt.example${address}</loc>`), address);
    }
  });
});

describe("contacts to save", () => {
  let out = "";
  before(() => {
    out = build("2026-11-28T12:00");
  });

  test("the contacts page lists every press contact by department, with tel:, mailto: and a vCard", () => {
    const $ = html(out, "kontakte/index.html");
    const groups = $("section.contacts")
      .map((_, section) => ({
        heading: $(section).find("h2").text(),
        names: $(section).find(".contact-name").map((__, n) => $(n).text()).get(),
      }))
      .get();
    assert.deepEqual(groups, [
      { heading: "Kulturamt", names: ["Birgit Jaskowiak"] },
      { heading: "Tiefbauamt", names: ["Birgit Jaskowiak"] },
      { heading: "Umweltamt", names: ["Deniz Özdemir"] },
      { heading: "Weitere Pressekontakte", names: ["Jana Kühn"] },
    ]);
    assert.equal($('a[href="tel:02514926609"]').first().text(), "0251 492-6609");
    assert.equal($('a[href="mailto:kuehn@pruefstadt.example"]').length, 1);
    const cards = $(".vcard a").map((_, a) => $(a).attr("href")).get();
    assert.deepEqual([...new Set(cards)].sort(), ["/kontakte/jaskowiak.vcf", "/kontakte/oezdemir.vcf", "/kontakte/ohne-amt.vcf"]);
    for (const card of cards) assert.ok(existsSync(path.join(out, card)), card);
  });

  test("a vCard per contact that a parser reads back, special characters and all", () => {
    const props = vcardProperties(readText(out, "kontakte/jaskowiak.vcf"));
    assert.equal(props.get("version")?.value, "4.0");
    assert.equal(props.get("fn")?.value, "Birgit Jaskowiak");
    assert.equal(props.get("title")?.value, "Pressesprecherin, Tiefbau; Verkehr");
    assert.equal(props.get("tel")?.value, "tel:02514926609");
    assert.equal(props.get("email")?.value, "presse@pruefstadt.example");
    assert.match(readText(out, "kontakte/jaskowiak.vcf"), /\r\n$/);
  });

  test("a contact written into a release gets its vCard next to the release page, linked from it", () => {
    const page = html(out, "2026/11/12/sprechstunde/index.html");
    const href = page(".contacts .vcard a").attr("href");
    assert.equal(href, "/2026/11/12/sprechstunde/zoe-mueller-luedenscheidt.vcf");
    const props = vcardProperties(readText(out, href!.slice(1)));
    assert.equal(props.get("fn")?.value, "Zoë Müller-Lüdenscheidt");
    assert.equal(props.get("title")?.value, "Radverkehrsbeauftragte; Stabsstelle, Mobilität");
    assert.equal(props.get("tel")?.value, "tel:+492514927777");
  });
});

describe("open data", () => {
  test("releases.json holds every published release with its address and metadata, withdrawn ones marked", () => {
    const out = build("2026-11-28T12:00");
    const data = JSON.parse(readText(out, "releases.json")) as {
      version: number;
      site: { url: string };
      releases: { url: string; title: string; published: string; updated?: string; change_note?: string; withdrawn?: { date: string; reason: string }; departments: string[]; tags: string[] }[];
    };
    assert.equal(data.version, 1);
    assert.equal(data.site.url, "https://presse.pruefstadt.example");
    assert.deepEqual(data.releases.map((r) => r.url), [
      "https://presse.pruefstadt.example/2026/11/12/sprechstunde/",
      "https://presse.pruefstadt.example/2026/11/12/markt-spaeter/",
      "https://presse.pruefstadt.example/2026/11/11/lichterfest/",
      "https://presse.pruefstadt.example/2026/11/10/baustelle-ring/",
    ]);
    const withdrawn = data.releases.find((r) => r.title === "Lichterfest am Hafen");
    assert.deepEqual(withdrawn?.withdrawn, { date: "2026-11-15T16:30:00+01:00", reason: "Das Fest wurde wegen Sturmwarnung abgesagt." });
    const updated = data.releases.find((r) => r.title === "Baustelle am Ring ab Montag");
    assert.equal(updated?.change_note, "Beginn der Umleitung korrigiert");
    assert.deepEqual(data.releases.find((r) => r.title === "Sprechstunde zum Radverkehr")?.departments, ["Umweltamt", "Tiefbauamt"]);
    for (const file of listFiles(out)) {
      const bytes = readFileSync(path.join(out, file));
      for (const secret of ["GEHEIM", "Geheim", "SPERRFRIST", "Sperrfrist-Text", "Sperrthema", "geheimthema", "sperrthema"]) {
        assert.ok(!file.includes(secret) && !bytes.includes(secret), `${secret} in ${file}`);
      }
    }
  });
});

describe("the contacts page, as a journalist looks for a press officer", () => {
  test("each contact under the departments they speak for, their own first; the rest where their releases are; by family name", () => {
    const site = path.join(scratch(), "content");
    const write = (file: string, text: string): void => {
      mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
      writeFileSync(path.join(site, file), text);
    };
    write("site.yaml", "title: Prüfstadt\nurl: https://presse.pruefstadt.example/\nlanguage: de\ntimezone: Europe/Berlin\nfooter:\n  imprint: https://pruefstadt.example/i\n  privacy: https://pruefstadt.example/d\n");
    write(
      "departments.yaml",
      "feuerwehr:\n  name: Feuerwehr\n  contact: zimmer\numweltamt:\n  name: Umweltamt\n  contact: weber\nbuergeramt:\n  name: Bürgeramt\nordnungsamt:\n  name: Ordnungsamt\n",
    );
    const person = (name: string) => `  name: ${name}\n  phone: 0123 456\n`;
    write(
      "contacts.yaml",
      `zimmer:\n${person("Dr. Jörg Zimmer")}weber:\n${person("Ute Weber")}abel:\n${person("Anna Abel")}` +
        `krause:\n${person("Prof. Kai Krause")}berg:\n${person("Lena Berg")}adler:\n${person("Tom Adler")}`,
    );
    const release = (name: string, departments: string, contact: string) =>
      write(`releases/${name}.md`, `---\ntitle: ${name}\ndate: 2026-11-05 10:00\ndepartment: ${departments}\ncontact: ${contact}\n---\n\nText.\n`);
    // The fire brigade's spokesman on a joint release with the environment office: still only the fire brigade's.
    release("waldbrand", "[umweltamt, feuerwehr]", "zimmer");
    // Krause speaks for no department: named twice by the Ordnungsamt, once by the Umweltamt.
    release("markt", "ordnungsamt", "krause");
    release("kontrolle", "ordnungsamt", "krause");
    release("laerm", "umweltamt", "[krause, berg, abel]");
    // The Bürgeramt has no contact of its own: its release names the Umweltamt's Weber.
    release("termine", "buergeramt", "weber");
    const out = path.join(scratch(), "out");
    const result = pressroom(["build", "--content", site, "--out", out, "--now", "2026-11-28T12:00"]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const $ = html(out, "kontakte/index.html");
    const groups = $("section.contacts")
      .map((_, section) => `${$(section).find("h2").text()}: ${$(section).find(".contact-name").map((__, n) => $(n).text()).get().join(", ")}`)
      .get();
    assert.deepEqual(groups, [
      "Bürgeramt: Ute Weber",
      "Feuerwehr: Dr. Jörg Zimmer",
      "Ordnungsamt: Prof. Kai Krause",
      // The department's own contact first, then the others its releases name, by family name.
      "Umweltamt: Ute Weber, Anna Abel, Lena Berg",
      "Weitere Pressekontakte: Tom Adler",
    ]);
  });
});
