/**
 * The site plan: every page the build writes, as plain view data, from the
 * published releases only. Eleventy renders this plan; nothing else decides
 * what exists.
 */
import path from "node:path";
import { aliasOutputPath } from "../content/alias.ts";
import type { Contact, ContentModel, Department, Release } from "../content/model.ts";
import { isWithdrawn } from "../content/publish.ts";
import { slugify } from "../content/slug.ts";
import { vcardFileName } from "../outputs/vcard.ts";
import { yearGroups } from "../search/shards.ts";
import { problem, type Problem } from "../errors/problem.ts";
import { stringsFor, type Strings } from "../i18n/index.ts";
import { FILES } from "./files.ts";
import { IMMUTABLE_FOLDERS } from "../outputs/headers.ts";
import { mediaPath, outputFileOf, urlsFor, type Urls } from "./urls.ts";
import { contactView, dateView, itemView, previewNotice, releaseView, type ContactView, type ItemView, type LinkView, type ReleaseMedia, type ReleaseView } from "./views.ts";
import { inCodeUnitOrder } from "../compare.ts";

export interface PlanOptions {
  /** Releases per listing page. */
  readonly pageSize: number;
  /** Entries per Atom feed, newest first. */
  readonly feedSize: number;
  /** Render the release pages' views (Markdown bodies); `check` only needs the addresses. */
  readonly releaseViews: boolean;
  /** What the media stage made for each release (web versions, card, kit). */
  readonly media?: (release: Release) => ReleaseMedia | undefined;
  /** Renders a body's text to sanitized HTML (default: markdown-it and the sanitizer; a build passes its body cache). */
  readonly bodies?: (source: string) => string;
  /** Files written besides pages and originals (web versions, cards, kits): no old address may take them. */
  readonly reserved?: readonly string[];
  /** A preview (`pressroom serve`): drafts and embargoed releases are among `published`, each marked. */
  readonly preview?: boolean;
  /** The build's clock: withdrawals dated after it have not taken effect yet (default: all have). */
  readonly now?: number;
  /** Releases per shard of the search index (search/shards.ts). */
  readonly searchShardSize?: number;
  /** The site's logo, absolute: the publisher's logo in each release's schema.org data. */
  readonly logoUrl?: string;
}

export const defaults = { pageSize: 20, feedSize: 50, releaseViews: true } satisfies PlanOptions;

export type ListingKind = "home" | "department" | "year" | "month" | "day" | "tag";

export interface PageLink {
  readonly url: string;
  readonly number: number;
  readonly current: boolean;
  /** Pages are left out before this one. */
  readonly gapBefore: boolean;
}

/** First, last, and the pages near the current one: a pager stays short on 500 pages. */
export function pageWindow(current: number, count: number, reach = 2): number[] {
  const numbers = new Set([1, count]);
  for (let n = current - reach; n <= current + reach; n++) if (n >= 1 && n <= count) numbers.add(n);
  return [...numbers].sort((a, b) => a - b);
}

export interface ListingPage {
  readonly kind: ListingKind;
  /** Site-relative path (where the file goes) and link. */
  readonly path: string;
  readonly url: string;
  readonly heading: string;
  /** The <title>: heading, and the page number past page 1. */
  readonly title: string;
  readonly description?: string;
  readonly items: readonly ItemView[];
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly pageLabel: string;
  readonly newer?: string;
  readonly older?: string;
  /** Site-relative paths of the pages before and after, for rel=prev/next with the site's address. */
  readonly newerPath?: string;
  readonly olderPath?: string;
  readonly pages: readonly PageLink[];
  /** The Atom feed of this listing, to subscribe to. */
  readonly feed?: LinkView;
}

export interface FeedPlan {
  readonly path: string;
  /** Absolute addresses of the feed and of the page it mirrors. */
  readonly self: string;
  readonly alternate: string;
  readonly title: string;
  readonly entries: readonly ReleaseView[];
}

export interface IndexEntry extends LinkView {
  readonly count: string;
  readonly description?: string;
}

