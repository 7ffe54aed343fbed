/**
 * Writes a synthetic content folder (the format of SPEC.md) for benchmarks:
 * German-like press releases, built from syllables by a seeded PRNG, so the
 * same arguments always give byte-identical files.
 *
 *   node --import tsx scripts/gen-corpus.ts --out DIR --releases N [--seed S] [--images K]
 *                                           [--image-size 1600x1067]
 *
 * With --images K the first K releases are folders (YYYY-MM-DD-slug/index.md)
 * with one JPEG each (quality 90, 1600×1067 unless --image-size says else),
 * drawn as an SVG, given a seeded film grain and encoded by sharp. Releases
 * with a photo are never drafts and never dated after the benchmark's --now,
 * so a build processes every photo that was asked for.
 *
 * The output folder is replaced only if it is empty or was written by this
 * script (it holds CORPUS_STAMP).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

/** Raise when the output of the generator changes; bench.ts regenerates cached corpora then. */
export const GENERATOR_VERSION = 2;

/** A file in the corpus root (not under releases/, so pressroom never reads it). */
export const CORPUS_STAMP = ".corpus.json";

const SELF = fileURLToPath(import.meta.url);

/** Version and a hash of this file: any edit of the generator invalidates cached corpora. */
export function generatorFingerprint(): string {
  const hash = createHash("sha256").update(readFileSync(SELF)).digest("hex").slice(0, 12);
  return `${GENERATOR_VERSION}-${hash}`;
}

export interface CorpusOptions {
  readonly out: string;
  readonly releases: number;
  readonly seed?: number;
  readonly images?: number;
  /** Size of the photos; default DEFAULT_IMAGE_SIZE. */
  readonly imageSize?: ImageSize;
}

export interface CorpusStamp {
  readonly generator: string;
  readonly releases: number;
  readonly seed: number;
  readonly images: number;
  /** Like "3000x2000" (imageSizeText). */
  readonly imageSize: string;
  readonly drafts: number;
  readonly future: number;
  readonly joint: number;
  readonly aliases: number;
}

// ---------------------------------------------------------------------------
// PRNG: sfc32 seeded through splitmix32 (no Math.random anywhere).

type Rng = () => number;

