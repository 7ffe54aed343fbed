/** Properties of the whole output: safe, deterministic, independent of the machine's time zone, paginated. */
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { fixture, html, listFiles, pressroom, readText, removeDir, tempDir } from "./helpers.ts";

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));
const newOut = (): string => {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, "out");
};

function snapshot(out: string): Map<string, Buffer> {
  return new Map(listFiles(out).map((f) => [f, readFileSync(path.join(out, f))]));
}

describe("hostile content", () => {
  test("check names each link whose address the page drops, with its line and column", async () => {
    const { warnings } = await checkContent(fixture("hostile"));
    const removed = warnings.filter((w) => w.code === "link-removed").map((w) => [w.line, w.column, w.params?.address]);
    assert.deepEqual(removed, [
      [18, 10, "javascript:alert('link')"],
      [19, 10, "JaVaScRiPt:alert('mixed')"],
      [20, 10, "jav&#x09;ascript:alert('entity')"],
      [21, 11, "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="],
      [27, 17, "javascript:alert('md')"],
    ]);
  });

  test("no script, event handler, iframe, style or javascript: URL is live in any page", async () => {
    const out = newOut();
    await build({ contentDir: fixture("hostile"), outDir: out, now: "2026-11-27T12:00" });
    for (const file of listFiles(out).filter((f) => f.endsWith(".html"))) {
      const $ = html(out, file);
      // Scripts: JSON-LD data, and on the search page its own module from the site's assets; forms: the search's only.
      const isSearchScript = (el: unknown): boolean =>
        file === "suche/index.html" && $(el as never).attr("type") === "module" && /^\/assets\/search\.[0-9a-f]{12}\.js$/.test($(el as never).attr("src") ?? "");
      assert.equal($('script:not([type="application/ld+json"])').filter((_, el) => !isSearchScript(el)).length, 0, file);
      assert.equal($("iframe, object, embed, style, svg").length, 0, file);
      $("form").each((_, form) => assert.equal($(form).attr("action"), "/suche/", file));
      $("input").each((_, input) => assert.ok($(input).closest("form").length === 1 && ["q"].includes($(input).attr("name") ?? ""), file));
      // The JSON-LD holds the hostile title as data: one element, parsed whole, nothing broke out of it.
      $('script[type="application/ld+json"]').each((_, el) => {
        assert.equal((el as { parent: { name: string } }).parent.name, "head", file);
        JSON.parse($(el).text());
      });
      $("*").each((_, el) => {
        for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
          assert.ok(!/^on/i.test(name), `${file}: ${name} on <${(el as { name: string }).name}>`);
          assert.ok(name !== "style", `${file}: style attribute`);
          assert.ok(!/^\s*(javascript|data|vbscript):/i.test(value.replace(/[\s\u0000-\u001f]/g, "")), `${file}: ${name}=${value}`);
        }
      });
    }
    const $ = html(out, "2026/11/01/angriff/index.html");
    // Shown as text (its quotes set as German quotation marks, as in any title).
    assert.equal($("h1").text(), "<script>alert(„title“)</script>Überschrift", "title shown as text");
    const article = JSON.parse($('script[type="application/ld+json"]').text()) as { headline: string; description: string };
    assert.equal(article.headline, "<script>alert(„title“)</script>Überschrift");
    assert.equal(article.description, "<img src=x onerror=alert(‚subtitle‘)>");
    assert.equal($('script[type="application/ld+json"]').length, 1);
    assert.equal($('meta[property="og:title"]').attr("content"), "<script>alert(„title“)</script>Überschrift");
    assert.equal($("address .contact-name").text(), '<script>alert("contact")</script>Eve');
    assert.equal($(".release-body p").first().text(), "Absatz");
    assert.equal($(".release-body img").length, 0, "an image whose only source was data: is dropped");
    assert.match($(".release-body").text(), /\{\{ constructor\.constructor/);
  });
});

describe("determinism", () => {
  test("same content and same --now give the same bytes, whatever the machine's time zone", () => {
    const outs = ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"].map((zone) => {
      const out = newOut();
      const result = pressroom(["build", "--content", "content", "--out", out, "--now", "2026-11-27T12:00"], {
        env: { TZ: zone },
      });
      assert.equal(result.status, 0, result.stderr);
      return snapshot(out);
    });
    const [first, ...rest] = outs;
    for (const other of rest) {
      assert.deepEqual([...other.keys()], [...first!.keys()]);
      for (const [file, bytes] of first!) assert.ok(other.get(file)!.equals(bytes), file);
    }
  });
});

