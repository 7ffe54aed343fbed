/**
 * Bad media, one release per kind (test/fixtures/invalid-media-kinds): a JPEG
 * cut in half, text named .jpg, a decompression bomb, a file whose name lies
 * about its format where the right name is taken, formats pressroom does not read, a file over the size
 * limit (made sparse at test time, never committed) and a photo placed in the
 * text that is not there. Each is reported with code, content-relative file,
 * line, field, and the message and hint of the catalog, and a build stops
 * without a stack trace and without touching the previous output.
 *
 * Then media that only earns a warning (test/fixtures/media-warnings): CMYK
 * photos, a 16-bit TIFF and a photo in the text without alt text. Check exits
 * 0 and prints the warnings; the build succeeds with 8-bit sRGB web versions.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { build, type BuildResult } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import type { ErrorCode, ParamsOf, WarningCode, WarningParamsOf } from "../src/errors/catalog.ts";
import { problem, warning, type Problem } from "../src/errors/problem.ts";
import { formatProblems } from "../src/errors/report.ts";
import { fixture, html, listFiles, pressroom, ROOT, scratchDirs } from "./helpers.ts";

const STACK_TRACE = /\n\s+at /;
const NOW = "2026-11-27T12:00";
const R = "releases/2026/";
const KINDS = fixture("invalid-media-kinds");
/** A file of a content folder as the command shows it: from the working folder (the repository's root), or in full when outside it. */
const fromRoot = (contentDir: string, file: string): string => {
  const relative = path.relative(ROOT, path.join(contentDir, file));
  return (relative.startsWith("..") ? path.join(contentDir, file) : relative).split(path.sep).join("/");
};
const WARNINGS = fixture("media-warnings");

/** What the catalog says for `code` with these facts (the wording belongs to the catalog). */
const said = <C extends ErrorCode>(code: C, params: ParamsOf<C>): { message: string; hint: string } => {
  const { message, hint } = problem(code, { file: "" }, params);
  return { message, hint };
};

/** The same for a warning. */
const warned = <C extends WarningCode>(code: C, params: WarningParamsOf<C>): { message: string; hint: string } => {
  const { message, hint } = warning(code, { file: "" }, params);
  return { message, hint };
};

const fresh = scratchDirs();

interface Checked {
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
  /** The human report of problems and warnings together, as `pressroom check` prints it (without colour). */
  readonly report: string;
}

async function checked(dir: string): Promise<Checked> {
  const result = await checkContent(dir);
  const report = formatProblems([...result.problems, ...result.warnings], { sources: result.sources, color: false });
  return { problems: result.problems, warnings: result.warnings, report };
}

/** checked(), once per folder. */
const runs = new Map<string, Promise<Checked>>();
const check = (dir: string): Promise<Checked> => {
  if (!runs.has(dir)) runs.set(dir, checked(dir));
  return runs.get(dir)!;
};

/** A content folder with the settings of invalid-media-kinds and the named releases of it. */
function contentWith(releases: readonly string[]): string {
  const dir = path.join(fresh(), "content");
  mkdirSync(path.join(dir, R), { recursive: true });
  for (const file of ["site.yaml", "departments.yaml", "contacts.yaml"]) copyFileSync(path.join(KINDS, file), path.join(dir, file));
  for (const release of releases) cpSync(path.join(KINDS, R, release), path.join(dir, R, release), { recursive: true });
  return dir;
}

const describeProblems = (problems: readonly Problem[]): string =>
  problems.map((p) => `  ${p.code} ${p.file}:${p.line ?? "-"} field=${p.field ?? "-"}: ${p.message}`).join("\n");

interface Expected {
  readonly code: string;
  /** Content-relative path. */
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly message: string | RegExp;
  readonly hint: string | RegExp;
}

