/**
 * The answers of `pressroom new`, from flags or from questions: each value
 * checked on its own (a did-you-mean for an unknown id), and without a
 * terminal, every missing flag named at once. Pure: the terminal is new.ts's.
 */
import { cleanTitle, type Answers, type ScaffoldSite } from "../content/scaffold.ts";
import { canonicalDate, parseContentDate } from "../content/dates.ts";
import { closest, closestContacts } from "../content/suggest.ts";
import { inert } from "../errors/inert.ts";
import type { NewText } from "./new-text.ts";

/** The flags as given; photos: --photos true, --no-photos false, neither undefined. */
export interface Flags {
  readonly title?: string | undefined;
  readonly department?: string | undefined;
  readonly date?: string | undefined;
  readonly contact?: string | undefined;
  readonly photos?: boolean | undefined;
}

/** A checked value, or what is wrong with it (a sentence for the user). */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const wrong = <T>(error: string): Checked<T> => ({ ok: false, error });

/** The word for "no contact of the release's own" on the command line. */
export const NO_CONTACT = "none";

export function checkTitle(value: string, t: NewText): Checked<string> {
  const title = cleanTitle(value);
  return title ? ok(title) : wrong(t.titleEmpty);
}

/** One id, or several for a joint release: "tiefbauamt,umweltamt". */
export function checkDepartments(value: string, site: ScaffoldSite, t: NewText): Checked<string[]> {
  const ids = [...new Set(value.split(",").map((id) => id.trim()).filter(Boolean))];
  const known = [...site.departments.keys()];
  for (const id of ids) {
    if (site.departments.has(id)) continue;
    // A department's name written instead of its id is meant as that id.
    const byName = known.filter((k) => site.departments.get(k)!.name.toLowerCase() === id.toLowerCase());
    return wrong(t.unknownDepartment(id, [...new Set([...byName, ...closest(id, known)])].slice(0, 3), known));
  }
  return ids.length > 0 ? ok(ids) : wrong(t.unknownDepartment(value, [], known));
}

/** The contact the departments bring along (the first that has one). */
export const departmentContact = (ids: readonly string[], site: ScaffoldSite): string | undefined =>
  ids.flatMap((id) => site.departments.get(id)?.contactIds ?? [])[0];

/** The departments' names for a message, each inert: the message has lines of its own, a name must not add one. */
const departmentNames = (ids: readonly string[], site: ScaffoldSite): string =>
  ids.map((id) => inert(site.departments.get(id)?.name ?? id)).join(", ");

/** A contact id, or none (undefined) when the departments have one of their own. */
export function checkContact(value: string, departments: readonly string[], site: ScaffoldSite, t: NewText): Checked<string | undefined> {
  const id = value.trim();
  if (id.toLowerCase() === NO_CONTACT) {
    return departmentContact(departments, site) !== undefined ? ok(undefined) : wrong(t.contactRequired(departmentNames(departments, site)));
  }
  if (site.contacts.has(id)) return ok(id);
  const contacts = new Map([...site.contacts].map(([key, c]) => [key, { name: c.name }]));
  return wrong(t.unknownContact(id, closestContacts(id, contacts), [...site.contacts.keys()]));
}

/**
 * A date as `check` reads it, or as a German writes it (06.12.2026, 13:00 Uhr),
 * given back in the form the release is written with (2026-12-06 13:00). A
 * day that does not exist gets the reason `check` gives for it.
 */
export function checkDate(value: string, site: ScaffoldSite, t: NewText): Checked<string> {
  const written = canonicalDate(value);
  const parsed = parseContentDate(written, site.timeZone);
  if (parsed.ok) return ok(written);
  return wrong(parsed.reason === "impossible" ? t.impossibleDate(value.trim(), parsed.why) : t.badDate(value));
}

/** The date answered, or the default when the answer is empty (a flag given as "", a question's default deleted). */
export const dateOrDefault = (value: string | undefined, defaultDate: string): string =>
  value === undefined || value.trim() === "" ? defaultDate : value;

/** A word for a shell command line: as it is when it can be, else in double quotes. */
export const shellQuote = (word: string): string => (/^[\w./,:-]+$/.test(word) ? word : `"${word.replace(/(["\\$`])/g, "\\$1")}"`);

/** A list of ids for a message, shortened when long. */
const someIds = (ids: readonly string[]): string => (ids.length <= 6 ? ids.join(", ") : `${ids.slice(0, 6).join(", ")}, …`);

/**
 * The answers from flags alone (no terminal): every missing flag and every
 * wrong value in one list, or the answers. `defaultDate`: when --date is not
 * given; `command`: how the user called it, for the example.
 */
export function answersFromFlags(flags: Flags, site: ScaffoldSite, defaultDate: string, command: string, t: NewText): Checked<Answers> {
  const missing: string[] = [];
  const errors: string[] = [];
  const take = <T>(checked: Checked<T>): T | undefined => {
    if (checked.ok) return checked.value;
    errors.push(checked.error);
    return undefined;
  };
  const ids = [...site.departments.keys()];
  const contactIds = [...site.contacts.keys()];
  if (flags.title === undefined) missing.push(t.missingFlag.title);
  if (flags.department === undefined) missing.push(t.missingFlag.department(someIds(ids)));
  const title = flags.title === undefined ? undefined : take(checkTitle(flags.title, t));
  const departments = flags.department === undefined ? undefined : take(checkDepartments(flags.department, site, t));
  const date = take(checkDate(dateOrDefault(flags.date, defaultDate), site, t));
  let contact: string | undefined;
  if (flags.contact !== undefined) {
    // "none" can only be judged once the departments are known.
    if (departments || flags.contact.trim().toLowerCase() !== NO_CONTACT) contact = take(checkContact(flags.contact, departments ?? [], site, t));
  } else if (departments && departmentContact(departments, site) === undefined) {
    if (contactIds.length === 0) errors.push(t.noContacts(departmentNames(departments, site)));
    else missing.push(t.missingFlag.contact(someIds(contactIds)));
  }
  if (missing.length > 0) {
    // The example repeats what was given right and fills in the rest.
    const shownDepartments = departments ?? [ids[0] ?? "id"];
    const shownContact = flags.contact ?? (departmentContact(shownDepartments, site) === undefined ? (contactIds[0] ?? "id") : undefined);
    const example = [
      command,
      `--title ${shellQuote(title ?? t.exampleTitle)}`,
      `--department ${shownDepartments.join(",")}`,
      ...(shownContact === undefined ? [] : [`--contact ${shellQuote(shownContact)}`]),
      `--date ${shellQuote(date ?? defaultDate)}`,
    ];
    errors.unshift(t.missing(missing, example.join(" ")));
  }
  if (errors.length > 0) return wrong(errors.join("\n"));
  return ok({ title: title!, departments: departments!, date: date!, ...(contact !== undefined && { contact }), photos: flags.photos ?? false });
}
