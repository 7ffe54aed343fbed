/**
 * vCard 4 (RFC 6350) files for press contacts: a pure function from a contact
 * to the file's text. The one module that knows ical.js; it builds the card
 * with ical.js and corrects what ical.js gets wrong for RFC 6350:
 *
 * - Folding: ical.js lets a continuation line carry 75 octets after its
 *   leading space (76 in all). Here every physical line is at most 75 octets,
 *   folded between characters, never inside a UTF-8 sequence.
 * - TEL: ical.js takes `uri` as the default value type of TEL and so leaves out
 *   VALUE=uri; in RFC 6350 the default is text, so it is written out here.
 * - Line breaks: ical.js escapes LF but writes a CR as it is, which breaks the
 *   content line; CRLF and CR become LF (escaped \n). So do NEL (U+0085) and
 *   Unicode's line and paragraph separators (U+2028, U+2029), which ical.js
 *   writes as they are and some readers take for the end of the line; other
 *   controls (C0 and C1) are dropped.
 * - URIs: ical.js escapes a comma in a URI value (`\,`), which RFC 6350's own
 *   examples do not; a comma in the page address is percent-encoded instead,
 *   so readers of either kind see the same address.
 * - PRODID is missing from ical.js's vCard 4 properties (it would add
 *   VALUE=TEXT); it is written as a property of unknown type.
 * - ical.js leaves out the CRLF after END:VCARD, which RFC 6350 requires.
 *
 * Escaping of text (backslash, comma, newline; semicolon too in the fields
 * of N and ORG) is ical.js's. A semicolon in TITLE or NOTE stays as it is,
 * which RFC 6350 §3.4 allows ("MAY be escaped") and which ical.js reads back.
 *
 * Nothing depends on the clock: the same contact gives the same bytes (no REV).
 */
import ICAL from "ical.js";
import type { Contact } from "../content/model.ts";
import { slugify } from "../content/slug.ts";
import type { Language } from "../i18n/strings.ts";

export interface ContactCard {
  /** The city or the site: the organization name in ORG. */
  readonly organization?: string;
  /** Names of the departments the contact speaks for: the unit of ORG when one, a NOTE when several. */
  readonly departments?: readonly string[];
  /** Absolute address of the contact's page (the contacts page); a relative one throws. */
  readonly url?: string;
  /** The language of the role, organization and note (their LANGUAGE parameter). */
  readonly language: Language;
}

const PRODID = "-//pressroom//vCard//EN";

/** Longest physical line, in octets, without its CRLF (RFC 6350 §3.2). */
const MAX_LINE_OCTETS = 75;

const CRLF = "\r\n";

/** Heads the NOTE that lists the departments of a contact who speaks for several. */
const DEPARTMENTS_NOTE: Record<Language, string> = {
  de: "Zuständig für:",
  en: "Press contact for:",
};

export function vcardOf(contact: Contact, card: ContactCard): string {
  const vcard = new ICAL.Component("vcard");
  const add = (name: string, value: string | readonly string[], params: Record<string, string | string[]> = {}) => {
    const property = new ICAL.Property(name, vcard);
    for (const [param, paramValue] of Object.entries(params)) property.setParameter(param, paramValue);
    property.setValue(typeof value === "string" ? text(value) : value.map(text));
    vcard.addProperty(property);
  };
  const language = { language: card.language };

  // VERSION must come first (RFC 6350 §6.7.9), and ical.js reads a card as vCard 3 otherwise.
  add("version", "4.0");
  vcard.addProperty(new ICAL.Property(["prodid", {}, "unknown", PRODID], vcard));
  add("kind", "individual");
  add("fn", contact.name);
  const n = nameParts(contact.name);
  if (n) add("n", [n.family, n.given, "", n.prefix, ""]);
  if (contact.role) add("title", contact.role, language);

  const departments = (card.departments ?? []).filter((d) => d.trim() !== "");
  const organization = card.organization?.trim() ? card.organization : undefined;
  const unit = organization !== undefined && departments.length === 1 ? departments[0] : undefined;
  if (organization !== undefined) add("org", unit !== undefined ? [organization, unit] : [organization], language);

  if (contact.phoneHref) {
    add("tel", `tel:${contact.phoneHref}`, { value: "uri", type: ["work", "voice"] });
  }
  if (contact.email) add("email", contact.email, { type: "work" });
  if (card.url) add("url", new URL(card.url).href.replaceAll(",", "%2C"));
  if (departments.length > 0 && unit === undefined) {
    add("note", [DEPARTMENTS_NOTE[card.language], ...departments].join("\n"), language);
  }

  const lines = vcard.getAllProperties().map((p) => fold(p.toICALString()));
  return ["BEGIN:VCARD", ...lines, "END:VCARD", ""].join(CRLF);
}

/**
 * The file name of a contact's card: its id (ids are checked to be lowercase
 * ASCII words joined by hyphens), or the slug of the name for a contact
 * written inline in a release.
 */
export function vcardFileName(contact: Contact): string {
  return `${contact.id ?? (slugify(contact.name) || "kontakt")}.vcf`;
}

// Controls other than tab and line feed have no place in a content line (RFC 6350 §3.3 VALUE-CHAR), C1's neither.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** What some readers break a line at besides LF: CRLF, CR, NEL and Unicode's line and paragraph separators. */
const LINE_BREAK = /\r\n?|[\u0085\u2028\u2029]/g;

/** Line breaks as LF (ical.js escapes LF, and writes the others as they are), other controls removed. */
function text(value: string): string {
  return value.replace(LINE_BREAK, "\n").replace(CONTROL, "");
}

/** One word of a name: a capital, then letters, hyphens or apostrophes ("Anna-Lena", "O'Brien"). */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’-]*$/u;
/** Academic titles written before a name: the honorific prefix of N. */
const TITLE_WORD = /^(?:Prof\.|Dr\.|Dr\.-Ing\.)$/;

/**
 * The structured name, only where splitting is safe: an optional academic
 * title, then exactly a given name and a family name ("Anna Müller", "Dr. Ute
 * Weißenborn"). Anything else ("Anna-Lena von der Heide", "Müller, Anna", one
 * word) has no N: it is optional in vCard 4, and the full name is in FN; a
 * wrong split would file the contact under the wrong letter.
 */
function nameParts(name: string): { family: string; given: string; prefix: string } | undefined {
  const words = name.trim().split(/\s+/u);
  const titles: string[] = [];
  while (words.length > 0 && TITLE_WORD.test(words[0]!)) titles.push(words.shift()!);
  if (words.length !== 2 || !words.every((w) => NAME_WORD.test(w))) return undefined;
  return { given: words[0]!, family: words[1]!, prefix: titles.join(" ") };
}

/**
 * Folds a content line (RFC 6350 §3.2): at most 75 octets per physical line,
 * the leading space of a continuation line included; broken between code
 * points only, so no UTF-8 sequence (nor a UTF-16 surrogate pair) is split.
 */
function fold(line: string): string {
  const parts: string[] = [];
  let part = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(part);
      part = " ";
      octets = 1;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join(CRLF);
}
