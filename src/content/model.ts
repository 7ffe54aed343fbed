/** The resolved content: plain data, free of any library or Eleventy type. */
import type { Language } from "../i18n/strings.ts";

export interface Site {
  readonly title: string;
  /** Absolute base address without a trailing slash. */
  readonly url: string;
  /** The path of that address ("" at the root, "/presse" below it): prefixed to every link. */
  readonly basePath: string;
  readonly language: Language;
  readonly timeZone: string;
  readonly description?: string;
  /** Where the search form sends a query when the browser runs no JavaScript. */
  readonly searchFallback?: SearchEngine;
  /** Where the browser editor (Decap CMS, admin/) saves releases in production; without it, no admin/ is built. */
  readonly editor?: EditorBackend;
  /** Logo, colour and the links every page's footer carries. */
  readonly theme: Theme;
  readonly limits: Limits;
  /** The mailing lists `pressroom notify` mails releases to (none: it sends nothing). */
  readonly distribution?: readonly MailingList[];
  /**
   * The languages releases may be translated into (site.yaml's `languages:`), in the order it lists them;
   * never the site's own language, the language of every original. Empty: the site has no translations.
   */
  readonly languages: readonly OfferedLanguage[];
  /** The name of the site's own language in itself, when `languages:` gives one. */
  readonly languageName?: string;
}

/** A language translations may be in: a BCP 47 tag in lower case (as in file names), its name in itself, its direction. */
export interface OfferedLanguage {
  readonly tag: string;
  readonly name: string;
  readonly direction: "ltr" | "rtl";
  /** Shown on each translation in it: whose text is authoritative (default: the interface's sentence). */
  readonly note?: string;
  /** The line of site.yaml that names it. */
  readonly line?: number;
}

/** A mailing list of site.yaml's `distribution:`: the list server holds the subscribers, pressroom only its address. */
export interface MailingList {
  readonly name: string;
  readonly address: string;
  readonly language: Language;
  /** Only releases of these departments (ids) or with these tags; both empty: every release. */
  readonly departments: readonly string[];
  readonly tags: readonly string[];
  /** Embargoed releases are sent ahead, `embargoLead` milliseconds before their time. */
  readonly embargoCopies: boolean;
  readonly embargoLead: number;
  /** Where a reader leaves the list (a mailto: or https: address), for List-Unsubscribe. */
  readonly unsubscribe?: string;
  /** The line of site.yaml that starts the entry. */
  readonly line?: number;
}

/** The largest release file and text (after the front matter) read, in bytes of UTF-8. */
export interface Limits {
  readonly releaseFile: number;
  readonly body: number;
}

/** Generous: a long release is 20 KB, a migrated one with big tables 300 KB. */
export const DEFAULT_LIMITS: Limits = { releaseFile: 2 * 1024 * 1024, body: 1024 * 1024 };

/** The legal and service links of the footer, in the order they are shown. */
export const FOOTER_LINKS = ["imprint", "privacy", "accessibility", "contact"] as const;
export type FooterLinkKind = (typeof FOOTER_LINKS)[number];

export interface Theme {
  /** The main colour as #rrggbb, with AA contrast against white. */
  readonly color?: string;
  /** The logo file, relative to the content folder (SVG or PNG), and the line of site.yaml naming it. */
  readonly logo?: { readonly file: string; readonly line?: number };
  readonly footer: readonly { readonly kind: FooterLinkKind; readonly url: string }[];
  /** The site's accounts elsewhere, in the order site.yaml lists them. */
  readonly social: readonly { readonly name: string; readonly url: string }[];
}

/** A git host the browser editor commits to. */
export interface EditorBackend {
  readonly backend: "github" | "gitlab";
  /** owner/name */
  readonly repo: string;
  readonly branch: string;
  /** An OAuth provider's address (GitHub: a small proxy the city runs; GitLab: the GitLab server). */
  readonly baseUrl?: string;
  /** The host's API (GitHub Enterprise, a GitLab of the city's own): default api.github.com or gitlab.com's. */
  readonly apiRoot?: string;
  readonly authEndpoint?: string;
  /** GitLab's OAuth application id (PKCE). */
  readonly appId?: string;
}

/** A web search engine, restricted to the site by one of its parameters. */
export interface SearchEngine {
  readonly name: string;
  /** The form's action (https). */
  readonly url: string;
  /** The parameter of the query. */
  readonly query: string;
  /** The parameter that restricts results to a site; its value is the site's host and path. */
  readonly site: string;
}

export interface Contact {
  readonly id?: string;
  readonly name: string;
  readonly role?: string;
  /** As written by the press officer. */
  readonly phone?: string;
  /** The tel: address: digits and a leading + only. */
  readonly phoneHref?: string;
  readonly email?: string;
}

