/**
 * The hostile corpus (test/hostile/vectors.txt and corpus.ts): over two hundred cross-site
 * scripting vectors from published cheat sheets and sanitizer test suites, each the body of a
 * release. `check` names every problem with file and line; the build's pages and feeds are read
 * with an HTML parser; every release page is opened in Chromium, served without the site's
 * Content-Security-Policy (so the markup alone is tested), with alert, confirm, prompt and print
 * trapped and every element given the events a reader would cause.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { renderBody } from "../src/markdown/render.ts";
import { feedEntries, htmlFiles, launchChromium, PagePool, serveOutput, type Served } from "./browser.ts";
import { VECTORS, type Vector } from "./hostile/corpus.ts";
import { inspect } from "./hostile/inspect.ts";
import { CORPUS_NOW, releaseName, writeCorpusSite } from "./hostile/site.ts";
import { scratchDirs } from "./helpers.ts";

const fresh = scratchDirs();

test("the corpus has over 200 distinct vectors from published sources", () => {
  assert.ok(VECTORS.length >= 200, `${VECTORS.length} vectors`);
  assert.equal(new Set(VECTORS.map((v) => v.body)).size, VECTORS.length, "each vector once");
  const sources = new Set(VECTORS.map((v) => v.source));
  for (const source of ["owasp", "html5sec", "portswigger", "dompurify", "sanitize-html", "markdown", "unicode"]) assert.ok(sources.has(source), source);
});

test("every vector's text, rendered, holds no script, no handler and no address of another scheme", () => {
  const found = VECTORS.flatMap((v, i) => inspect(renderBody(v.body), `vector ${i + 1} (${v.source})`, "body"));
  assert.deepEqual(found, []);
});

/** The vectors whose release check refuses (an image named "x" or "1" without a file), and the rest. */
let refused: { vector: Vector; index: number }[] = [];
let out: string;

