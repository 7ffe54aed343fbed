/**
 * Theming without touching templates: logo, colour, footer links and social
 * accounts from site.yaml, a template replaced from the content folder's
 * layouts/, and the example site's own design decisions (one title on the
 * home page, thumbnails in lists). The refusals are fixtures of
 * invalid.test.ts (invalid-theme, invalid-layouts); the rules underneath are
 * unit-tested here.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { replaceableTemplates, unsafeParts } from "../src/eleventy/overrides.ts";
import { AA_CONTRAST, contrast, DARK_BACKGROUND, darkEnough, lightEnough, parseColor, ratioText, WHITE } from "../src/theme/color.ts";
import { readLogo } from "../src/theme/logo.ts";
import { fixture, html, pressroom, readText, removeDir, tempDir } from "./helpers.ts";

const NOW = "2026-11-27T12:00";

describe("a site themed in site.yaml, with a template of its own", () => {
  let dir: string;
  let out: string;
  before(() => {
    dir = tempDir();
    out = path.join(dir, "site");
    const built = pressroom(["build", "--content", fixture("themed"), "--out", out, "--now", NOW]);
    assert.equal(built.status, 0, built.stderr);
  });
  after(() => removeDir(dir));

  test("the header shows the logo, published under a name of its content, with its proportions", () => {
    const $ = html(out, "index.html");
    const logo = $(".site-header .site-title img.site-logo");
    assert.equal(logo.length, 1);
    const src = logo.attr("src")!;
    assert.match(src, /^\/assets\/logo\.[0-9a-f]{12}\.png$/);
    assert.deepEqual(readFileSync(path.join(out, src)), readFileSync(fixture("themed/assets/crest.png")));
    // 96 × 48 shown 48 high.
    assert.equal(logo.attr("height"), "48");
    assert.equal(logo.attr("width"), "96");
    // The link's name is the site's title beside it; the logo itself is not read twice.
    assert.equal(logo.attr("alt"), "");
    assert.equal($(".site-title a").text().trim(), "City of Testham – Press releases");
  });

  test("the stylesheet ends with the site's colour and a lighter shade for dark mode", () => {
    const $ = html(out, "index.html");
    const css = readText(out, $('link[rel="stylesheet"]').attr("href")!.slice(1));
    const theme = /:root \{ --brand: (#[0-9a-f]{6}); --brand-on-dark: (#[0-9a-f]{6}); \}\s*$/.exec(css);
    assert.ok(theme, css.slice(-300));
    assert.equal(theme[1], "#800040");
    assert.ok(contrast(theme[2]!, DARK_BACKGROUND) >= AA_CONTRAST);
  });

  test("every page's footer links what site.yaml gives, in the site's language; social accounts carry rel=me", () => {
    for (const page of ["index.html", "404.html", "kontakte/index.html".replace("kontakte", "contacts")]) {
      if (!existsSync(path.join(out, page))) continue;
      const $ = html(out, page);
      const legal = $(".site-footer .footer-legal a")
        .toArray()
        .map((a) => [$(a).text(), $(a).attr("href")]);
      assert.deepEqual(legal, [
        ["Legal notice", "https://www.testham.example/legal"],
        ["Privacy", "https://www.testham.example/privacy"],
        ["Contact", "mailto:press@testham.example"],
      ]);
      const social = $(".site-footer .footer-social a");
      assert.equal(social.text(), "Mastodon");
      assert.equal(social.attr("rel"), "me");
    }
  });

  test("a template in layouts/ replaces pressroom's of the same name", () => {
    const $ = html(out, "index.html");
    assert.ok($(".items .item").length > 0);
    assert.equal($(".items .item .city-mark").length, $(".items .item").length);
  });

  test("each release names the logo as its publisher's in schema.org data", () => {
    const release = readdirSync(out, { recursive: true, encoding: "utf8" }).find((f) => /^2026\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(f.split(path.sep).join("/")));
    assert.ok(release);
    const $ = html(out, release);
    const data = JSON.parse($('script[type="application/ld+json"]').text());
    assert.match(data.publisher.logo.url, /^https:\/\/press\.testham\.example\/assets\/logo\.[0-9a-f]{12}\.png$/);
    assert.equal(data.publisher.logo["@type"], "ImageObject");
  });
});

/** The one image of an ICO file (type 1, one entry), as its entry says: size and bytes. */
function icoImage(bytes: Buffer): { width: number; height: number; image: Buffer } {
  assert.deepEqual([bytes.readUInt16LE(0), bytes.readUInt16LE(2), bytes.readUInt16LE(4)], [0, 1, 1]);
  const length = bytes.readUInt32LE(14);
  const offset = bytes.readUInt32LE(18);
  assert.equal(offset + length, bytes.length);
  return { width: bytes.readUInt8(6), height: bytes.readUInt8(7), image: bytes.subarray(offset) };
}