/** The one reported problem (or warning) with this code, file and field, checked completely; the report must hold it. */
function assertReported(found: readonly Problem[], report: string, e: Expected): Problem {
  const matching = found.filter((p) => p.code === e.code && p.file === e.file && p.field === e.field);
  assert.equal(matching.length, 1, `expected one ${e.code} in ${e.file} (${e.field}), reported:\n${describeProblems(found)}`);
  const p = matching[0]!;
  assert.equal(p.line, e.line, `line of ${e.code} in ${e.file}`);
  if (typeof e.message === "string") assert.equal(p.message, e.message);
  else assert.match(p.message, e.message);
  if (typeof e.hint === "string") assert.equal(p.hint, e.hint);
  else assert.match(p.hint, e.hint);
  // The human report names the place and the field, and says what happened and what to do.
  assert.ok(report.includes(`${e.file}:${e.line}  `), `report names ${e.file}:${e.line}:\n${report}`);
  assert.ok(report.includes(`field: ${e.field}`), `report names field ${e.field}`);
  assert.ok(report.includes(p.message), `report holds the message "${p.message}"`);
  assert.ok(report.includes(`hint: ${p.hint}`), `report holds the hint "${p.hint}"`);
  assert.ok(report.includes(`[${e.code}]`));
  return p;
}

// ---------------------------------------------------------------------------
// One failing release per kind of bad media

const UNREADABLE_HINT = said("media-unreadable", { file: "", reason: "" }).hint;
const NOT_AN_IMAGE = "it is not a photo in a format pressroom reads (JPEG, PNG, WebP, GIF, AVIF or TIFF)";

const kinds: readonly (Expected & { readonly what: string })[] = [
  {
    what: "a JPEG cut in half",
    code: "media-unreadable",
    file: `${R}2026-11-27-abgeschnitten/index.md`,
    line: 6,
    field: "media.0.file",
    message: /^The image "baustelle\.jpg" cannot be read: .*\b(damaged|incomplete)\b/,
    hint: UNREADABLE_HINT,
  },
  {
    what: "a text file named .jpg",
    code: "media-unreadable",
    file: `${R}2026-11-27-textdatei/index.md`,
    line: 6,
    field: "media.0.file",
    ...said("media-unreadable", { file: "rathaus.jpg", reason: NOT_AN_IMAGE }),
  },
  {
    what: "a decompression bomb (12000 × 10000 pixels, 15 KB on disk)",
    code: "image-too-many-pixels",
    file: `${R}2026-11-27-riesenbild/index.md`,
    line: 6,
    field: "media.0.file",
    ...said("image-too-many-pixels", { file: "luftbild.png", width: 12000, height: 10000, limit: "100 megapixels" }),
  },
  {
    // A JPEG named .png is published as foto.jpg (a warning, test/archive-quirks.test.ts), unless that name is taken.
    what: "a JPEG named .png beside a foto.jpg",
    code: "media-format-mismatch",
    file: `${R}2026-11-27-endung-vergeben/index.md`,
    line: 6,
    field: "media.0.file",
    ...said("media-format-mismatch", { file: "foto.png", actual: "JPEG", extension: "png", suggested: "jpg", promised: "PNG" }),
  },
  {
    // libvips (as sharp ships it) reads no BMP: to pressroom it is no image at all.
    what: "a BMP named .png",
    code: "media-unreadable",
    file: `${R}2026-11-27-fremdformat/index.md`,
    line: 6,
    field: "media.0.file",
    ...said("media-unreadable", { file: "stadtplan.png", reason: NOT_AN_IMAGE }),
  },
  {
    // sharp reads SVG, but an SVG is not a photo and is never published (a browser would run its scripts).
    what: "an SVG named .png",
    code: "media-unreadable",
    file: `${R}2026-11-27-fremdformat/index.md`,
    line: 8,
    field: "media.1.file",
    ...said("media-unreadable", { file: "wappen.png", reason: "it is not a photo (the file holds SVG data)" }),
  },
  {
    // ![Der Plan](fehlt.jpg) on line 9 of the file: 5 lines of front matter, then the body.
    what: "a photo placed in the text that does not exist",
    code: "media-missing",
    file: `${R}2026-11-27-plan-fehlt/index.md`,
    line: 9,
    field: "body",
    ...said("media-missing", { file: "fehlt.jpg" }),
  },
];

test("invalid-media-kinds: exactly one problem per bad file, and no warnings", async () => {
  const { problems, warnings } = await check(KINDS);
  assert.deepEqual(
    problems.map((p) => p.code).sort(),
    kinds.map((k) => k.code).sort(),
    `reported:\n${describeProblems(problems)}`,
  );
  assert.deepEqual(warnings, []);
});

for (const k of kinds) {
  test(`invalid-media-kinds: ${k.what} is ${k.code} at ${k.file}:${k.line} (${k.field})`, async () => {
    const { problems, report } = await check(KINDS);
    assertReported(problems, report, k);
  });
}

