/**
 * What every source of `pressroom import` reads an old item into, before it
 * becomes a release: plain data, the same for a WordPress post, a feed entry
 * and a saved HTML page.
 */

/** What the old site said of an item's publication; anything but "publish" is imported as a draft. */
export type ItemStatus = "publish" | "draft" | "future" | "private" | "pending" | "password-protected";

/** A photo the item lists beside its text (a featured image, a photo of the HTML mapping). */
export interface ItemPhoto {
  /** Its address, absolute (http…, or file:// for a saved page's own files). */
  readonly src: string;
  readonly alt?: string;
  readonly caption?: string;
}

export interface ItemDownload {
  readonly href: string;
  readonly title?: string;
}

/** A contact as the old page wrote it: matched against contacts.yaml by name or phone. */
export interface ItemContact {
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
}

export interface ImportItem {
  /** Stable across runs: the WordPress id, the feed entry's id or link, the page's address. */
  readonly key: string;
  /** The old address of the item's page, absolute: it becomes an alias. */
  readonly link?: string;
  /** Plain text (entities decoded, tags removed). */
  readonly title: string;
  readonly subtitle?: string;
  /** When it was published: milliseconds since the epoch; `hasTime` false for a day alone. */
  readonly date?: { readonly instant: number; readonly hasTime: boolean };
  /** The date as the source wrote it, for a report when it cannot be read. */
  readonly dateText?: string;
  readonly status: ItemStatus;
  /** Categories, and anything else a department may be read from (a page's department line). */
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  /** The body as HTML; relative addresses in it are resolved against `base`. */
  readonly html: string;
  readonly base: string;
  /** The WordPress slug, if the source has one. */
  readonly slug?: string;
  readonly photos: readonly ItemPhoto[];
  readonly downloads: readonly ItemDownload[];
  readonly contact?: ItemContact;
  /** Warnings the source met reading the item (shortcodes left out, comments). */
  readonly notes: readonly ItemNote[];
}

/** A warning met while reading an item, before the release exists: a code of the catalog with its facts. */
export type ItemNote =
  | { readonly code: "import-shortcode"; readonly shortcode: string }
  | { readonly code: "import-comments"; readonly count: number };

/** An item the source leaves out, with why. */
export interface SkippedItem {
  readonly key: string;
  readonly link?: string;
  readonly title?: string;
  readonly kind: string;
}

/** What a source read: its items, what it left out, and the host its files may be fetched from. */
export interface SourceRead {
  readonly items: readonly ImportItem[];
  readonly skipped: readonly SkippedItem[];
  /** The old site's origin (scheme, host, port); files elsewhere are not fetched. */
  readonly origin?: string;
  /** Every address fetched that failed, with why (a feed's later page). */
  readonly failures: readonly { readonly address: string; readonly reason: string }[];
}

/** `address` made absolute against `base`; undefined for one that is no address (an old site's typo must not stop an import). */
export function resolved(address: string | undefined, base: string): string | undefined {
  if (address === undefined || address.trim() === "") return undefined;
  try {
    return new URL(address.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** The origin (scheme, host, port) of a web address, or undefined. */
export const originOf = (address: string | undefined): string | undefined => {
  const url = resolved(address, "http://invalid/");
  return url !== undefined && /^https?:/i.test(address ?? "") ? new URL(url).origin : undefined;
};