describe("pagination", () => {
  test("every release but the withdrawn ones is reachable from the home page through the pager", async () => {
    const out = newOut();
    await build({ contentDir: "content", outDir: out, now: "2026-11-27T12:00", pageSize: 7 });
    // A withdrawn release keeps its page but leaves the home page's listing.
    const pages = listFiles(out).filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f) && html(out, f)(".withdrawn-banner").length === 0);
    assert.ok(pages.length < listFiles(out).filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f)).length, "the example has a withdrawn release");
    const seen = new Set<string>();
    const queue = ["/"];
    const visited = new Set<string>();
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (visited.has(url)) continue;
      visited.add(url);
      const $ = html(out, url === "/" ? "index.html" : `${url.slice(1)}index.html`);
      $(".items h2 a").each((_, a) => void seen.add($(a).attr("href")!));
      $(".pager a").each((_, a) => void queue.push($(a).attr("href")!));
    }
    assert.equal(seen.size, pages.length);
    assert.ok(visited.size >= Math.ceil(pages.length / 7));
    const count = visited.size;
    const home = html(out, "index.html");
    assert.equal(home('.pager a[aria-current="page"]').text(), "Neueste");
    assert.equal(home('.pager a[rel="next"]').attr("href"), `/seite/${count - 1}/`);
    assert.ok(home(".items > li").length >= 7 && home(".items > li").length < 14, "the newest page holds the rest: 7 to 13 releases");
    for (let n = 1; n < count; n++) assert.equal(html(out, `seite/${n}/index.html`)(".items > li").length, 7, `page ${n} holds 7 releases`);
    const second = html(out, "seite/2/index.html");
    assert.equal(second('.pager a[aria-current="page"]').text(), "2");
    assert.equal(second('.pager a[rel="prev"]').attr("href"), count > 3 ? "/seite/3/" : "/");
    assert.equal(second('.pager a[rel="next"]').attr("href"), "/seite/1/");
    assert.equal(second(".pager li:not(.pager-step) a").first().text(), "Neueste");
    assert.equal(second("title").text(), `Seite 2 – ${home("title").text()}`, "the site's title once");
    assert.equal(html(out, "seite/1/index.html")('.pager a[rel="next"]').length, 0, "page 1 holds the oldest releases");
  });

  test("a new release changes the newest page of a listing, not the pages of older releases", async () => {
    const dir = path.dirname(newOut());
    const content = path.join(dir, "content");
    cpSync("content", content, { recursive: true });
    const out = path.join(dir, "out");
    const now = "2026-11-28T12:00:00+01:00";
    await build({ contentDir: content, outDir: out, now, pageSize: 5 });
    const before = snapshot(out);
    writeFileSync(
      path.join(content, "releases", "2026", "2026-11-28-neu.md"),
      "---\ntitle: Neue Meldung\ndate: 2026-11-28 09:00\ndepartment: presseamt\n---\n\nEin Absatz.\n",
    );
    await build({ contentDir: content, outDir: out, now, pageSize: 5 });
    const after = snapshot(out);
    const numbered = [...before.keys()].filter((f) => /^seite\/\d+\/index\.html$/.test(f));
    const count = numbered.length + 1;
    assert.ok(count >= 6, `the example has pages enough to show it (${count})`);
    assert.notDeepEqual(after.get("index.html"), before.get("index.html"));
    // Pages near the newest may link a page that is new; those farther down stay byte for byte.
    for (const file of numbered) {
      const n = Number(/\d+/.exec(file)![0]);
      if (n <= count - 4) assert.deepEqual(after.get(file), before.get(file), `${file} changed`);
    }
  });
});

