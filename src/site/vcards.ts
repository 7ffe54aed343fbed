/**
 * The vCards: one per contact of contacts.yaml in the contacts folder (they
 * are the site's own data), and one per contact written into a published
 * release, next to its page.
 */
import type { Contact, ContentModel, Release } from "../content/model.ts";
import { inCodeUnitOrder } from "../compare.ts";
import { vcardFileName } from "../outputs/vcard.ts";
import type { Urls } from "./urls.ts";

/** A vCard file to write: its site-relative path and the contact in it. */
export interface VcardPlan {
  readonly path: string;
  /** The page that shows the contact: the contacts page, or the release of an inline contact. */
  readonly page: string;
  readonly contact: Contact;
  readonly departments: readonly string[];
}

export function vcardPlans(model: ContentModel, published: readonly Release[], urls: Urls): VcardPlan[] {
  const departmentsOf = new Map<Contact, Set<string>>();
  const note = (contact: Contact, name: string): void => {
    const names = departmentsOf.get(contact) ?? new Set<string>();
    departmentsOf.set(contact, names.add(name));
  };
  for (const department of model.departments.values()) {
    for (const id of department.contactIds) {
      const contact = model.contacts.get(id);
      if (contact) note(contact, department.name);
    }
  }
  const plans: VcardPlan[] = [];
  for (const [id, contact] of [...model.contacts].sort((a, b) => inCodeUnitOrder(a[0], b[0]))) {
    plans.push({ path: urls.contactCard(id), page: urls.contacts, contact, departments: [...(departmentsOf.get(contact) ?? [])] });
  }
  for (const release of published) {
    const names = new Set<string>();
    for (const contact of release.contacts) {
      if (contact.id !== undefined) continue;
      const name = vcardFileName(contact).replace(/\.vcf$/, "");
      let file = `${name}.vcf`;
      for (let n = 2; names.has(file); n++) file = `${name}-${n}.vcf`;
      names.add(file);
      plans.push({ path: release.url + file, page: release.url, contact, departments: release.departments.map((d) => d.name) });
    }
  }
  return plans;
}
