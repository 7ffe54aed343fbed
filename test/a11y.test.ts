/**
 * Accessibility in a real browser: the example site's page kinds and the migrated archive's
 * releases (test/fixtures/migrated), served on 127.0.0.1 as a CDN serves them (types from
 * manifest.json, headers from `_headers`, the Content-Security-Policy among them), opened in
 * Debian's Chromium and checked with axe-core (WCAG 2.0 and 2.1, A and AA) at a phone's and a
 * desktop's width, in light and dark mode; the keyboard path through a page; the page without
 * stylesheet and JavaScript; the search; old addresses that redirect.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { axe, CHROMIUM, launchChromium, PagePool, refusals, serveOutput, type Served } from "./browser.ts";
import { fixture, pressroom, ROOT, scratchDirs } from "./helpers.ts";

const scratch = scratchDirs();

// The functions given to page.evaluate run in the page; the project's TypeScript has no DOM types.
declare const document: any, window: any, matchMedia: any, getComputedStyle: any, innerWidth: number, innerHeight: number;

/** The example site's page kinds. */
// One page of each template and kind (a second page of a list, a day or the tag index add nothing
// the home page, a month and the department index do not already show).
const EXAMPLE_PAGES = [
  "/",
  "/aemter/",
  "/aemter/tiefbauamt/",
  "/archiv/",
  "/2024/",
  "/2026/11/",
  "/themen/radverkehr/",
  // Releases with photos, one with an update note, one withdrawn.
  "/2025/03/14/radwege-am-ring/",
  "/2021/04/22/neues-feuerwehrhaus-nord/",
  "/2026/11/19/ring-radweg-bilanz/",
  "/2026/10/08/lichterfest-hafen/",
  // Translations: right to left with the English interface, Leichte Sprache, English; a language's listing.
  "/2026/02/18/hallenbad-baubeginn/ar/",
  "/2026/02/18/hallenbad-baubeginn/de-x-ls/",
  "/2026/11/19/ring-radweg-bilanz/en/",
  "/ar/",
  "/en/search/?q=pool",
  "/kontakte/",
  "/suche/?q=Baustellen",
  "/404.html",
];
/** A redirect page of an old address (`aliases`), and the release it leads to. */
const REDIRECT = "/presse/archiv/4711.html";
const REDIRECT_TARGET = /\/2019\/02\/14\/abfuhrkalender-2019\/$/;
/** The migrated archive's releases: raw HTML of an old CMS. */
const MIGRATED_PAGES = ["/2003/05/12/stadtfest-programm/", "/2004/11/02/haushalt-2005/", "/2006/02/20/rosenmontag/", "/2008/07/01/freibad-saison/"];

/** Each page is checked at a phone's and a desktop's width, light and dark. */
const SETTINGS = [
  { width: 1280, height: 800, colorScheme: "light" },
  { width: 390, height: 844, colorScheme: "light" },
  { width: 390, height: 844, colorScheme: "dark" },
  { width: 1280, height: 800, colorScheme: "dark" },
] as const;

/** Fails with one line per problem found, readable as it is. */
function none(problems: readonly string[], title: string): void {
  if (problems.length > 0) assert.fail(`${title} (${problems.length}):\n  ${problems.join("\n  ")}`);
}

let browser: Browser;
let example: Served;
let migrated: Served;
/** As many pages as page checks run at once: two, one per processor. */
const CONCURRENCY = 2;
let pool: PagePool;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const dir = scratch();
  const outs: string[] = [];
  for (const content of [path.join(ROOT, "content"), fixture("migrated")]) {
    const out = path.join(dir, path.basename(content));
    const built = pressroom(["build", "--content", content, "--out", out, "--now", "2026-11-27T12:00"]);
    assert.equal(built.status, 0, built.stderr);
    outs.push(out);
  }
  example = await serveOutput(outs[0]!);
  migrated = await serveOutput(outs[1]!);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: SETTINGS[0].width, height: SETTINGS[0].height } });
  pool = new PagePool(await Promise.all(Array.from({ length: CONCURRENCY }, () => context.newPage())));
});

after(async () => {
  await browser?.close();
  await example?.close();
  await migrated?.close();
});