describe("English sites", () => {
  test("English strings, dates in the site's own time zone and English quotation marks", () => {
    const out = newOut();
    const content = path.join(path.dirname(out), "content");
    cpSync(fixture("english"), content, { recursive: true });
    writeFileSync(
      path.join(content, "releases", "2026-06-15-quotes.md"),
      `---\ntitle: 'Mayor: "Parks are for everyone"'\ndate: 2026-06-15\ndepartment: parks\n---\n\nThe mayor said: "It's the city's park - and 'everyone' is welcome..."\n`,
    );
    const result = pressroom(["build", "--content", content, "--out", out, "--now", "2026-11-27T12:00"]);
    assert.equal(result.status, 0, result.stderr);
    const quotes = html(out, "2026/06/15/quotes/index.html");
    assert.equal(quotes("h1").text(), "Mayor: “Parks are for everyone”");
    assert.equal(quotes(".release-body p").text(), "The mayor said: “It’s the city’s park – and ‘everyone’ is welcome…”");
    const $ = html(out, "2026/01/15/news-1/index.html");
    assert.equal($("html").attr("lang"), "en");
    assert.equal($(".meta time").text(), "15 January 2026, 23:30");
    assert.equal($(".meta time").attr("datetime"), "2026-01-15T23:30:00-05:00");
    assert.equal($(".departments a").attr("href"), "/departments/parks/");
    assert.equal($("address a").attr("href"), "tel:+15550100");
    assert.equal(html(out, "index.html")('a.skip-link').text(), "Skip to content");
    assert.ok(readText(out, "departments/parks/index.html").includes("Press releases: Parks Department"));
  });
});

describe("a site below a folder of its host", () => {
  test("every link carries the base path; files and redirects stay in place", async () => {
    const out = newOut();
    await build({ contentDir: fixture("subpath"), outDir: out, now: "2026-11-27T12:00", pageSize: 2 });
    const files = listFiles(out);
    assert.ok(files.includes("index.html") && files.includes("2026/11/20/hallenbad/index.html"), "no /presse folder in the output");
    assert.ok(files.includes("alt/hallenbad.html"));
    for (const file of files.filter((f) => f.endsWith(".html") || f.endsWith(".php"))) {
      const $ = html(out, file);
      $("[href], [src]").each((_, el) => {
        const value = $(el).attr("href") ?? $(el).attr("src")!;
        if (value.startsWith("/")) assert.ok(value.startsWith("/presse/"), `${file}: ${value}`);
      });
    }
    const $ = html(out, "2026/11/20/hallenbad/index.html");
    assert.equal($('link[rel="canonical"]').attr("href"), "https://www.pruefstadt.example/presse/2026/11/20/hallenbad/");
    const src = $("figure img").attr("src")!;
    assert.match(src, /^\/presse\/img\/[0-9a-f]{2}\/baustelle-60\.[0-9a-f]{12}\.jpg$/);
    assert.ok(files.includes(src.slice("/presse/".length)), "web versions stay at the top of the output");
    assert.equal($("figure.photo a.download").attr("href"), "/presse/2026/11/20/hallenbad/baustelle.jpg");
    assert.match($('link[rel="stylesheet"]').attr("href")!, /^\/presse\/assets\/style\.[0-9a-f]{12}\.css$/);
    const older = html(out, "index.html")('.pager a[rel="next"]').attr("href")!;
    assert.match(older, /^\/presse\/seite\/\d+\/$/);
    assert.ok(files.includes(`${older.slice("/presse/".length)}index.html`), older);
    assert.equal(readText(out, "_redirects"), "/presse/alt/hallenbad.html /presse/2026/11/20/hallenbad/ 301\n");
  });

  test("an old address outside the base path is refused with its line", () => {
    const result = pressroom(["check", "--content", fixture("invalid-subpath-alias"), "--lang", "en"]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /releases\/2026-10-01-alt\.md:5 {2}Invalid old address \[invalid-alias\]/);
    assert.match(result.stderr, /"\/cms\/42\.html" cannot be used: it is outside \/presse\/, where the site is published/);
    assert.doesNotMatch(result.stderr, /ok\.html" cannot/);
  });
});
