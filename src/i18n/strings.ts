/** UI strings and formats, one object per language. */
export interface Strings {
  readonly locale: string;
  /** date-fns patterns. */
  readonly dateFormat: string;
  readonly timeFormat: string;
  readonly segments: {
    readonly departments: string;
    readonly page: string;
    readonly archive: string;
    readonly contacts: string;
    readonly tags: string;
    readonly search: string;
  };
  readonly skipLink: string;
  /** The footer's links (site.yaml footer:), by kind. */
  readonly footer: { readonly imprint: string; readonly privacy: string; readonly accessibility: string; readonly contact: string };
  /** The footer's navigation, for screen readers. */
  readonly footerNav: string;
  /** Before the site's social accounts. */
  readonly social: string;
  readonly home: string;
  readonly departments: string;
  readonly archive: string;
  readonly releasesOf: (name: string) => string;
  readonly releasesIn: (year: number) => string;
  /** A listing page's number, in its title and below its list. */
  readonly pageOf: (page: number) => string;
  /** The pager's link to a listing's first page, its newest releases. */
  readonly newest: string;
  readonly newer: string;
  readonly older: string;
  readonly pagination: string;
  readonly mainNav: string;
  readonly published: string;
  readonly updated: string;
  /** "Aktualisiert am 28.11.2026, 09:00 Uhr" */
  readonly updatedOn: (date: string) => string;
  readonly changes: string;
  readonly firstPublished: string;
  /** The change list's entry for an update without a change note. */
  readonly updatedWithoutNote: string;
  /** Marks a withdrawn release: in the banner's heading, listings and feed titles. */
  readonly withdrawn: string;
  readonly withdrawnOn: (date: string) => string;
  readonly withdrawnReason: string;
  /** Banners of the local preview (never in a real build): a draft, an embargoed release and its time. */
  readonly previewDraft: string;
  readonly previewEmbargo: (dateTime: string) => string;
  /** The short mark of each in listings. */
  readonly previewDraftMark: string;
  readonly previewEmbargoMark: string;
  /** The preview's box of what check found in a release's file: its heading for `count` notes, a note's line, the hint's label. */
  readonly previewNotes: (count: number) => string;
  readonly previewNoteLine: (line: number) => string;
  readonly previewNoteHint: string;
  /** "Kontakt speichern (vCard)" */
  readonly saveContact: (name: string) => string;
  readonly contactsPage: string;
  readonly contactsIntro: string;
  readonly otherContacts: string;
  readonly releasesTagged: (tag: string) => string;
  readonly releasesInMonth: (month: string, year: number) => string;
  /** Month names, January first (not from Intl: its data differ between Node builds). */
  readonly months: readonly string[];
  readonly releasesOn: (date: string) => string;
  readonly search: {
    readonly title: string;
    readonly label: string;
    readonly button: string;
    readonly department: string;
    readonly year: string;
    readonly all: string;
    /** "{n}" is replaced in the browser. */
    readonly results: string;
    readonly oneResult: string;
    readonly noResults: string;
    readonly loading: string;
    readonly more: string;
    readonly failed: string;
    readonly needsScript: string;
    readonly fallback: (engine: string) => string;
  };
  readonly openData: string;
  readonly department: string;
  readonly departmentsPlural: string;
  readonly contact: string;
  readonly contacts: string;
  readonly phone: string;
  readonly email: string;
  readonly media: string;
  readonly photo: string;
  readonly downloadOriginal: string;
  /** "Originaldatei (JPEG, 1800 × 1200 px, 2,4 MB)": what a photo's download link says. */
  readonly originalFile: (details: string) => string;
  /** The media kit: its file name (without .zip), its link, and the text file inside it. */
  readonly kit: {
    readonly fileName: string;
    readonly link: (files: number, size: string) => string;
    readonly readmeName: string;
    readonly releaseOf: (date: string) => string;
    readonly files: string;
    readonly caption: string;
    readonly description: string;
    readonly source: string;
  };
  readonly download: string;
  readonly tags: string;
  readonly releaseCount: (n: number) => string;
  readonly noReleases: string;
  readonly redirectTitle: string;
  readonly redirectText: string;
  readonly notFoundTitle: string;
  readonly notFoundText: string;
  readonly backHome: string;
  readonly allDepartments: string;
  readonly years: string;
  readonly subscribe: string;
  readonly fileSize: (bytes: number) => string;
  /** The name of this language in itself, for the language switcher. */
  readonly languageName: string;
  /** The language switcher's label, for screen readers. */
  readonly languages: string;
  /** A translation's note: the text in the site's language (named in this one) is authoritative. */
  readonly translationNote: (original: Language) => string;
  /** The marks of a listed release that has translations, and the heading of a language's page. */
  readonly alsoIn: string;
  readonly releasesInLanguage: (name: string) => string;
}

export const LANGUAGES = ["de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);