describe("the site's icon", () => {
  test("a site with a logo uses it as its icon; every page links it; /favicon.ico holds it at 32 × 32", async () => {
    const out = path.join(tempDir(), "site");
    try {
      const built = pressroom(["build", "--content", fixture("themed"), "--out", out, "--now", NOW]);
      assert.equal(built.status, 0, built.stderr);
      for (const page of ["index.html", "404.html", "contacts/index.html"]) {
        const $ = html(out, page);
        assert.equal($('link[rel="icon"]').attr("href"), $("img.site-logo").attr("src"), page);
        assert.equal($('link[rel="icon"]').attr("type"), "image/png");
      }
      const ico = icoImage(readFileSync(path.join(out, "favicon.ico")));
      const sharp = (await import("sharp")).default;
      const meta = await sharp(ico.image).metadata();
      assert.deepEqual([ico.width, ico.height, meta.format, meta.width, meta.height], [32, 32, "png", 32, 32]);
    } finally {
      removeDir(path.dirname(out));
    }
  });

  test("a site without a logo gets a drawn icon in its colour", async () => {
    const out = path.join(tempDir(), "site");
    try {
      const built = pressroom(["build", "--content", fixture("corrections"), "--out", out, "--now", NOW]);
      assert.equal(built.status, 0, built.stderr);
      const href = html(out, "index.html")('link[rel="icon"]').attr("href")!;
      assert.match(href, /^\/assets\/icon\.[0-9a-f]{12}\.svg$/);
      assert.match(readText(out, href.slice(1)), /<rect [^>]*fill="#005a9c"/);
      const sharp = (await import("sharp")).default;
      // Its middle is the white sheet, its corner the site's colour.
      const { data, info } = await sharp(icoImage(readFileSync(path.join(out, "favicon.ico"))).image).raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
      assert.deepEqual(pixel(14, 8), [255, 255, 255]);
      assert.deepEqual(pixel(3, 16), [0, 0x5a, 0x9c]);
    } finally {
      removeDir(path.dirname(out));
    }
  });
});

describe("the example site", () => {
  let dir: string;
  let out: string;
  before(() => {
    dir = tempDir();
    out = path.join(dir, "site");
    const built = pressroom(["build", "--content", "content", "--out", out, "--now", NOW]);
    assert.equal(built.status, 0, built.stderr);
  });
  after(() => removeDir(dir));

  test("the home page names the site once, in the header; its heading says what it lists", () => {
    const $ = html(out, "index.html");
    assert.equal($("h1").text(), "Aktuelle Meldungen");
    assert.equal($("title").text(), "Stadt Musterstadt – Pressemitteilungen");
    const title = "Stadt Musterstadt – Pressemitteilungen";
    assert.equal($("header").text().split(title).length - 1, 1);
    assert.equal($("main").text().includes(title), false);
  });

  test("lists show a small picture of a release's first photo, decorative, from its web versions", () => {
    const $ = html(out, "index.html");
    const items = $(".items .item");
    const withPhoto = items.filter((_, item) => $(item).find(".thumbnail").length > 0);
    assert.ok(withPhoto.length >= 3, `${withPhoto.length} thumbnails`);
    assert.ok(withPhoto.length < items.length, "releases without a photo have none");
    withPhoto.each((_, item) => {
      const img = $(item).find(".thumbnail img");
      assert.equal(img.attr("alt"), "");
      assert.equal(img.attr("loading"), "lazy");
      assert.equal(img.attr("sizes"), "8rem");
      assert.ok(Number(img.attr("width")) > 0 && Number(img.attr("height")) > 0);
      assert.ok(existsSync(path.join(out, img.attr("src")!)), img.attr("src"));
      // The thumbnail follows the title: the first thing in the item a screen reader meets is the link.
      assert.ok($(item).find("h2 a").index() !== -1);
    });
    // The Radwege release (its photo baustelle-ring.jpg) is among them.
    const radwege = items.filter((_, item) => $(item).find("h2 a").text() === "Radwege am Ring werden breiter");
    assert.match(radwege.find(".thumbnail img").attr("src")!, /baustelle-ring/);
  });

  test("the footer links Impressum and Datenschutz on every page kind", () => {
    for (const page of ["index.html", "404.html", "kontakte/index.html", "suche/index.html", "2025/03/14/radwege-am-ring/index.html", "aemter/index.html"]) {
      const $ = html(out, page);
      const texts = $(".site-footer .footer-legal a").toArray().map((a) => $(a).text());
      assert.deepEqual(texts, ["Impressum", "Datenschutz", "Barrierefreiheit", "Kontakt"], page);
    }
  });

  test("a printed release ends with its own address", () => {
    const $ = html(out, "2025/03/14/radwege-am-ring/index.html");
    assert.equal($(".print-url").text(), "https://presse.musterstadt.de/2025/03/14/radwege-am-ring/");
  });
});

