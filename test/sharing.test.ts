/** What release and listing pages tell search engines and social networks: Open Graph, Twitter cards, schema.org NewsArticle, rel=prev/next. */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { build } from "../src/build.ts";
import { scriptSafeJson, summaryOf } from "../src/site/sharing.ts";
import { fixture, html, listFiles, scratchDirs } from "./helpers.ts";

const newOut = scratchDirs();

interface Article {
  "@context": string;
  "@type": string;
  headline: string;
  description?: string;
  datePublished: string;
  dateModified: string;
  url: string;
  author: { "@type": string; name: string; url: string }[];
  publisher: { name: string; url: string };
  image?: string[];
}

describe("release pages of the example site", () => {
  let out: string;
  before(async () => {
    out = newOut();
    await build({ contentDir: "content", outDir: out, now: "2026-11-27T12:00" });
  });
  const releasePages = (): string[] => listFiles(out).filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f));

  test("each has a NewsArticle that parses and agrees with the page", () => {
    assert.ok(releasePages().length > 40);
    for (const file of releasePages()) {
      const $ = html(out, file);
      const article = JSON.parse($('script[type="application/ld+json"]').text()) as Article;
      assert.equal(article["@context"], "https://schema.org", file);
      assert.equal(article["@type"], "NewsArticle", file);
      assert.equal(article.headline, $("h1").text(), file);
      assert.equal(article.url, $('link[rel="canonical"]').attr("href"), file);
      // The published time with the site's offset, as the page's <time> says.
      assert.equal(article.datePublished, $(".meta time").first().attr("datetime"), file);
      assert.match(article.datePublished, /[+-]\d{2}:\d{2}$/, file);
      assert.equal(article.datePublished, $('meta[property="article:published_time"]').attr("content"), file);
      assert.equal(article.dateModified, $('meta[property="article:modified_time"]').attr("content"), file);
      assert.deepEqual(article.author.map((a) => a.name), $(".departments a").map((_, a) => $(a).text()).get(), file);
      for (const author of article.author) assert.match(author.url, /^https:\/\/presse\.musterstadt\.de\/aemter\/[a-z-]+\/$/);
      assert.equal(article.publisher.url, "https://presse.musterstadt.de/");
      assert.deepEqual(article.image, [$('meta[property="og:image"]').attr("content")], file);
      assert.equal($('meta[property="og:title"]').attr("content"), $("h1").text(), file);
      assert.equal($('meta[property="og:url"]').attr("content"), article.url, file);
      assert.equal($('meta[property="og:type"]').attr("content"), "article", file);
      assert.equal($('meta[property="og:locale"]').attr("content"), "de_DE", file);
      const description = $('meta[name="description"]').attr("content");
      assert.ok(description && description.length > 10 && description.length <= 202, `${file}: ${description}`);
      assert.equal($('meta[property="og:description"]').attr("content"), description, file);
      assert.equal(article.description, description, file);
    }
  });

  test("an updated release says when it changed; one without a subtitle is described by its first paragraph", () => {
    const updated = releasePages().map((f) => html(out, f)).find(($) => $(".update-note time").length === 1);
    assert.ok(updated, "the example site has an updated release");
    const article = JSON.parse(updated('script[type="application/ld+json"]').text()) as Article;
    assert.equal(article.dateModified, updated(".update-note time").attr("datetime"));
    assert.notEqual(article.dateModified, article.datePublished);

    const plain = releasePages().map((f) => html(out, f)).find(($) => $(".subtitle").length === 0)!;
    const first = plain(".release-body p").first().text().replace(/\s+/g, " ").trim();
    const description = plain('meta[name="description"]').attr("content")!;
    assert.ok(first.startsWith(description.replace(/ …$/, "")), `${description} / ${first}`);
  });

  test("listing pages link the pages before and after them by their full address", () => {
    const home = html(out, "index.html");
    assert.equal(home('head link[rel="prev"]').length, 0);
    const older = home('head link[rel="next"]').attr("href")!;
    const n = Number(/\/seite\/(\d+)\/$/.exec(older)![1]);
    assert.equal(older, `https://presse.musterstadt.de/seite/${n}/`);
    const $ = html(out, `seite/${n}/index.html`);
    assert.equal($('link[rel="canonical"]').attr("href"), older);
    assert.equal($('link[rel="prev"]').attr("href"), "https://presse.musterstadt.de/");
    assert.equal($('head link[rel="next"]').attr("href"), n > 1 ? `https://presse.musterstadt.de/seite/${n - 1}/` : undefined);
  });
});

describe("a site below a folder of its host", () => {
  test("addresses in the metadata carry the folder once", async () => {
    const out = newOut();
    await build({ contentDir: fixture("subpath"), outDir: out, now: "2026-11-27T12:00" });
    const file = listFiles(out).find((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f))!;
    const article = JSON.parse(html(out, file)('script[type="application/ld+json"]').text()) as Article;
    assert.match(article.url, /^https:\/\/www\.pruefstadt\.example\/presse\/\d{4}\//);
    for (const author of article.author) assert.match(author.url, /^https:\/\/www\.pruefstadt\.example\/presse\/[a-z]+\/[a-z-]+\/$/);
  });
});

describe("the pieces", () => {
  test("a description from the first paragraph: tags out, entities read, cut at a word", () => {
    assert.equal(summaryOf("<h2>Zwischentitel</h2><p>Die <strong>Stadt</strong> &amp; ihre &quot;Bürger&quot;.</p><p>Mehr</p>"), 'Die Stadt & ihre "Bürger".');
    assert.equal(summaryOf("<ul><li>nur eine Liste</li></ul>"), "");
    const long = `<p>${"Wort ".repeat(100)}</p>`;
    const cut = summaryOf(long);
    assert.ok(cut.length <= 202 && cut.endsWith(" …") && !cut.includes("Wort …W"), cut);
  });

  test("JSON in a script element cannot end it or start markup", () => {
    const text = scriptSafeJson({ headline: "</script><script>alert(1)</script> & \u2028" });
    assert.doesNotMatch(text, /[<>&\u2028]/);
    assert.equal(JSON.parse(text).headline, "</script><script>alert(1)</script> & \u2028");
  });
});
