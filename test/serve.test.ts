/**
 * `pressroom serve`, run as a press officer runs it: one preview process for
 * the whole file (its first build is the slow part), asked over HTTP on
 * 127.0.0.1 as a browser would. The tests run in order: banners and binding
 * first, then saves that change the content.
 */
import assert from "node:assert/strict";
import http from "node:http";
import { cpSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import * as cheerio from "cheerio";
import { build } from "../src/build.ts";
import { fixture, listFiles, pressroom, scratchDirs } from "./helpers.ts";
import { startServe, until, type Serving } from "./serve-process.ts";

const newDir = scratchDirs();

/** The banner at the top of a release page, or "" when it has none. */
const bannerOf = (page: string): string => cheerio.load(page)("article.release > .preview-banner").text();

/** The machine's addresses other computers could reach (not loopback, not link-local). */
const otherAddresses = Object.values(networkInterfaces())
  .flatMap((list) => list ?? [])
  .filter((a) => !a.internal && !a.address.startsWith("fe80:"))
  .map((a) => a.address);

/** Whether anything accepts a connection at `host`:`port`. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe("pressroom serve", () => {
  // A working folder as a press officer has one: the content in content/, the cache and the preview in .cache/.
  const work = newDir();
  const content = path.join(work, "content");
  const release = path.join(content, "releases/2026/2026-11-27-radwege-am-ring.md");
  // Before the Radwege release's time (27.11. 10:30): --now, not the clock, makes it embargoed.
  const NOW = "2026-11-26T12:00";
  let serving: Serving;
  let base = "";
  // What a browser sends when it opens a page (fetch() always says sec-fetch-mode: cors, and gets no reload script).
  const get = (url: string): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const request = http.get(new URL(url.replace(/^\//, ""), base), { headers: { accept: "text/html", "sec-fetch-mode": "navigate" } }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, text }));
        response.on("error", reject);
      });
      request.on("error", reject);
    });
  const page = async (url: string): Promise<string> => {
    const { status, text } = await get(url);
    assert.equal(status, 200, `${url}: ${text.slice(0, 500)}`);
    return text;
  };

  before(async () => {
    cpSync(fixture("valid"), content, { recursive: true });
    serving = await startServe(["--content", "content", "--port", "0", "--now", NOW], { cwd: work });
    base = serving.base;
  });
  after(() => serving?.stop());

  test("listens on 127.0.0.1 only, on a free port (--port 0), and builds into a folder of its own marked as a preview", async () => {
    assert.match(base, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.doesNotMatch(serving.output(), /Achtung|Warning/);
    const port = Number(new URL(base).port);
    assert.ok(port > 0);
    assert.equal(await answers("127.0.0.1", port), true);
    const manifest = JSON.parse(readFileSync(path.join(work, ".cache/pressroom/preview/manifest.json"), "utf8"));
    assert.equal(manifest.preview, true);
    assert.ok(!existsSync(path.join(work, "dist")), "nothing in dist, where a real build is deployed from");
  });

  test("nothing answers on the machine's other addresses", { skip: otherAddresses.length === 0 && "this machine has no address but loopback" }, async () => {
    const port = Number(new URL(base).port);
    for (const address of otherAddresses) assert.equal(await answers(address, port), false, address);
  });

  test("drafts and embargoed releases under a banner at the top of their page, marked in listings; --now says what is embargoed", async () => {
    assert.equal(bannerOf(await page("/2026/11/25/entwurf/")), "Entwurf — wird nicht veröffentlicht");
    assert.equal(bannerOf(await page("/2026/12/24/futuresecret/")), "Sperrfrist bis 24.12.2026, 12:00 Uhr");
    // Public by the clock, not yet at --now.
    assert.equal(bannerOf(await page("/2026/11/27/radwege-am-ring/")), "Sperrfrist bis 27.11.2026, 10:30 Uhr");
    assert.equal(bannerOf(await page("/2026/11/20/hallenbad/")), "");
    const $ = cheerio.load(await page("/"));
    const marks = new Map($("h2").toArray().map((h) => [$(h).find("a").text(), $(h).find(".preview-mark").text()]));
    assert.equal(marks.get("DRAFTSECRET Entwurf"), "(Entwurf)");
    assert.equal(marks.get("FUTURESECRET Sperrfrist"), "(Sperrfrist)");
    assert.equal(marks.get("Radwege am Ring werden breiter"), "(Sperrfrist)");
    assert.equal(marks.get("Neues Hallenbad: Richtfest am Freitag"), "");
  });

  test("the same content through a real build: no page and no trace of the draft, the embargoed releases or the banners", () => {
    const result = pressroom(["build", "--content", "content", "--now", NOW], { cwd: work });
    assert.equal(result.status, 0, result.stderr);
    const out = path.join(work, "dist");
    const files = listFiles(out);
    assert.ok(files.includes("2026/11/20/hallenbad/index.html"));
    for (const gone of ["2026/11/25/entwurf/", "2026/12/24/futuresecret/", "2026/11/27/radwege-am-ring/"]) {
      assert.deepEqual(files.filter((file) => file.startsWith(gone)), [], gone);
    }
    for (const trace of ['class="preview-banner', 'class="preview-mark', 'class="preview-notes', "nur in der Vorschau", "wird nicht veröffentlicht", "Sperrfrist bis", "DRAFTSECRET", "FUTURESECRET", "Radwege am Ring"]) {
      assert.deepEqual(files.filter((file) => readFileSync(path.join(out, file)).includes(trace)), [], trace);
    }
    assert.equal(JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")).preview, false);
  });

  test("six saves in a row that replace the file, as sed -i does, each show in the page", async () => {
    const original = readFileSync(release, "utf8");
    for (let save = 1; save <= 6; save++) {
      const title = `Radwege am Ring, Stand ${save}`;
      const before = statSync(release).ino;
      // sed -i writes the new text next to the file and renames it over the old one.
      const temporary = path.join(path.dirname(release), `sed${save}Xa9`);
      writeFileSync(temporary, original.replace("title: Radwege am Ring werden breiter", `title: ${title}`));
      renameSync(temporary, release);
      assert.notEqual(statSync(release).ino, before, "the file was replaced, not written into");
      await until(`save ${save}`, async () => (cheerio.load(await page("/2026/11/27/radwege-am-ring/"))("h1").text() === title ? true : undefined));
    }
  });

  test("a broken file: its problem in every page (file, line, message, hint, code frame) until it is fixed", async () => {
    const original = readFileSync(release, "utf8");
    writeFileSync(release, original.replace("department: tiefbauamt", "department: tiefbauammt"));
    // As a browser that opens the preview after the failure asks for it.
    const broken = await until("the problem page", async () => {
      const answer = await get("/2026/11/20/hallenbad/");
      return answer.status === 500 ? answer.text : undefined;
    });
    const $ = cheerio.load(broken);
    assert.equal($("html").attr("lang"), "de");
    assert.equal($("h1").text(), "Fehler im Inhalt");
    const report = $("#problems").text();
    assert.match(report, /^content\/releases\/2026\/2026-11-27-radwege-am-ring\.md:5 {2}Unbekanntes Amt \[unknown-department\]$/m);
    assert.match(report, /Das Amt „tiefbauammt“ ist in departments\.yaml nicht angelegt\./);
    assert.match(report, /Hinweis: Meinten Sie „tiefbauamt“\?/);
    assert.match(report, /> 5 \| department: tiefbauammt\n +\| {13}\^/);
    // An open page reloads when the preview rebuilds; this one too, with the dev server's script.
    assert.match(broken, /<script type="module"[^>]*reload-client\.js/);
    assert.equal((await get("/")).status, 500);
    // The terminal says it too, the file named from the working folder.
    assert.match(serving.output(), /content\/releases\/2026\/2026-11-27-radwege-am-ring\.md:5 {2}Unbekanntes Amt \[unknown-department\]/);
    // Files that are not pages are served as they are.
    assert.equal((await fetch(`${base}manifest.json`)).status, 200);

    writeFileSync(release, original);
    const fixed = await until("the fixed page", async () => {
      const answer = await get("/2026/11/20/hallenbad/");
      return answer.status === 200 ? answer.text : undefined;
    });
    assert.equal(cheerio.load(fixed)("#problems").length, 0);
    assert.equal(cheerio.load(await page("/2026/11/27/radwege-am-ring/"))("h1").text(), /^title: (.*)$/m.exec(original)![1]);
  });

  test("a warning about a release's file is on its page, above the release, until the file is fixed", async () => {
    const original = readFileSync(release, "utf8");
    const notes = ($: cheerio.CheerioAPI) => $("article.release > .preview-notes[role=note]");
    assert.equal(notes(cheerio.load(await page("/2026/11/27/radwege-am-ring/"))).length, 0);
    // A hashtag as the subtitle: to YAML all of it is a comment, and the page would leave it out without a word.
    writeFileSync(release, original.replace(/^subtitle: .*$/m, "subtitle: #Radverkehr ab März"));
    const $ = await until("the page with the note", async () => {
      const shown = cheerio.load(await page("/2026/11/27/radwege-am-ring/"));
      return notes(shown).length === 1 ? shown : undefined;
    });
    const box = notes($);
    assert.equal(box.find("> p").text(), "Ein Hinweis zu dieser Datei – nur in der Vorschau zu sehen:");
    const item = box.find("li").text();
    assert.match(item, /^Zeile 3: „subtitle“ ist leer: „#Radverkehr ab März“ gilt als Kommentar/);
    assert.match(item, /Hinweis: Gehört es dazu, setzen Sie den Wert in Anführungszeichen: subtitle: "#Radverkehr ab März"$/);
    assert.equal($(".subtitle").length, 0, "the subtitle is not there, as the note says");
    // A real build of the same content says it in the terminal only: no page has the box.
    const real = pressroom(["build", "--content", "content", "--out", "real", "--now", NOW], { cwd: work });
    assert.equal(real.status, 0, real.stderr);
    assert.match(real.stdout + real.stderr, /value-is-comment/);
    const files = listFiles(path.join(work, "real"));
    for (const trace of ['class="preview-notes', "nur in der Vorschau", "gilt als Kommentar"]) {
      assert.deepEqual(files.filter((file) => readFileSync(path.join(work, "real", file)).includes(trace)), [], trace);
    }

    writeFileSync(release, original.replace(/^subtitle: .*$/m, 'subtitle: "#Radverkehr ab März"'));
    const fixed = await until("the page without the note", async () => {
      const shown = cheerio.load(await page("/2026/11/27/radwege-am-ring/"));
      return notes(shown).length === 0 ? shown : undefined;
    });
    assert.equal(fixed(".subtitle").text(), "#Radverkehr ab März");
    writeFileSync(release, original);
  });
});

test("an English site's banners", async () => {
  const work = newDir();
  const content = path.join(work, "content");
  cpSync(fixture("english"), content, { recursive: true });
  const news = (n: number): string => path.join(content, "releases", `2026-0${n}-15-news-${n}.md`);
  writeFileSync(news(1), readFileSync(news(1), "utf8").replace("department: parks", "department: parks\ndraft: true"));
  writeFileSync(news(5), readFileSync(news(5), "utf8").replace("date: 2026-05-15 23:30", "date: 2026-12-01 10:00"));
  const out = path.join(work, "preview");
  await build({ contentDir: content, outDir: out, cacheDir: path.join(work, "cache"), now: "2026-11-30T12:00", preview: true });
  const banner = (url: string): string => bannerOf(readFileSync(path.join(out, url, "index.html"), "utf8"));
  const [draft, embargoed] = ["news-1", "news-5"].map((slug) => listFiles(out).find((f) => f.endsWith(`/${slug}/index.html`))!.replace("index.html", ""));
  assert.equal(banner(draft!), "Draft — will not be published");
  assert.equal(banner(embargoed!), "Embargoed until 1 December 2026, 10:00");
  const $ = cheerio.load(readFileSync(path.join(out, "index.html"), "utf8"));
  assert.deepEqual($(".preview-mark").toArray().map((m) => $(m).text()).sort(), ["(Draft)", "(Embargo)"]);
});

test("a port in use, an address not of this machine and a wrong port number are said plainly", async () => {
  const work = newDir();
  cpSync(fixture("english"), path.join(work, "content"), { recursive: true });
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
  try {
    const port = (taken.address() as { port: number }).port;
    const inUse = pressroom(["serve", "--port", String(port)], { cwd: work });
    assert.equal(inUse.status, 1, inUse.stderr);
    assert.match(inUse.stderr, new RegExp(`^Port ${port} is in use \\(is a preview running already\\?\\): choose another, e\\.g\\. --port ${port + 1}\\.$`, "m"));
    assert.doesNotMatch(inUse.stderr, /at .*\.js:\d+/, "no stack trace");
  } finally {
    taken.close();
  }
  // 192.0.2.0/24 is kept for documentation (RFC 5737): .77 is nobody's address.
  const elsewhere = pressroom(["serve", "--port", "0", "--host", "192.0.2.77"], { cwd: work });
  assert.equal(elsewhere.status, 1, elsewhere.stderr);
  assert.match(elsewhere.stderr, /^The preview cannot listen on 192\.0\.2\.77 \(EADDRNOTAVAIL\): --host needs an address of this computer\.$/m);
  const wrong = pressroom(["serve", "--port", "8o8o"], { cwd: work });
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--port "8o8o" is not a port number/);
});
