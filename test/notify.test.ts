/**
 * `pressroom notify` against a real SMTP server on 127.0.0.1, every message
 * parsed back with mailparser: one mail per list and never twice, an
 * interrupted run, a wrong password, embargo copies that leave no trace in the
 * public build, withdrawals and corrections, and the mail itself (encoding,
 * parts, links, images, headers).
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import * as cheerio from "cheerio";
import { checkContent } from "../src/check.ts";
import { localize } from "../src/errors/report.ts";
import { fixture, listFiles, pressroom, scratchDirs } from "./helpers.ts";
import { PASSWORD, runPressroom, startMailServer, startPressroom, type MailServer, type Received } from "./mail-server.ts";

const CONTENT = fixture("notify");
const SITE = "https://presse.pruefstadt.example";
const FROM = "Stadt Prüfstadt <presse@pruefstadt.example>";
const scratch = scratchDirs();

/** A mail server of the suite that calls it (suites may run side by side: each counts only its own mails). */
let server: MailServer;
function useMailServer(): void {
  let own: MailServer;
  before(async () => {
    own = await startMailServer();
    server = own;
  });
  beforeEach(() => {
    server = own;
  });
  after(() => own.close());
}

const env = (url = server.url()): NodeJS.ProcessEnv => ({ PRESSROOM_SMTP_URL: url, PRESSROOM_MAIL_FROM: FROM });

/** Run notify with the record in `record` at `now`; the mails the server took meanwhile. */
async function notify(record: string, now: string, more: string[] = [], environment = env()) {
  const start = server.received.length;
  const result = await runPressroom(["notify", "--content", CONTENT, "--record", record, "--now", now, ...more], { cwd: path.dirname(record), env: environment });
  return { result, mails: server.received.slice(start) };
}

const readRecord = (file: string) => JSON.parse(readFileSync(file, "utf8")) as { lists: Record<string, { since: string }>; sent: Record<string, string> };
const rawHeader = (m: Received, name: string): string =>
  m.raw
    .split(/\r\n\r\n/)[0]!
    .replace(/\r\n[ \t]+/g, " ")
    .split("\r\n")
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? "";

