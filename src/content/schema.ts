/**
 * The shape of every content file, as zod schemas over failsafe YAML (every
 * scalar is text). The one module that knows zod. Values that need parsing
 * (dates, ids, URLs) are checked in ./site.ts, where their meaning is known.
 */
import * as z from "zod";
import { closest } from "./suggest.ts";
import { problem, type Location, type Problem } from "../errors/problem.ts";
import { commentedFix, type ParsedYaml } from "./yaml.ts";

const text = z.string().trim().min(1);
const optionalText = z.string().trim().optional();
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(item).min(1));

export const siteSchema = z.strictObject({
  title: text,
  url: text,
  language: text,
  timezone: text,
  description: optionalText,
  search_fallback: z.union([text, z.strictObject({ name: text, url: text, query: text, site: text })]).optional(),
  editor: z
    .strictObject({ backend: text, repo: text, branch: optionalText, base_url: optionalText, api_root: optionalText, auth_endpoint: optionalText, app_id: optionalText })
    .optional(),
  logo: optionalText,
  color: optionalText,
  footer: z.strictObject({ imprint: optionalText, privacy: optionalText, accessibility: optionalText, contact: optionalText }).optional(),
  social: z.record(z.string(), text).optional(),
  limits: z.strictObject({ release_file: optionalText, body: optionalText }).optional(),
  distribution: z
    .array(
      z.strictObject({
        name: text,
        address: text,
        language: optionalText,
        departments: listOf(text).optional(),
        tags: listOf(text).optional(),
        embargo_copies: optionalText,
        embargo_lead: optionalText,
        unsubscribe: optionalText,
      }),
    )
    .min(1)
    .optional(),
  languages: z.record(z.string(), z.strictObject({ name: text, direction: optionalText, note: optionalText })).optional(),
});

export const departmentSchema = z.strictObject({
  name: text,
  description: optionalText,
  contact: optionalText,
});

export const contactSchema = z.strictObject({
  name: text,
  role: optionalText,
  phone: optionalText,
  email: optionalText,
});

const contactRef = z.union([text, contactSchema]);

export const mediaSchema = z.strictObject({
  file: text,
  alt: optionalText,
  caption: optionalText,
  credit: optionalText,
  title: optionalText,
});

export const releaseSchema = z.strictObject({
  title: text,
  subtitle: optionalText,
  date: text,
  department: listOf(text),
  contact: z.union([contactRef, z.array(contactRef).min(1)]).optional(),
  media: z.array(mediaSchema).optional(),
  updated: optionalText,
  change_note: optionalText,
  withdrawn: z.strictObject({ date: text, reason: text }).optional(),
  tags: listOf(text).optional(),
  draft: z
    .preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.enum(["true", "false", "yes", "no", "ja", "nein"]))
    .optional(),
  aliases: listOf(text).optional(),
  notify: optionalText,
});

export type SiteData = z.infer<typeof siteSchema>;
export type DepartmentData = z.infer<typeof departmentSchema>;
export type ContactData = z.infer<typeof contactSchema>;
export type MediaData = z.infer<typeof mediaSchema>;
export type ReleaseData = z.infer<typeof releaseSchema>;

/**
 * The fields of a mapping that are well-formed on their own, when the whole
 * does not validate: so the checks of meaning (dates, ids, media) still run
 * and one run reports every problem of a file.
 */
export function validFields<S extends z.ZodObject>(schema: S, value: unknown): Partial<z.infer<S>> {
  const out: Record<string, unknown> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out as Partial<z.infer<S>>;
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const input = (value as Record<string, unknown>)[key];
    if (input === undefined) continue;
    const result = field.safeParse(input);
    if (result.success) out[key] = result.data;
  }
  return out as Partial<z.infer<S>>;
}