describe("built as releases", () => {
  before(async () => {
    const content = path.join(fresh(), "content");
    writeCorpusSite(content, VECTORS);
    const checked = await checkContent(content);
    // Only images the body names whose file is not there (or that name an address of the site, "/"): every one named with its file and line.
    for (const p of checked.problems) {
      assert.ok(p.code === "media-type" || p.code === "media-missing" || p.code === "image-site-absolute", `${p.code} ${p.file}:${p.line} ${p.message}`);
      assert.ok(p.file.startsWith("releases/") && typeof p.line === "number", `${p.file}:${p.line}`);
    }
    const refusedFiles = new Set(checked.problems.map((p) => p.file));
    refused = VECTORS.map((vector, index) => ({ vector, index })).filter(({ index }) => refusedFiles.has(releaseName(index).file));
    assert.ok(refused.length < VECTORS.length / 10, `${refused.length} refused`);
    const buildable = path.join(fresh(), "content");
    writeCorpusSite(buildable, VECTORS, (i) => !refusedFiles.has(releaseName(i).file));
    out = path.join(fresh(), "out");
    await build({ contentDir: buildable, outDir: out, now: CORPUS_NOW, cacheDir: fresh() });
  });

  test("every page holds only the site's own scripts, no handler, no address of another scheme; no text brings an element that runs or embeds", () => {
    const pages = htmlFiles(out);
    assert.ok(pages.length > VECTORS.length, `${pages.length} pages`);
    const found = pages.flatMap((file) => {
      const html = readFileSync(path.join(out, file), "utf8");
      return inspect(html, file, /\/vektor-\d+\/index\.html$/.test(file) ? ".release-body" : undefined);
    });
    assert.deepEqual(found, []);
  });

  test("so does every feed entry", () => {
    const entries = feedEntries(out);
    assert.ok(entries.length >= 100, `${entries.length} entries`);
    assert.deepEqual(entries.flatMap((e) => inspect(e.html, e.where, "body")), []);
  });

  describe("in Chromium, without the security policy", () => {
    let browser: Browser;
    let served: Served;
    let pool: PagePool;
    const calls: string[] = [];

    before(async () => {
      browser = await launchChromium();
      served = await serveOutput(out, { headers: false });
      const pages: Page[] = [];
      for (let i = 0; i < 4; i++) {
        const page = await browser.newPage();
        // Any dialog at all, and any request away from the served site, is a finding.
        page.on("dialog", (dialog) => {
          calls.push(`${showing.get(page)}: dialog ${dialog.type()} ${dialog.message()}`);
          void dialog.dismiss();
        });
        page.on("request", (request) => {
          if (!request.url().startsWith(served.base) && !request.url().startsWith("data:")) calls.push(`${showing.get(page)}: request ${request.url()}`);
        });
        await page.exposeFunction("__hostileCall", (what: string) => void calls.push(`${showing.get(page)}: ${what}`));
        await page.addInitScript(() => {
          const w = globalThis as unknown as Record<string, unknown> & { __hostileCall: (what: string) => void };
          for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
            w[name] = (...args: unknown[]) => w.__hostileCall(`${name}(${args.map(String).join(", ")})`);
          }
        });
        pages.push(page);
      }
      pool = new PagePool(pages);
    });

    after(async () => {
      await browser?.close();
      await served?.close();
    });

    /**
     * Load a page's HTML into a tab that shows the served site (document.write, as Playwright's
     * setContent does: ten times faster than a navigation, and the page's own addresses resolve
     * as served), then give every element of the text the events a reader's mouse, keyboard and
     * screen would cause.
     */
    const showing = new Map<Page, string>();
    const visit = (html: string, label: string) =>
      pool.use(async (page) => {
        showing.set(page, label);
        if (!page.url().startsWith(served.base)) await page.goto(`${served.base}/`);
        await page.setContent(html, { waitUntil: "load" });
        await page.evaluate(() => {
          type Target = { dispatchEvent: (e: unknown) => boolean; focus?: () => void };
          const g = globalThis as unknown as {
            document: { querySelectorAll: (s: string) => ArrayLike<Target>; addEventListener: (t: string, f: (e: { preventDefault: () => void }) => void, c: boolean) => void };
            Event: new (t: string, o: object) => unknown;
            MouseEvent: new (t: string, o: object) => unknown;
          };
          // A click follows no link: handlers run, navigation does not.
          g.document.addEventListener("click", (event) => event.preventDefault(), true);
          for (const element of Array.from(g.document.querySelectorAll(".release-body, .release-body *"))) {
            for (const type of ["mouseover", "mouseenter", "pointerover", "mousedown", "mouseup", "click", "dblclick", "auxclick", "contextmenu"]) {
              element.dispatchEvent(new g.MouseEvent(type, { bubbles: true, cancelable: true }));
            }
            for (const type of ["focus", "focusin", "blur", "input", "change", "toggle", "animationstart", "transitionend", "scroll", "load", "error"]) {
              element.dispatchEvent(new g.Event(type, { bubbles: true }));
            }
            element.focus?.();
          }
        });
      });

    test("the trap catches a handler, a script, a dialog and a request to another site when they are there", async () => {
      const planted = [
        '<div class="release-body"><img src="missing.png" onerror="alert(1)"></div>',
        '<div class="release-body"><p onmouseover="confirm(2)">x</p></div>',
        '<div class="release-body"><script>prompt(3)</script></div>',
        '<div class="release-body"><img src="https://evil.example/pixel.gif"></div>',
      ];
      await Promise.all(planted.map((html, i) => visit(html, `planted ${i + 1}`)));
      const caught = calls.splice(0);
      assert.deepEqual([...new Set(caught.map((c) => c.split(":")[0]))].sort(), ["planted 1", "planted 2", "planted 3", "planted 4"], caught.join("\n"));
      assert.deepEqual(inspect(planted.slice(0, 3).join(""), "planted", ".release-body"), [
        'planted: <img onerror="alert(1)">',
        'planted: <p onmouseover="confirm(2)">',
        "planted: a script that is not the page's own (no type)",
        "planted: <script> in the text",
      ]);
    });

    test("no release page calls a dialog or reaches another site", async () => {
      const pages = htmlFiles(out).filter((file) => /\/vektor-\d+\/index\.html$/.test(file));
      assert.equal(pages.length, VECTORS.length - refused.length);
      await Promise.all(pages.map((file) => visit(readFileSync(path.join(out, file), "utf8"), file)));
      assert.deepEqual(calls, []);
    });

    test("nor does the text of a release the check refused, rendered into a release page as the build would", async () => {
      const template = readFileSync(path.join(out, htmlFiles(out).find((f) => /\/vektor-\d+\/index\.html$/.test(f))!), "utf8");
      const start = template.indexOf('<div class="release-body">') + '<div class="release-body">'.length;
      const end = template.indexOf("\n  </div>", start);
      assert.ok(start > 30 && end > start);
      await Promise.all(refused.map(({ vector, index }) => visit(template.slice(0, start) + renderBody(vector.body) + template.slice(end), `vector ${index + 1}`)));
      assert.deepEqual(calls, []);
      assert.ok(refused.length > 0);
    });
  });
});
