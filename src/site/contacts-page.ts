/** The contacts page: every press contact of contacts.yaml, by department, with their vCards. */
import type { Contact, ContentModel, Department, Release } from "../content/model.ts";
import { inCodeUnitOrder } from "../compare.ts";
import type { Strings } from "../i18n/index.ts";
import type { Urls } from "./urls.ts";
import { contactView, type ContactView } from "./views.ts";

export interface ContactGroup {
  readonly heading: string;
  /** The department's page. */
  readonly url?: string;
  readonly contacts: readonly ContactView[];
}

export interface ContactsPage {
  readonly kind: "contacts";
  readonly path: string;
  readonly url: string;
  readonly heading: string;
  readonly groups: readonly ContactGroup[];
}

/**
 * The key a contact is sorted by, as a phone book sorts: the family name (the
 * last word of the name, so "Dr. Ute Weißenborn" sorts under W), then the
 * whole name.
 */
const familyNameKey = (contact: Contact): [string, string] => {
  const words = contact.name.trim().split(/\s+/);
  return [words[words.length - 1] ?? "", contact.name];
};

/**
 * Every press contact of contacts.yaml, by department, each where a
 * journalist looks for them: a department's own contacts (departments.yaml)
 * first, in the order given there, and only under the departments they speak
 * for; a contact that speaks for no department under the one department whose
 * published releases name them most (a joint release does not put the fire
 * brigade's spokesman under the environment office). A department that has
 * neither shows whoever its releases name, the most named first, so every
 * department a journalist looks up has someone to call. The rest apart.
 * Within a group, by family name.
 */
export function contactsPage(model: ContentModel, published: readonly Release[], strings: Strings, urls: Urls, vcards: ReadonlyMap<Contact, string>): ContactsPage {
  const byFamilyName = (a: Contact, b: Contact): number => {
    const [familyA, nameA] = familyNameKey(a);
    const [familyB, nameB] = familyNameKey(b);
    return familyA.localeCompare(familyB, strings.locale) || nameA.localeCompare(nameB, strings.locale) || inCodeUnitOrder(a.id ?? "", b.id ?? "");
  };
  const departments = [...model.departments.values()].sort((a, b) => a.name.localeCompare(b.name, strings.locale) || inCodeUnitOrder(a.id, b.id));
  const own = new Map<Department, Contact[]>();
  const speaksForOne = new Set<Contact>();
  for (const department of departments) {
    const contacts = department.contactIds.flatMap((id) => model.contacts.get(id) ?? []);
    own.set(department, contacts);
    for (const contact of contacts) speaksForOne.add(contact);
  }
  // How often each department's published releases name each contact of contacts.yaml.
  const counted = new Map<Contact, Map<Department, number>>();
  for (const release of published) {
    for (const contact of release.contacts) {
      if (contact.id === undefined) continue;
      const counts = counted.get(contact) ?? new Map<Department, number>();
      for (const department of release.departments) counts.set(department, (counts.get(department) ?? 0) + 1);
      counted.set(contact, counts);
    }
  }
  const named = new Map([...counted].filter(([contact]) => !speaksForOne.has(contact)));
  const placedUnder = new Map<Department, Contact[]>();
  for (const [contact, counts] of named) {
    // The most; of equals, the department listed first.
    const [home] = [...counts].sort(([a, n], [b, m]) => m - n || departments.indexOf(a) - departments.indexOf(b))[0]!;
    placedUnder.set(home, [...(placedUnder.get(home) ?? []), contact]);
  }
  const groups: ContactGroup[] = [];
  const namedBy = (department: Department): Contact[] =>
    [...counted]
      .flatMap(([contact, counts]) => (counts.has(department) ? [{ contact, n: counts.get(department)! }] : []))
      .sort((a, b) => b.n - a.n || byFamilyName(a.contact, b.contact))
      .map(({ contact }) => contact);
  for (const department of departments) {
    let contacts = [...own.get(department)!, ...(placedUnder.get(department) ?? []).sort(byFamilyName)];
    if (contacts.length === 0) contacts = namedBy(department);
    if (contacts.length === 0) continue;
    groups.push({
      heading: department.name,
      url: urls.href(urls.department(department.id)),
      contacts: contacts.map((c) => contactView(c, vcards.get(c))),
    });
  }
  const others = [...model.contacts.values()].filter((c) => !speaksForOne.has(c) && !named.has(c)).sort(byFamilyName);
  if (others.length > 0) groups.push({ heading: strings.otherContacts, contacts: others.map((c) => contactView(c, vcards.get(c))) });
  return { kind: "contacts", path: urls.contacts, url: urls.href(urls.contacts), heading: strings.contactsPage, groups };
}
