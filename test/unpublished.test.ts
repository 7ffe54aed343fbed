/**
 * Nothing of a draft or an embargoed release may reach any output file:
 * every file of the output folder is searched, names and bytes, and the
 * search index's compressed files once more unpacked.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { after, describe, test } from "node:test";
import { fixture, listFiles, pressroom, removeDir, tempDir } from "./helpers.ts";

const SECRETS = ["DRAFTSECRET", "FUTURESECRET", "FUTURETAG", "draftsecret", "futuresecret", "entwurf"];
const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

function buildInto(content: string, now: string, extra: string[] = []): string {
  const dir = tempDir();
  dirs.push(dir);
  const out = path.join(dir, "out");
  const result = pressroom(["build", "--content", content, "--out", out, "--now", now, ...extra]);
  assert.equal(result.status, 0, result.stderr);
  return out;
}

/** A file's bytes, and unpacked too when it is gzip-compressed (the search index's fragments, filters and word lists). */
function contentsOf(file: string): Buffer[] {
  const bytes = readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? [bytes, gunzipSync(bytes)] : [bytes];
}

/** Every file whose path or bytes contain `needle` (compressed files searched unpacked too). */
function filesContaining(out: string, needle: string): string[] {
  return listFiles(out).filter((file) => file.includes(needle) || contentsOf(path.join(out, file)).some((bytes) => bytes.includes(needle)));
}

function filesEqualTo(out: string, original: string): string[] {
  const bytes = readFileSync(original);
  return listFiles(out).filter((file) => readFileSync(path.join(out, file)).equals(bytes));
}

describe("the fixture site", () => {
  const content = fixture("valid");

  test("drafts and future releases leave no trace: no page, entry, redirect or media file", () => {
    const out = buildInto(content, "2026-11-27T12:00");
    for (const secret of SECRETS) assert.deepEqual(filesContaining(out, secret), [], secret);
    assert.deepEqual(filesEqualTo(out, path.join(content, "releases/2026/draftsecret.jpg")), []);
    assert.deepEqual(filesEqualTo(out, path.join(content, "releases/2026/futuresecret.jpg")), []);
    assert.ok(!listFiles(out).includes("2026/12/index.html"));
    // The search proves it can see inside the index: a published release's word is found there.
    assert.ok(filesContaining(out, "verbreitert").some((file) => file.startsWith("pagefind/")), "the index holds published text");
  });

  test("the embargoed release appears once its date has come", () => {
    const out = buildInto(content, "2026-12-24T12:00");
    assert.ok(listFiles(out).includes("2026/12/24/futuresecret/index.html"));
    assert.ok(listFiles(out).includes("2026/12/24/futuresecret/futuresecret.jpg"));
    assert.ok(listFiles(out).includes("presse/futuresecret.html"));
    assert.deepEqual(filesContaining(out, "DRAFTSECRET"), []);
  });

  test("one minute before its time, it is still absent (site time zone, not UTC)", () => {
    // 12:00 in Berlin is 11:00 UTC; 11:59 local is before the embargo.
    const out = buildInto(content, "2026-12-24T11:59");
    assert.deepEqual(filesContaining(out, "FUTURESECRET"), []);
    const offset = buildInto(content, "2026-12-24T11:00:00Z");
    assert.ok(listFiles(offset).includes("2026/12/24/futuresecret/index.html"));
  });

  test("--preview shows drafts and embargoed releases under their banners, in a build marked as a preview", () => {
    const out = buildInto(content, "2026-11-27T12:00", ["--preview"]);
    const banner = (file: string): string => /<p class="preview-banner[^>]*>([^<]*)</.exec(readFileSync(path.join(out, file), "utf8"))?.[1] ?? "";
    assert.equal(banner("2026/11/25/entwurf/index.html"), "Entwurf — wird nicht veröffentlicht");
    assert.equal(banner("2026/12/24/futuresecret/index.html"), "Sperrfrist bis 24.12.2026, 12:00 Uhr");
    assert.equal(banner("2026/11/27/radwege-am-ring/index.html"), "");
    assert.equal(JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")).preview, true);
  });
});

describe("the example site", () => {
  test("its draft and its release dated 2031 leave no trace", () => {
    const out = buildInto("content", "2026-11-27T12:00");
    for (const secret of ["DRAFTSECRET", "FUTURESECRET", "festplatz", "modell"]) {
      assert.deepEqual(filesContaining(out, secret), [], secret);
    }
    const draftPhoto = "content/releases/2025/2025-11-20-neues-stadtmuseum-entwurf/modell.jpg";
    const futurePhoto = "content/releases/2031/2031-06-01-stadtjubilaeum-festakt/festplatz.jpg";
    assert.deepEqual(filesEqualTo(out, draftPhoto), []);
    assert.deepEqual(filesEqualTo(out, futurePhoto), []);
  });
});
