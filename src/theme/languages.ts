/**
 * The stylesheet's part for a site with translations (site.yaml `languages:`): the language switcher, the note
 * on a translation, the mark of translated releases in listings, and the rules of the stylesheet that name a
 * side (left, right) said again with logical properties, so a right-to-left page mirrors. Appended only when the
 * site offers languages: a site without translations keeps its stylesheet byte for byte.
 */
import type { Site } from "../content/model.ts";

const CSS = `
/* Translations (site.yaml languages:): switcher, note, listings' mark; sides by logical properties for right to left. */
.language-switcher ul { list-style: none; margin: 0.75rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.language-switcher a { display: inline-block; padding: 0.25rem 0; }
.language-switcher a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.translation-note { margin: 0.75rem 0 0; padding: 0.5rem 0.75rem; background: var(--soft); border-inline-start: 5px solid var(--link); }
.item .also-in { margin-top: 0.25rem; }
.skip-link { left: auto; inset-inline-start: 0.5rem; }
.index, .downloads, .history ul { padding-left: 0; padding-inline-start: 1.2rem; }
.release-body th, .release-body td { text-align: start; }
.release-body blockquote { border-left: 0; border-inline-start: 5px solid var(--line); }
.contacts address { border-left: 0; border-inline-start: 5px solid var(--link); }
`;

export const languagesCss = (site: Site): string => (site.languages.length > 0 ? CSS : "");