export interface IndexPage {
  readonly path: string;
  readonly url: string;
  readonly heading: string;
  readonly entries: readonly IndexEntry[];
}

export interface ContactGroup {
  readonly heading: string;
  /** The department's page. */
  readonly url?: string;
  readonly contacts: readonly ContactView[];
}

/** A vCard file to write: its site-relative path and the contact in it. */
export interface VcardPlan {
  readonly path: string;
  /** The page that shows the contact: the contacts page, or the release of an inline contact. */
  readonly page: string;
  readonly contact: Contact;
  readonly departments: readonly string[];
}

export interface ContactsPage {
  readonly kind: "contacts";
  readonly path: string;
  readonly url: string;
  readonly heading: string;
  readonly groups: readonly ContactGroup[];
}

export interface SearchPage {
  readonly kind: "search";
  readonly path: string;
  readonly url: string;
  readonly heading: string;
  /** The Pagefind module the page's script loads: the newest shard's. */
  readonly index: string;
  /** The folders of the other shards, newest first, merged into the search. */
  readonly merge: readonly string[];
  readonly departments: readonly string[];
  readonly years: readonly string[];
  /** A search engine the form falls back to without JavaScript, restricted to the site. */
  readonly fallback?: { readonly name: string; readonly action: string; readonly query: string; readonly hidden: readonly { readonly name: string; readonly value: string }[] };
}

/** Pages of their own kind, one each: rendered by layouts/extra.njk through pages/<kind>.njk. */
export type ExtraPage = ContactsPage | SearchPage;

export interface RedirectPage {
  /** Output file, relative to the output folder. */
  readonly outputPath: string;
  readonly from: string;
  readonly to: string;
  readonly toAbsolute: string;
  readonly title: string;
}