/** A fresh context (no cookies, no cache) for one test, closed after it. */
async function withPage<T>(options: Parameters<Browser["newContext"]>[0], use: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * Open an address once, in a page of the pool, and check it at every setting: served with the
 * site's policy, laid out by its stylesheet, nothing refused by the policy, and no WCAG A/AA
 * violation that axe finds. The width changes with the viewport, the colour scheme by emulating
 * the media feature `prefers-color-scheme` (what the context option `colorScheme` sets), so one
 * load and one injection of axe serve all four. `prepare` may route the page; what it returns
 * undoes that. Returns every problem as a line.
 */
async function checkPage(base: string, url: string, prepare?: (page: Page) => Promise<() => Promise<void>>): Promise<string[]> {
  return pool.use(async (page) => {
    const problems: string[] = [];
    const { refused, stop } = refusals(page);
    const undo = await prepare?.(page);
    try {
      await page.setViewportSize({ width: SETTINGS[0].width, height: SETTINGS[0].height });
      await page.emulateMedia({ colorScheme: SETTINGS[0].colorScheme });
      const response = await page.goto(base + url);
      if (response?.status() !== 200) problems.push(`status ${response?.status()}`);
      if (!/script-src 'self'/.test(response?.headers()["content-security-policy"] ?? "")) problems.push("not served with the policy of _headers");
      // Its stylesheets load under the policy: the page is laid out by them (a redirect page has none).
      const sheets = await page.evaluate(() => [...document.querySelectorAll('link[rel~="stylesheet"]')].map((link: any) => ({ href: link.href, rules: link.sheet?.cssRules.length ?? 0 })));
      problems.push(...sheets.filter((sheet) => sheet.rules === 0).map((sheet) => `stylesheet not applied: ${sheet.href}`));
      if (sheets.length === 0 && url !== REDIRECT) problems.push("no stylesheet");
      if (url.startsWith("/suche/?q=")) await page.locator("[data-search-results] a").first().waitFor({ timeout: 15000 });
      // A violation found at several settings is one line, naming them.
      const violations = new Map<string, string[]>();
      for (const setting of SETTINGS) {
        await page.setViewportSize({ width: setting.width, height: setting.height });
        await page.emulateMedia({ colorScheme: setting.colorScheme });
        const label = `${setting.width}px ${setting.colorScheme}`;
        if (!(await page.evaluate((scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches, setting.colorScheme))) problems.push(`${label}: not in ${setting.colorScheme} mode`);
        const result = await axe(page);
        for (const line of result.violations) violations.set(line, [...(violations.get(line) ?? []), label]);
        if (result.passes < 5) problems.push(`${label}: axe passed only ${result.passes} rules: did it run?`);
      }
      problems.push(...[...violations].map(([line, labels]) => `[${labels.join(", ")}] ${line}`));
      problems.push(...refused.map((message) => `refused by the policy: ${message}`));
      return problems;
    } finally {
      stop();
      await undo?.();
    }
  });
}

describe("no WCAG 2.1 A/AA violation at 390 and 1280 px, light and dark, and nothing the policy refuses", { concurrency: CONCURRENCY }, () => {
  for (const url of EXAMPLE_PAGES) {
    test(`the example site's ${url}`, async () => none(await checkPage(example.base, url), `${url}`));
  }

  test(`the example site's redirect page ${REDIRECT}, with its refresh taken out`, async () => {
    const problems = await checkPage(example.base, REDIRECT, async (page) => {
      // Without the refresh, axe sees the redirect page and not its target.
      await page.route(example.base + REDIRECT, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, "");
        await route.fulfill({ response, body });
      });
      return () => page.unroute(example.base + REDIRECT);
    });
    none(problems, REDIRECT);
  });

  for (const url of MIGRATED_PAGES) {
    test(`the migrated archive's ${url}`, async () => none(await checkPage(migrated.base, url), `${url} (migrated)`));
  }
});

test("the page's policy refuses inline script, while axe, injected through the DevTools protocol, runs", async () => {
  await withPage({}, async (page) => {
    const { refused } = refusals(page);
    const response = await page.goto(`${example.base}/2025/03/14/radwege-am-ring/`);
    const policy = response!.headers()["content-security-policy"] ?? "";
    assert.match(policy, /script-src 'self'/);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.head.append(script);
      return "inlineRan" in window;
    });
    assert.equal(ran, false, "the policy lets an inline script run");
    await page.waitForTimeout(100);
    assert.ok(refused.some((message) => /inline script/i.test(message)), `no refusal logged: ${refused.join("\n")}`);
    const result = await axe(page);
    assert.equal(await page.evaluate(() => typeof window.axe?.run), "function");
    assert.ok(result.passes > 10, "axe ran its rules");
  });
});

