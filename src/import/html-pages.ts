/**
 * Saved HTML pages of an old site (a folder of them, or a list of their
 * addresses) as a source: each page one item, its fields found by the CSS
 * selectors of the mapping file, its date read as German pages write it.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseWithPattern, wallClockToInstant } from "../content/dates.ts";
import type { Fetcher } from "./fetch.ts";
import { parseGermanDate } from "../content/german-dates.ts";
import { selectPage } from "./html.ts";
import { originOf, resolved, type ImportItem, type ItemContact, type SourceRead } from "./item.ts";
import type { Mapping } from "./mapping.ts";

const PHONE = /(?:\+|\(?0)[\d\s/()–-]{5,}\d/;
const EMAIL = /[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[A-Za-z]{2,}/;
/** Words before a contact's name: Ansprechpartnerin:, Kontakt:, Pressestelle: … */
const LABEL = /^(?:ansprechpartner(?:in)?|ansprechperson|kontakt|pressekontakt|pressestelle|rückfragen(?: an)?|auskunft|contact)\s*:?\s*/i;
const PHONE_WORD = /,?\s*(?:telefon|tel\.?|fon|phone)\s*:?\s*$/i;

/** A contact line of an old page: "Ansprechpartnerin: Birgit Jaskowiak, Telefon 0251 492-6609". */
export function contactOfLine(line: string): ItemContact | undefined {
  const phone = PHONE.exec(line)?.[0].trim();
  const email = EMAIL.exec(line)?.[0];
  let name = line;
  for (const part of [phone, email]) if (part) name = name.replace(part, " ");
  name = name.replace(LABEL, "").split(/[,;]/)[0]!.replace(PHONE_WORD, "").replace(/\s+/g, " ").trim();
  if (/\d/.test(name) || name.split(" ").length > 5) name = "";
  if (!name && !phone && !email) return undefined;
  return { ...(name && { name }), ...(phone && { phone }), ...(email && { email }) };
}

function dateOf(text: string | undefined, mapping: Mapping, timeZone: string): ImportItem["date"] {
  if (text === undefined) return undefined;
  const wall = mapping.dateFormat ? parseWithPattern(text, mapping.dateFormat) : parseGermanDate(text);
  if (!wall) return undefined;
  return { instant: wallClockToInstant(wall.wallClock, timeZone), hasTime: wall.hasTime };
}

/** The old address of a page: its own, or for a saved file the one it names or base_url gives it. */
function linkOf(address: string, canonical: string | undefined, mapping: Mapping, root: string | undefined): string | undefined {
  if (/^https?:/i.test(address)) return address;
  if (originOf(canonical) !== undefined) return canonical;
  if (mapping.baseUrl && root) {
    const relative = path.relative(root, fileURLToPath(address)).split(path.sep).join("/");
    return resolved(relative, mapping.baseUrl.endsWith("/") ? mapping.baseUrl : `${mapping.baseUrl}/`);
  }
  return undefined;
}

export async function readPages(addresses: readonly string[], fetcher: Fetcher, mapping: Mapping, timeZone: string, root?: string): Promise<SourceRead> {
  const items: ImportItem[] = [];
  const failures: { address: string; reason: string }[] = [];
  for (const address of [...addresses, ...mapping.pages.filter((p) => !addresses.includes(p))]) {
    const fetched = await fetcher.get(address);
    if (!fetched.ok) {
      failures.push({ address, reason: fetched.reason });
      continue;
    }
    const selected = selectPage(fetched.bytes.toString("utf8"), mapping.selectors);
    if (!selected.ok) {
      failures.push({ address, reason: `the selector "${selected.selector}" of ${selected.field} is no valid CSS selector` });
      continue;
    }
    const page = selected.fields;
    const link = linkOf(address, page.canonical, mapping, root);
    // Relative addresses are the page's own files; a site-absolute one is on the old site when its address is known.
    const base = address;
    const contact = page.contact ? contactOfLine(page.contact) : undefined;
    const date = dateOf(page.date, mapping, timeZone);
    const absolute = (src: string): string | undefined => resolved(src, src.startsWith("/") && link ? link : base);
    items.push({
      key: link ?? address,
      ...(link && { link }),
      title: page.title ?? "",
      ...(page.subtitle && { subtitle: page.subtitle }),
      ...(date && { date }),
      dateText: page.date ?? "",
      status: "publish",
      categories: page.department ? [page.department] : [],
      tags: [...page.tags],
      html: page.body ?? "",
      base,
      photos: page.photos.flatMap((p) => (absolute(p.src) === undefined ? [] : [{ ...p, src: absolute(p.src)! }])),
      downloads: page.downloads.flatMap((d) => (absolute(d.href) === undefined ? [] : [{ ...d, href: absolute(d.href)! }])),
      ...(contact && { contact }),
      notes: [],
    });
  }
  const origin = originOf(addresses[0]) ?? originOf(mapping.baseUrl);
  return { items, skipped: [], failures, ...(origin && { origin }) };
}