export interface SitePlan {
  readonly site: ContentModel["site"];
  readonly strings: Strings;
  readonly urls: Urls;
  readonly releases: readonly ReleaseView[];
  readonly listings: readonly ListingPage[];
  readonly indexes: readonly IndexPage[];
  readonly redirects: readonly RedirectPage[];
  readonly extras: readonly ExtraPage[];
  readonly feeds: readonly FeedPlan[];
  readonly vcards: readonly VcardPlan[];
  /** The releases the search index holds: published and not withdrawn, newest first. */
  readonly searchable: readonly ReleaseView[];
  /** Every published release, withdrawn ones included, newest first: for the open data file. */
  readonly releaseData: readonly ReleaseView[];
  readonly problems: readonly Problem[];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

function paginate(
  kind: ListingKind,
  base: string,
  heading: string,
  releases: readonly Release[],
  items: ReadonlyMap<Release, ItemView>,
  options: PlanOptions,
  strings: Strings,
  urls: Urls,
  description?: string,
  feed?: LinkView,
  /** The <title> when it is not the heading (the home page: the site's title, its heading says what the list is). */
  titleBase: string = heading,
): ListingPage[] {
  const pages = chunk(releases, options.pageSize);
  const count = pages.length;
  const link = (n: number): string => urls.href(urls.page(base, n));
  return pages.map((page, i) => {
    const n = i + 1;
    return {
      kind,
      path: urls.page(base, n),
      url: link(n),
      heading,
      title: n > 1 ? `${titleBase} – ${strings.pageOf(n, count)}` : titleBase,
      ...(description && { description }),
      items: page.flatMap((r) => items.get(r) ?? []),
      pageNumber: n,
      pageCount: count,
      pageLabel: strings.pageOf(n, count),
      ...(n > 1 && { newer: link(n - 1), newerPath: urls.page(base, n - 1) }),
      ...(n < count && { older: link(n + 1), olderPath: urls.page(base, n + 1) }),
      ...(feed && { feed }),
      pages: pageWindow(n, count).map((number, j, all) => ({
        url: link(number),
        number,
        current: number === n,
        gapBefore: j > 0 && number - all[j - 1]! > 1,
      })),
    };
  });
}

/** `published` must already be filtered and sorted newest first (see content/publish.ts). */
export function planSite(model: ContentModel, published: readonly Release[], options: PlanOptions = defaults): SitePlan {
  const { site } = model;
  const strings = stringsFor(site.language);
  const urls = urlsFor(strings, site.basePath);
  const now = options.now ?? Number.POSITIVE_INFINITY;
  // Withdrawn releases keep their page and their place in the archive (year, month, day) and feeds, marked;
  // the other listings and the search leave them out.
  const withdrawn = new Set(published.filter((r) => isWithdrawn(r, now)));
  const listed = published.filter((r) => !withdrawn.has(r));
  const tags = tagsOf(listed);
  const tagPages = new Set(tags.map((tag) => tag.slug));
  const vcards = vcardPlans(model, published, urls);
  const vcardOf = new Map(vcards.map((v) => [v.contact, urls.href(v.path)]));
  // Listing entries are only needed to render; `check` plans addresses only.
  const items = new Map(options.releaseViews ? published.map((r) => [r, itemView(r, site, strings, urls, withdrawn.has(r), options.preview ? previewNotice(r, now, site, strings) : undefined, options.media?.(r))]) : []);
  const views = new Map(
    options.releaseViews
      ? published.map((r) => [
          r,
          releaseView(r, site, strings, urls, {
            ...(options.media && { media: options.media(r) }),
            ...(options.bodies && { bodies: options.bodies }),
            withdrawn: withdrawn.has(r),
            ...(options.preview && { previewAt: now }),
            vcard: (c) => vcardOf.get(c),
            tagPages,
            ...(options.logoUrl && { logoUrl: options.logoUrl }),
          }),
        ])
      : [],
  );
  const feeds: FeedPlan[] = [];
  const addFeed = (base: string, title: string, releases: readonly Release[]): LinkView => {
    const path = `${base}${FILES.feed}`;
    feeds.push({
      path,
      self: site.url + path,
      alternate: site.url + base,
      title,
      entries: releases.slice(0, options.feedSize).flatMap((r) => views.get(r) ?? []),
    });
    return { url: urls.href(path), text: strings.subscribe };
  };
  const listings: ListingPage[] = [];
  const homeFeed = addFeed(urls.home, site.title, published);
  listings.push(
    // The header names the site already: the heading says what the page lists.
    ...paginate("home", urls.home, strings.home, listed, items, options, strings, urls, site.description, homeFeed, site.title),
  );

  const departmentEntries: IndexEntry[] = [];
  const departments = [...model.departments.values()].sort((a, b) => a.name.localeCompare(b.name, strings.locale));
  for (const department of departments) {
    const own = published.filter((r) => r.departments.includes(department));
    const shown = own.filter((r) => !withdrawn.has(r));
    const base = urls.department(department.id);
    const heading = strings.releasesOf(department.name);
    const feed = addFeed(base, `${site.title}: ${department.name}`, own);
    listings.push(...paginate("department", base, heading, shown, items, options, strings, urls, department.description, feed));
    departmentEntries.push({
      url: urls.href(base),
      text: department.name,
      count: strings.releaseCount(shown.length),
      ...(department.description && { description: department.description }),
    });
  }

  const years = [...new Set(published.map((r) => r.year))].sort((a, b) => b - a);
  const yearEntries: IndexEntry[] = [];
  for (const year of years) {
    const own = published.filter((r) => r.year === year);
    listings.push(...paginate("year", urls.year(year), strings.releasesIn(year), own, items, options, strings, urls));
    yearEntries.push({ url: urls.href(urls.year(year)), text: String(year), count: strings.releaseCount(own.length) });
  }
  // Every prefix of a release's address is a page: /2026/11/ and /2026/11/19/ list that month and day, on one page each.
  const whole = { ...options, pageSize: Number.MAX_SAFE_INTEGER };
  for (const [base, own] of groupBy(published, (r) => r.url.split("/").slice(0, 3).join("/") + "/")) {
    const [year, month] = base.split("/").slice(1, 3).map(Number) as [number, number];
    listings.push(...paginate("month", base, strings.releasesInMonth(strings.months[month - 1]!, year), own, items, whole, strings, urls));
  }
  for (const [base, own] of groupBy(published, (r) => r.url.split("/").slice(0, 4).join("/") + "/")) {
    const day = dateView(own[0]!.date, false, site, strings).text;
    listings.push(...paginate("day", base, strings.releasesOn(day), own, items, whole, strings, urls));
  }

  const tagEntries: IndexEntry[] = [];
  // A tag has a page while a listed release has it; its feed also keeps the withdrawn ones, marked.
  const taggedAll = new Map(tagsOf(published).map((tag) => [tag.slug, tag.releases]));
  for (const tag of tags) {
    const base = urls.tag(tag.slug);
    const feed = addFeed(base, `${site.title}: ${tag.name}`, taggedAll.get(tag.slug)!);
    listings.push(...paginate("tag", base, strings.releasesTagged(tag.name), tag.releases, items, options, strings, urls, undefined, feed));
    tagEntries.push({ url: urls.href(base), text: tag.name, count: strings.releaseCount(tag.releases.length) });
  }

  const indexes: IndexPage[] = [
    { path: urls.departments, url: urls.href(urls.departments), heading: strings.departments, entries: departmentEntries },
    { path: urls.archive, url: urls.href(urls.archive), heading: strings.archive, entries: yearEntries },
    ...(tagEntries.length > 0 ? [{ path: urls.tags, url: urls.href(urls.tags), heading: strings.tags, entries: tagEntries }] : []),
  ];
  const extras: ExtraPage[] = [
    contactsPage(model, published, strings, urls, vcardOf),
    searchPage(model, listed, strings, urls, options.searchShardSize),
  ];

  const releases = [...views.values()];

  const taken = new Set<string>([
    ...listings.map((p) => outputFileOf(p.path)),
    ...indexes.map((p) => outputFileOf(p.path)),
    ...extras.map((p) => outputFileOf(p.path)),
    ...vcards.map((v) => outputFileOf(v.path)),
    FILES.openData,
    FILES.searchFolder,
    ...published.flatMap((r) => [r.url, ...r.media.map((m) => mediaPath(r, m))].map(outputFileOf)),
    ...feeds.map((f) => outputFileOf(f.path)),
    FILES.notFound,
    FILES.redirects,
    FILES.sitemap,
    FILES.robots,
    FILES.headers,
    FILES.manifest,
    FILES.jsonFeed,
    FILES.marker,
    ...(options.reserved ?? []),
  ]);
  // A redirect may neither replace a file nor need a folder where a file is.
  const clashes = (file: string): boolean => {
    if (taken.has(file)) return true;
    const parts = file.split("/");
    return parts.slice(1).some((_, i) => taken.has(parts.slice(0, i + 1).join("/")));
  };
  const problems: Problem[] = [];
  const redirects: RedirectPage[] = [];
  for (const release of published) {
    for (const alias of release.aliases) {
      const at = { file: release.file, line: alias.line, field: alias.field };
      // Old addresses are paths on the site's host: below a base path, they must lie inside it.
      if (site.basePath && !alias.path.startsWith(`${site.basePath}/`)) {
        const reason = `it is outside ${site.basePath}/, where the site is published`;
        problems.push(problem("invalid-alias", at, { value: alias.path, reason }));
        continue;
      }
      const outputPath = aliasOutputPath(alias.path.slice(site.basePath.length));
      // Files there are cached for a year: a redirect page among them could never be changed.
      const hashedFolder = IMMUTABLE_FOLDERS.find((folder) => outputPath.startsWith(`${folder}/`));
      if (hashedFolder !== undefined) {
        const reason = `${site.basePath}/${hashedFolder}/ holds the site's own files, named by their content`;
        problems.push(problem("invalid-alias", at, { value: alias.path, reason }));
        continue;
      }
      // A manifest.json in a folder is what tells deploy that another site lives there: no redirect page may bear the name, at
      // any level. An alias is the one output file whose name the content chooses (pages are index.html, media files have the
      // extensions of images and documents, cards end in .vcf).
      if (path.posix.basename(outputPath) === FILES.manifest) {
        problems.push(problem("alias-reserved", at, { value: alias.path, name: FILES.manifest }));
        continue;
      }
      if (clashes(outputPath)) {
        problems.push(problem("alias-conflict", at, { value: alias.path }));
        continue;
      }
      taken.add(outputPath);
      redirects.push({
        outputPath,
        from: alias.path,
        to: urls.href(release.url),
        toAbsolute: site.url + release.url,
        title: release.title,
      });
    }
  }
  redirects.sort((a, b) => inCodeUnitOrder(a.from, b.from));
  const searchable = listed.flatMap((r) => views.get(r) ?? []);
  return { site, strings, urls, releases, listings, indexes, redirects, extras, feeds, vcards, searchable, releaseData: releases, problems };
}

/** Items grouped by a key, groups in the order their first item came (newest first here). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

interface Tag {
  readonly slug: string;
  /** The spelling most releases use (ties: the first in code-unit order). */
  readonly name: string;
  readonly releases: readonly Release[];
}

