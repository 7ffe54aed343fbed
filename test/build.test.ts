/**
 * End to end: the valid fixture site built by the real command into a
 * temporary folder, checked with an HTML parser.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fixture, html, listFiles, pressroom, readText, removeDir, tempDir } from "./helpers.ts";

const NOW = "2026-11-27T12:00";
let out: string;

before(() => {
  out = path.join(tempDir(), "site");
  const result = pressroom(["build", "--content", fixture("valid"), "--out", out, "--now", NOW]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^5 Meldungen in \S+ gebaut: /m);
  // The build ends with what waits for its time, in the site's language.
  assert.ok(result.stdout.endsWith("\n1 Meldung mit Sperrfrist: „FUTURESECRET Sperrfrist“ erscheint am 24.12.2026 um 12:00 Uhr\n1 Entwurf (draft: true), wird nicht veröffentlicht.\n"), result.stdout);
});
after(() => removeDir(path.dirname(out)));

describe("release pages", () => {
  test("a page per published release at an address from date and file name", () => {
    const pages = listFiles(out).filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f));
    assert.deepEqual(pages, [
      "1999/03/04/altes-cms/index.html",
      "2025/05/08/tag-der-offenen-tuer/index.html",
      "2026/01/01/silvester/index.html",
      "2026/11/20/hallenbad/index.html",
      "2026/11/27/radwege-am-ring/index.html",
    ]);
  });

  test("title, subtitle, German date with time, department links, body", () => {
    const $ = html(out, "2026/11/27/radwege-am-ring/index.html");
    assert.equal($("h1").length, 1);
    assert.equal($("h1").text(), "Radwege am Ring werden breiter");
    assert.equal($(".subtitle").text(), "Bauarbeiten beginnen im März / Umleitung über die Hafenstraße");
    const time = $(".meta time").first();
    assert.equal(time.text(), "27.11.2026, 10:30 Uhr");
    assert.equal(time.attr("datetime"), "2026-11-27T10:30:00+01:00");
    assert.equal($(".departments a").attr("href"), "/aemter/tiefbauamt/");
    assert.equal($(".release-body h2").text(), "Zeitplan");
    assert.equal($(".release-body li").length, 2);
    assert.equal($("link[rel=canonical]").attr("href"), "https://presse.pruefstadt.example/2026/11/27/radwege-am-ring/");
    assert.equal($(".tags").text(), "Themen: Verkehr, Radverkehr");
  });

  test("the department's default contact with tel: and mailto: links", () => {
    const $ = html(out, "2026/11/27/radwege-am-ring/index.html");
    assert.equal($("address .contact-name").text(), "Birgit Jaskowiak");
    assert.equal($('address a[href^="tel:"]').attr("href"), "tel:02514926609");
    assert.equal($('address a[href^="tel:"]').text(), "0251 492-6609");
    assert.equal($('address a[href^="mailto:"]').attr("href"), "mailto:presse@pruefstadt.example");
  });

  test("an unquoted phone number keeps its leading zero", () => {
    const $ = html(out, "2026/11/20/hallenbad/index.html");
    const phones = $('address a[href^="tel:"]').map((_, a) => $(a).text()).get();
    assert.deepEqual(phones, ["0251 492-6609", "02514926610"]);
  });

  test("a joint release names both departments and appears on both department pages", () => {
    const $ = html(out, "2026/11/20/hallenbad/index.html");
    assert.deepEqual(
      $(".departments a").map((_, a) => $(a).attr("href")).get(),
      ["/aemter/kulturamt/", "/aemter/umweltamt/"],
    );
    for (const dept of ["kulturamt", "umweltamt"]) {
      const list = html(out, `aemter/${dept}/index.html`);
      assert.ok(list('.items a[href="/2026/11/20/hallenbad/"]').length === 1, dept);
    }
    assert.equal(html(out, "aemter/tiefbauamt/index.html")('.items a[href="/2026/11/20/hallenbad/"]').length, 0);
  });

  test("a date with offset, an update time, images with size, caption, credit and download", () => {
    const $ = html(out, "2026/11/20/hallenbad/index.html");
    assert.equal($(".meta time").eq(0).attr("datetime"), "2026-11-20T09:00:00+01:00");
    assert.equal($(".update-note time").text(), "Aktualisiert am 21.11.2026, 08:15 Uhr");
    const img = $("figure img");
    // The original is 60 px wide: one web version of that width, named by its content.
    assert.match(img.attr("src")!, /^\/img\/[0-9a-f]{2}\/baustelle-60\.[0-9a-f]{12}\.jpg$/);
    assert.ok(existsSync(path.join(out, img.attr("src")!)), "the web version exists");
    assert.equal(img.attr("alt"), "Rohbau des Hallenbads mit Kran");
    assert.equal(img.attr("width"), "60");
    assert.equal(img.attr("height"), "40");
    assert.equal($("figcaption .caption").text(), "Der Rohbau ist fertig.");
    assert.equal($("figcaption .credit").text(), "Foto: Stadt Prüfstadt");
    assert.equal($("figcaption a[download]").attr("href"), "/2026/11/20/hallenbad/baustelle.jpg");
    const pdf = $(".downloads a");
    assert.equal(pdf.text(), "Lageplan des Hallenbads");
    assert.equal(pdf.attr("href"), "/2026/11/20/hallenbad/lageplan-bad.pdf");
  });

  test("media files of published releases are copied byte for byte", () => {
    const original = readFileSync(fixture("valid/releases/2026/2026-11-20-hallenbad/Lageplan Bad.pdf"));
    assert.deepEqual(readFileSync(path.join(out, "2026/11/20/hallenbad/lageplan-bad.pdf")), original);
  });

  test("title with colon and quotes, file name with spaces, capitals, underscore and umlaut", () => {
    const $ = html(out, "2025/05/08/tag-der-offenen-tuer/index.html");
    // Straight quotes in the title become German ones, like those written as „…“ already.
    assert.equal($("h1").text(), "Tag der offenen Tür: „Rathaus erleben“ mit „Führungen“");
    assert.equal($(".meta time").text(), "08.05.2025");
    assert.equal($("address .contact-name").text(), "Ute Übel");
    assert.equal($('address a[href^="tel:"]').attr("href"), "tel:+492514920");
  });

  test("{{ and {% in a body are printed as written", () => {
    const $ = html(out, "2025/05/08/tag-der-offenen-tuer/index.html");
    // (The quotes in it are text, so they are set as German quotes.)
    assert.equal($(".release-body p").text(), "Vorlagen wie {{ title }} und {% include „x“ %} erscheinen so, wie sie geschrieben wurden.");
  });

  test("a release at 00:30 on New Year's Day belongs to the new year", () => {
    const $ = html(out, "2026/01/01/silvester/index.html");
    assert.equal($(".meta time").text(), "01.01.2026, 00:30 Uhr");
    assert.equal(html(out, "2026/index.html")('.items a[href="/2026/01/01/silvester/"]').length, 1);
    assert.equal($("address").length, 2, "a list of two contacts");
  });

  test("HTML from an old CMS keeps its table and blocks, without their attributes", () => {
    const $ = html(out, "1999/03/04/altes-cms/index.html");
    assert.equal($(".release-body table tr").length, 2);
    assert.equal($(".release-body strong").text(), "Aus dem alten System übernommen.");
    assert.equal($(".release-body div").text(), "Hinweis im Kasten");
    assert.equal($(".release-body div").attr("class"), undefined);
  });

  test("two releases with the same title get their own pages", () => {
    assert.equal(html(out, "2026/01/01/silvester/index.html")("h1").text(), "Neujahrsempfang im Rathaus");
    assert.equal(html(out, "1999/03/04/altes-cms/index.html")("h1").text(), "Neujahrsempfang im Rathaus");
  });
});

describe("listings", () => {
  test("the home page lists every release newest first", () => {
    const $ = html(out, "index.html");
    // The header names the site; the heading says what the page lists, the <title> is the site's.
    assert.equal($("h1").text(), "Aktuelle Meldungen");
    assert.equal($("title").text(), "Stadt Prüfstadt – Pressemitteilungen");
    assert.deepEqual(
      $(".items h2 a").map((_, a) => $(a).attr("href")).get(),
      [
        "/2026/11/27/radwege-am-ring/",
        "/2026/11/20/hallenbad/",
        "/2026/01/01/silvester/",
        "/2025/05/08/tag-der-offenen-tuer/",
        "/1999/03/04/altes-cms/",
      ],
    );
  });

  test("a page per year and an archive of the years", () => {
    const years = html(out, "archiv/index.html");
    assert.deepEqual(years(".index a").map((_, a) => years(a).attr("href")).get(), ["/2026/", "/2025/", "/1999/"]);
    assert.equal(html(out, "2026/index.html")(".items li").length, 3);
    assert.equal(html(out, "2026/index.html")("h1").text(), "Pressemitteilungen 2026");
  });

  test("a department index with counts", () => {
    const $ = html(out, "aemter/index.html");
    const entries = $(".index li")
      .map((_, li) => [$(li).find("a").text(), $(li).find(".count").text(), $(li).find(".description").text()].join("|"))
      .get();
    assert.deepEqual(entries, [
      "Kulturamt|(3 Mitteilungen)|",
      "Tiefbauamt|(2 Mitteilungen)|Straßen, Brücken, Radwege",
      "Umweltamt|(1 Mitteilung)|",
    ]);
  });

  test("every page has landmarks, one h1 and a skip link", () => {
    for (const file of listFiles(out).filter((f) => f.endsWith(".html") && !f.includes("presse/") && !f.startsWith("pm/") && !f.startsWith("cms/"))) {
      const $ = html(out, file);
      assert.equal($("h1").length, 1, file);
      assert.equal($("main#main").length, 1, file);
      assert.equal($('a.skip-link[href="#main"]').length, 1, file);
      assert.equal($("header nav[aria-label]").length, 1, file);
      assert.equal($("html").attr("lang"), "de", file);
      // Data for search engines only (JSON-LD on release pages), never a script that runs.
      assert.equal($('script:not([type="application/ld+json"])').length, file === "suche/index.html" ? 1 : 0, file);
      if (file === "suche/index.html") assert.match($("script").attr("src") ?? "", /^\/assets\/search\.[0-9a-f]{12}\.js$/);
    }
  });
});

describe("redirects", () => {
  test("each alias gets a redirect page and a line in _redirects", () => {
    assert.equal(
      readText(out, "_redirects"),
      "/cms/detail.php /1999/03/04/altes-cms/ 301\n" +
        "/pm/radwege/ /2026/11/27/radwege-am-ring/ 301\n" +
        "/presse/archiv/12345.html /2026/11/27/radwege-am-ring/ 301\n",
    );
    for (const [file, target] of [
      ["presse/archiv/12345.html", "/2026/11/27/radwege-am-ring/"],
      ["pm/radwege/index.html", "/2026/11/27/radwege-am-ring/"],
      ["cms/detail.php", "/1999/03/04/altes-cms/"],
    ] as const) {
      const $ = html(out, file);
      assert.equal($('meta[http-equiv="refresh"]').attr("content"), `0; url=${target}`, file);
      assert.equal($("main a").attr("href"), target, file);
      assert.equal($('link[rel="canonical"]').attr("href"), `https://presse.pruefstadt.example${target}`, file);
    }
  });
});

describe("site files", () => {
  test("404 page and stylesheet", () => {
    assert.equal(html(out, "404.html")("h1").text(), "Seite nicht gefunden");
    const href = html(out, "index.html")('link[rel="stylesheet"]').attr("href") ?? "";
    // Named by its content: cached for good, a new stylesheet gets a new name.
    const css = readText(out, href.slice(1));
    assert.match(href, /^\/assets\/style\.[0-9a-f]{12}\.css$/);
    assert.equal(href.slice("/assets/style.".length, -".css".length), createHash("sha256").update(css).digest("hex").slice(0, 12));
    assert.ok(css.includes(".skip-link"));
  });
});