/** The entries of a list that are well-formed, malformed ones as undefined (their index stays right). */
export function validEntries<S extends z.ZodType>(schema: S, value: unknown): (z.infer<S> | undefined)[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => {
    const result = schema.safeParse(entry);
    return result.success ? result.data : undefined;
  });
}

/** Field names people write in German or British English, and the field they mean. */
const SYNONYMS: Readonly<Record<string, string>> = {
  impressum: "imprint",
  datenschutz: "privacy",
  datenschutzerklärung: "privacy",
  barrierefreiheit: "accessibility",
  barrierefreiheitserklärung: "accessibility",
  kontakt: "contact",
  colour: "color",
  farbe: "color",
  titel: "title",
  untertitel: "subtitle",
  datum: "date",
  amt: "department",
};

/** How each field is written, for "must be …" messages. */
const FORMS: Record<string, string> = {
  "media[]": 'an entry like "- file: foto.jpg" with alt:, caption: and credit: indented below it',
  "contact[]": "a contact id, or a mapping with name/role/phone/email",
  "department[]": "a department id",
  "tags[]": "a word",
  "aliases[]": "an old address",
  department: "a department id, or a list of ids like [tiefbauamt, umweltamt]",
  contact: "a contact id, a mapping with name/role/phone/email, or a list of those",
  "department.contact": "the id of one contact of contacts.yaml, e.g. contact: jaskowiak",
  media: 'a list of entries, each starting with "- file: name.jpg"',
  tags: "a word, or a list like [Verkehr, Radverkehr]",
  aliases: "an old address, or a list of them",
  withdrawn: 'a group of two indented lines, "date: 2026-12-02" and "reason: …"',
  draft: "true or false",
  editor: "a group with backend: (github or gitlab), repo: (owner/name) and, optionally, branch:, base_url:, api_root:, auth_endpoint: and app_id:",
  footer: "a group of indented lines: imprint:, privacy:, accessibility: and contact:, each with a full address",
  social: 'a group of indented "name: address" lines, e.g. Mastodon: https://social.musterstadt.de/@stadt',
  limits: "a group of indented lines: release_file: and body:, each with a size like 2 MB",
  search_fallback: 'the name of a search engine (duckduckgo, google), or a group of name:, url:, query: and site:',
  distribution: 'a list of entries, each starting with "- name: …" and with address: indented below it',
  "distribution[]": 'an entry like "- name: Presseverteiler" with address: indented below it',
  languages: 'a group of indented lines, one per language, like "en: { name: English }" or "ar: { name: العربية, direction: rtl }", with an optional note: shown on each translation',
};
const EXPECTED: Record<string, string> = {
  string: "text on one line",
  array: "a list",
  object: 'a group of indented "name: value" lines (e.g. name: Umweltamt)',
};
const formOf = (field: string, expected: string): string => FORMS[field] ?? EXPECTED[expected] ?? `a ${expected}`;

const fieldPath = (path: readonly PropertyKey[]): string => path.map(String).join(".");
const lastName = (path: readonly PropertyKey[]): string =>
  String([...path].reverse().find((p) => typeof p === "string") ?? "");
/**
 * The name a form is looked up by: "media" for the list, "media[]" for one of its entries,
 * "department.contact" for a department's one contact in departments.yaml (a release can name several).
 */
const formName = (path: readonly PropertyKey[]): string =>
  typeof path[path.length - 1] === "number"
    ? `${lastName(path)}[]`
    : path.length === 2 && path[1] === "contact" && path[0] !== "contact"
      ? "department.contact"
      : lastName(path);

/** Check `parsed` against `schema`; problems carry file, line and field. */
export function validate<T extends z.ZodType>(
  schema: T,
  parsed: ParsedYaml,
  file: string,
  basePath: readonly (string | number)[] = [],
): { data?: z.infer<T>; problems: Problem[] } {
  const input = basePath.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], parsed.value);
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const known = (path: readonly PropertyKey[]): string[] => knownKeys(schema, path);
  const problems = result.error.issues.flatMap((issue) => issueProblems(issue, [], file, basePath, parsed, known));
  return { problems };
}

