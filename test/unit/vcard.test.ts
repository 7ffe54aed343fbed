/** vCard files of press contacts (src/outputs/vcard.ts), read back with ical.js's parser. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import ICAL from "ical.js";
import type { Contact } from "../../src/content/model.ts";
import { vcardFileName, vcardOf, type ContactCard } from "../../src/outputs/vcard.ts";

const CARD: ContactCard = {
  organization: "Stadt Musterstadt",
  departments: ["Tiefbauamt"],
  url: "https://presse.musterstadt.de/kontakte/",
  language: "de",
};

const KESSLER: Contact = {
  id: "kessler",
  name: "Jörg Keßler",
  role: "Pressesprecher der Feuerwehr",
  phone: "0251 492-3701",
  phoneHref: "+492514923701",
  email: "feuerwehr-presse@musterstadt.de",
};

/** The text as a file holds it: a lone half of a surrogate pair does not survive UTF-8. */
const asFile = (text: string) => Buffer.from(text, "utf8").toString("utf8");
const parse = (text: string) => new ICAL.Component(ICAL.parse(asFile(text)));
const value = (card: ICAL.Component, name: string) => card.getFirstProperty(name)?.getFirstValue() ?? null;
const names = (card: ICAL.Component) => card.getAllProperties().map((p) => p.name);
/** Physical lines, without their CRLF; the empty string after the last CRLF dropped. */
const physicalLines = (text: string) => text.split("\r\n").slice(0, -1);
const unfold = (text: string) => asFile(text).replace(/\r\n[ \t]/g, "");

function assertWellFormed(text: string): void {
  assert.ok(text.endsWith("\r\n"), "ends with CRLF");
  assert.doesNotMatch(text, /[^\r]\n|\r[^\n]/, "every line break is CRLF");
  const bytes = Buffer.from(text, "utf8");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    assert.ok(line.length <= 75, `${line.length} octets: ${line.toString("utf8")}`);
    // A line cut inside a UTF-8 sequence does not decode on its own.
    assert.doesNotThrow(() => decoder.decode(line), `line ${line.toString("hex")} is not UTF-8 on its own`);
    start = i + 2;
  }
  assert.equal(start, bytes.length);
}