export interface Department {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly contactIds: readonly string[];
}

/** What reading an image told: filled in by the media probe. */
export interface ImageFacts {
  /** Upright size (EXIF orientation applied). */
  readonly width: number;
  readonly height: number;
  /** sha256 of the file's bytes, hex: the key of everything derived from it. */
  readonly hash: string;
  /** The format inside the file: jpeg, png, webp, gif, heif, tiff. */
  readonly format: string;
  readonly hasAlpha: boolean;
  /** More than one frame (an animated GIF or WebP): shown as it is. */
  readonly animated: boolean;
  /** From the file's EXIF, kept in the web versions when the release names no credit. */
  readonly copyright?: string;
  readonly artist?: string;
}

export interface MediaImage {
  readonly kind: "image";
  /** Absolute path of the original. */
  readonly source: string;
  /** As written in front matter, or in the body. */
  readonly file: string;
  /** Published file name, next to the release page; the media probe corrects an ending that lies about the format. */
  name: string;
  /** Where it is written: its line, and its field (media.0.file, or body). */
  readonly line?: number;
  readonly field: string;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
  /** Listed under `media` (shown in the media section), placed in the body, or both. */
  readonly listed: boolean;
  /** The addresses the body gives it (as markdown-it reads them); empty when it is not in the body. */
  readonly bodySources: readonly string[];
  /** Filled in by the media probe. */
  bytes?: number;
  facts?: ImageFacts;
}

export interface MediaDownload {
  readonly kind: "file";
  readonly source: string;
  readonly file: string;
  readonly name: string;
  readonly line?: number;
  readonly field: string;
  readonly title: string;
  bytes?: number;
}

export type Media = MediaImage | MediaDownload;

export interface Alias {
  /** Normalized, starting with /. */
  readonly path: string;
  /** Where it is written in the release file. */
  readonly line?: number;
  readonly field: string;
}

export interface Withdrawal {
  /** Milliseconds since the epoch. */
  readonly date: number;
  readonly hasTime: boolean;
  readonly reason: string;
}

export interface Release {
  /** Path relative to the content folder, with forward slashes. */
  readonly file: string;
  readonly url: string;
  readonly title: string;
  readonly subtitle?: string;
  /** Milliseconds since the epoch. */
  readonly date: number;
  readonly hasTime: boolean;
  readonly year: number;
  readonly updated?: number;
  readonly updatedHasTime?: boolean;
  /** What changed at `updated`, in a sentence. */
  readonly changeNote?: string;
  /** Taken back: the page stays, with the reason; listings and search leave it out from `date` on. */
  readonly withdrawn?: Withdrawal;
  readonly departments: readonly Department[];
  readonly contacts: readonly Contact[];
  readonly media: readonly Media[];
  readonly tags: readonly string[];
  readonly draft: boolean;
  /** Old addresses that redirect here. */
  readonly aliases: readonly Alias[];
  /** Markdown source of the body. */
  readonly body: string;
  /** `notify: correction`: the update is mailed to the lists as a correction. */
  readonly notifyCorrection?: boolean;
}

/**
 * A release in another language: a file beside the original (index.en.md beside index.md). Only its
 * texts are its own; date, departments, contacts, photos, tags, embargo and withdrawal are the original's.
 */
export interface Translation {
  /** Path relative to the content folder, with forward slashes. */
  readonly file: string;
  /** The original's file (Release.file). */
  readonly original: string;
  /** The language: a tag of site.yaml's `languages:`, in lower case. */
  readonly language: string;
  readonly title: string;
  readonly subtitle?: string;
  /** When the translation was last brought in line with the original, milliseconds since the epoch. */
  readonly translated?: number;
  /** Keeps just this translation unpublished. */
  readonly draft: boolean;
  /** Alt texts and captions of the original's photos, by their `file` as the original writes it. */
  readonly media: readonly TranslatedMedia[];
  /** Markdown source of the translated text. */
  readonly body: string;
  /** The original's photos its text shows: each address as written, and the photo's `file`. */
  readonly bodyImages: readonly { readonly src: string; readonly file: string }[];
}

export interface TranslatedMedia {
  readonly file: string;
  readonly alt?: string;
  readonly caption?: string;
}

export interface ContentModel {
  readonly site: Site;
  readonly departments: ReadonlyMap<string, Department>;
  readonly contacts: ReadonlyMap<string, Contact>;
  /** Every valid release, published or not. */
  readonly releases: readonly Release[];
  /** Every valid translation of a valid release, published or not (none: the site has no translation files). */
  readonly translations?: readonly Translation[];
}