test("invalid-media-kinds: the files are what their cases say, and small", async () => {
  const dir = path.join(KINDS, R);
  for (const file of listFiles(KINDS)) {
    assert.ok(statSync(path.join(KINDS, file)).size < 300 * 1024, `${file} is too big for a fixture`);
  }
  // The JPEG's header is whole: what fails is decoding the rest.
  const half = await sharp(path.join(dir, "2026-11-27-abgeschnitten/baustelle.jpg")).metadata();
  assert.equal(half.format, "jpeg");
  // A bomb: 120 megapixels in a file of a few kilobytes.
  const bomb = path.join(dir, "2026-11-27-riesenbild/luftbild.png");
  const meta = await sharp(bomb, { limitInputPixels: false }).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ["png", 12000, 10000]);
  assert.ok(statSync(bomb).size < 100 * 1024);
  assert.equal((await sharp(path.join(dir, "2026-11-27-endung-vergeben/foto.png")).metadata()).format, "jpeg");
  assert.equal(readFileSync(path.join(dir, "2026-11-27-fremdformat/stadtplan.png")).subarray(0, 2).toString("latin1"), "BM");
  assert.match(readFileSync(path.join(dir, "2026-11-27-fremdformat/wappen.png"), "utf8"), /^<svg /);
});

test("CLI check invalid-media-kinds: exit 1, every message and hint on stderr, no stack trace", () => {
  // In English, as the catalog's texts below are; the German report is test/messages.test.ts's.
  const result = pressroom(["check", "--content", KINDS, "--cache", fresh(), "--lang", "en"]);
  assert.doesNotMatch(result.stderr, STACK_TRACE, result.stderr);
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stdout, "");
  const lines = result.stderr.split("\n").map((line) => line.trim());
  for (const k of kinds) {
    assert.ok(
      lines.some((line) => line.startsWith(`${fromRoot(KINDS, k.file)}:${k.line}  `) && line.endsWith(`[${k.code}]`)),
      `stderr heads ${k.code} at ${k.file}:${k.line}:\n${result.stderr}`,
    );
    assert.ok(lines.includes(`field: ${k.field}`), k.field);
    const message = k.message;
    assert.ok(typeof message === "string" ? lines.includes(message) : lines.some((line) => message.test(line)), `${k.what}: ${message}\n${result.stderr}`);
    assert.ok(lines.includes(`hint: ${k.hint as string}`), `${k.what}: ${k.hint}`);
  }
  assert.match(result.stderr, new RegExp(`\\n${kinds.length} problems found\\.\\n$`));
});

test("invalid-media-kinds: a JPEG cut in half is called damaged however many photos are read at the same time", async () => {
  // sharp keeps libvips' error text in one buffer for the whole process, and every operation that ends
  // clears it: read alongside others, a decode can fail with only "Warning treated as error due to
  // failOn setting". Six copies of the cut JPEG in one release are probed four at a time.
  const content = contentWith([]);
  const folder = path.join(content, R, "2026-11-27-sechsmal");
  mkdirSync(folder);
  const copies = Array.from({ length: 6 }, (_, i) => `baustelle-${i + 1}.jpg`);
  for (const name of copies) copyFileSync(path.join(KINDS, R, "2026-11-27-abgeschnitten/baustelle.jpg"), path.join(folder, name));
  const media = copies.map((name) => `  - file: ${name}\n    alt: Bagger auf dem Radweg am Ring\n`).join("");
  writeFileSync(path.join(folder, "index.md"), `---\ntitle: Sechs halbe Fotos\ndate: 2026-11-27\ndepartment: tiefbauamt\nmedia:\n${media}---\n\nText.\n`);
  for (let run = 0; run < 5; run++) {
    const { problems } = await checkContent(content);
    assert.equal(problems.length, copies.length, describeProblems(problems));
    for (const p of problems) {
      assert.equal(p.code, "media-unreadable");
      assert.match(p.message, /cannot be read: .*\b(damaged|incomplete)\b/, `run ${run + 1}: ${p.message}`);
    }
  }
});

// ---------------------------------------------------------------------------
// A file over the size limit: made at test time as a sparse file, never committed

