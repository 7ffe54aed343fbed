/**
 * The mapping file of `pressroom import --map FILE` (YAML): which department
 * an item belongs to (by category, tag, the page's department line or a part
 * of its old address), a default, and for saved HTML pages where each field
 * is (CSS selectors) and how its date is written.
 */
import { isMapping, parseYaml, type YamlValue } from "../content/yaml.ts";

export const SELECTOR_FIELDS = ["title", "subtitle", "date", "department", "body", "photos", "photo_caption", "downloads", "contact", "tags"] as const;
export type SelectorField = (typeof SELECTOR_FIELDS)[number];

export interface Mapping {
  /** Category, heading or address part (starting with /) → department id. */
  readonly departments: ReadonlyMap<string, string>;
  readonly defaultDepartment?: string;
  readonly selectors: Partial<Record<SelectorField, string>>;
  /** How the page writes its date: "dd.MM.yyyy", "d. MMMM yyyy, HH.mm 'Uhr'"; default: German dates of any of these forms. */
  readonly dateFormat?: string;
  /** Addresses of the pages, when the source is this file's list rather than a folder. */
  readonly pages: readonly string[];
  /** Where a folder of saved pages was on the web: a page's old address is this and its path in the folder. */
  readonly baseUrl?: string;
}

export const emptyMapping: Mapping = { departments: new Map(), selectors: {}, pages: [] };

export type MappingResult = { readonly ok: true; readonly mapping: Mapping } | { readonly ok: false; readonly detail: string; readonly line?: number };

const KNOWN = new Set(["departments", "default_department", "selectors", "date_format", "pages", "base_url"]);

const text = (value: YamlValue | undefined): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/** The mapping file's text, checked: `file` names it in problems. */
export function readMapping(source: string, file: string): MappingResult {
  const parsed = parseYaml(source, { file, lineOffset: 0 });
  if (parsed.problems.length > 0) return { ok: false, detail: parsed.problems[0]!.message.replace(/\.$/, ""), ...(parsed.problems[0]!.line !== undefined && { line: parsed.problems[0]!.line }) };
  const value = parsed.value ?? {};
  if (!isMapping(value)) return { ok: false, detail: 'it must be a set of "name: value" lines' };
  for (const key of Object.keys(value)) {
    if (!KNOWN.has(key)) return { ok: false, detail: `it has the unknown field "${key}" (known: ${[...KNOWN].join(", ")})`, ...lineOf(parsed, [key]) };
  }
  const departments = new Map<string, string>();
  if (value.departments !== undefined) {
    if (!isMapping(value.departments)) return { ok: false, detail: 'departments must be lines of "category: department-id"', ...lineOf(parsed, ["departments"]) };
    for (const [from, to] of Object.entries(value.departments)) {
      const id = text(to);
      if (id === undefined) return { ok: false, detail: `departments: "${from}" names no department id`, ...lineOf(parsed, ["departments", from]) };
      departments.set(from, id);
    }
  }
  const selectors: Partial<Record<SelectorField, string>> = {};
  if (value.selectors !== undefined) {
    if (!isMapping(value.selectors)) return { ok: false, detail: 'selectors must be lines of "field: CSS selector"', ...lineOf(parsed, ["selectors"]) };
    for (const [field, selector] of Object.entries(value.selectors)) {
      if (!(SELECTOR_FIELDS as readonly string[]).includes(field)) {
        return { ok: false, detail: `selectors has the unknown field "${field}" (known: ${SELECTOR_FIELDS.join(", ")})`, ...lineOf(parsed, ["selectors", field]) };
      }
      const css = text(selector);
      if (css === undefined) return { ok: false, detail: `selectors: ${field} is empty`, ...lineOf(parsed, ["selectors", field]) };
      selectors[field as SelectorField] = css;
    }
  }
  const pages = value.pages === undefined ? [] : Array.isArray(value.pages) ? value.pages.map(text).filter((p) => p !== undefined) : undefined;
  if (pages === undefined) return { ok: false, detail: "pages must be a list of addresses", ...lineOf(parsed, ["pages"]) };
  const defaultDepartment = text(value.default_department);
  const dateFormat = text(value.date_format);
  const baseUrl = text(value.base_url);
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/i.test(baseUrl)) return { ok: false, detail: "base_url must be an address starting with http:// or https://", ...lineOf(parsed, ["base_url"]) };
  const mapping: Mapping = { departments, selectors, pages, ...(defaultDepartment && { defaultDepartment }), ...(dateFormat && { dateFormat }), ...(baseUrl && { baseUrl }) };
  return { ok: true, mapping };
}

function lineOf(parsed: ReturnType<typeof parseYaml>, path: string[]): { line?: number } {
  const line = parsed.lineOf(path, true);
  return line === undefined ? {} : { line };
}
