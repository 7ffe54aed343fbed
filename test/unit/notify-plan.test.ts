/**
 * Which mails are due (notify/plan.ts), as a pure function of the content,
 * the record and the clock: the rules that the SMTP tests do not each walk
 * through.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { checkContent } from "../../src/check.ts";
import { parseNow } from "../../src/content/dates.ts";
import type { ContentModel, MailingList } from "../../src/content/model.ts";
import { listKey, mailKey, planNotify } from "../../src/notify/plan.ts";
import { emptyRecord, parseRecord, recordText, type NotifyRecord } from "../../src/notify/record.ts";
import { fixture } from "../helpers.ts";

let model: ContentModel;
before(async () => {
  const checked = await checkContent(fixture("notify"));
  assert.ok(checked.model, JSON.stringify(checked.problems));
  model = checked.model;
});

const at = (text: string): number => parseNow(text, "Europe/Berlin")!;
const listsSince = (since: string, lists = model.site.distribution!): NotifyRecord => ({
  ...emptyRecord(),
  lists: Object.fromEntries(lists.map((l) => [listKey(l), { since: new Date(at(since)).toISOString() }])),
});
const summary = (record: NotifyRecord, now: string, since?: string) =>
  planNotify(model, record, { now: at(now), ...(since && { since: at(since) }) }).mails.map((m) => `${m.kind} ${m.release.url} ${m.list.name}`);

describe("planNotify", () => {
  it("a list the record does not know starts now: nothing public before is mailed to it, --since chooses an earlier start", () => {
    const plan = planNotify(model, emptyRecord(), { now: at("2026-12-01T10:30") });
    assert.deepEqual(plan.mails, []);
    assert.equal(plan.newLists.length, 3);
    assert.deepEqual(summary(emptyRecord(), "2026-12-01T10:30", "2026-11-30T00:00"), [
      "release /2026/12/01/oelmuehle/ Presseverteiler",
      "release /2026/12/01/oelmuehle/ Tiefbau-Nachrichten",
      "release /2026/12/01/oelmuehle/ Environment news",
    ]);
  });

  it("a list added to site.yaml later gets only what is new from then on, the others what they have not had", () => {
    const [press] = model.site.distribution!;
    const record = listsSince("2026-11-23T12:00", [press!]);
    assert.deepEqual(summary(record, "2026-12-01T10:30"), ["release /2026/11/25/baubeginn/ Presseverteiler", "release /2026/12/01/oelmuehle/ Presseverteiler"]);
  });

  it("what the record holds is not planned again; a release mail made after its correction covers the correction", () => {
    const record = listsSince("2026-11-23T12:00");
    const first = planNotify(model, record, { now: at("2026-12-03T10:00") });
    const baubeginn = first.mails.find((m) => m.release.url === "/2026/11/25/baubeginn/")!;
    // Mailed after its update: the mail already says what changed.
    assert.deepEqual(baubeginn.covers, [mailKey("correction", baubeginn.release, baubeginn.list)]);
    const sent = Object.fromEntries(first.mails.flatMap((m) => [m.key, ...m.covers]).map((key) => [key, "2026-12-03T09:00:00.000Z"]));
    assert.deepEqual(summary({ ...record, sent }, "2026-12-03T10:00"), []);
  });

  it("a correction is mailed only when the release asks for it; a withdrawal only to lists that could have had the release", () => {
    const corrected = model.releases.find((r) => r.url === "/2026/11/25/baubeginn/")!;
    const quiet: ContentModel = { ...model, releases: model.releases.map((r) => (r === corrected ? { ...r, notifyCorrection: false } : r)) };
    const press = model.site.distribution![0]! satisfies MailingList;
    const record = { ...listsSince("2026-11-23T12:00"), sent: { [mailKey("release", corrected, press)]: "2026-12-01T09:30:00.000Z" } };
    const due = (m: ContentModel) => planNotify(m, record, { now: at("2026-12-03T10:00") }).mails.map((x) => `${x.kind} ${x.release.url}`);
    assert.ok(due(model).includes("correction /2026/11/25/baubeginn/"));
    assert.ok(!due(quiet).includes("correction /2026/11/25/baubeginn/"));
    // The concert was public before the lists' record began: their subscribers may know it, the withdrawal goes.
    assert.ok(due(model).includes("withdrawal /2026/11/20/konzert/"));
    // Public after the record began and withdrawn before any run mailed it: nobody had it, nothing goes.
    const later = listsSince("2026-11-19T12:00");
    assert.deepEqual(
      planNotify(model, later, { now: at("2026-12-02T13:00") }).mails.filter((m) => m.kind === "withdrawal"),
      [],
    );
  });

  it("an embargo copy: only to lists that take them, not before the lead time, never once the release is public", () => {
    const record = listsSince("2026-12-03T12:00");
    assert.deepEqual(summary(record, "2026-12-04T09:59"), []);
    assert.deepEqual(summary(record, "2026-12-04T10:00"), ["embargo /2026/12/05/gruenflaeche/ Presseverteiler"]);
    assert.deepEqual(summary(record, "2026-12-05T10:00"), ["release /2026/12/05/gruenflaeche/ Presseverteiler"]);
  });

  it("with the deployed build: a public release whose page it lacks waits", () => {
    const plan = planNotify(model, listsSince("2026-11-30T00:00"), { now: at("2026-12-01T10:30"), built: new Set() });
    assert.deepEqual(plan.mails, []);
    assert.deepEqual(plan.notBuilt.map((r) => r.url), ["/2026/12/01/oelmuehle/"]);
  });

  it("the record: written sorted, read back the same, a damaged one refused instead of taken for empty", () => {
    const record = { ...listsSince("2026-11-23T12:00"), sent: { b: "2026-12-01T09:30:00.000Z", a: "2026-12-01T09:31:00.000Z" } };
    const text = recordText(record);
    assert.ok(text.indexOf('"a"') < text.indexOf('"b"'));
    assert.deepEqual(parseRecord(text, "x"), JSON.parse(text));
    assert.throws(() => parseRecord("{", "notified.json"), /not a record of pressroom notify/);
    assert.throws(() => parseRecord('{"sent": {}}', "notified.json"), /not a record of pressroom notify/);
  });
});