describe("a media file over 100 MB", () => {
  const RELEASE = `${R}2026-11-27-riesig/index.md`;
  let content: string;
  let huge: string;
  before(() => {
    content = contentWith([]);
    mkdirSync(path.join(content, path.dirname(RELEASE)));
    writeFileSync(
      path.join(content, RELEASE),
      [
        "---",
        "title: Der Stadtplan als Druckvorlage",
        "date: 2026-11-27",
        "department: tiefbauamt",
        "media:",
        "  - file: riesig.tif",
        "    alt: Der Stadtplan in voller Größe",
        "---",
        "",
        "Die Druckvorlage ist zu groß.",
        "",
      ].join("\n"),
    );
    huge = path.join(content, path.dirname(RELEASE), "riesig.tif");
    writeFileSync(huge, "");
    // Sparse: 101 MiB long, no data written. Its bytes (all zero) are no TIFF, so reading it would
    // end in media-unreadable: media-too-large says the size was checked before anything was read.
    truncateSync(huge, 101 * 1024 * 1024);
  });

  test("is refused with its size and the limit, before it is read", async () => {
    assert.equal(statSync(huge).size, 101 * 1024 * 1024);
    const { problems, warnings, report } = await checked(content);
    assert.deepEqual(problems.map((p) => p.code), ["media-too-large"], `reported:\n${describeProblems(problems)}`);
    assert.deepEqual(warnings, []);
    const p = assertReported(problems, report, {
      code: "media-too-large",
      file: RELEASE,
      line: 6,
      field: "media.0.file",
      ...said("media-too-large", { file: "riesig.tif", size: "101 MB", limit: "100 MB" }),
    });
    assert.ok(p.message.includes("has 101 MB; a file may have at most 100 MB"), p.message);
  });

  test("CLI check and build: exit 1 with the message, no stack trace, nothing written", () => {
    const check = pressroom(["check", "--content", content, "--cache", fresh(), "--lang", "en"]);
    assert.doesNotMatch(check.stderr, STACK_TRACE, check.stderr);
    assert.equal(check.status, 1, check.stderr);
    assert.ok(check.stderr.includes(`${fromRoot(content, RELEASE)}:6  `), check.stderr);
    assert.ok(check.stderr.includes('"riesig.tif" has 101 MB; a file may have at most 100 MB'), check.stderr);

    const dir = fresh();
    const build = pressroom(["build", "--content", content, "--out", path.join(dir, "site"), "--cache", fresh(), "--now", NOW]);
    assert.doesNotMatch(build.stderr, STACK_TRACE, build.stderr);
    assert.equal(build.status, 1, build.stderr);
    assert.ok(build.stderr.includes("[media-too-large]"), build.stderr);
    assert.deepEqual(readdirSync(dir), [], "the failed build left files behind");
  });
});

// ---------------------------------------------------------------------------
// A failed build leaves the previous site as it was

/** Every file below `dir` with its bytes. */
const snapshot = (dir: string): Map<string, Buffer> =>
  new Map(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file))]));

test("CLI build: the bomb and the truncated JPEG exit 1 without a stack trace and leave the previous output byte for byte", () => {
  const dir = fresh();
  const out = path.join(dir, "site");
  const cache = fresh();
  const good = pressroom(["build", "--content", WARNINGS, "--out", out, "--cache", cache, "--now", NOW]);
  assert.equal(good.status, 0, good.stderr);
  const before = snapshot(out);
  assert.ok(before.size > 5, "the valid build wrote a site");

  const bad: readonly { release: string; code: string; file: string }[] = [
    { release: "2026-11-27-riesenbild", code: "image-too-many-pixels", file: "luftbild.png" },
    { release: "2026-11-27-abgeschnitten", code: "media-unreadable", file: "baustelle.jpg" },
  ];
  for (const { release, code, file } of bad) {
    const content = contentWith([release]);
    const result = pressroom(["build", "--content", content, "--out", out, "--cache", cache, "--now", NOW]);
    assert.doesNotMatch(result.stderr, STACK_TRACE, result.stderr);
    assert.equal(result.status, 1, `${release}: ${result.stderr}`);
    assert.ok(result.stderr.includes(`${fromRoot(content, `${R}${release}/index.md`)}:6  `), result.stderr);
    assert.ok(result.stderr.includes(`[${code}]`) && result.stderr.includes(`„${file}“`), result.stderr);
    assert.ok(result.stderr.endsWith(`\n1 Fehler gefunden: Es wurde nichts gebaut, die bisherige Ausgabe in ${out} ist unverändert.\n`), result.stderr);
    const after = snapshot(out);
    assert.deepEqual([...after.keys()], [...before.keys()], `${release} changed the file list`);
    for (const [name, bytes] of before) assert.ok(after.get(name)!.equals(bytes), `${release} changed ${name}`);
    assert.deepEqual(readdirSync(dir), ["site"], `${release} left a staging folder next to the output`);
  }
});

