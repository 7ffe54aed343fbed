/**
 * Addresses. A page's *path* is relative to the site's root ("/2026/", where
 * its file goes in the output folder); its *href* is the link to it, with the
 * site's base path in front when the site lives below a folder of its host.
 */
import type { Strings } from "../i18n/index.ts";

export interface Urls {
  readonly home: string;
  readonly departments: string;
  readonly department: (id: string) => string;
  readonly archive: string;
  readonly year: (year: number) => string;
  readonly tags: string;
  readonly tag: (slug: string) => string;
  readonly contacts: string;
  /** The vCard of a contact of contacts.yaml. */
  readonly contactCard: (id: string) => string;
  readonly search: string;
  /** Page `n` of a paginated listing at `base`, counted from its oldest releases (site/listings.ts); its newest page is `base` itself. */
  readonly page: (base: string, n: number) => string;
  /** The link to a path. */
  readonly href: (path: string) => string;
}

export function urlsFor(strings: Strings, basePath: string): Urls {
  const s = strings.segments;
  return {
    href: (path) => basePath + path,
    home: "/",
    departments: `/${s.departments}/`,
    // Department ids have the form of an address segment already (content/site.ts).
    department: (id) => `/${s.departments}/${id}/`,
    archive: `/${s.archive}/`,
    year: (year) => `/${year}/`,
    tags: `/${s.tags}/`,
    tag: (slug) => `/${s.tags}/${slug}/`,
    contacts: `/${s.contacts}/`,
    contactCard: (id) => `/${s.contacts}/${id}.vcf`,
    search: `/${s.search}/`,
    page: (base, n) => `${base}${s.page}/${n}/`,
  };
}

/** Where a release's media file is published: next to the release page. */
export const mediaPath = (release: { readonly url: string }, media: { readonly name: string }): string =>
  release.url + media.name;

/** The output file of a page path: /a/b/ → a/b/index.html */
export const outputFileOf = (path: string): string => (path.endsWith("/") ? `${path.slice(1)}index.html` : path.slice(1));
