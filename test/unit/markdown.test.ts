/** Release bodies (src/markdown/render.ts): Markdown to a safe subset of HTML. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as cheerio from "cheerio";
import { renderBody } from "../../src/markdown/render.ts";

const ALLOWED_SCHEMES = new Set(["http", "https", "mailto", "tel"]);

/** The scheme a browser would see in a URL attribute, or undefined for a relative URL. */
function schemeOf(url: string): string | undefined {
  // Browsers drop leading/trailing C0 controls and spaces, and tabs/newlines anywhere.
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** Assert the HTML holds nothing that can run code. */
function assertSafe(html: string): void {
  const $ = cheerio.load(html, null, false);
  assert.equal($("script, style, iframe, object, embed, form, input, svg, math, base, meta, link, template").length, 0, html);
  $("*").each((_, el) => {
    if (el.type !== "tag") return;
    for (const [name, value] of Object.entries(el.attribs)) {
      assert.ok(!/^on/i.test(name), `event handler ${name} in ${html}`);
      assert.notEqual(name.toLowerCase(), "style", html);
      if (["href", "src", "action", "formaction", "xlink:href", "srcset"].includes(name.toLowerCase())) {
        const scheme = schemeOf(value);
        assert.ok(scheme === undefined || ALLOWED_SCHEMES.has(scheme), `${name}="${value}" in ${html}`);
        if (el.tagName === "img" && scheme !== undefined) assert.ok(scheme === "http" || scheme === "https", html);
      }
    }
  });
}

describe("renderBody removes what can run code", () => {
  it("(the safety check itself catches unsafe HTML)", () => {
    for (const unsafe of ['<a href="jav\tascript:x">x</a>', '<p onclick="x">x</p>', "<script></script>", '<img src="data:x" alt="">']) {
      assert.throws(() => assertSafe(unsafe), unsafe);
    }
    assertSafe('<a href="jav%09ascript:x">relative</a><a href="https://ok.example">ok</a>');
  });

  const attacks: [string, string][] = [
    ["script", "Hallo <script>alert(1)</script> Welt"],
    ["a script block", "<script>\nalert(1)\n</script>\n\nText"],
    ["mixed-case script", "<ScRiPt>alert(1)</ScRiPt><SCRIPT src=https://evil.example/x.js></SCRIPT>"],
    ["onclick", '<p onclick="alert(1)">Klick</p>'],
    ["onerror", '<img src="https://x.example/a.jpg" onerror="alert(1)" alt="Bild">'],
    ["ONMOUSEOVER", '<a href="https://x.example" ONMOUSEOVER="alert(1)">x</a>'],
    ["onclick in a table cell", '<table><tr><td onclick="x()">1</td></tr></table>'],
    ["iframe", '<iframe src="https://evil.example"></iframe>Danach'],
    ["style element", "<style>body { display: none }</style>Text"],
    ["style attribute", '<p style="background:url(javascript:alert(1))">x</p>'],
    ["javascript: link", '<a href="javascript:alert(1)">x</a>'],
    ["JavaScript: in mixed case", '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ["entity-encoded tab", '<a href="jav&#x09;ascript:alert(1)">x</a>'],
    ["entity-encoded newline", '<a href="jav&#x0A;ascript:alert(1)">x</a>'],
    ["decimal entities", '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
    ["&colon;", '<a href="javascript&colon;alert(1)">x</a>'],
    ["leading spaces", '<a href="   javascript:alert(1)">x</a>'],
    ["a control character", '<a href="\u0001javascript:alert(1)">x</a>'],
    ["data: link", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
    ["DATA: link", '<a href="DATA:text/html,<script>alert(1)</script>">x</a>'],
    ["data: image", '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="x">'],
    ["vbscript:", '<a href="vbscript:msgbox(1)">x</a>'],
    ["Markdown javascript: link", "[x](javascript:alert(1))"],
    ["Markdown JAVASCRIPT: link", "[x](JAVASCRIPT:alert(1))"],
    ["Markdown entity-encoded link", "[x](jav&#x09;ascript:alert(1))"],
    ["Markdown reference link", "[x]: javascript:alert(1)\n\n[y][x]"],
    ["Markdown autolink", "<javascript:alert(1)>"],
    ["Markdown data: image", "![x](data:image/png;base64,AAAA)"],
    ["svg onload", "<svg onload=alert(1)><circle r=1 /></svg>ok"],
    ["math", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>ok'],
    ["object and embed", '<object data="x.swf"></object><embed src="x.swf">ok'],
    ["form", '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>ok'],
    ["base and meta", '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">ok'],
    ["template", "<template><script>alert(1)</script></template>ok"],
    ["protocol-relative", '<a href="//evil.example/x">x</a><img src="//evil.example/x.png" alt="x">'],
    ["unclosed tag trick", '<img src="x" alt="<script>alert(1)</script>">'],
  ];
  for (const [name, source] of attacks) {
    it(name, () => {
      const html = renderBody(source);
      assertSafe(html);
      assert.doesNotMatch(html, /<script|<iframe|<style|\son\w+\s*=/i);
    });
  }

  it("the script's content is gone, not just its tags", () => {
    const html = renderBody("Vorher <script>alert('geheim')</script> nachher");
    assert.doesNotMatch(html, /geheim|alert/);
    assert.match(html, /Vorher/);
    assert.match(html, /nachher/);
  });

  it("the link text stays when the address is removed", () => {
    const $ = cheerio.load(renderBody('<a href="javascript:alert(1)">Mehr lesen</a>'), null, false);
    assert.equal($.text().trim(), "Mehr lesen");
    assert.equal($("a[href]").length, 0);
  });

  it("attributes outside the allowlist are dropped; an id stays under a prefix", () => {
    const $ = cheerio.load(renderBody('<a href="https://x.example" target="_blank" class="c" id="i">t</a>'), null, false);
    assert.deepEqual({ ...$("a").get(0)!.attribs }, { href: "https://x.example", id: "user-content-i" });
  });
});

describe("renderBody keeps in-page links of migrated bodies", () => {
  it("ids and old <a name> targets get the prefix, and links to them follow; other fragments stay", () => {
    const $ = cheerio.load(
      renderBody('<p><a href="#programm">Programm</a> <a href="#oben">oben</a> <a href="#main">Seite</a></p>\n\n<h2 id="programm">Programm</h2>\n\n<a name="oben"></a>\n\n<p id="user-content-x" name="y">z</p>'),
      null,
      false,
    );
    assert.deepEqual($("a[href]").toArray().map((a) => $(a).attr("href")), ["#user-content-programm", "#user-content-oben", "#main"]);
    assert.equal($("h2").attr("id"), "user-content-programm");
    assert.equal($("a#user-content-oben").length, 1);
    assert.equal($("p#user-content-x").length, 1, "an id that has the prefix already keeps it once");
    assert.equal($("[name]").length, 0);
  });

  it("an id of white space is no id; one with spaces is one word", () => {
    const $ = cheerio.load(renderBody('<p id="  ">a</p><p id="zwei worte">b</p>'), null, false);
    assert.deepEqual($("p").toArray().map((p) => $(p).attr("id")), [undefined, "user-content-zwei-worte"]);
  });
});

describe("renderBody never nests a paragraph in a paragraph", () => {
  for (const [what, source] of [
    ["paragraphs in a span on one line", "<span><p>Eins</p><p>Zwei</p></span>"],
    ["text before a span with a paragraph", "Davor <span><p>Eins</p></span> danach"],
    ["a list in a span", "<span><ul><li>Eins</li></ul></span>"],
  ] as const) {
    it(what, () => {
      const html = renderBody(source);
      assert.doesNotMatch(html, /<p>(?:(?!<\/p>)[\s\S])*<(?:p|ul)\b/, html);
      assert.ok(html.includes("Eins"), html);
    });
  }
});

describe("renderBody keeps the safe subset", () => {
  it("paragraphs and emphasis", () => {
    const $ = cheerio.load(renderBody("Ein *wichtiger* und **sehr wichtiger** Satz.\n\nZweiter Absatz."), null, false);
    assert.equal($("p").length, 2);
    assert.equal($("em").text(), "wichtiger");
    assert.equal($("strong").text(), "sehr wichtiger");
  });

  it("raw HTML emphasis from an old CMS", () => {
    const html = renderBody("<p><b>Fett</b> und <i>kursiv</i> und <u>unterstrichen</u></p>");
    assert.match(html, /<b>Fett<\/b>/);
    assert.match(html, /<i>kursiv<\/i>/);
    assert.match(html, /<u>unterstrichen<\/u>/);
  });

  it("h1 becomes h2, other headings stay", () => {
    const $ = cheerio.load(renderBody("# Erste\n\n## Zweite\n\n### Dritte\n\n<h1>Alt</h1>"), null, false);
    assert.equal($("h1").length, 0);
    assert.deepEqual($("h2").map((_, e) => $(e).text()).get(), ["Erste", "Zweite", "Alt"]);
    assert.equal($("h3").text(), "Dritte");
  });

  it("tables", () => {
    const $ = cheerio.load(renderBody("| Straße | Beginn |\n|---|---|\n| Ring | März |\n| Hafen | April |"), null, false);
    assert.equal($("table").length, 1);
    assert.deepEqual($("th").map((_, e) => $(e).text()).get(), ["Straße", "Beginn"]);
    assert.equal($("tbody tr").length, 2);
    assert.equal($("td").first().text(), "Ring");
  });

  it("raw HTML tables keep colspan", () => {
    const $ = cheerio.load(renderBody('<table><tr><th colspan="2">Kopf</th></tr><tr><td>a</td><td>b</td></tr></table>'), null, false);
    assert.equal($("th").attr("colspan"), "2");
    assert.equal($("td").length, 2);
  });

  it("lists", () => {
    const $ = cheerio.load(renderBody("- eins\n- zwei\n\n1. erstens\n2. zweitens"), null, false);
    assert.equal($("ul li").length, 2);
    assert.equal($("ol li").length, 2);
  });

  it("links with https, http, mailto and tel, and relative links", () => {
    const source =
      "[Web](https://www.musterstadt.de) [Alt](http://alt.musterstadt.de) [Mail](mailto:presse@musterstadt.de) " +
      "[Tel](tel:+492514926609) [Intern](/2026/11/27/radwege/) [PDF](lageplan.pdf)";
    const $ = cheerio.load(renderBody(source), null, false);
    assert.deepEqual($("a").map((_, e) => $(e).attr("href")).get(), [
      "https://www.musterstadt.de",
      "http://alt.musterstadt.de",
      "mailto:presse@musterstadt.de",
      "tel:+492514926609",
      "/2026/11/27/radwege/",
      "lageplan.pdf",
    ]);
  });

  it("a bare address becomes a link", () => {
    const $ = cheerio.load(renderBody("Mehr unter https://www.musterstadt.de/radwege."), null, false);
    assert.equal($("a").attr("href"), "https://www.musterstadt.de/radwege");
  });

  it("an image on another website becomes a link to it, named by its alt text or its address", () => {
    // The site's policy (img-src 'self') would refuse it, and loading it would tell that website who reads.
    const $ = cheerio.load(renderBody('![Bagger am Ring](https://x.example/bagger.jpg "Titel")\n\nText <img src="http://x.example/cms/logo.gif"> mehr.'), null, false);
    assert.equal($("img").length, 0);
    assert.deepEqual($("a").map((_, a) => [[$(a).attr("href"), $(a).text()]]).get(), [
      ["https://x.example/bagger.jpg", "Bagger am Ring"],
      ["http://x.example/cms/logo.gif", "x.example/cms/logo.gif"],
    ]);
    assert.equal($("p").first().children().length, 1, "alone in its paragraph, the link stays a paragraph of its own");
  });

  it("a link around an image of another website keeps its target and gets a name", () => {
    const $ = cheerio.load(renderBody('<a href="https://www.pruefstadt.de/baeder/"><img src="https://www.pruefstadt.de/freibad.gif" border="0"></a>'), null, false);
    assert.equal($("img").length, 0);
    assert.equal($("a").attr("href"), "https://www.pruefstadt.de/baeder/");
    assert.equal($("a").text(), "www.pruefstadt.de/baeder");
  });

  it("a link around an image of the site without alt text is named by its address", () => {
    const $ = cheerio.load(renderBody('<a href="/2026/01/01/neujahr/"><img src="/img/neujahr.jpg"></a>'), null, false);
    assert.equal($("img").attr("alt"), "");
    assert.equal($("a").attr("aria-label"), "/2026/01/01/neujahr");
    const named = cheerio.load(renderBody('<a href="/x/"><img src="/img/a.jpg" alt="Neujahr"></a>'), null, false);
    assert.equal(named("a").attr("aria-label"), undefined);
  });

  it("sizes that are not whole pixels are dropped, spans are left out with their text kept", () => {
    const $ = cheerio.load(renderBody('<p><img src="/a.gif" width="100%" height="auto" alt="A"> <img src="/b.gif" width=" 40 " height="30" alt="B"></p>\n\n<div><span>\n<p>Absatz</p>\n</span></div>'), null, false);
    assert.deepEqual($("img").map((_, i) => [[$(i).attr("width"), $(i).attr("height")]]).get(), [[undefined, undefined], [" 40 ", "30"]]);
    assert.equal($("span").length, 0);
    assert.equal($("p").last().text(), "Absatz");
  });

  it("text is escaped", () => {
    const html = renderBody("AT&T sagt 3 < 4 & 5 > 2");
    assert.match(html, /AT&amp;T/);
    assert.match(html, /3 &lt; 4/);
  });

  it("template syntax is printed as written", () => {
    const html = renderBody("Im Text {{ x }} und {% y %} und {{ site.title | upcase }}.\n\n`{{ code }}`");
    const $ = cheerio.load(html, null, false);
    assert.match($.text(), /\{\{ x \}\}/);
    assert.match($.text(), /\{% y %\}/);
    assert.match($.text(), /\{\{ site\.title \| upcase \}\}/);
    assert.equal($("code").text(), "{{ code }}");
  });

  it("a code block keeps HTML as text", () => {
    const $ = cheerio.load(renderBody("```\n<script>alert(1)</script>\n```"), null, false);
    assert.equal($("script").length, 0);
    assert.match($("pre code").text(), /<script>alert\(1\)<\/script>/);
  });

  it("an empty body renders to nothing", () => {
    assert.equal(renderBody("").trim(), "");
  });
});