describe("vcardOf", () => {
  it("writes every field of a contact, and ical.js reads them back", () => {
    const text = vcardOf(KESSLER, CARD);
    assertWellFormed(text);
    const card = parse(text);
    assert.equal(card.name, "vcard");
    assert.deepEqual(names(card), ["version", "prodid", "kind", "fn", "n", "title", "org", "tel", "email", "url"]);
    assert.equal(value(card, "version"), "4.0");
    assert.equal(value(card, "prodid"), "-//pressroom//vCard//EN");
    assert.equal(value(card, "kind"), "individual");
    assert.equal(value(card, "fn"), "Jörg Keßler");
    assert.deepEqual(value(card, "n"), ["Keßler", "Jörg", "", "", ""]);
    assert.equal(value(card, "title"), "Pressesprecher der Feuerwehr");
    assert.equal(card.getFirstProperty("title")!.getFirstParameter("language"), "de");
    assert.deepEqual(value(card, "org"), ["Stadt Musterstadt", "Tiefbauamt"]);
    const tel = card.getFirstProperty("tel")!;
    assert.equal(tel.type, "uri");
    assert.equal(tel.getFirstValue(), "tel:+492514923701");
    assert.deepEqual(tel.getParameter("type"), ["work", "voice"]);
    const email = card.getFirstProperty("email")!;
    assert.equal(email.getFirstValue(), "feuerwehr-presse@musterstadt.de");
    assert.equal(email.getParameter("type"), "work");
    assert.equal(value(card, "url"), "https://presse.musterstadt.de/kontakte/");
  });

  it("starts with BEGIN and VERSION, names TEL's value type, and adds nothing time-dependent", () => {
    const lines = physicalLines(vcardOf(KESSLER, CARD));
    assert.deepEqual(lines.slice(0, 2), ["BEGIN:VCARD", "VERSION:4.0"]);
    assert.equal(lines.at(-1), "END:VCARD");
    // RFC 6350: TEL is text unless VALUE says otherwise.
    assert.ok(lines.includes("TEL;VALUE=uri;TYPE=work,voice:tel:+492514923701"), lines.join("\n"));
    assert.ok(lines.includes("PRODID:-//pressroom//vCard//EN"), "PRODID without VALUE=TEXT");
    assert.ok(!lines.some((l) => /^(REV|UID)[;:]/.test(l)));
  });

  it("keeps a telephone number of digits only", () => {
    const card = parse(vcardOf({ name: "Jörg Keßler", phone: "0251 492-3701", phoneHref: "02514923701" }, CARD));
    assert.equal(value(card, "tel"), "tel:02514923701");
  });

  it("round-trips umlauts, commas, semicolons, backslashes and newlines", () => {
    const name = "Zoë Ça, Jr.; née \\Brüß\nZweite Zeile";
    const role = "Leiterin; Presse, Öffentlichkeit \\ Bürgerdialog\nund Social Media, 50% Büro; €";
    const organization = "Stadt Münster; Der Oberbürgermeister, Amt \\ 13";
    const department = "Amt für Grünflächen, Umwelt; Nachhaltigkeit\\Klima";
    const text = vcardOf({ name, role }, { organization, departments: [department], language: "de" });
    assertWellFormed(text);
    const card = parse(text);
    assert.equal(value(card, "fn"), name);
    assert.equal(value(card, "title"), role);
    assert.deepEqual(value(card, "org"), [organization, department]);
    // The separators inside a field of ORG are escaped, so ORG still has two fields.
    assert.match(unfold(text), /\r\nORG;LANGUAGE=de:Stadt Münster\\; Der Oberbürgermeister\\, Amt \\\\ 13;Amt für/);
    assert.match(unfold(text), /\r\nFN:Zoë Ça\\, Jr\.; née \\\\Brüß\\nZweite Zeile\r\n/);
  });

  it("writes a CR in a value as an escaped line break, never as a bare CR", () => {
    const text = vcardOf({ name: "Anna Müller", role: "Erste Zeile\r\nZweite\rDritte\u0007" }, { language: "de" });
    assertWellFormed(text);
    assert.equal(value(parse(text), "title"), "Erste Zeile\nZweite\nDritte");
  });

  it("writes NEL and Unicode's line and paragraph separators as escaped line breaks, and drops C1 controls", () => {
    const role = "Eins\u0085Zwei\u2028Drei\u2029Vier\u009BFünf";
    const text = vcardOf({ name: "Anna\u2028Müller", role }, { language: "de" });
    assertWellFormed(text);
    // Readers that end a line at any of them would otherwise see a property cut in two.
    assert.doesNotMatch(text, /[\u0080-\u009F\u2028\u2029]/);
    assert.equal(value(parse(text), "title"), "Eins\nZwei\nDrei\nVierFünf");
    assert.equal(value(parse(text), "fn"), "Anna\nMüller");
  });

  it("folds long lines at 75 octets, between characters, and unfolds to the original", () => {
    const role = "Ä€ä😀ß".repeat(40);
    assert.equal([...role].length, 200);
    const text = vcardOf({ name: "A".repeat(300), role }, CARD);
    assertWellFormed(text);
    const lines = physicalLines(text);
    // ASCII lines are filled to exactly 75 octets, the leading space included.
    const fn = lines.findIndex((l) => l.startsWith("FN:"));
    assert.deepEqual(
      lines.slice(fn, fn + 5).map((l) => Buffer.byteLength(l)),
      [75, 75, 75, 75, 7],
    );
    // Every line that is continued is full: the next character would not have fit.
    let folds = 0;
    for (const [i, line] of lines.entries()) {
      const next = lines[i + 1];
      if (!next?.startsWith(" ")) continue;
      folds++;
      const moved = [...next.slice(1)][0]!;
      assert.ok(Buffer.byteLength(line) + Buffer.byteLength(moved) > 75, `${line} is folded early`);
    }
    assert.ok(folds >= 10, `${folds} folds`);
    const unfolded = physicalLines(unfold(text));
    assert.ok(unfolded.includes(`FN:${"A".repeat(300)}`));
    assert.ok(unfolded.includes(`TITLE;LANGUAGE=de:${role}`));
    assert.equal(value(parse(text), "title"), role);
  });

  it("writes a card of a name alone", () => {
    const text = vcardOf({ name: "Pressestelle" }, { language: "en" });
    assert.equal(
      text,
      [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "PRODID:-//pressroom//vCard//EN",
        "KIND:individual",
        "FN:Pressestelle",
        "END:VCARD",
        "",
      ].join("\r\n"),
    );
    assert.deepEqual(names(parse(text)), ["version", "prodid", "kind", "fn"]);
  });

  it("gives the same bytes for the same contact", () => {
    const contact: Contact = { ...KESSLER, role: "ä€".repeat(100) };
    const card: ContactCard = { ...CARD, departments: ["Tiefbauamt", "Umweltamt"] };
    const first = vcardOf(contact, card);
    assert.equal(vcardOf(structuredClone(contact), structuredClone(card)), first);
    assert.match(first, /NOTE/);
  });
});