/** The tags of the releases, one per address: "Radverkehr" and "radverkehr" are one tag. Sorted by name. */
export function tagsOf(releases: readonly Release[]): Tag[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; releases: Release[] }>();
  for (const release of releases) {
    const seen = new Set<string>();
    for (const name of release.tags) {
      const slug = slugify(name);
      if (slug === "" || seen.has(slug)) continue;
      seen.add(slug);
      const tag = bySlug.get(slug) ?? { spellings: new Map<string, number>(), releases: [] };
      bySlug.set(slug, tag);
      tag.spellings.set(name, (tag.spellings.get(name) ?? 0) + 1);
      tag.releases.push(release);
    }
  }
  return [...bySlug]
    .map(([slug, tag]) => {
      const [name] = [...tag.spellings].sort((a, b) => b[1] - a[1] || inCodeUnitOrder(a[0], b[0]))[0]!;
      return { slug, name, releases: tag.releases };
    })
    .sort((a, b) => inCodeUnitOrder(a.slug, b.slug));
}

/**
 * The vCards: one per contact of contacts.yaml in the contacts folder (they
 * are the site's own data), and one per contact written into a published
 * release, next to its page.
 */
function vcardPlans(model: ContentModel, published: readonly Release[], urls: Urls): VcardPlan[] {
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
function contactsPage(model: ContentModel, published: readonly Release[], strings: Strings, urls: Urls, vcards: ReadonlyMap<Contact, string>): ContactsPage {
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

function searchPage(model: ContentModel, listed: readonly Release[], strings: Strings, urls: Urls, shardSize?: number): SearchPage {
  const counts = new Map<string, number>();
  for (const release of listed) counts.set(String(release.year), (counts.get(String(release.year)) ?? 0) + 1);
  const folders = yearGroups(counts, shardSize).map((group) => urls.href(`/${FILES.searchFolder}/${group.name}/`)).reverse();
  const departments = [...new Set(listed.flatMap((r) => r.departments.map((d) => d.name)))].sort((a, b) => a.localeCompare(b, strings.locale));
  const years = [...new Set(listed.map((r) => String(r.year)))].sort().reverse();
  const fallback = model.site.searchFallback;
  const host = model.site.url.replace(/^https?:\/\//, "");
  return {
    kind: "search",
    path: urls.search,
    url: urls.href(urls.search),
    heading: strings.search.title,
    index: `${folders[0] ?? urls.href(`/${FILES.searchFolder}/`)}pagefind.js`,
    merge: folders.slice(1),
    departments,
    years,
    ...(fallback && {
      fallback: {
        name: fallback.name,
        action: fallback.url,
        query: fallback.query,
        hidden: [{ name: fallback.site, value: host }],
      },
    }),
  };
}
