/**
 * The mailing lists of site.yaml (`distribution:`): checked like every other
 * setting, each problem at its line and field. pressroom stores no subscriber:
 * a list is the address of the city's own list server.
 */
import { problem, type Problem } from "../errors/problem.ts";
import { isLanguage, LANGUAGES, type Language } from "../i18n/index.ts";
import type { Department, MailingList } from "./model.ts";
import type { SiteData } from "./schema.ts";
import { closest } from "./suggest.ts";
import type { ParsedYaml } from "./yaml.ts";

/** One address, no display name: what a list server gives its list. */
const MAIL_ADDRESS = /^[^\s@<>()",;:\\[\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
export const isMailAddress = (value: string): boolean => MAIL_ADDRESS.test(value);

const HOUR = 3_600_000;
/** How long before its time an embargoed release goes to the lists that take embargo copies, unless a list says otherwise. */
export const DEFAULT_EMBARGO_LEAD = 24 * HOUR;

const DURATION_UNITS: Readonly<Record<string, number>> = {
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000, minuten: 60_000,
  h: HOUR, hour: HOUR, hours: HOUR, stunde: HOUR, stunden: HOUR,
  d: 24 * HOUR, day: 24 * HOUR, days: 24 * HOUR, tag: 24 * HOUR, tage: 24 * HOUR,
};

/** "24 hours", "36 Stunden", "2 days", "90 min": milliseconds, or undefined. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,4})\s*([a-zä]+)$/i.exec(text.trim());
  const unit = match ? DURATION_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) return undefined;
  const ms = Number(match[1]) * unit;
  return ms > 0 ? ms : undefined;
}

const YES = new Set(["true", "yes", "ja"]);
const NO = new Set(["false", "no", "nein"]);

type ListData = NonNullable<SiteData["distribution"]>[number];

/** The lists, in the order site.yaml names them; problems pushed. Department ids are checked later (checkListDepartments). */
export function resolveDistribution(lists: readonly ListData[], siteLanguage: Language, parsed: ParsedYaml, file: string, problems: Problem[]): MailingList[] {
  const out: MailingList[] = [];
  const seen = new Map<string, number>();
  lists.forEach((data, i) => {
    const before = problems.length;
    const invalid = (key: string, value: string, expected: string): void => {
      const field = `distribution.${i}.${key}`;
      problems.push(problem("invalid-value", { file, line: parsed.lineOf(["distribution", i, key]), field }, { field, value, expected }));
    };
    const address = data.address.trim();
    if (!isMailAddress(address)) invalid("address", data.address, "one email address, e.g. verteiler@lists.musterstadt.de");
    else if (seen.has(address.toLowerCase())) invalid("address", data.address, "an address no other list of distribution: has");
    seen.set(address.toLowerCase(), i);
    const language = data.language?.toLowerCase() ?? siteLanguage;
    if (!isLanguage(language)) invalid("language", data.language!, `one of ${LANGUAGES.join(", ")}`);
    const copies = data.embargo_copies?.toLowerCase();
    if (copies !== undefined && !YES.has(copies) && !NO.has(copies)) invalid("embargo_copies", data.embargo_copies!, "true or false");
    const lead = data.embargo_lead === undefined ? DEFAULT_EMBARGO_LEAD : parseDuration(data.embargo_lead);
    if (lead === undefined) invalid("embargo_lead", data.embargo_lead!, "a time like 24 hours, 36 Stunden or 2 days");
    const unsubscribe = data.unsubscribe?.trim();
    if (unsubscribe !== undefined && !/^(https:\/\/[^\s<>]+|mailto:[^\s<>]+)$/i.test(unsubscribe)) {
      invalid("unsubscribe", data.unsubscribe!, "a full address starting with https:// (or mailto:)");
    }
    if (problems.length > before || !isLanguage(language) || lead === undefined) return;
    const line = parsed.lineOf(["distribution", i]);
    out.push({
      name: data.name,
      address,
      language,
      departments: data.departments ?? [],
      tags: data.tags ?? [],
      embargoCopies: copies !== undefined && YES.has(copies),
      embargoLead: lead,
      ...(unsubscribe && { unsubscribe }),
      ...(line !== undefined && { line }),
    });
  });
  return out;
}

/** Each department a list names must be one of departments.yaml (read after site.yaml): the check, made while site.yaml's lines are at hand. */
export function listDepartmentsCheck(lists: readonly ListData[], parsed: ParsedYaml, file: string): (departments: ReadonlyMap<string, Department>) => Problem[] {
  return (departments) => {
    const known = [...departments.keys()];
    const problems: Problem[] = [];
    lists.forEach((list, i) => {
      const many = Array.isArray((parsed.value as { distribution?: { departments?: unknown }[] }).distribution?.[i]?.departments);
      (list.departments ?? []).forEach((id, j) => {
        if (departments.has(id)) return;
        const fieldPath = many ? ["distribution", i, "departments", j] : ["distribution", i, "departments"];
        problems.push(problem("unknown-department", { file, line: parsed.lineOf(fieldPath), field: fieldPath.join(".") }, { id, suggestions: closest(id, known), known }));
      });
    });
    return problems;
  };
}