function seeded(seed: number): Rng {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const oneOf = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;
const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
const capital = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

// ---------------------------------------------------------------------------
// German-like words

const ONSETS = ["b", "br", "d", "f", "fl", "g", "gr", "h", "k", "kl", "l", "m", "n", "p", "pf", "r", "s", "sch", "schw", "st", "str", "t", "tr", "w", "z", "zw", ""];
const VOWELS = ["a", "e", "i", "o", "u", "ä", "ö", "ü", "au", "ei", "ie", "eu", "a", "e", "e", "i", "o"];
const CODAS = ["", "", "n", "r", "l", "s", "ß", "ck", "ch", "ng", "nd", "rt", "st", "lt", "tz", "m", "ft"];
const NOUN_ENDINGS = ["ung", "heit", "keit", "schaft", "amt", "haus", "platz", "straße", "brücke", "halle", "markt", "feld", "weg", "bad", "hof", "garten", "schule", "werk", "plan", "fest", "rat", "bahn", "ring", "gruß", "maß"];
const ADJ_ENDINGS = ["lich", "ig", "isch", "bar", "sam"];
const INFLECT = ["e", "en", "er", "es"];
const FUNCTION_WORDS = ["der", "die", "das", "den", "dem", "und", "für", "im", "am", "mit", "zum", "zur", "über", "nach", "bei", "auf", "vor", "ab", "von", "an", "in", "aus", "bis", "gegen"];
const VERBS = ["beginnt", "startet", "eröffnet", "erhält", "plant", "sucht", "informiert", "verlängert", "schließt", "öffnet", "lädt", "wächst", "bekommt", "stellt", "begrüßt", "fördert", "prüft", "saniert", "ändert", "stärkt"];
const REAL_NOUNS = ["Stadt", "Rathaus", "Bürgerinnen", "Bürger", "Straße", "Radweg", "Schule", "Kita", "Hallenbad", "Bücherei", "Ausschuss", "Förderung", "Baustelle", "Öffnungszeiten", "Umleitung", "Grünfläche", "Spielplatz", "Stadtteil", "Führung", "Gebühren", "Müllabfuhr", "Wochenmarkt", "Verkehr", "Jugendliche", "Senioren", "Ehrenamt", "Sitzung", "Haushalt", "Klimaschutz", "Fußgängerzone"];

function syllable(rng: Rng): string {
  return oneOf(rng, ONSETS) + oneOf(rng, VOWELS) + oneOf(rng, CODAS);
}

function noun(rng: Rng): string {
  if (chance(rng, 0.3)) return oneOf(rng, REAL_NOUNS);
  let word = "";
  const n = int(rng, 1, 2);
  for (let i = 0; i < n; i++) word += syllable(rng);
  if (chance(rng, 0.7)) word += oneOf(rng, NOUN_ENDINGS);
  return capital(word);
}

function adjective(rng: Rng): string {
  return syllable(rng) + (chance(rng, 0.5) ? syllable(rng) : "") + oneOf(rng, ADJ_ENDINGS) + oneOf(rng, INFLECT);
}

function word(rng: Rng): string {
  const r = rng();
  if (r < 0.36) return noun(rng);
  if (r < 0.66) return oneOf(rng, FUNCTION_WORDS);
  if (r < 0.8) return oneOf(rng, VERBS);
  if (r < 0.95) return adjective(rng);
  return String(int(rng, 2, 450));
}

function words(rng: Rng, count: number): string[] {
  const out = [noun(rng)];
  while (out.length < count) out.push(word(rng));
  return out;
}

function sentence(rng: Rng, min = 6, max = 16): string {
  const parts = words(rng, int(rng, min, max));
  if (chance(rng, 0.12)) {
    const at = int(rng, 2, parts.length - 1);
    parts[at - 1] += ",";
  }
  let text = parts.join(" ");
  if (chance(rng, 0.08)) text = `„${text}“, sagt ${oneOf(rng, FIRST_NAMES)} ${oneOf(rng, LAST_NAMES)}`;
  return `${text}.`;
}

const paragraph = (rng: Rng): string => Array.from({ length: int(rng, 2, 6) }, () => sentence(rng)).join(" ");

/** ASCII slug words: ä→ae, ö→oe, ü→ue, ß→ss, everything else but a–z and 0–9 dropped. */
function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** YAML double-quoted scalar. */
const quoted = (text: string): string => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

// ---------------------------------------------------------------------------
// Departments and contacts

const FIRST_NAMES = ["Birgit", "Tobias", "Leyla", "Jürgen", "Sabine", "Mehmet", "Anke", "Stefan", "Jörg", "Katrin", "Uwe", "Dörte", "Małgorzata", "Henrik", "Sören", "Ingrid", "Björn", "Anja", "Claudia", "Frauke"];
const LAST_NAMES = ["Jaskowiak", "Brandhorst", "Özdemir", "Müller", "Schäfer", "Großmann", "Weißenborn", "Kühne", "Hölscher", "Ostendorf", "Böttcher", "Nießen", "Lübke", "Krämer", "Fuß", "Strauß", "Wollenweber", "Dreßler", "Pöppelmann", "Tüshaus"];
const ROLES = ["Pressesprecherin", "Pressesprecher", "Stellvertretende Pressesprecherin", "Stellvertretender Pressesprecher", "Pressereferentin", "Pressereferent", "Öffentlichkeitsarbeit"];

const DEPARTMENT_NAMES = [
  "Presse- und Informationsamt",
  "Tiefbauamt",
  "Amt für Schule und Weiterbildung",
  "Ordnungsamt",
  "Amt für Grünflächen, Umwelt und Nachhaltigkeit",
  "Amt für Stadtentwicklung, Stadtplanung und Verkehrsplanung",
  "Bürgeramt",
  "Feuerwehr",
  "Kulturamt",
  "Sportamt",
  "Jugendamt",
  "Sozialamt",
  "Gesundheitsamt",
  "Amt für Wohnungswesen und Quartiersentwicklung",
  "Bauordnungsamt",
  "Amt für Immobilienmanagement",
  "Stadtbücherei",
  "Volkshochschule",
  "Amt für Mobilität und Tiefbau",
  "Vermessungs- und Katasteramt",
  "Amt für Wirtschaftsförderung",
  "Stadtkämmerei",
  "Personal- und Organisationsamt",
  "Amt für Bürger- und Ratsservice",
  "Amt für Kinder, Jugendliche und Familien",
  "Amt für Gleichstellung",
  "Stadtarchiv",
  "Amt für Abfallwirtschaft und Stadtreinigung",
  "Veterinär- und Lebensmittelüberwachungsamt",
  "Amt für Zuwanderung und Integration",
  "Amt für Denkmalpflege und Stadtgeschichte",
];

interface Department {
  readonly id: string;
  readonly name: string;
  readonly contact?: string;
}

interface Contact {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly phone: string;
  readonly email: string;
}

function makeContacts(rng: Rng, count: number): Contact[] {
  const out: Contact[] = [];
  const ids = new Set<string>();
  while (out.length < count) {
    const first = oneOf(rng, FIRST_NAMES);
    const last = oneOf(rng, LAST_NAMES);
    const id = asciiSlug(last);
    if (ids.has(id)) continue;
    ids.add(id);
    const ext = int(rng, 1000, 9899);
    const phone = chance(rng, 0.8) ? `0251 492-${ext}` : `0251/492-${ext}`;
    out.push({
      id,
      name: `${first} ${last}`,
      role: oneOf(rng, ROLES),
      phone,
      email: `${asciiSlug(first)}.${id}@musterstadt.de`,
    });
  }
  return out;
}

function departmentId(name: string): string {
  // Short ids like "tiefbauamt" or "amt-fuer-schule": the first three words of the name.
  return asciiSlug(name).split("-").slice(0, 3).join("-");
}

function makeDepartments(rng: Rng, contacts: readonly Contact[]): Department[] {
  return DEPARTMENT_NAMES.map((name, i) => {
    const id = departmentId(name);
    // Every seventh department has no default contact: its releases must name one.
    const contact = i % 7 === 6 ? undefined : oneOf(rng, contacts).id;
    return { id, name, ...(contact && { contact }) };
  });
}

function departmentsYaml(rng: Rng, departments: readonly Department[]): string {
  let out = "# Ämter der Stadt Musterstadt (synthetischer Benchmark-Korpus).\n\n";
  for (const d of departments) {
    out += `${d.id}:\n  name: ${quoted(d.name)}\n`;
    if (chance(rng, 0.8)) out += `  description: ${quoted(words(rng, int(rng, 3, 8)).join(" "))}\n`;
    if (d.contact) out += `  contact: ${d.contact}\n`;
    out += "\n";
  }
  return out;
}

function contactsYaml(contacts: readonly Contact[]): string {
  let out = "# Pressekontakte (synthetischer Benchmark-Korpus).\n\n";
  for (const c of contacts) {
    out += `${c.id}:\n  name: ${quoted(c.name)}\n  role: ${quoted(c.role)}\n  phone: ${c.phone}\n  email: ${c.email}\n\n`;
  }
  return out;
}

const SITE_YAML = `title: Stadt Musterstadt – Pressemitteilungen (Benchmark)
url: https://presse.musterstadt.de
language: de
timezone: Europe/Berlin
description: Synthetischer Korpus für Leistungsmessungen.
footer:
  imprint: https://www.musterstadt.de/impressum
  privacy: https://www.musterstadt.de/datenschutz
`;

// ---------------------------------------------------------------------------
// Releases

const TAGS = ["Verkehr", "Radverkehr", "Schule", "Kultur", "Sport", "Umwelt", "Bauen", "Soziales", "Gesundheit", "Wahlen", "Jugend", "Senioren", "Feuerwehr", "Abfall", "Wirtschaft", "Stadtgeschichte", "Ehrenamt", "Straßenbau", "Bäder", "Grünflächen"];
const BUILD_NOW = Date.UTC(2026, 10, 27, 11, 0); // 2026-11-27 12:00 Europe/Berlin
const FIRST_DAY = Date.UTC(1996, 0, 1);
const DAY = 86_400_000;

interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

function dayOf(ms: number): Day {
  const date = new Date(ms);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const ymd = (day: Day): string => `${day.y}-${pad(day.m)}-${pad(day.d)}`;

/** Central European offset of a calendar day (EU rule: last Sunday of March to last Sunday of October). */
function berlinOffset(day: Day): string {
  const lastSunday = (month: number): number => {
    const last = new Date(Date.UTC(day.y, month, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const summer =
    (day.m > 3 && day.m < 10) || (day.m === 3 && day.d > lastSunday(3)) || (day.m === 10 && day.d < lastSunday(10));
  return summer ? "+02:00" : "+01:00";
}

/**
 * A date as press officers write it. Times stay between 07:00 and 19:59, so
 * no time falls into a DST gap and the local day never differs from the day
 * in the file name, with or without an offset.
 */
function dateText(rng: Rng, day: Day): string {
  const r = rng();
  if (r < 0.08) return ymd(day);
  const time = `${pad(int(rng, 7, 19))}:${pad(oneOf(rng, [0, 0, 0, 15, 30, 30, 45, int(rng, 0, 59)]))}`;
  if (r < 0.18) return `${ymd(day)}T${time}:00${berlinOffset(day)}`;
  return `${ymd(day)} ${time}`;
}

interface Release {
  readonly path: string;
  readonly text: string;
  readonly image?: { readonly file: string; readonly seed: number };
}

interface Stats {
  drafts: number;
  future: number;
  joint: number;
  aliases: number;
}

function body(rng: Rng): string {
  const blocks: string[] = [];
  const paragraphs = int(rng, 3, 8);
  const linkAt = chance(rng, 0.85) ? int(rng, 0, paragraphs - 1) : -1;
  for (let i = 0; i < paragraphs; i++) {
    if (i > 0 && chance(rng, 0.22)) blocks.push(`## ${words(rng, int(rng, 2, 5)).join(" ")}`);
    let text = paragraph(rng);
    if (i === 0 && chance(rng, 0.3)) text = `**${text}**`;
    if (i === linkAt) {
      const label = words(rng, int(rng, 1, 3)).join(" ");
      text += ` Weitere Informationen: [${label}](https://www.musterstadt.de/${asciiSlug(label)}).`;
    }
    blocks.push(text);
    if (chance(rng, 0.12)) {
      const items = Array.from({ length: int(rng, 3, 6) }, () => `- ${words(rng, int(rng, 2, 7)).join(" ")}`);
      blocks.push(items.join("\n"));
    }
  }
  return blocks.join("\n\n") + "\n";
}

function makeRelease(
  rng: Rng,
  index: number,
  options: { readonly count: number; readonly images: number },
  departments: readonly Department[],
  contacts: readonly Contact[],
  slugs: Set<string>,
  stats: Stats,
): Release {
  // A photo is only processed when its release is published: see the header.
  const withImage = index < options.images;
  // ~0.3% (at least one, without photos) dated after the benchmark's --now, up to the end of 2026.
  const future = index % 331 === 17 && !withImage;
  const ms = future
    ? BUILD_NOW + DAY + Math.floor(rng() * (Date.UTC(2026, 11, 31) - BUILD_NOW - DAY))
    : FIRST_DAY + Math.floor(rng() * (BUILD_NOW - DAY - FIRST_DAY));
  const day = dayOf(ms);
  if (future) stats.future++;

  const titleWords = words(rng, int(rng, 4, 9));
  const title = titleWords.join(" ");
  let slug = titleWords.slice(0, int(rng, 3, 5)).map(asciiSlug).filter(Boolean).join("-") || "mitteilung";
  if (slugs.has(slug)) {
    let n = 2;
    while (slugs.has(`${slug}-${n}`)) n++;
    slug = `${slug}-${n}`;
  }
  slugs.add(slug);

  const joint = chance(rng, 0.05);
  const own: Department[] = [oneOf(rng, departments)];
  if (joint) {
    stats.joint++;
    const extra = int(rng, 1, 2);
    while (own.length < 1 + extra) {
      const d = oneOf(rng, departments);
      if (!own.includes(d)) own.push(d);
    }
  }

  const lines = ["---", `title: ${quoted(title)}`];
  if (chance(rng, 0.45)) lines.push(`subtitle: ${quoted(words(rng, int(rng, 4, 10)).join(" "))}`);
  lines.push(`date: ${dateText(rng, day)}`);
  lines.push(joint ? `department: [${own.map((d) => d.id).join(", ")}]` : `department: ${own[0]!.id}`);

  const needsContact = own.every((d) => d.contact === undefined);
  const c = rng();
  if (needsContact || c < 0.2) {
    lines.push(`contact: ${oneOf(rng, contacts).id}`);
  } else if (c < 0.25) {
    const ext = int(rng, 1000, 9899);
    lines.push(
      "contact:",
      `  name: ${quoted(`${oneOf(rng, FIRST_NAMES)} ${oneOf(rng, LAST_NAMES)}`)}`,
      `  role: ${quoted(oneOf(rng, ROLES))}`,
      `  phone: 0251 492-${ext}`,
    );
  } else if (c < 0.27) {
    lines.push(`contact: [${oneOf(rng, contacts).id}, ${oneOf(rng, contacts).id}]`);
  }

  const imageFile = "foto.jpg";
  if (withImage) {
    lines.push(
      "media:",
      `  - file: ${imageFile}`,
      `    alt: ${quoted(words(rng, int(rng, 3, 7)).join(" "))}`,
      `    caption: ${quoted(sentence(rng, 5, 10))}`,
      `    credit: ${quoted(chance(rng, 0.7) ? "Stadt Musterstadt" : `Foto: ${oneOf(rng, FIRST_NAMES)} ${oneOf(rng, LAST_NAMES)}`)}`,
    );
  }
  if (chance(rng, 0.05)) {
    const later = dayOf(Math.min(ms + int(rng, 1, 20) * DAY, BUILD_NOW + 40 * DAY));
    lines.push(`updated: ${ymd(later)} ${pad(int(rng, 7, 19))}:${pad(int(rng, 0, 59))}`);
  }
  if (chance(rng, 0.6)) {
    const tags = new Set<string>();
    const n = int(rng, 1, 4);
    while (tags.size < n) tags.add(oneOf(rng, TAGS));
    lines.push(`tags: [${[...tags].join(", ")}]`);
  }
  // Drafts: ~3%, spread evenly, independent of the other choices.
  if (index % 33 === 5 && !withImage) {
    stats.drafts++;
    lines.push("draft: true");
  }
  // Aliases: the old CMS's numeric addresses, unique by construction (from the index).
  if (chance(rng, 0.12)) {
    stats.aliases++;
    lines.push(`aliases: [/presse/archiv/${100000 + index}.html]`);
  }
  lines.push("---", "");

  const text = lines.join("\n") + "\n" + body(rng);
  const name = `${ymd(day)}-${slug}`;
  const dir = `releases/${day.y}`;
  return withImage
    ? { path: `${dir}/${name}/index.md`, text, image: { file: `${dir}/${name}/${imageFile}`, seed: int(rng, 1, 2 ** 31 - 1) } }
    : { path: `${dir}/${name}.md`, text };
}

// ---------------------------------------------------------------------------
// Images: a deterministic SVG scene (sky, hills, blocks of houses) plus a
// seeded film grain, so the JPEG compresses like a camera photo (a few bits
// per pixel) rather than like a flat drawing (a few kilobytes).

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** The size of the text corpora's photos (bench --images K), as in version 1; the image case asks for its own. */
export const DEFAULT_IMAGE_SIZE: ImageSize = { width: 1600, height: 1067 };

/** JPEG quality of the photos: what cameras and press offices typically deliver. */
const JPEG_QUALITY = 90;

/**
 * Grain strength (mid-tones: a standard deviation of about 5 of 255 levels), chosen by
 * measurement so a 3000×2000 photo at quality 90 is ~1.35 MB, as a camera's would be.
 */
const GRAIN = 12;

/** Photos drawn at once: sharp's own thread pool may be a single thread, and the grain runs on the main thread. */
const DRAW_CONCURRENCY = 3;

export const imageSizeText = (size: ImageSize): string => `${size.width}x${size.height}`;

/** "3000x2000" (or "3000×2000") to a size; undefined when it is not two whole numbers from 16 to 20000. */
export function parseImageSize(text: string): ImageSize | undefined {
  const m = /^\s*(\d+)\s*[x×]\s*(\d+)\s*$/i.exec(text);
  if (!m) return undefined;
  const width = Number(m[1]);
  const height = Number(m[2]);
  const ok = (n: number): boolean => n >= 16 && n <= 20_000;
  return ok(width) && ok(height) ? { width, height } : undefined;
}

// The scene is drawn in fixed coordinates and stretched to the wanted size by
// the viewBox, so every size shows the same picture from the same random draws.
const VIEW_W = 1600;
const VIEW_H = 1067;

function sceneSvg(rng: Rng, size: ImageSize): string {
  const hue = int(rng, 0, 359);
  const hsl = (h: number, s: number, l: number): string => `hsl(${(h + 360) % 360},${s}%,${l}%)`;
  let s = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${VIEW_W} ${VIEW_H}" preserveAspectRatio="none">`;
  s += `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hsl(hue, 60, 45)}"/><stop offset="1" stop-color="${hsl(hue + 30, 70, 85)}"/></linearGradient></defs>`;
  s += `<rect width="${VIEW_W}" height="${VIEW_H}" fill="url(#sky)"/>`;
  for (let layer = 0; layer < 3; layer++) {
    const base = 560 + layer * 120;
    let d = `M0 ${VIEW_H} L0 ${base}`;
    for (let x = 200; x <= VIEW_W; x += 200) d += ` Q${x - 100} ${base - int(rng, 20, 160)} ${x} ${base + int(rng, -40, 40)}`;
    s += `<path d="${d} L${VIEW_W} ${VIEW_H} Z" fill="${hsl(hue + 90 + layer * 15, 35, 40 - layer * 8)}"/>`;
  }
  for (let x = -20; x < VIEW_W; ) {
    const w = int(rng, 60, 160);
    const h = int(rng, 120, 420);
    s += `<rect x="${x}" y="${900 - h}" width="${w}" height="${h + 200}" fill="${hsl(hue + int(rng, 150, 210), int(rng, 10, 40), int(rng, 30, 75))}"/>`;
    for (let wy = 900 - h + 20; wy < 880; wy += 40) {
      for (let wx = x + 12; wx < x + w - 20; wx += 30) {
        s += `<rect x="${wx}" y="${wy}" width="14" height="22" fill="${chance(rng, 0.4) ? "#ffe9a0" : "#2d3444"}"/>`;
      }
    }
    x += w + int(rng, 0, 12);
  }
  return s + "</svg>";
}

/**
 * Film-like grain on raw pixels, in place. Per pixel: a triangular random
 * value (closer to real sensor noise than a flat one), smoothed a little with
 * its left and upper neighbours so grains are larger than one pixel, strongest
 * in mid-tones as on film, plus a weaker colour part per channel. It runs on
 * the main thread for millions of pixels, hence integer fixed-point (×65536),
 * an inline xorshift32 seeded from the photo's seed (same seed, same bytes)
 * and lookup tables by brightness.
 */
function addGrain(data: Uint8Array, width: number, height: number, channels: number, seed: number): void {
  const lumaGain = new Int32Array(256);
  const colourGain = new Int32Array(256);
  for (let l = 0; l < 256; l++) {
    const t = l / 255;
    const strength = GRAIN * (0.4 + 2.4 * t * (1 - t));
    lumaGain[l] = Math.round(((strength * 1.6) / 255) * 65536);
    colourGain[l] = Math.round(((strength * 0.25) / 31) * 65536);
  }
  // Writes through this view clamp to 0…255 by themselves.
  const px = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  const above = new Int32Array(width);
  let s = (seed ^ 0x2545f491) >>> 0 || 1;
  for (let y = 0, i = 0; y < height; y++) {
    let left = 0;
    for (let x = 0; x < width; x++, i += channels) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      // Two bytes of one draw summed: triangular on −255…255; then 0.6 of it, 0.2 of each neighbour.
      const white = (s & 0xff) + ((s >>> 8) & 0xff) - 255;
      const grain = (white * 154 + left * 51 + above[x]! * 51) >> 8;
      left = grain;
      above[x] = grain;
      const r = px[i]!;
      const g = px[i + 1]!;
      const b = px[i + 2]!;
      const luma = (77 * r + 150 * g + 29 * b) >> 8;
      const n = (grain * lumaGain[luma]! + 32768) >> 16;
      const c = colourGain[luma]!;
      px[i] = r + n + ((((((s >>> 16) & 31) << 1) - 31) * c + 32768) >> 16);
      px[i + 1] = g + n + ((((((s >>> 21) & 31) << 1) - 31) * c + 32768) >> 16);
      px[i + 2] = b + n + ((((((s >>> 26) & 31) << 1) - 31) * c + 32768) >> 16);
    }
  }
}

async function drawImage(file: string, seed: number, size: ImageSize): Promise<void> {
  const { default: sharp } = await import("sharp");
  const rng = seeded(seed);
  const { data, info } = await sharp(Buffer.from(sceneSvg(rng, size)), { density: 72 })
    .flatten({ background: "#ffffff" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  addGrain(data, info.width, info.height, info.channels, seed);
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .removeAlpha()
    .jpeg({ quality: JPEG_QUALITY, chromaSubsampling: "4:2:0" })
    .toBuffer();
  writeFileSync(file, jpeg);
}

/** Draw all photos, a few at a time. */
async function drawImages(pictures: readonly { file: string; seed: number }[], size: ImageSize): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pictures.length) {
      const picture = pictures[next++]!;
      await drawImage(picture.file, picture.seed, size);
    }
  };
  await Promise.all(Array.from({ length: DRAW_CONCURRENCY }, worker));
}

// ---------------------------------------------------------------------------

/** Write the corpus; returns its stamp (also written to DIR/.corpus.json). */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusStamp> {
  const seed = options.seed ?? 1;
  const count = options.releases;
  const images = Math.min(options.images ?? 0, count);
  const imageSize = options.imageSize ?? DEFAULT_IMAGE_SIZE;
  if (!Number.isInteger(count) || count < 1) throw new Error("--releases must be a positive whole number");
  if (!Number.isInteger(images) || images < 0) throw new Error("--images must be a whole number ≥ 0");
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  if (!parseImageSize(imageSizeText(imageSize))) throw new Error("--image-size must be like 3000x2000 (16 to 20000 px a side)");

  const out = path.resolve(options.out);
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(CORPUS_STAMP)) {
      throw new Error(`refusing to overwrite ${out}: it is not empty and was not written by gen-corpus`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });

  const rng = seeded(seed);
  const contacts = makeContacts(rng, 15);
  const departments = makeDepartments(rng, contacts);
  writeFileSync(path.join(out, "site.yaml"), SITE_YAML);
  writeFileSync(path.join(out, "departments.yaml"), departmentsYaml(rng, departments));
  writeFileSync(path.join(out, "contacts.yaml"), contactsYaml(contacts));

  const stats: Stats = { drafts: 0, future: 0, joint: 0, aliases: 0 };
  const slugs = new Set<string>();
  const made = new Set<string>();
  const pictures: { file: string; seed: number }[] = [];
  for (let i = 0; i < count; i++) {
    const release = makeRelease(rng, i, { count, images }, departments, contacts, slugs, stats);
    const file = path.join(out, release.path);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, release.text);
    if (release.image) pictures.push({ file: path.join(out, release.image.file), seed: release.image.seed });
  }
  await drawImages(pictures, imageSize);

  const stamp: CorpusStamp = { generator: generatorFingerprint(), releases: count, seed, images, imageSize: imageSizeText(imageSize), ...stats };
  writeFileSync(path.join(out, CORPUS_STAMP), JSON.stringify(stamp, null, 2) + "\n");
  return stamp;
}

/** The stamp of an existing corpus, if there is one. */
export function readStamp(dir: string): CorpusStamp | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, CORPUS_STAMP), "utf8")) as CorpusStamp;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      releases: { type: "string" },
      seed: { type: "string", default: "1" },
      images: { type: "string", default: "0" },
      "image-size": { type: "string", default: imageSizeText(DEFAULT_IMAGE_SIZE) },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  const usage = "Usage: node --import tsx scripts/gen-corpus.ts --out DIR --releases N [--seed S] [--images K] [--image-size 1600x1067]\n";
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (!values.out || !values.releases) {
    process.stderr.write(usage);
    return 2;
  }
  const imageSize = parseImageSize(values["image-size"]!);
  if (!imageSize) {
    process.stderr.write(`gen-corpus: --image-size must be like 3000x2000, not "${values["image-size"]}"\n`);
    return 2;
  }
  const started = performance.now();
  const stamp = await generateCorpus({
    out: values.out,
    releases: Number(values.releases),
    seed: Number(values.seed),
    images: Number(values.images),
    imageSize,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Wrote ${stamp.releases} releases to ${values.out} in ${seconds} s ` +
      `(${stamp.images} with a ${stamp.imageSize} photo, ${stamp.drafts} drafts, ${stamp.future} future, ${stamp.joint} joint, ${stamp.aliases} with an alias).\n`,
  );
  return 0;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  try {
    process.exitCode = await main();
  } catch (error) {
    process.stderr.write(`gen-corpus: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
