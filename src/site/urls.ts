/** Addresses of the generated listing pages, from the language's URL words. */
import type { Strings } from "../i18n/index.ts";
import { slugify } from "../content/slug.ts";

export interface Urls {
  readonly home: string;
  readonly departments: string;
  readonly department: (id: string) => string;
  readonly archive: string;
  readonly year: (year: number) => string;
  /** Page `n` (1-based) of a paginated listing at `base`. */
  readonly page: (base: string, n: number) => string;
}

export function urlsFor(strings: Strings): Urls {
  const s = strings.segments;
  return {
    home: "/",
    departments: `/${s.departments}/`,
    department: (id) => `/${s.departments}/${slugify(id)}/`,
    archive: `/${s.archive}/`,
    year: (year) => `/${year}/`,
    page: (base, n) => (n <= 1 ? base : `${base}${s.page}/${n}/`),
  };
}

/** The output file of a page address: /a/b/ → a/b/index.html */
export const outputFileOf = (url: string): string => (url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1));
