/**
 * Press photos end to end on the example site: responsive web versions that
 * exist and have the sizes and formats the page claims, upright and without
 * GPS; originals byte for byte; media kits; social cards; and every photo
 * file referenced by a page present in the output.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import sharp from "sharp";
import yauzl from "yauzl";
import { build } from "../src/build.ts";
import { exifGroups } from "../src/media/exif.ts";
import { html, listFiles, ROOT, scratchDirs } from "./helpers.ts";

const NOW = "2026-11-27T12:00";
const HALLENBAD = "2026/02/18/hallenbad-baubeginn/";
const FEUERWACHE = "2021/04/22/neues-feuerwehrhaus-nord/";
const CONTENT = path.join(ROOT, "content");

const fresh = scratchDirs();

/** The file of the output a site-relative address names. */
const fileOf = (out: string, url: string): string => path.join(out, decodeURI(url.replace(/^https:\/\/presse\.musterstadt\.de/, "")));

const srcsetUrls = (srcset: string | undefined): { url: string; width: number }[] =>
  (srcset ?? "")
    .split(",")
    .map((part) => part.trim().split(/\s+/))
    .filter((p) => p[0])
    .map(([url, w]) => ({ url: url!, width: Number(w!.replace(/w$/, "")) }));

interface ZipContent {
  readonly names: string[];
  readonly files: Map<string, Buffer>;
}

function readZip(file: string): Promise<ZipContent> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const names: string[] = [];
      const files = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve({ names, files }));
      zip.readEntry();
    });
  });
}