describe("vcardOf: N", () => {
  const n = (name: string) => value(parse(vcardOf({ name }, { language: "de" })), "n");

  it("splits a given and a family name", () => {
    assert.deepEqual(n("Leyla Özdemir"), ["Özdemir", "Leyla", "", "", ""]);
    assert.deepEqual(n("Anna-Lena Müller-Lüdenscheidt"), ["Müller-Lüdenscheidt", "Anna-Lena", "", "", ""]);
    assert.deepEqual(n("  Sinéad   O'Brien "), ["O'Brien", "Sinéad", "", "", ""]);
  });

  it("keeps an academic title as the honorific prefix", () => {
    assert.deepEqual(n("Dr. Ute Weißenborn"), ["Weißenborn", "Ute", "", "Dr.", ""]);
    assert.deepEqual(n("Prof. Dr. Ute Weißenborn"), ["Weißenborn", "Ute", "", "Prof. Dr.", ""]);
  });

  it("leaves N out where a split could be wrong", () => {
    for (const name of [
      "Pressestelle",
      "Anna-Lena von der Heide",
      "Müller, Anna",
      "Maria Anna Schmitt",
      "anna müller",
      "Dr. Müller",
      "Ute Weißenborn M.A.",
    ]) {
      assert.equal(n(name), null, name);
    }
  });
});

describe("vcardOf: organization and departments", () => {
  const card = (c: Omit<ContactCard, "language">, language: ContactCard["language"] = "de") =>
    parse(vcardOf({ name: "Anna Müller" }, { ...c, language }));

  it("names the organization alone when there is no department", () => {
    const c = card({ organization: "Stadt Musterstadt" });
    // ical.js reads an ORG of one field as text.
    assert.equal(value(c, "org"), "Stadt Musterstadt");
    assert.equal(c.getFirstProperty("note"), null);
  });

  it("lists several departments in a note, in the site's language", () => {
    const de = card({ organization: "Stadt Musterstadt", departments: ["Tiefbauamt", "Amt für Umwelt, Klima"] });
    assert.equal(value(de, "org"), "Stadt Musterstadt");
    assert.equal(value(de, "note"), "Zuständig für:\nTiefbauamt\nAmt für Umwelt, Klima");
    assert.equal(de.getFirstProperty("note")!.getFirstParameter("language"), "de");
    const en = card({ organization: "City of Musterstadt", departments: ["Roads", "Environment"] }, "en");
    assert.equal(value(en, "note"), "Press contact for:\nRoads\nEnvironment");
  });

  it("lists departments in a note when there is no organization", () => {
    const c = card({ departments: ["Tiefbauamt"] });
    assert.equal(c.getFirstProperty("org"), null);
    assert.equal(value(c, "note"), "Zuständig für:\nTiefbauamt");
  });

  it("percent-encodes a comma in the address rather than escaping it", () => {
    const text = vcardOf({ name: "Anna Müller" }, { url: "https://example.org/a,b/", language: "de" });
    assert.ok(physicalLines(text).includes("URL:https://example.org/a%2Cb/"));
    assert.equal(value(parse(text), "url"), "https://example.org/a%2Cb/");
  });
});

describe("vcardFileName", () => {
  it("names the file after the contact's id", () => {
    assert.equal(vcardFileName(KESSLER), "kessler.vcf");
  });

  it("names an inline contact after the slug of the name", () => {
    assert.equal(vcardFileName({ name: "Jörg Keßler" }), "joerg-kessler.vcf");
    assert.equal(vcardFileName({ name: "Dr. Ärger Öztürk-Übel" }), "dr-aerger-oeztuerk-uebel.vcf");
    assert.equal(vcardFileName({ name: "!!!" }), "kontakt.vcf");
  });
});