/** What the keyboard focus is on, and whether a reader sees it and where it is. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return null;
    const rect = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const center = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return {
      tag: element.tagName.toLowerCase(),
      text: (element.innerText || element.getAttribute("aria-label") || element.getAttribute("placeholder") || "").trim().slice(0, 40),
      href: element.getAttribute("href"),
      id: element.id,
      /** The element's place among all elements of the document. */
      order: [...document.querySelectorAll("*")].indexOf(element),
      inMain: element.closest("main") !== null,
      isMain: element.tagName === "MAIN",
      size: rect.width > 0 && rect.height > 0,
      // Chromium scrolls a focused element just into view, which may leave a fraction of a pixel below the edge.
      inViewport: rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight + 0.5 && rect.right <= innerWidth,
      onTop: center !== null && (center === element || element.contains(center)),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      // An outline that is drawn (a transparent one only shows in forced colours), or a shadow.
      indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && !/^(transparent|rgba\(.*, 0\))$/.test(style.outlineColor)) || style.boxShadow !== "none",
    };
  });
}

/** The focusable elements of the site's header, in the order of the document. */
const headerStops = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll("body > header, body > div > header")]
      .filter((header) => header.closest("main") === null)
      .flatMap((header) => [...header.querySelectorAll("a[href], input:not([type=hidden]), button, select, textarea, [tabindex]")])
      .filter((element) => element.tabIndex >= 0 && !element.hasAttribute("disabled") && element.getClientRects().length > 0)
      .map((element) => `${element.tagName.toLowerCase()} ${element.getAttribute("href") ?? element.id}`),
  );

describe("the keyboard", () => {
  for (const url of ["/", "/2025/03/14/radwege-am-ring/"]) {
    test(`on ${url}: the skip link comes first and shows, leads to main, and every tab stop shows its focus, in the order of the document`, async () => {
      await withPage({ viewport: { width: 1280, height: 800 } }, async (page) => {
        await page.goto(example.base + url);
        await page.keyboard.press("Tab");
        const skip = await focused(page);
        assert.ok(skip !== null && skip.tag === "a" && skip.href?.startsWith("#"), `the first Tab focuses a skip link, not ${JSON.stringify(skip)}`);
        assert.ok(skip.size && skip.inViewport && skip.onTop, `the focused skip link is visible: ${JSON.stringify(skip)}`);
        assert.ok(skip.indicator, `the skip link shows its focus (outline ${skip.outline})`);
        const target = skip.href!.slice(1);

        // On through the header, and on: each stop visible and after the one before it.
        const header = await headerStops(page);
        assert.ok(header.length >= 3, `the header has links: ${header.join(", ")}`);
        const stops = [skip];
        for (let i = 1; i < 25; i++) {
          await page.keyboard.press("Tab");
          const stop = await focused(page);
          if (stop === null) break; // past the last stop of the page
          stops.push(stop);
        }
        assert.ok(stops.length >= Math.min(25, header.length + 2), `only ${stops.length} tab stops`);
        const reached = stops.slice(1, 1 + header.length).map((stop) => `${stop.tag} ${stop.href ?? stop.id}`);
        assert.deepEqual(reached, header, "after the skip link, Tab goes through the header's links and search in their order");
        const problems: string[] = [];
        stops.forEach((stop, i) => {
          const name = `tab stop ${i + 1} (<${stop.tag}> ${stop.href ?? ""} "${stop.text}")`;
          if (!stop.indicator) problems.push(`${name}: no visible focus indicator (outline ${stop.outline}, no box-shadow)`);
          if (!stop.size || !stop.inViewport) problems.push(`${name}: not visible in the viewport when focused`);
          if (i > 0 && stop.order <= stops[i - 1]!.order) problems.push(`${name}: comes before the stop preceding it in the document`);
        });
        none(problems, `keyboard path of ${url}`);

        // Enter on the skip link: focus moves to main, and the next Tab into it.
        await page.goto(example.base + url);
        await page.keyboard.press("Tab");
        await page.keyboard.press("Enter");
        const landed = await focused(page);
        assert.ok(landed?.isMain && landed.id === target, `Enter on the skip link focuses <main id="${target}">, not ${JSON.stringify(landed)}`);
        assert.equal(new URL(page.url()).hash, `#${target}`);
        await page.keyboard.press("Tab");
        const next = await focused(page);
        assert.ok(next?.inMain, `the Tab after the skip goes into main, not to ${JSON.stringify(next)}`);
      });
    });
  }
});

test("an old .php address is served as HTML and leads the browser to its release", async () => {
  await withPage({}, async (page) => {
    const response = await page.goto(example.base + "/pm/2019/0815.php");
    assert.equal(response?.headers()["content-type"], "text/html; charset=utf-8");
    await page.waitForURL(/\/2019\/04\/03\/hafenbruecke-wird-saniert\/$/);
  });
});