// ---------------------------------------------------------------------------
// Warnings: worth fixing, but the build goes on

const W_DRUCK = `${R}2026-11-27-druckfarben/index.md`;
const W_OHNE_ALT = `${R}2026-11-27-ohne-alt/index.md`;

const expectedWarnings: readonly (Expected & { readonly title: string })[] = [
  {
    code: "image-cmyk",
    title: "Photo in print colours (CMYK)",
    file: W_DRUCK,
    line: 6,
    field: "media.0.file",
    ...warned("image-cmyk", { file: "plakat.jpg" }),
  },
  {
    code: "image-cmyk",
    title: "Photo in print colours (CMYK)",
    file: W_DRUCK,
    line: 8,
    field: "media.1.file",
    ...warned("image-cmyk", { file: "plakat-druck.tif" }),
  },
  {
    // ![](bild.jpg) on line 9 of the file; bild.jpg sits in the release's folder, not listed under media.
    code: "image-alt-missing-inline",
    title: "Image in the text without alternative text",
    file: W_OHNE_ALT,
    line: 9,
    field: "body",
    ...warned("image-alt-missing-inline", { src: "bild.jpg", html: false }),
  },
];

test("media-warnings: the photos are what their cases say, and small", async () => {
  for (const file of listFiles(WARNINGS)) assert.ok(statSync(path.join(WARNINGS, file)).size < 300 * 1024, `${file} is too big for a fixture`);
  const at = (file: string) => sharp(path.join(WARNINGS, R, file)).metadata();
  const jpeg = await at("2026-11-27-druckfarben/plakat.jpg");
  assert.deepEqual([jpeg.format, jpeg.space, jpeg.channels], ["jpeg", "cmyk", 4]);
  const tiff = await at("2026-11-27-druckfarben/plakat-druck.tif");
  assert.deepEqual([tiff.format, tiff.space, tiff.channels], ["tiff", "cmyk", 4]);
  const scan = await at("2026-11-27-sechzehn-bit/scan.tif");
  assert.deepEqual([scan.format, scan.depth, scan.channels, scan.bitsPerSample], ["tiff", "ushort", 3, 16]);
});

test("media-warnings: no problems, exactly the three warnings", async () => {
  const { problems, warnings } = await check(WARNINGS);
  assert.deepEqual(problems, [], `reported:\n${describeProblems(problems)}`);
  assert.deepEqual(
    warnings.map((w) => `${w.code} ${w.file}:${w.line}`).sort(),
    expectedWarnings.map((w) => `${w.code} ${w.file}:${w.line}`).sort(),
    `warned:\n${describeProblems(warnings)}`,
  );
  for (const w of warnings) assert.equal(w.severity, "warning");
});

for (const w of expectedWarnings) {
  test(`media-warnings: ${w.code} at ${w.file}:${w.line} (${w.field})`, async () => {
    const { warnings, report } = await check(WARNINGS);
    assertReported(warnings, report, w);
    assert.ok(report.includes(`${w.file}:${w.line}  warning: ${w.title} [${w.code}]`), report);
  });
}

test("CLI check media-warnings: exit 0, each warning on stderr with place, field, message and hint", () => {
  const result = pressroom(["check", "--content", WARNINGS, "--cache", fresh(), "--lang", "en"]);
  assert.doesNotMatch(result.stderr, STACK_TRACE, result.stderr);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^Content is valid: 3 releases checked in /);
  for (const w of expectedWarnings) {
    assert.ok(result.stderr.includes(`${w.file}:${w.line}  warning: ${w.title} [${w.code}]`), result.stderr);
    assert.ok(result.stderr.includes(`field: ${w.field}`));
    assert.ok(result.stderr.includes(w.message as string));
    assert.ok(result.stderr.includes(`hint: ${w.hint as string}`));
  }
  assert.match(result.stderr, /\n3 warnings: worth fixing, but they do not stop a build\.\n$/);
  assert.doesNotMatch(result.stderr, /problems? found/);
});