describe("the example site's photos", () => {
  let out: string;
  let cache: string;
  before(async () => {
    cache = fresh();
    out = path.join(fresh(), "out");
    await build({ contentDir: CONTENT, outDir: out, now: NOW, cacheDir: cache });
  });

  test("a release page shows each photo as <picture>: WebP and JPEG in several widths, with size, caption, credit and original", () => {
    const $ = html(out, `${HALLENBAD}index.html`);
    const figures = $("figure.photo");
    assert.equal(figures.length, 2, "the photo placed in the text and the one of the media list");
    figures.each((_, figure) => {
      const f = $(figure);
      const webp = srcsetUrls(f.find('source[type="image/webp"]').attr("srcset"));
      const jpeg = srcsetUrls(f.find("img").attr("srcset"));
      assert.deepEqual(webp.map((v) => v.width), [480, 960, 1600]);
      assert.deepEqual(jpeg.map((v) => v.width), [480, 960, 1600]);
      assert.ok(webp.every((v) => v.url.endsWith(".webp")) && jpeg.every((v) => v.url.endsWith(".jpg")));
      assert.match(f.find("img").attr("sizes")!, /42rem/);
      assert.ok(Number(f.find("img").attr("width")) > 0 && Number(f.find("img").attr("height")) > 0);
      assert.ok(f.find("img").attr("alt")!.length > 10);
      assert.match(f.find("figcaption .credit").text(), /^Foto: /);
      assert.match(f.find("figcaption a.download").text(), /^Originaldatei \(JPG, \d+ × \d+ px, [\d,]+ KB\)$/);
    });
    // The body's photo comes first and loads at once; the rest wait until they are scrolled to.
    assert.equal($(".release-body figure.photo img").attr("loading"), "eager");
    assert.equal($(".media figure.photo img").attr("loading"), "lazy");
    assert.equal($(".release-body figure.photo .caption").text(), "So soll das neue Hallenbad aussehen.");
    assert.equal($(".release-body figure.photo .credit").text(), "Foto: Architekturbüro Lenz + Partner");
    assert.equal($(".release-body img").first().attr("alt"), "Visualisierung des neuen Hallenbads mit gewölbtem Dach und großer Glasfassade");
    // Shown in the text already, so not repeated below it.
    assert.equal($(".media figure.photo .caption").text(), "Auf dem ehemaligen Parkplatz an der Osterfelder Straße ist die Baugrube bereits ausgehoben.");
  });

  test("every web version exists, is as wide as its srcset says, and has the format of its name", async () => {
    for (const page of listFiles(out).filter((f) => f.endsWith(".html"))) {
      const $ = html(out, page);
      const versions = $("picture source, picture img").toArray().flatMap((el) => srcsetUrls($(el).attr("srcset")));
      for (const { url, width } of versions) {
        const meta = await sharp(fileOf(out, url)).metadata();
        assert.equal(meta.width, width, url);
        assert.equal(meta.format, url.endsWith(".webp") ? "webp" : "jpeg", url);
        assert.equal(meta.space, "srgb", url);
      }
    }
  });

  test("the width and height attributes keep the photo's proportions", async () => {
    const $ = html(out, `${HALLENBAD}index.html`);
    for (const img of $("figure.photo img").toArray()) {
      const [largest] = srcsetUrls($(img).attr("srcset")).slice(-1);
      const meta = await sharp(fileOf(out, largest!.url)).metadata();
      const ratio = Number($(img).attr("width")) / Number($(img).attr("height"));
      assert.ok(Math.abs(ratio - meta.width / meta.height) < 0.01, `${ratio} vs ${meta.width}/${meta.height}`);
    }
  });

  test("a photo stored sideways with an EXIF orientation is upright in every web version", async () => {
    const original = path.join(CONTENT, "releases/2026/2026-02-18-hallenbad-baubeginn/baustelle.jpg");
    const stored = await sharp(original).metadata();
    assert.equal(stored.orientation, 6, "the example photo is stored sideways");
    assert.ok(stored.height > stored.width);
    const $ = html(out, `${HALLENBAD}index.html`);
    const small = srcsetUrls($(".media figure.photo img").attr("srcset"))[0]!;
    const version = await sharp(fileOf(out, small.url)).metadata();
    assert.ok(version.width > version.height, "landscape, as the photo was taken");
    assert.ok(version.orientation === undefined || version.orientation === 1);
    // Pixel for pixel close to the original turned upright (a wrong turn differs everywhere).
    const expected = await sharp(original).autoOrient().resize(48, 32, { fit: "fill" }).raw().toBuffer();
    const actual = await sharp(fileOf(out, small.url)).resize(48, 32, { fit: "fill" }).raw().toBuffer();
    const difference = expected.reduce((sum, value, i) => sum + Math.abs(value - actual[i]!), 0) / expected.length;
    assert.ok(difference < 12, `mean difference ${difference}`);
  });

  test("no web version or card carries the camera's GPS position; the credit is written as copyright", async () => {
    const original = path.join(CONTENT, "releases/2026/2026-02-18-hallenbad-baubeginn/baustelle.jpg");
    assert.ok(exifGroups((await sharp(original).metadata()).exif).includes("GPSInfo"), "the example photo has a GPS position");
    const derived = listFiles(out).filter((f) => f.startsWith("img/"));
    assert.ok(derived.length > 50);
    for (const file of derived) {
      const meta = await sharp(path.join(out, file)).metadata();
      assert.ok(!exifGroups(meta.exif).includes("GPSInfo"), file);
    }
    const $ = html(out, `${HALLENBAD}index.html`);
    const version = srcsetUrls($(".media figure.photo img").attr("srcset"))[0]!;
    const exif = (await sharp(fileOf(out, version.url)).metadata()).exif;
    const { default: exifReader } = await import("exif-reader");
    const tags = exifReader(exif!);
    assert.equal(tags.Image?.Copyright, "Stadt Musterstadt");
    // Only what describes the file itself is left: no camera, no serial number, no time or place of the shot.
    const structural = new Set(["Orientation", "XResolution", "YResolution", "ResolutionUnit", "YCbCrPositioning", "Copyright", "Artist", "ExifTag"]);
    assert.deepEqual(Object.keys(tags.Image ?? {}).filter((t) => !structural.has(t)), []);
    const layout = new Set(["ExifVersion", "ComponentsConfiguration", "FlashpixVersion", "ColorSpace", "PixelXDimension", "PixelYDimension"]);
    assert.deepEqual(Object.keys(tags.Photo ?? {}).filter((t) => !layout.has(t)), []);
    assert.equal(tags.Photo?.ColorSpace, 1, "marked as sRGB");
  });

  test("originals are published byte for byte, next to the release", () => {
    const $ = html(out, `${HALLENBAD}index.html`);
    for (const a of $("figure.photo a.download").toArray()) {
      const href = $(a).attr("href")!;
      const name = href.split("/").pop()!;
      const source = path.join(CONTENT, "releases/2026/2026-02-18-hallenbad-baubeginn", name);
      assert.ok(readFileSync(fileOf(out, href)).equals(readFileSync(source)), href);
    }
  });

  test("every photo, card, kit and download a page names exists in the output", () => {
    let checked = 0;
    for (const page of listFiles(out).filter((f) => f.endsWith(".html"))) {
      const $ = html(out, page);
      const urls = [
        ...$("img[src]").toArray().map((el) => $(el).attr("src")!),
        ...$("img[srcset], source[srcset]").toArray().flatMap((el) => srcsetUrls($(el).attr("srcset")).map((v) => v.url)),
        ...$("a[download]").toArray().map((el) => $(el).attr("href")!),
        ...$('meta[property="og:image"]').toArray().map((el) => $(el).attr("content")!),
      ];
      for (const url of urls) {
        assert.doesNotThrow(() => readFileSync(fileOf(out, url)), `${page}: ${url}`);
        checked++;
      }
    }
    assert.ok(checked > 100, `${checked} references`);
  });

  test("every file of img/ is used by a page: nothing is made for releases that are not published", () => {
    const used = new Set<string>();
    for (const page of listFiles(out).filter((f) => f.endsWith(".html"))) {
      const text = readFileSync(path.join(out, page), "utf8");
      for (const m of text.matchAll(/\/(img\/[0-9a-f]{2}\/[^"\s,]+)/g)) used.add(m[1]!);
    }
    const made = listFiles(out).filter((f) => f.startsWith("img/"));
    assert.deepEqual(made.filter((f) => !used.has(f)), []);
    assert.ok(!made.some((f) => /festplatz|modell|stadtjubilaeum|stadtmuseum/.test(f)), "no card or photo of the draft or the 2031 release");
  });

  test("each release has a social card of 1200 × 630: its lead photo cropped, or its title on the site's colours", async () => {
    const withPhoto = html(out, `${FEUERWACHE}index.html`);
    const photoCard = withPhoto('meta[property="og:image"]').attr("content")!;
    assert.match(photoCard, /^https:\/\/presse\.musterstadt\.de\/img\/[0-9a-f]{2}\/richtfest-1200x630\.[0-9a-f]{12}\.jpg$/);
    assert.equal(withPhoto('meta[property="og:image:width"]').attr("content"), "1200");
    assert.equal(withPhoto('meta[property="og:image:height"]').attr("content"), "630");
    assert.match(withPhoto('meta[property="og:image:alt"]').attr("content")!, /^Rohbau der Feuerwache/);
    const textOnly = html(out, "2026/04/15/gelbe-tonne/index.html");
    const textCard = textOnly('meta[property="og:image"]').attr("content")!;
    assert.match(textCard, /\/img\/[0-9a-f]{2}\/gelbe-tonne-1200x630\.[0-9a-f]{12}\.png$/);
    assert.equal(textOnly('meta[property="og:image:alt"]').attr("content"), `${textOnly("h1").text()} – ${textOnly(".departments a").first().text()}`);
    for (const card of [photoCard, textCard]) {
      const meta = await sharp(fileOf(out, card)).metadata();
      assert.deepEqual([meta.width, meta.height], [1200, 630], card);
    }
  });

  test("a release with more than one file has a media kit: every original and a text with captions and credits", async () => {
    const $ = html(out, `${FEUERWACHE}index.html`);
    const link = $(".kit a");
    assert.match(link.text(), /^Alle 2 Dateien als ZIP herunterladen \([\d,]+ KB\)$/);
    const zip = await readZip(fileOf(out, link.attr("href")!));
    const folder = "neues-feuerwehrhaus-nord-pressematerial/";
    assert.deepEqual(zip.names, [`${folder}richtfest.jpg`, `${folder}fahrzeughalle.jpg`, `${folder}LIESMICH.txt`]);
    const source = path.join(CONTENT, "releases/2021/2021-04-22-neues-feuerwehrhaus-nord");
    assert.ok(zip.files.get(`${folder}richtfest.jpg`)!.equals(readFileSync(path.join(source, "richtfest.jpg"))));
    const text = zip.files.get(`${folder}LIESMICH.txt`)!.toString("utf8");
    assert.match(text, /^\uFEFFRichtfest für die neue Feuerwache Nord\r\n/);
    assert.match(text, /Pressemitteilung vom 22\.04\.2021, 10:00 Uhr/);
    assert.match(text, /Quelle: https:\/\/presse\.musterstadt\.de\/2021\/04\/22\/neues-feuerwehrhaus-nord\//);
    assert.match(text, /1\. richtfest\.jpg \(JPG, 1200 × 800 px, [\d,]+ KB\)\r\n {3}Bildunterschrift: Der Richtkranz/);
    assert.match(text, /Foto: Stadt Musterstadt \/ Jörg Keßler/);
    assert.match(text, /Foto: Feuerwehr Musterstadt/);
    // A release with a single file has no kit.
    assert.equal(html(out, "2019/04/03/hafenbruecke-wird-saniert/index.html")(".kit").length, 0);
  });

  test("a second build, with or without the cache, writes identical kits, photos and cards", async () => {
    const again = path.join(fresh(), "out");
    const result = await build({ contentDir: CONTENT, outDir: again, now: NOW, cacheDir: fresh() });
    assert.ok(result.images.encoded > 0, "built without a cache");
    const files = listFiles(out).filter((f) => f.endsWith(".zip") || f.startsWith("img/"));
    assert.ok(files.filter((f) => f.endsWith(".zip")).length >= 2);
    assert.deepEqual(listFiles(again).filter((f) => f.endsWith(".zip") || f.startsWith("img/")), files);
    for (const file of files) assert.ok(readFileSync(path.join(out, file)).equals(readFileSync(path.join(again, file))), file);
  });
});
