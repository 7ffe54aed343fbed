/** Checking and shaping a press contact, from contacts.yaml or written inline in a release. */
import { problem, type Location, type Problem } from "../errors/problem.ts";
import type { Contact } from "./model.ts";
import type { ContactData } from "./schema.ts";

const EMAIL = /^[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+$/;
const PHONE = /^\+?[0-9 ()/.\u2013-]+$/;

export function toContact(
  data: ContactData,
  id: string | undefined,
  at: (field: string) => Location,
  problems: Problem[],
): Contact {
  const phone = data.phone || undefined;
  const email = data.email || undefined;
  let phoneHref: string | undefined;
  if (phone !== undefined) {
    const digits = phone.replace(/\D/g, "");
    if (!PHONE.test(phone) || digits.length < 3) problems.push(problem("invalid-phone", at("phone"), { value: phone }));
    else phoneHref = (phone.trim().startsWith("+") ? "+" : "") + digits;
  }
  if (email !== undefined && !EMAIL.test(email)) problems.push(problem("invalid-email", at("email"), { value: email }));
  return {
    ...(id !== undefined && { id }),
    name: data.name,
    ...(data.role && { role: data.role }),
    ...(phone !== undefined && { phone }),
    ...(phoneHref !== undefined && { phoneHref }),
    ...(email !== undefined && { email }),
  };
}
