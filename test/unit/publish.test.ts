/**
 * The publish rule (src/content/publish.ts): not a draft, and not after "now".
 * Run under several TZ values by our runner: every instant here is a UTC literal.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseNow, parseContentDate } from "../../src/content/dates.ts";
import { DEFAULT_LIMITS, type ContentModel, type Release } from "../../src/content/model.ts";
import { dueBetween, isPublished, isWithdrawn, newestFirst, publishedReleases, type PublishOptions } from "../../src/content/publish.ts";
import { tagsOf } from "../../src/site/tags.ts";

const NOW = Date.UTC(2026, 10, 27, 9, 30); // 2026-11-27 10:30 in Berlin

function release(url: string, date: number, extra: Partial<Release> = {}): Release {
  return {
    file: `releases${url.replace(/\/$/, "")}.md`,
    url,
    title: url,
    date,
    hasTime: true,
    year: new Date(date).getUTCFullYear(),
    departments: [],
    contacts: [],
    media: [],
    tags: [],
    draft: false,
    aliases: [],
    body: "",
    ...extra,
  };
}

function model(releases: Release[]): ContentModel {
  return {
    site: { title: "T", url: "https://presse.example", basePath: "", language: "de", timeZone: "Europe/Berlin", theme: { footer: [], social: [] }, limits: DEFAULT_LIMITS, languages: [] },
    departments: new Map(),
    contacts: new Map(),
    releases,
  };
}

const build: PublishOptions = { now: NOW, drafts: false };
const preview: PublishOptions = { now: NOW, drafts: true };
const urls = (releases: readonly Release[]): string[] => releases.map((r) => r.url);

describe("isPublished", () => {
  it("a past release is published", () => {
    assert.equal(isPublished(release("/a/", NOW - 60_000), build), true);
  });

  it("a release dated exactly now is published", () => {
    assert.equal(isPublished(release("/a/", NOW), build), true);
  });

  it("a release one millisecond in the future is not published", () => {
    assert.equal(isPublished(release("/a/", NOW + 1), build), false);
  });

  it("a draft is not published, however old", () => {
    assert.equal(isPublished(release("/a/", Date.UTC(2000, 0, 1), { draft: true }), build), false);
  });

  it("drafts: true includes past drafts", () => {
    assert.equal(isPublished(release("/a/", NOW - 1, { draft: true }), preview), true);
    assert.equal(isPublished(release("/a/", NOW, { draft: true }), preview), true);
  });

  it("drafts: true never includes future releases, drafts or not", () => {
    assert.equal(isPublished(release("/a/", NOW + 1), preview), false);
    assert.equal(isPublished(release("/a/", NOW + 1, { draft: true }), preview), false);
  });
});

describe("publishedReleases", () => {
  const past = release("/2026/11/20/hallenbad/", Date.UTC(2026, 10, 20, 8, 0));
  const now = release("/2026/11/27/radwege/", NOW);
  const draft = release("/2026/11/25/entwurf/", Date.UTC(2026, 10, 25, 8, 0), { draft: true });
  const future = release("/2026/12/24/bescherung/", Date.UTC(2026, 11, 24, 8, 0));
  const futureDraft = release("/2026/12/31/silvester/", Date.UTC(2026, 11, 31, 8, 0), { draft: true });
  const old = release("/1999/03/04/altes-cms/", Date.UTC(1999, 2, 4, 11, 0));
  const all = [future, old, draft, now, futureDraft, past];

  it("excludes drafts and future releases, newest first", () => {
    assert.deepEqual(urls(publishedReleases(model(all), build)), [now.url, past.url, old.url]);
  });

  it("with drafts: true includes past drafts but still no future release", () => {
    assert.deepEqual(urls(publishedReleases(model(all), preview)), [now.url, draft.url, past.url, old.url]);
  });

  it("a later now publishes the embargoed release", () => {
    const later = { now: Date.UTC(2026, 11, 24, 8, 0), drafts: false };
    assert.deepEqual(urls(publishedReleases(model(all), later)), [future.url, now.url, past.url, old.url]);
  });

  it("does not reorder or change the model's own list", () => {
    const releases = [...all];
    publishedReleases(model(releases), build);
    assert.deepEqual(urls(releases), urls(all));
  });

  it("releases at the same instant are ordered by address, whatever the input order", () => {
    const at = Date.UTC(2026, 10, 27, 9, 0);
    const a = release("/2026/11/27/a-strasse/", at);
    const b = release("/2026/11/27/b-strasse/", at);
    const c = release("/2026/11/27/c-strasse/", at);
    const newer = release("/2026/11/27/z-neuer/", at + 1);
    const permutations = [
      [a, b, c, newer],
      [c, b, a, newer],
      [newer, b, c, a],
      [b, newer, a, c],
    ];
    for (const input of permutations) {
      assert.deepEqual(urls(publishedReleases(model(input), build)), [newer.url, a.url, b.url, c.url]);
    }
  });

  it("newestFirst is a consistent comparator", () => {
    const x = release("/x/", 1);
    const y = release("/y/", 1);
    const z = release("/z/", 2);
    assert.ok(newestFirst(z, x) < 0);
    assert.ok(newestFirst(x, z) > 0);
    assert.ok(newestFirst(x, y) < 0);
    assert.ok(newestFirst(y, x) > 0);
    assert.equal(newestFirst(x, x), 0);
  });

  it("--now in the site zone: a release at exactly that local time is published, one minute later is not", () => {
    const zone = "Europe/Berlin";
    const cli = parseNow("2026-11-27 10:30", zone);
    assert.equal(cli, NOW);
    const dateOf = (text: string): number => {
      const parsed = parseContentDate(text, zone);
      assert.ok(parsed.ok);
      return parsed.instant;
    };
    const onTime = release("/2026/11/27/puenktlich/", dateOf("2026-11-27 10:30"));
    const late = release("/2026/11/27/spaeter/", dateOf("2026-11-27 10:31"));
    const offset = release("/2026/11/27/mit-offset/", dateOf("2026-11-27T09:30:00Z"));
    assert.deepEqual(urls(publishedReleases(model([late, onTime, offset]), { now: cli!, drafts: false })), [
      offset.url,
      onTime.url,
    ]);
  });

  it("an empty model publishes nothing", () => {
    assert.deepEqual(publishedReleases(model([]), build), []);
  });
});

describe("withdrawals", () => {
  const withdrawal = (date: number) => ({ withdrawn: { date, hasTime: true, reason: "abgesagt" } });

  it("take effect at their time, not before, and a release without one is never withdrawn", () => {
    const r = release("/2026/11/20/fest/", NOW - 86_400_000, withdrawal(NOW));
    assert.equal(isWithdrawn(r, NOW - 1), false);
    assert.equal(isWithdrawn(r, NOW), true);
    assert.equal(isWithdrawn(release("/2026/11/20/other/", NOW - 1), NOW), false);
  });

  it("fall due for a scheduled run like embargoes do; drafts never do", () => {
    const since = NOW - 3_600_000;
    const withdrawn = release("/2026/11/01/fest/", Date.UTC(2026, 10, 1), withdrawal(NOW - 60_000));
    const embargo = release("/2026/11/27/neu/", NOW - 120_000);
    const earlier = release("/2026/11/02/alt/", Date.UTC(2026, 10, 2), withdrawal(since - 1));
    const draft = release("/2026/11/03/entwurf/", Date.UTC(2026, 10, 3), { draft: true, ...withdrawal(NOW - 60_000) });
    assert.deepEqual(dueBetween(model([withdrawn, embargo, earlier, draft]), since, NOW).map((r) => r.url), ["/2026/11/01/fest/", "/2026/11/27/neu/"]);
  });
});

describe("tags", () => {
  it("spellings with one address are one tag, named as most releases write it; tags sorted by address", () => {
    const releases = [
      release("/a/", NOW, { tags: ["Radverkehr", "Verkehr"] }),
      release("/b/", NOW, { tags: ["radverkehr"] }),
      release("/c/", NOW, { tags: ["radverkehr", "Radverkehr", "Ämter"] }),
      release("/d/", NOW, { tags: ["!!!"] }),
    ];
    const tags = tagsOf(releases);
    assert.deepEqual(tags.map((t) => [t.slug, t.name, t.releases.map((r) => r.url)]), [
      ["aemter", "Ämter", ["/c/"]],
      ["radverkehr", "radverkehr", ["/a/", "/b/", "/c/"]],
      ["verkehr", "Verkehr", ["/a/"]],
    ]);
  });
});


describe("search shards", () => {
  it("group whole years, oldest first, up to the size; a bigger year, and the newest, are shards of their own", async () => {
    const { yearGroups } = await import("../../src/search/shards.ts");
    const counts = new Map([["2026", 1], ["1999", 2], ["2000", 1], ["2024", 5], ["2025", 1]]);
    assert.deepEqual(yearGroups(counts, 4), [
      { name: "1999-2000", years: ["1999", "2000"] },
      { name: "2024", years: ["2024"] },
      { name: "2025", years: ["2025"] },
      { name: "2026", years: ["2026"] },
    ]);
  });

  it("new releases of the newest year change no other shard", async () => {
    const { yearGroups } = await import("../../src/search/shards.ts");
    const before = yearGroups(new Map([["2020", 3], ["2021", 1], ["2022", 1]]), 4);
    const after = yearGroups(new Map([["2020", 3], ["2021", 1], ["2022", 9]]), 4);
    assert.deepEqual(before.map((g) => g.name), ["2020-2021", "2022"]);
    assert.deepEqual(after, before);
  });
});