describe("pressroom notify: a release reaches each list once", () => {
  useMailServer();
  const dir = scratch();
  const record = path.join(dir, "notified.json");
  let published: Received[] = [];

  it("a first run sends nothing for what was public before it, and records from when on it mails", async () => {
    const { result, mails } = await notify(record, "2026-11-23T12:00");
    assert.equal(result.status, 0, result.stderr);
    assert.equal(mails.length, 0);
    assert.match(result.stdout, /first run/);
    const saved = readRecord(record);
    assert.equal(Object.keys(saved.lists).length, 3);
    // The record lies beside the public site: it names no list address (nor, below, any release).
    assert.doesNotMatch(readFileSync(record, "utf8"), /@|lists\.pruefstadt/);
    assert.deepEqual(saved.sent, {});
  });

  it("a release published: exactly one mail to each list that wants it", async () => {
    const { result, mails } = await notify(record, "2026-12-01T10:30");
    assert.equal(result.status, 0, result.stderr);
    assert.equal(mails.length, 4, mails.map((m) => `${m.to} ${m.mail.subject}`).join("\n"));
    const bridge = mails.filter((m) => m.mail.subject!.startsWith("Brücke"));
    assert.deepEqual(bridge.map((m) => m.to).sort(), [
      ["environment@lists.pruefstadt.example"],
      ["tiefbau@lists.pruefstadt.example"],
      ["verteiler@lists.pruefstadt.example"],
    ]);
    // The release of the Kulturamt goes to the list of the whole site only.
    const other = mails.filter((m) => !m.mail.subject!.startsWith("Brücke"));
    assert.deepEqual(other.map((m) => [m.to[0], m.mail.subject]), [["verteiler@lists.pruefstadt.example", "Baubeginn an der Ölmühle"]]);
    assert.equal(Object.keys(readRecord(record).sent).length, 4);
    published = bridge;
  });

  it("a second run sends nothing again", async () => {
    const { result, mails } = await notify(record, "2026-12-01T11:00");
    assert.equal(result.status, 0, result.stderr);
    assert.equal(mails.length, 0);
    assert.match(result.stdout, /No mail is due/);
  });

  it("the mail: German subject encoded, both parts, every link absolute to the site, the photo linked, nothing active or remote", () => {
    assert.equal(published.length, 3);
    for (const m of published) {
      assert.equal(m.mail.subject, "Brücke an der Ölmühle öffnet für Fußgänger & Radfahrer");
      // The header itself is ASCII: the umlauts travel as encoded words.
      assert.match(rawHeader(m, "Subject"), /^Subject: =\?UTF-8\?[QB]\?/i);
      assert.ok(m.mail.text && m.mail.text.includes("Die neue Brücke an der Ölmühle ist fertig."), m.mail.text);
      assert.ok(typeof m.mail.html === "string" && m.mail.html.length > 0);
      const html = m.mail.html as string;
      const $ = cheerio.load(html);
      for (const a of $("a[href]").toArray()) {
        const href = $(a).attr("href")!;
        assert.match(href, /^(https:\/\/|mailto:|tel:)/, href);
      }
      const images = $("img").toArray().map((img) => $(img).attr("src")!);
      assert.ok(images.length >= 1);
      for (const src of images) assert.ok(src.startsWith(`${SITE}/img/`), src);
      // The lead photo links to the release's page; its caption and credit are below it.
      const canonical = `${SITE}/2026/12/01/oelmuehle/`;
      assert.equal($(`a[href="${canonical}"] img`).length, 1);
      assert.match($("figcaption").first().text(), /Die Brücke ist 42 Meter lang\. (Foto|Photo): Stadt Prüfstadt/);
      // Relative links of the body point at the site; the media kit and the download are linked.
      assert.ok($(`a[href="${SITE}/2026/11/25/baubeginn/"]`).length === 1);
      assert.ok($("a[href$='.zip']").length === 1);
      assert.ok($(`a[href="${SITE}/2026/12/01/oelmuehle/lageplan.pdf"]`).length === 1);
      // The image of another website is a link, never loaded.
      assert.equal($('a[href="https://tracker.example/pixel.gif"]').length, 1);
      assert.doesNotMatch(html, /<script|MAILSCRIPT|onclick|javascript:|<iframe|<link|@import|url\(/i);
      assert.doesNotMatch(m.mail.text!, /MAILSCRIPT/);
      // The contact with phone and email, in both parts.
      assert.match(m.mail.text!, /Birgit Jaskowiak, Pressesprecherin/);
      assert.match(m.mail.text!, /0251 492-6609/);
      assert.ok($('a[href="mailto:presse@pruefstadt.example"]').length >= 1);
      assert.ok($('a[href^="tel:"]').length === 1);
      assert.match(m.mail.text!, new RegExp(`${canonical.replace(/[./]/g, "\\$&")}`));
    }
  });

  it("the headers: Message-ID per release and list, List-Id, List-Unsubscribe where the list has one, Reply-To the contact", async () => {
    const byList = new Map(published.map((m) => [m.to[0]!, m]));
    const ids = published.map((m) => m.mail.messageId!);
    assert.equal(new Set(ids).size, 3);
    for (const id of ids) assert.match(id, /^<[0-9a-f]{32}\.release@presse\.pruefstadt\.example>$/);
    const tiefbau = byList.get("tiefbau@lists.pruefstadt.example")!;
    assert.match(rawHeader(tiefbau, "List-ID"), /<tiefbau\.lists\.pruefstadt\.example>/);
    assert.match(rawHeader(tiefbau, "List-ID"), /Tiefbau-Nachrichten/);
    assert.match(rawHeader(tiefbau, "List-Unsubscribe"), /<https:\/\/lists\.pruefstadt\.example\/tiefbau\/abmelden>/);
    assert.equal(rawHeader(byList.get("verteiler@lists.pruefstadt.example")!, "List-Unsubscribe"), "");
    for (const m of published) {
      assert.equal(m.mail.replyTo?.value[0]?.address, "presse@pruefstadt.example");
      assert.equal(m.mail.from?.value[0]?.address, "presse@pruefstadt.example");
    }
    // The English list gets its words in English, the release as written.
    assert.match(byList.get("environment@lists.pruefstadt.example")!.mail.text!, /The release online/);
    assert.match(tiefbau.mail.text!, /Die Mitteilung im Netz/);
    // Stable: the same release and list always have the same Message-ID (a dry run of another record says the same).
    const dry = pressroom(["notify", "--content", CONTENT, "--now", "2026-12-01T10:30", "--since", "2026-11-30T00:00", "--dry-run", "--json"], { cwd: dir });
    assert.equal(dry.status, 0, dry.stderr);
    const planned = (JSON.parse(dry.stdout) as { mails: { message_id: string }[] }).mails.map((m) => `<${m.message_id}>`);
    assert.deepEqual(planned.sort(), [...ids].sort());
  });

  it("a withdrawal sends 'Zurückgezogen:' with its reason; a correction that asks for it sends 'Korrektur:'", async () => {
    const withdrawn = await notify(record, "2026-12-02T13:00");
    assert.equal(withdrawn.result.status, 0, withdrawn.result.stderr);
    assert.deepEqual(withdrawn.mails.map((m) => [m.to[0], m.mail.subject]), [["verteiler@lists.pruefstadt.example", "Zurückgezogen: Konzert im Stadtpark"]]);
    assert.match(withdrawn.mails[0]!.mail.text!, /Das Konzert fällt wegen Sturmwarnung aus\./);
    assert.match(withdrawn.mails[0]!.mail.messageId!, /\.withdrawal@/);

    const corrected = await notify(record, "2026-12-03T10:00");
    assert.equal(corrected.result.status, 0, corrected.result.stderr);
    assert.deepEqual(corrected.mails.map((m) => [m.to[0], m.mail.subject]), [["verteiler@lists.pruefstadt.example", "Korrektur: Baubeginn an der Ölmühle"]]);
    assert.match(corrected.mails[0]!.mail.text!, /^Korrektur vom 03\.12\.2026, 09:00 Uhr: Der Termin der Führung ist der 6\. Dezember, nicht der 5\./);
  });

  it("an embargo copy goes at its lead time to the lists that take them, marked SPERRFRIST; the public build of that moment holds no trace of it", async () => {
    const early = await notify(record, "2026-12-04T09:59");
    assert.equal(early.mails.length, 0);
    const copy = await notify(record, "2026-12-04T10:30");
    assert.equal(copy.result.status, 0, copy.result.stderr);
    assert.equal(copy.mails.length, 1);
    const m = copy.mails[0]!;
    assert.deepEqual(m.to, ["verteiler@lists.pruefstadt.example"]);
    assert.equal(m.mail.subject, "SPERRFRIST: 05.12.2026, 10:00 Uhr – EMBARGOSECRET Grünfläche am Hafen");
    assert.match(m.mail.text!, /^SPERRFRIST: 05\.12\.2026, 10:00 Uhr\n/);
    // Its photo is not on the site before its time: not loaded, not linked.
    assert.doesNotMatch(m.mail.html as string, /<img/);
    assert.doesNotMatch(m.mail.html as string, /embargosecret\.jpg/);
    assert.match(m.mail.text!, /Die Mitteilung im Netz \(ab 05\.12\.2026, 10:00 Uhr\): https:\/\/presse\.pruefstadt\.example\/2026\/12\/05\/gruenflaeche\//);
    // The record, which sits beside the public site, names no release.
    const recorded = readFileSync(record, "utf8");
    assert.doesNotMatch(recorded, /EMBARGOSECRET|gruenflaeche|2026\/12\/05/i);

    const out = path.join(dir, "public");
    const build = pressroom(["build", "--content", CONTENT, "--out", out, "--now", "2026-12-04T10:30", "--cache", path.join(dir, "cache")], { cwd: dir });
    assert.equal(build.status, 0, build.stderr);
    for (const file of listFiles(out)) {
      const bytes = readFileSync(path.join(out, file));
      assert.ok(!bytes.includes("EMBARGOSECRET") && !bytes.includes("gruenflaeche"), `${file} holds a trace of the embargoed release`);
      assert.doesNotMatch(file, /gruenflaeche|embargosecret/i);
    }
    // The photo of a mail sent before is a file of the build: the link leads to it.
    const photo = cheerio.load(published[0]!.mail.html as string)("img").first().attr("src")!;
    assert.ok(existsSync(path.join(out, photo.slice(SITE.length + 1))), photo);
    // The same build's folder given to notify: nothing is sent twice, and notify writes nothing into it.
    const before = listFiles(out);
    const rerun = await notify(record, "2026-12-04T10:40", ["--out", out]);
    assert.equal(rerun.result.status, 0, rerun.result.stderr);
    assert.equal(rerun.mails.length, 0);
    assert.deepEqual(listFiles(out), before);

    // At its time the release itself goes out, to every list that wants it.
    const released = await notify(record, "2026-12-05T10:30");
    assert.deepEqual(released.mails.map((r) => [r.to[0], r.mail.subject]), [["verteiler@lists.pruefstadt.example", "EMBARGOSECRET Grünfläche am Hafen"]]);
  });
});

describe("pressroom notify: never lost", () => {
  useMailServer();
  it("interrupted after the first of three lists: the next run sends the other two only", async () => {
    const dir = scratch();
    const record = path.join(dir, "notified.json");
    const start = server.received.length;
    const cli = startPressroom(["notify", "--content", CONTENT, "--record", record, "--now", "2026-12-01T10:30", "--since", "2026-11-30T00:00"], { cwd: dir, env: env() });
    server.beforeAnswer = async (to) => {
      if (to[0] !== "tiefbau@lists.pruefstadt.example") return;
      cli.kill();
      await new Promise((resolve) => setTimeout(resolve, 200));
      throw new Error("the connection is gone");
    };
    const killed = await cli.done;
    server.beforeAnswer = undefined;
    assert.notEqual(killed.status, 0);
    const first = server.received.slice(start);
    assert.deepEqual(first.map((m) => m.to[0]), ["verteiler@lists.pruefstadt.example"]);
    assert.equal(Object.keys(readRecord(record).sent).length, 1);

    const { result, mails } = await notify(record, "2026-12-01T10:35", ["--since", "2026-11-30T00:00"]);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(mails.map((m) => m.to[0]), ["tiefbau@lists.pruefstadt.example", "environment@lists.pruefstadt.example"]);
  });

  it("a mail the server refuses is reported with its release and list, exit 1, and sent by the next run", async () => {
    const dir = scratch();
    const record = path.join(dir, "notified.json");
    server.beforeAnswer = (to) => {
      if (to[0] === "tiefbau@lists.pruefstadt.example") throw new Error("Mailbox busy");
    };
    const failed = await notify(record, "2026-12-01T10:30", ["--since", "2026-11-30T00:00"]);
    server.beforeAnswer = undefined;
    assert.equal(failed.result.status, 1);
    assert.match(failed.result.stderr, /not sent: Brücke an der Ölmühle öffnet für Fußgänger & Radfahrer \(\/2026\/12\/01\/oelmuehle\/\) to Tiefbau-Nachrichten <tiefbau@lists\.pruefstadt\.example>/);
    assert.doesNotMatch(failed.result.stderr, /\n\s+at /);
    assert.equal(failed.mails.length, 2);
    const retry = await notify(record, "2026-12-01T11:00", ["--since", "2026-11-30T00:00", "--json"]);
    assert.equal(retry.result.status, 0, retry.result.stderr);
    assert.deepEqual(retry.mails.map((m) => m.to[0]), ["tiefbau@lists.pruefstadt.example"]);
    // --json: one line for scripts, what went out and what did not.
    const said = JSON.parse(retry.result.stdout) as { sent: { kind: string; address: string; url: string }[]; failed: unknown[] };
    assert.deepEqual(said.sent.map((m) => [m.kind, m.address, m.url]), [["release", "tiefbau@lists.pruefstadt.example", "/2026/12/01/oelmuehle/"]]);
    assert.deepEqual(said.failed, []);
  });

  it("a wrong password: one clear line, exit 1, the password never shown, nothing marked as sent", async () => {
    const dir = scratch();
    const record = path.join(dir, "notified.json");
    const wrong = "Falsches-Passwort-99";
    const { result, mails } = await notify(record, "2026-12-01T10:30", ["--since", "2026-11-30T00:00"], env(server.url(wrong)));
    assert.equal(result.status, 1);
    assert.equal(mails.length, 0);
    assert.match(result.stderr, /refused the user name or password/);
    assert.doesNotMatch(result.stderr + result.stdout, new RegExp(`${wrong}|${PASSWORD}`));
    assert.doesNotMatch(result.stderr, /\n\s+at |internal error/);
    assert.deepEqual(readRecord(record).sent, {});
  });

  it("a mail server setting that cannot work, or no sender: one line, exit 1, no secret", async () => {
    const dir = scratch();
    const record = path.join(dir, "notified.json");
    for (const [environment, said] of [
      [{ PRESSROOM_SMTP_URL: "http://presse:Geheim-1234@127.0.0.1:25", PRESSROOM_MAIL_FROM: FROM }, /must start with smtp:\/\/ \(STARTTLS\) or smtps:\/\//],
      [{ PRESSROOM_SMTP_URL: "", PRESSROOM_SMTP_HOST: "", PRESSROOM_MAIL_FROM: FROM }, /needs a mail server/],
      [{ PRESSROOM_SMTP_URL: server.url(), PRESSROOM_MAIL_FROM: "" }, /needs a sender: set PRESSROOM_MAIL_FROM/],
    ] as const) {
      const { result } = await notify(record, "2026-12-01T10:30", ["--since", "2026-11-30T00:00"], environment);
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, said);
      assert.doesNotMatch(result.stderr, /Geheim|\n\s+at /);
    }
  });

  it("--dry-run sends and records nothing; a preview build is refused; without a record place notify says where to keep one", async () => {
    const dir = scratch();
    const record = path.join(dir, "notified.json");
    const dry = await notify(record, "2026-12-01T10:30", ["--since", "2026-11-30T00:00", "--dry-run"]);
    assert.equal(dry.result.status, 0, dry.result.stderr);
    assert.equal(dry.mails.length, 0);
    assert.match(dry.result.stdout, /Would send 3 mails/);
    assert.ok(!existsSync(record));

    const preview = path.join(dir, "preview");
    mkdirSync(preview);
    writeFileSync(path.join(preview, ".pressroom-output"), "");
    writeFileSync(path.join(preview, "manifest.json"), JSON.stringify({ pressroom: 1, site: SITE, built: "2026-12-01T09:30:00.000Z", preview: true, files: {} }));
    const refused = await notify(record, "2026-12-01T10:30", ["--out", preview]);
    assert.equal(refused.result.status, 2);
    assert.match(refused.result.stderr, /preview/);

    const nowhere = await runPressroom(["notify", "--content", CONTENT, "--now", "2026-12-01T10:30"], { cwd: dir, env: { ...env(), PRESSROOM_S3_BUCKET: "" } });
    assert.equal(nowhere.status, 2);
    assert.match(nowhere.stderr, /--record FILE/);
  });
});

describe("distribution: in site.yaml", () => {
  it("is checked like every setting: file, line, field and a hint, in German too", async () => {
    const dir = scratch();
    const content = path.join(dir, "content");
    cpSync(CONTENT, content, { recursive: true });
    const site = readFileSync(path.join(content, "site.yaml"), "utf8")
      .replace("address: verteiler@lists.pruefstadt.example", "address: verteiler")
      .replace("departments: [tiefbauamt]", "departments: [tiefbau]")
      .replace("embargo_lead: 24 hours", "embargo_lead: bald")
      .replace("language: en", "language: fr");
    writeFileSync(path.join(content, "site.yaml"), site);
    const lines = site.split("\n");
    const lineOf = (text: string): number => lines.findIndex((l) => l.includes(text)) + 1;
    const { problems } = await checkContent(content);
    const found = problems.map((p) => [p.code, p.line, p.field]);
    assert.deepEqual(found.sort(), [
      ["invalid-value", lineOf("address: verteiler"), "distribution.0.address"],
      ["invalid-value", lineOf("embargo_lead: bald"), "distribution.0.embargo_lead"],
      ["invalid-value", lineOf("language: fr"), "distribution.2.language"],
      ["unknown-department", lineOf("departments: [tiefbau]"), "distribution.1.departments.0"],
    ].sort());
    const german = problems.map((p) => localize(p, "de"));
    assert.ok(german.some((p) => p.hint.includes("eine E-Mail-Adresse")), JSON.stringify(german));
    assert.ok(german.some((p) => p.hint.includes("Zeitspanne")));
    assert.ok(german.some((p) => /tiefbauamt/.test(p.hint)));
  });
});