describe("media-warnings built", () => {
  let out: string;
  let result: BuildResult;
  before(async () => {
    out = path.join(fresh(), "out");
    result = await build({ contentDir: WARNINGS, outDir: out, now: NOW, cacheDir: fresh() });
  });

  /** The files of the web versions a page's <picture> elements name, whose file name starts with `name-`. */
  const versions = (page: string, name: string): string[] => {
    const $ = html(out, page);
    const urls = $("picture source, picture img")
      .toArray()
      .flatMap((el) => ($(el).attr("srcset") ?? "").split(",").map((part) => part.trim().split(/\s+/)[0]!))
      .filter((url) => new RegExp(`/${name}-\\d+\\.[0-9a-f]+\\.(jpg|webp)$`).test(url));
    return [...new Set(urls)].map((url) => path.join(out, decodeURI(url)));
  };

  /** The social card of a page. */
  const card = (page: string): string => {
    const url = html(out, page)('meta[property="og:image"]').attr("content")!;
    return path.join(out, decodeURI(new URL(url).pathname));
  };

  const assertScreenColours = async (file: string): Promise<void> => {
    const meta = await sharp(file).metadata();
    assert.deepEqual([meta.space, meta.channels, meta.depth], ["srgb", 3, "uchar"], path.basename(file));
  };

  test("the build succeeds and returns the three warnings", () => {
    assert.equal(result.releases, 3);
    assert.deepEqual(
      result.warnings.map((w) => `${w.code} ${w.file}:${w.line}`).sort(),
      expectedWarnings.map((w) => `${w.code} ${w.file}:${w.line}`).sort(),
    );
  });

  test("the CMYK JPEG and TIFF have sRGB web versions (3 channels), and keep their colours", async () => {
    const page = "2026/11/27/druckfarben/index.html";
    for (const name of ["plakat", "plakat-druck"]) {
      const files = versions(page, name);
      assert.ok(files.some((f) => f.endsWith(".jpg")) && files.some((f) => f.endsWith(".webp")), `${name}: ${files.join(", ")}`);
      for (const file of files) {
        await assertScreenColours(file);
        // The sky at the top left is blue, not an inverted orange.
        const { data } = await sharp(file).extract({ left: 4, top: 4, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
        assert.ok(data[2]! > data[0]! + 60, `${path.basename(file)}: the sky is [${[...data].join(", ")}]`);
      }
    }
    await assertScreenColours(card(page));
    // The originals are published as they are, in CMYK, for print.
    assert.equal((await sharp(path.join(out, "2026/11/27/druckfarben/plakat.jpg")).metadata()).space, "cmyk");
    assert.equal((await sharp(path.join(out, "2026/11/27/druckfarben/plakat-druck.tif")).metadata()).space, "cmyk");
  });

  test("the 16-bit TIFF has 8-bit sRGB web versions with its colours scaled down to 8 bits", async () => {
    const page = "2026/11/27/sechzehn-bit/index.html";
    const files = versions(page, "scan");
    assert.ok(files.some((f) => f.endsWith(".jpg")) && files.some((f) => f.endsWith(".webp")), files.join(", "));
    for (const file of files) {
      await assertScreenColours(file);
      // Blue is 30000 of 65535 everywhere: 117 of 255 when scaled (its low byte would be 48, a plain cast 255).
      const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
      const middle = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
      assert.ok(Math.abs(data[middle + 2]! - 117) <= 4, `${path.basename(file)}: blue is ${data[middle + 2]}`);
    }
    await assertScreenColours(card(page));
    const original = await sharp(path.join(out, "2026/11/27/sechzehn-bit/scan.tif")).metadata();
    assert.equal(original.depth, "ushort", "the original is published as it is");
  });

  test('the photo in the text without alt text is shown with alt=""', async () => {
    const $ = html(out, "2026/11/27/ohne-alt/index.html");
    const img = $(".release-body figure.photo img");
    assert.equal(img.length, 1, $.html(".release-body"));
    assert.equal(img.attr("alt"), "");
    assert.match(img.attr("src") ?? "", /\/bild-\d+\.[0-9a-f]+\.jpg$/);
    for (const file of versions("2026/11/27/ohne-alt/index.html", "bild")) await assertScreenColours(file);
  });
});
