/**
 * Search: the index of src/search/pagefind.ts (its files, determinism, what its chunks hold,
 * its errors) and the client layouts/assets/search.js, served on 127.0.0.1 under the site's
 * Content-Security-Policy and driven in Debian's Chromium.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium, type Browser, type Page } from "playwright-core";
import { contentTypeOf } from "../src/outputs/content-type.ts";
import { decompressedIndexText, searchIndexFiles, type SearchRecord } from "../src/search/pagefind.ts";
import { ROOT, scratchDirs } from "./helpers.ts";
import { axe } from "./browser.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The site's policy, with what Pagefind needs: 'wasm-unsafe-eval' (it compiles WebAssembly, in a worker of the same origin). */
const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const WITHOUT_WASM = POLICY.replace(" 'wasm-unsafe-eval'", "");

const release = (url: string, title: string, date: string, departments: string[], text: string): SearchRecord => {
  const [day, month, year] = date.split(".") as [string, string, string];
  return { url, title, date, sortDate: `${year}-${month}-${day}T09:00:00+01:00`, departments, year, text };
};

const RECORDS: readonly SearchRecord[] = [
  release("/2026/11/19/umleitung-am-ring/", "Umleitung am Ring ab Montag", "19.11.2026", ["Tiefbauamt"], "Verkehr wird umgeleitet. Die Baustelle am Ring dauert bis Ostern, Busse fahren über die Nordstraße."),
  release("/2025/10/02/baeume-im-stadtpark/", "Neue Bäume im Stadtpark", "02.10.2025", ["Umweltamt", "Grünflächenamt"], "Gemeinsam pflanzen beide Ämter vierzig Linden und Eichen im Stadtpark."),
  release("/2025/03/14/radwege-am-ring/", "Radwege am Ring werden breiter", "14.03.2025", ["Tiefbauamt"], "Die Radwege am Ring wachsen auf zwei Meter Breite; Parkplätze fallen weg."),
  release("/2024/06/01/feuerwehrfest/", "Tag der offenen Tür bei der Feuerwehr", "01.06.2024", ["Feuerwehr"], "Die Wache Nord lädt zu Fahrzeugschau, Übungen und Kuchen ein."),
  release("/2026/09/07/bibliothek-sonntags-offen/", "Bibliothek öffnet sonntags", "07.09.2026", ["Kulturamt"], "Ab Oktober ist die Stadtbibliothek auch sonntags von 11 bis 17 Uhr geöffnet."),
  release("/2026/02/20/haushaltsentwurf/", "Haushaltsentwurf 2027 vorgelegt", "20.02.2026", ["Kämmerei", "Umweltamt"], "Investitionen in Schulen & Kitas <img src=x> steigen; der Entwurf hebt <mark>Klimaschutz</mark> hervor."),
];
/** Not published: never given to the index, and must not be found in it. */
const DRAFT = release("/2026/12/01/seilbahn/", "Seilbahn zum Schlossberg geplant", "01.12.2026", ["Tiefbauamt"], "Vertraulicher Entwurf zur Seilbahn, noch nicht freigegeben.");
/** Enough records for a second page of results. */
const MANY: readonly SearchRecord[] = Array.from({ length: 25 }, (_, i) =>
  release(`/2026/01/${String(i + 1).padStart(2, "0")}/sitzung/`, `Sitzung ${i + 1} des Rates`, `${String(i + 1).padStart(2, "0")}.01.2026`, ["Ratsbüro"], `Tagesordnung der Sitzung ${i + 1}: Berichte und Anfragen.`),
);

const scratch = scratchDirs();
let files: Map<string, Uint8Array>;
let site: string;
let browser: Browser;
const servers: Server[] = [];

/** Writes each file below `dir`. */
function writeAll(dir: string, content: ReadonlyMap<string, Uint8Array | string>): void {
  for (const [name, bytes] of content) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
}