describe("the colour rules", () => {
  test("contrast follows WCAG 2.1: black on white 21:1, #767676 just passes, #777777 just fails", () => {
    assert.equal(contrast("#000000", WHITE), 21);
    assert.ok(contrast("#767676", WHITE) >= AA_CONTRAST);
    assert.ok(contrast("#777777", WHITE) < AA_CONTRAST);
    assert.equal(ratioText(contrast("#777777", WHITE)), "4.47:1");
  });

  test("colours are read as CSS writes them; transparent and unknown ones are not colours", () => {
    assert.equal(parseColor("#005A9C"), "#005a9c");
    assert.equal(parseColor("rgb(0 90 156)"), "#005a9c");
    assert.equal(parseColor("navy"), "#000080");
    assert.equal(parseColor("blau"), undefined);
    assert.equal(parseColor("#005a9c80"), undefined);
  });

  test("the suggested darker shade passes, and a passing colour is left as it is", () => {
    for (const color of ["#7fb2e5", "#ffdd00", "#e30613", "#00a0e3", "#8fce00"]) {
      const darker = darkEnough(color);
      assert.ok(contrast(darker, WHITE) >= AA_CONTRAST, `${color} → ${darker}`);
      const lighter = lightEnough(color);
      assert.ok(contrast(lighter, DARK_BACKGROUND) >= AA_CONTRAST, `${color} → ${lighter}`);
    }
    assert.equal(darkEnough("#005a9c"), "#005a9c");
  });
});

