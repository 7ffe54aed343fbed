/** UI strings and formats, one object per language. */
export interface Strings {
  readonly locale: string;
  /** date-fns patterns. */
  readonly dateFormat: string;
  readonly timeFormat: string;
  readonly segments: { readonly departments: string; readonly page: string; readonly archive: string };
  readonly skipLink: string;
  readonly home: string;
  readonly departments: string;
  readonly archive: string;
  readonly releasesOf: (name: string) => string;
  readonly releasesIn: (year: number) => string;
  readonly pageOf: (page: number, total: number) => string;
  readonly newer: string;
  readonly older: string;
  readonly pagination: string;
  readonly mainNav: string;
  readonly published: string;
  readonly updated: string;
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
}

export const LANGUAGES = ["de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);