type Issue = z.core.$ZodIssue;

function issueProblems(
  issue: Issue,
  prefix: readonly PropertyKey[],
  file: string,
  basePath: readonly (string | number)[],
  parsed: ParsedYaml,
  known: (path: readonly PropertyKey[]) => string[],
): Problem[] {
  const path = [...prefix, ...issue.path];
  const full = [...basePath, ...path] as (string | number)[];
  const field = fieldPath(full);
  const at = (p: (string | number)[], key = false) => ({ file, line: parsed.lineOf(p, key), field: fieldPath(p) });
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        const options = known(path);
        return problem("unknown-field", at([...full, key], true), {
          field: key,
          suggestions: SYNONYMS[key.toLowerCase()] && options.includes(SYNONYMS[key.toLowerCase()]!) ? [SYNONYMS[key.toLowerCase()]!] : closest(key, options),
          known: options,
        });
      });
    case "invalid_union": {
      const input = (issue as { input?: unknown }).input;
      const branch = issue.errors.find(
        (errors) => !errors.some((e) => e.code === "invalid_type" && e.path.length === 0),
      );
      if (branch && input !== undefined) {
        return branch.flatMap((e) => issueProblems(e, path, file, basePath, parsed, known));
      }
      return [problem("wrong-type", at(full), { field, expected: formOf(formName(full), "value") })];
    }
    case "invalid_type":
      if (!("input" in issue) || issue.input === undefined) {
        const where = full.length === 1 && parsed.endLine !== undefined ? { file, line: parsed.endLine, field } : { ...at(full.slice(0, -1)), field };
        return [problem("missing-field", where, { field, name: lastName(full) })];
      }
      return [problem("wrong-type", at(full), { field, expected: formOf(formName(full), issue.expected) })];
    case "too_small": {
      const where = at(full, true);
      return [commentedEmpty(where, field, where.line === undefined ? undefined : parsed.lineText?.(where.line)) ?? problem("empty-field", where, { field })];
    }
    case "invalid_value":
      return [
        problem("invalid-value", at(full), {
          field,
          value: shownValue((issue as { input?: unknown }).input),
          expected: formOf(formName(full), "value"),
        }),
      ];
    default:
      return [problem("wrong-type", at(full), { field, expected: formOf(formName(full), "value") })];
  }
}

/**
 * A value as a message shows it: text as written, a list or group as YAML's flow form would write it.
 * (String() fails on a group, which the YAML parser makes without a prototype.)
 */
function shownValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(shownValue).join(", ")}]`;
  return `{${Object.entries(value).map(([key, item]) => `${key}: ${shownValue(item)}`).join(", ")}}`;
}

/** The field names a strict object schema accepts at `path` (for did-you-mean). */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const step of path) {
    current = unwrap(current);
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, unknown>)[String(step)];
    else if (current instanceof z.ZodArray) current = current.element;
    else return [];
  }
  current = unwrap(current);
  if (current instanceof z.ZodArray) current = unwrap(current.element);
  if (current instanceof z.ZodUnion) {
    const object = (current.options as unknown[]).map(unwrap).find((o) => o instanceof z.ZodObject);
    current = object;
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape as object) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodOptional) s = s.unwrap();
    else if (s instanceof z.ZodPipe) s = s.out;
    else break;
  }
  return s;
}

/**
 * `title: #Musterstadt räumt auf`: the value was taken for a comment, and the field `field` at `where` (whose line
 * reads `row`) is empty. The problem, with the line in quotes as the fix; undefined when the line holds no such value.
 */
export function commentedEmpty(where: Location, field: string, row: string | undefined): Problem | undefined {
  const found = row === undefined || where.line === undefined ? undefined : commentedFix(row, where.line);
  return found && problem("empty-field", where, { field, written: found.meant.value }, [found.fix]);
}