describe("the template rules", () => {
  const parse = async (source: string) => {
    const { createRequire } = await import("node:module");
    const nunjucks = createRequire(import.meta.resolve("@11ty/eleventy"))("nunjucks");
    return unsafeParts(nunjucks.parser.parse(source)).map((p) => p.what);
  };

  test("pressroom's own templates pass its rules", async () => {
    for (const name of replaceableTemplates()) {
      const text = readFileSync(path.join("layouts", "_includes", name), "utf8");
      assert.deepEqual(await parse(text), [], name);
    }
  });

  test("| safe only on the HTML pressroom made; no way to JavaScript's constructors", async () => {
    assert.deepEqual(await parse("{{ release.bodyHtml | safe }}{{ image.html | safe }}{{ item.thumbnail | safe }}"), []);
    assert.deepEqual(await parse("{{ release.title | safe }}"), ["| safe on release.title"]);
    assert.deepEqual(await parse("{% filter safe %}<b>{{ x }}</b>{% endfilter %}"), ["| safe on a computed value"]);
    assert.deepEqual(await parse("{{ release.title | upper | safe }}"), ["| safe on a computed value"]);
    assert.deepEqual(await parse('{{ cycler.constructor("return 1")() }}'), ["a call of a computed value", 'the name "constructor"']);
    assert.deepEqual(await parse('{{ x["constr" + "uctor"] }}'), ["a computed name in [ ]"]);
    assert.deepEqual(await parse("{{ x.__proto__ }}{{ f.call(1) }}"), ['the name "__proto__"', 'the name "call"']);
    assert.deepEqual(await parse("{{ items[0].title }}{{ t.updatedOn(release.updated.text) }}"), []);
  });

  test("a template's own markup holds no script, handler, javascript: address or embedded page", async () => {
    // pressroom's own forms pass.
    assert.deepEqual(
      await parse(
        '<script type="application/ld+json">{{ release.sharing.jsonLd | safe }}</script><script type="module" src="{{ pressroom.searchScript }}"></script>' +
          '<meta http-equiv="refresh" content="0; url={{ redirect.to }}"><a href="https://stadt.example/" class="x">Stadt</a><img src="{{ image.src }}" alt="">',
      ),
      [],
    );
    assert.deepEqual(
      await parse(
        "<p>a</p>\n<script>alert(1)</script>\n<script src=\"https://cdn.example/x.js\"></script><b onclick=\"x()\">b</b>\n" +
          '<a href="javascript:alert(1)">c</a><a href = \' data:text/html,x\'>d</a><iframe src="https://example.org"></iframe>' +
          '<base href="https://evil.example/"><meta http-equiv="refresh" content="0; url=https://evil.example/"><object data="x.swf"></object>',
      ),
      [
        "a <script> of its own",
        "a <script> of its own",
        "an event handler (on…=)",
        "a javascript: or data: address",
        "a javascript: or data: address",
        "the element <iframe>",
        "the element <base>",
        "a <meta http-equiv> of its own",
        "the element <object>",
      ],
    );
    // A script tag built around a printed value is no escape either.
    assert.deepEqual(await parse('<script type="module" src="{{ x }}" onload="y()"></script>'), ["a <script> of its own", "an event handler (on…=)"]);
    // Addresses and names built in the template, which the markup alone does not show.
    assert.deepEqual(await parse('{% set x = "javascript:alert(1)" %}<a href="{{ x }}">a</a>'), ["a javascript: or data: address"]);
    assert.deepEqual(await parse('<a href="java&#115;cript:alert(1)">a</a><a href="java{{ \'\' }}script:alert(1)">b</a><img src=" &#x64;ata:image/svg+xml,x">'), [
      "a javascript: or data: address",
      "a javascript: or data: address",
      "a javascript: or data: address",
    ]);
    assert.deepEqual(await parse('<b on{{ x }}="y()">a</b><{{ t }} src="x.js"></{{ t }}>'), [
      "a tag or attribute name made of a value",
      "a tag or attribute name made of a value",
      "a tag or attribute name made of a value",
    ]);
    // The module only from pressroom's own address for it, the refresh only to the redirect's target.
    assert.deepEqual(await parse('<script type="module" src="{{ release.title }}"></script><meta http-equiv="refresh" content="0; url={{ release.title }}">'), [
      "a <script> of its own",
      "a <meta http-equiv> of its own",
    ]);
  });
});

describe("the logo rules", () => {
  let dir: string;
  before(() => (dir = tempDir()));
  after(() => removeDir(dir));
  const svg = async (body: string, attributes = 'viewBox="0 0 40 48"') => {
    const { writeFileSync } = await import("node:fs");
    const file = path.join(dir, "logo.svg");
    writeFileSync(file, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${body}</svg>`);
    return readLogo(file);
  };

  test("a plain SVG is measured from its viewBox or its width and height", async () => {
    assert.deepEqual(await svg('<path d="M0 0h40v48z"/>').then((l) => ("reason" in l ? l : [l.width, l.height, l.type])), [40, 48, "svg"]);
    assert.deepEqual(await svg("<g/>", 'width="120" height="60"').then((l) => ("reason" in l ? l : [l.width, l.height])), [120, 60]);
    // An embedded raster image is still a picture.
    assert.ok(!("reason" in (await svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'))));
  });

  test("an SVG that could run script or load another address is refused", async () => {
    const reasons = await Promise.all(
      [
        "<script>alert(1)</script>",
        '<g onload="alert(1)"/>',
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
        '<a href="javascript:alert(1)"><path d="M0 0"/></a>',
        '<image xlink:href="https://tracker.example/p.png"/>',
        '<style>@import "https://evil.example/x.css";</style>',
        '<rect style="fill: url(https://evil.example/x.svg#p)"/>',
      ].map(async (body) => {
        const logo = await svg(body);
        return "reason" in logo ? logo.reason : "accepted";
      }),
    );
    assert.equal(reasons.filter((r) => r === "accepted").length, 0, reasons.join("; "));
  });
});