/** The search page as the lead's template renders it (German labels), for the index below `base`. */
const searchPage = (base: string): string => `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Suche</title>
<script type="module" src="/assets/search.js"></script>
</head>
<body>
<main>
<h1>Suche</h1>
<form role="search" action="${base}/suche/" method="get" data-search data-index="${base}/pagefind/pagefind.js"
  data-label-results="{n} Treffer" data-label-one="1 Treffer" data-label-none="Keine Treffer. Versuchen Sie ein anderes Wort oder weniger Filter."
  data-label-loading="Suche wird geladen …" data-label-more="Weitere Treffer zeigen" data-label-failed="Die Suche konnte nicht geladen werden." data-label-all="Alle">
<label for="q">Suchbegriff</label> <input id="q" name="q" type="search">
<label for="department">Amt</label> <select id="department" name="department"><option value="">Alle</option></select>
<label for="year">Jahr</label> <select id="year" name="year"><option value="">Alle</option></select>
<button>Suchen</button>
</form>
<p class="search-status" data-search-status aria-live="polite"></p>
<div data-search-results></div>
</main>
</body>
</html>
`;

/** Serves `dir` on 127.0.0.1 with `policy` on every response (the page's and the worker's), or the policy it gives an address. */
async function serve(dir: string, policy: string | ((address: string) => string)): Promise<string> {
  const server = createServer((req, res) => {
    const address = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dir, address.endsWith("/") ? `${address}index.html` : address);
    const headers = { "content-security-policy": typeof policy === "string" ? policy : policy(address), "x-content-type-options": "nosniff" };
    if (!file.startsWith(dir + path.sep) || !existsSync(file)) {
      res.writeHead(404, { ...headers, "content-type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    res.writeHead(200, { ...headers, "content-type": contentTypeOf(path.relative(dir, file)) }).end(readFileSync(file));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The pagefind child processes of this process (Linux; none elsewhere). */
function pagefindProcesses(): string[] {
  if (!existsSync("/proc/self/stat")) return [];
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return parent === process.pid && command.startsWith("pagefind") ? [pid] : [];
      } catch {
        return []; // ended meanwhile
      }
    });
}

async function noPagefindProcessLeft(): Promise<void> {
  for (let i = 0; i < 100 && pagefindProcesses().length > 0; i++) await sleep(50);
  assert.deepEqual(pagefindProcesses(), [], "the pagefind child process was ended");
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  files = await searchIndexFiles(RECORDS, { language: "de" });
  site = scratch();
  const script = readFileSync(path.join(ROOT, "layouts", "assets", "search.js"));
  writeAll(site, new Map<string, Uint8Array | string>([["assets/search.js", script], ["suche/index.html", searchPage("")], ["many/suche/index.html", searchPage("/many")], ["favicon.ico", ""]]));
  writeAll(path.join(site, "pagefind"), files);
  writeAll(path.join(site, "many", "pagefind"), await searchIndexFiles(MANY, { language: "de" }));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

test("the index holds what our client loads and none of Pagefind's ready-made UIs", () => {
  const names = [...files.keys()];
  const kinds = names.map((name) => name.replace(/_[0-9a-f]+\./, "_HASH."));
  assert.deepEqual(kinds, [
    "filter/de_HASH.pf_filter",
    "filter/de_HASH.pf_filter",
    ...RECORDS.map(() => "fragment/de_HASH.pf_fragment"),
    "index/de_HASH.pf_index",
    "pagefind-entry.json",
    "pagefind-worker.js",
    "pagefind.de_HASH.pf_meta",
    "pagefind.js",
    "wasm.de.pagefind",
  ]);
  assert.deepEqual(names, [...names].sort(), "in code unit order");
  const entry = JSON.parse(new TextDecoder().decode(files.get("pagefind-entry.json"))) as { languages: Record<string, { page_count: number }> };
  assert.deepEqual(Object.keys(entry.languages), ["de"]);
  assert.equal(entry.languages.de?.page_count, RECORDS.length);
});

test("the same records in the same order give the same bytes", async () => {
  const again = await searchIndexFiles(RECORDS, { language: "de" });
  assert.deepEqual([...again.keys()], [...files.keys()]);
  for (const [name, bytes] of files) assert.ok(Buffer.from(bytes).equals(Buffer.from(again.get(name)!)), `${name} is the same`);
  const reordered = await searchIndexFiles([...RECORDS].reverse(), { language: "de" });
  assert.notDeepEqual([...reordered.keys()], [...files.keys()], "order is part of the input (so the build must keep it stable)");
});

test("the compressed chunks, decompressed, hold the indexed text and nothing of the draft", () => {
  const text = decompressedIndexText(files);
  for (const record of RECORDS) {
    assert.ok(text.includes(record.text), `the text of ${record.url}`);
    assert.ok(text.includes(record.title), `the title of ${record.url}`);
    assert.ok(text.includes(`"url":"${record.url}"`), `the address of ${record.url}`);
  }
  assert.ok(text.includes("baustell"), "the word index holds the stem");
  for (const secret of ["Seilbahn", "Schlossberg", DRAFT.url, "Vertraulicher Entwurf"]) assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), `no trace of the draft: ${secret}`);
  // Every fragment is gzip; without decompressing, the text is not there to find.
  const fragments = [...files].filter(([name]) => name.startsWith("fragment/"));
  assert.equal(fragments.length, RECORDS.length);
  for (const [, bytes] of fragments) assert.deepEqual([...bytes.subarray(0, 2)], [0x1f, 0x8b]);
  assert.ok(!Buffer.concat(fragments.map(([, bytes]) => bytes)).includes("Baustelle am Ring"));
});

test("invalid records are refused with every problem at once, before Pagefind starts", async () => {
  const broken = [RECORDS[0]!, { ...RECORDS[1]!, url: RECORDS[0]!.url }, { ...RECORDS[2]!, url: "radwege/", title: " " }];
  await assert.rejects(searchIndexFiles(broken, { language: "de" }), (error: Error) => {
    assert.match(error.message, /^The search index was not built: 3 problems with its records\./);
    assert.match(error.message, /record 2 \("\/2026\/11\/19\/umleitung-am-ring\/"\): the address is given twice/);
    assert.match(error.message, /record 3 \("radwege\/"\): the address must start with a single "\/"/);
    assert.match(error.message, /record 3 \("radwege\/"\): the title is empty/);
    return true;
  });
  await noPagefindProcessLeft();
});

test("when Pagefind fails, the error says so and its process is ended; the next build works", async (t) => {
  t.mock.method(console, "error", () => {}); // Pagefind's service logs the failed spawn itself
  process.env.PAGEFIND_EXTENDED_BINARY_PATH = "/nonexistent/pagefind_extended";
  try {
    await assert.rejects(searchIndexFiles(RECORDS, { language: "de" }), /^Error: Pagefind could not start its indexer: .*\n.*optional dependency @pagefind\//);
  } finally {
    delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  }
  await noPagefindProcessLeft();
  const built = await searchIndexFiles(RECORDS.slice(0, 2), { language: "de" });
  assert.ok(built.has("pagefind.js"));
  await noPagefindProcessLeft();
});

test("builds asked for at the same time run one after the other and each gets its own index", async () => {
  const [one, two] = await Promise.all([searchIndexFiles(RECORDS, { language: "de" }), searchIndexFiles(MANY, { language: "de" })]);
  assert.deepEqual([...one.keys()], [...files.keys()]);
  assert.equal([...two.keys()].filter((name) => name.startsWith("fragment/")).length, MANY.length);
  await noPagefindProcessLeft();
});

interface Visit {
  readonly page: Page;
  /** Console messages of the page and its worker that are errors or warnings, and uncaught errors. */
  readonly problems: string[];
  readonly close: () => Promise<void>;
}

async function visit(address: string): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning" || /Content Security Policy/i.test(message.text())) problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on("worker", (worker) => worker.on("console", (message) => problems.push(`worker ${message.type()}: ${message.text()}`)));
  await page.goto(address);
  return { page, problems, close: () => context.close() };
}

/** Waits until the status says `text` (the search has settled); says what it says instead if it does not. */
async function statusSays(page: Page, text: string): Promise<void> {
  const status = page.locator("[data-search-status]");
  const exactly = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  await status.filter({ hasText: exactly }).waitFor({ state: "attached", timeout: 10_000 }).catch(async () => {
    assert.fail(`the status says ${JSON.stringify(await status.textContent())}, not ${JSON.stringify(text)}`);
  });
}

const resultTitles = (page: Page): Promise<string[]> => page.locator(".search-result h2").allInnerTexts();

test("a search for 'Baustellen' finds the release that says 'Baustelle' (German stemming), with title, date, departments and excerpt", async () => {
  const base = await serve(site, POLICY);
  const { page, problems, close } = await visit(`${base}/suche/?q=Baustellen`);
  try {
    await statusSays(page, "1 Treffer");
    assert.equal(await page.inputValue("#q"), "Baustellen", "the term is taken from the address");
    const result = page.locator(".search-result");
    assert.equal(await result.count(), 1);
    const link = result.locator("h2 a");
    assert.equal(await link.innerText(), "Umleitung am Ring ab Montag");
    assert.equal(await link.getAttribute("href"), "/2026/11/19/umleitung-am-ring/");
    assert.equal(await result.locator(".search-result-date").innerText(), "19.11.2026");
    assert.equal(await result.locator(".search-result-departments").innerText(), "Tiefbauamt");
    assert.match(await result.locator(".search-result-excerpt").innerText(), /Die Baustelle am Ring dauert bis Ostern/);
    assert.deepEqual(await result.locator(".search-result-excerpt mark").allInnerTexts(), ["Baustelle"]);
    assert.equal(await page.getAttribute("[data-search-results]", "aria-busy"), null);
    assert.deepEqual((await axe(page)).violations, []);
    assert.deepEqual(problems, [], "nothing refused by the policy, no errors or warnings (the worker ran)");
  } finally {
    await close();
  }
});

test("the selects offer the index's departments and years; filtering by department, by year, and both with a term", async () => {
  const base = await serve(site, POLICY);
  const { page, problems, close } = await visit(`${base}/suche/`);
  try {
    await statusSays(page, "");
    assert.deepEqual(await page.locator("#department option").allInnerTexts(), ["Alle", "Feuerwehr", "Grünflächenamt", "Kämmerei", "Kulturamt", "Tiefbauamt", "Umweltamt"]);
    assert.deepEqual(await page.locator("#year option").allInnerTexts(), ["Alle", "2026", "2025", "2024"]);
    assert.equal(await page.locator(".search-result").count(), 0, "nothing searched yet");

    // A joint release is found under each of its departments; filters alone list the newest first.
    await page.selectOption("#department", "Umweltamt");
    await statusSays(page, "2 Treffer");
    assert.deepEqual(await resultTitles(page), ["Haushaltsentwurf 2027 vorgelegt", "Neue Bäume im Stadtpark"]);
    assert.equal(await page.locator(".search-result", { hasText: "Stadtpark" }).locator(".search-result-departments").innerText(), "Umweltamt, Grünflächenamt");
    assert.equal(new URL(page.url()).search, "?department=Umweltamt");
    await page.selectOption("#department", "Grünflächenamt");
    await statusSays(page, "1 Treffer");
    assert.deepEqual(await resultTitles(page), ["Neue Bäume im Stadtpark"]);

    await page.selectOption("#department", "");
    await page.selectOption("#year", "2024");
    await statusSays(page, "1 Treffer");
    assert.deepEqual(await resultTitles(page), ["Tag der offenen Tür bei der Feuerwehr"]);
    assert.equal(new URL(page.url()).search, "?year=2024");

    await page.selectOption("#year", "2025");
    await page.fill("#q", "Ring");
    await page.press("#q", "Enter");
    await statusSays(page, "1 Treffer");
    assert.deepEqual(await resultTitles(page), ["Radwege am Ring werden breiter"], "not the release of 2026 that also says Ring");
    assert.equal(new URL(page.url()).search, "?q=Ring&year=2025");
    assert.equal(new URL(page.url()).pathname, "/suche/");

    await page.selectOption("#year", "");
    await statusSays(page, "2 Treffer");
    await page.fill("#q", "");
    await page.press("#q", "Enter");
    await statusSays(page, "");
    assert.equal(await page.locator(".search-result").count(), 0);
    assert.equal(new URL(page.url()).search, "");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("filters in the address are applied on load; unknown values fall back to all", async () => {
  const base = await serve(site, POLICY);
  const { page, problems, close } = await visit(`${base}/suche/?q=&department=Tiefbauamt&year=1999`);
  try {
    await statusSays(page, "2 Treffer");
    assert.equal(await page.inputValue("#department"), "Tiefbauamt");
    assert.equal(await page.inputValue("#year"), "");
    assert.deepEqual(await resultTitles(page), ["Umleitung am Ring ab Montag", "Radwege am Ring werden breiter"]);
    assert.equal(new URL(page.url()).search, "?department=Tiefbauamt");
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("the excerpt shows the indexed text as text: only Pagefind's own <mark> becomes markup", async () => {
  const base = await serve(site, POLICY);
  const { page, problems, close } = await visit(`${base}/suche/?q=Investitionen`);
  try {
    await statusSays(page, "1 Treffer");
    const excerpt = page.locator(".search-result-excerpt");
    assert.equal(await excerpt.innerText(), "Investitionen in Schulen & Kitas <img src=x> steigen; der Entwurf hebt <mark>Klimaschutz</mark> hervor.");
    assert.deepEqual(await excerpt.locator("mark").allInnerTexts(), ["Investitionen"]);
    assert.equal(await page.locator("[data-search-results] img").count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("nothing found: the draft's words find nothing", async () => {
  const base = await serve(site, POLICY);
  const { page, problems, close } = await visit(`${base}/suche/?q=Seilbahn`);
  try {
    await statusSays(page, "Keine Treffer. Versuchen Sie ein anderes Wort oder weniger Filter.");
    assert.equal(await page.locator(".search-result").count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("twenty results at a time: 'more' adds the rest and moves focus to the first new one; below a base path the links keep it", async () => {
  const base = await serve(site, POLICY);
  const { page, problems, close } = await visit(`${base}/many/suche/?q=Sitzung`);
  try {
    await statusSays(page, "25 Treffer");
    assert.equal(await page.locator(".search-result").count(), 20);
    const more = page.getByRole("button", { name: "Weitere Treffer zeigen" });
    await more.click();
    await page.locator(".search-result").nth(24).waitFor();
    assert.equal(await page.locator(".search-result").count(), 25);
    assert.equal(await more.count(), 0, "no more to show");
    assert.equal(await page.evaluate("document.activeElement === document.querySelectorAll('.search-result a')[20]"), true);
    const links = await page.locator(".search-result h2 a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
    assert.ok(links.every((href) => /^\/many\/2026\/01\/\d\d\/sitzung\/$/.test(href)), links.join(" "));
    assert.equal(new Set(links).size, 25);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("without 'wasm-unsafe-eval' in script-src the policy refuses Pagefind's WebAssembly and the page says the search failed", async () => {
  const base = await serve(site, WITHOUT_WASM);
  const { page, problems, close } = await visit(`${base}/suche/?q=Baustellen`);
  try {
    await statusSays(page, "Die Suche konnte nicht geladen werden.");
    assert.ok(problems.some((p) => /wasm-unsafe-eval|WebAssembly/i.test(p)), problems.join("\n"));
  } finally {
    await close();
  }
});

test("'wasm-unsafe-eval' on the search page alone is not enough: the worker compiles under the policy of its own response", async () => {
  const base = await serve(site, (address) => (address.startsWith("/suche/") ? POLICY : WITHOUT_WASM));
  const { page, problems, close } = await visit(`${base}/suche/?q=Baustellen`);
  try {
    await statusSays(page, "Die Suche konnte nicht geladen werden.");
    assert.ok(problems.some((p) => /^worker error: .*WebAssembly.*script-src/is.test(p)), problems.join("\n"));
  } finally {
    await close();
  }
});