test("a redirect page leads the browser to its release", async () => {
  await withPage({}, async (page) => {
    await page.goto(example.base + REDIRECT);
    await page.waitForURL(REDIRECT_TARGET);
    assert.match(await page.locator("h1").innerText(), /Abfuhrkalender/);
  });
});

test("the page reads without its stylesheet and without JavaScript", async () => {
  await withPage({ javaScriptEnabled: false }, async (page) => {
    await page.route("**/*.css*", (route) => route.abort());
    await page.goto(`${example.base}/2025/03/14/radwege-am-ring/`);
    const rules = await page.evaluate(() => {
      let count = 0;
      for (const sheet of document.styleSheets) {
        try {
          count += sheet.cssRules.length;
        } catch {
          // A stylesheet that did not load has no rules to read.
        }
      }
      return count;
    });
    assert.equal(rules, 0, "no stylesheet applied");
    assert.equal(await page.locator("h1").innerText(), "Radwege am Ring werden breiter");
    assert.ok((await page.locator("main").innerText()).includes("Pressekontakt"));
  });
});

test("the search finds a release by another form of a word in its text, and filters by department and year", async () => {
  await withPage({}, async (page) => {
    const { refused } = refusals(page);
    // The release says "Die Baustelle ist werktags …"; German stemming finds it for "Baustellen".
    await page.goto(`${example.base}/suche/?q=Baustellen`);
    const result = page.locator("[data-search-results] a", { hasText: "Radwege am Ring werden breiter" });
    await result.first().waitFor({ timeout: 15000 });
    assert.equal(await result.first().getAttribute("href"), "/2025/03/14/radwege-am-ring/");
    assert.deepEqual(refused, []);
    // Another department: the result is gone; the right department and year: it is back.
    await page.goto(`${example.base}/suche/?q=Baustellen&department=${encodeURIComponent("Sozialamt")}`);
    await page.locator("[data-search-status]").filter({ hasText: /Treffer/ }).waitFor({ timeout: 15000 });
    assert.equal(await result.count(), 0);
    await page.goto(`${example.base}/suche/?q=Baustellen&department=${encodeURIComponent("Tiefbauamt")}&year=2025`);
    await result.first().waitFor({ timeout: 15000 });
    // A withdrawn release is not in the index: its own words find nothing.
    await page.goto(`${example.base}/suche/?q=Laternenumzug`);
    await page.locator("[data-search-status]").filter({ hasText: /Keine Treffer/ }).waitFor({ timeout: 15000 });
  });
});

test("each language searches its own index with its own stemming: the English and Arabic pages find their translation, the German one only originals", async () => {
  await withPage({}, async (page) => {
    const { refused } = refusals(page);
    // The English translation says "a 25-metre pool"; English stemming finds it for "pools".
    await page.goto(`${example.base}/en/search/?q=pools`);
    const english = page.locator("[data-search-results] a", { hasText: "Diggers roll for the new Osterfeld indoor pool" });
    await english.first().waitFor({ timeout: 15000 });
    assert.equal(await english.first().getAttribute("href"), "/2026/02/18/hallenbad-baubeginn/en/");
    await page.goto(`${example.base}/ar/search/?q=${encodeURIComponent("المسبح")}`);
    await page.locator('[data-search-results] a[href="/2026/02/18/hallenbad-baubeginn/ar/"]').first().waitFor({ timeout: 15000 });
    await page.goto(`${example.base}/suche/?q=Hallenbad`);
    const results = page.locator("[data-search-results] a");
    await results.first().waitFor({ timeout: 15000 });
    const hrefs: string[] = await results.evaluateAll((links: any[]) => links.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.includes("/2026/02/18/hallenbad-baubeginn/"), hrefs.join(", "));
    assert.deepEqual(hrefs.filter((href) => /\/(en|ar|de-x-ls)\/$/.test(href)), []);
    assert.deepEqual(refused, []);
  });
});

test("without JavaScript, the search page says so and offers the site's search engine, which the policy lets the form reach", async () => {
  await withPage({ javaScriptEnabled: false }, async (page) => {
    const response = await page.goto(`${example.base}/suche/`);
    assert.match(await page.locator("main").innerText(), /braucht JavaScript/);
    const form = page.locator('form[action="https://duckduckgo.com/"]');
    assert.equal(await form.locator('input[name="sites"]').getAttribute("value"), "presse.musterstadt.de");
    assert.match(response!.headers()["content-security-policy"] ?? "", /form-action 'self' https:\/\/duckduckgo\.com/);
  });
});
