/**
 * Every problem pressroom can report about content, in one place.
 *
 * Each entry says what happened (title, message) and what to do (hint). The
 * `code` of an entry is part of the product: scripts and CI logs match on it,
 * so an entry is never renamed once shipped, only added.
 */
import { impossibleDate, likelyMeant, type ImpossibleDate } from "./date-mistakes.ts";
import { quoted, type YamlMistake } from "./yaml-mistakes.ts";

export interface CatalogEntry<P> {
  readonly title: string;
  readonly message: (params: P) => string;
  readonly hint: (params: P) => string;
}

const entry = <P>(e: CatalogEntry<P>): CatalogEntry<P> => e;

const quoteList = (items: readonly string[]): string => items.map((i) => `"${i}"`).join(", ");

const didYouMean = (suggestions: readonly string[], known: readonly string[], what: string): string => {
  if (suggestions.length > 0) return `Did you mean ${quoteList(suggestions)}?`;
  if (known.length === 0) return `No ${what} is defined yet.`;
  if (known.length <= 12) return `Known ${what}: ${quoteList(known)}.`;
  return `Check the spelling against the ${what} file.`;
};

/** What an imported item's status on the old site says (import-draft). */
const ENGLISH_STATUS: Readonly<Record<string, string>> = { draft: "a draft", future: "scheduled", private: "private", pending: "pending review", "password-protected": "password-protected" };

/** "Tobias Brandhorst" rather than an id: a space or a capital letter. */
export const looksLikeName = (id: string): boolean => /\s|\p{Lu}/u.test(id);

export const catalog = {
  "file-unreadable": entry<{ reason: string }>({
    title: "File cannot be read",
    message: (p) => `The file cannot be read: ${p.reason}.`,
    hint: () => 'Save the file as text in UTF-8 encoding (most editors offer "UTF-8" when saving).',
  }),
  "missing-file": entry<{ file: string }>({
    title: "Required file missing",
    message: (p) => `The content folder has no ${p.file}.`,
    hint: (p) => `Create ${p.file} in the content folder; the example site in content/ shows its format.`,
  }),
  "content-folder-missing": entry<{ dir: string }>({
    title: "Content folder not found",
    message: (p) => `There is no content folder at ${p.dir}.`,
    hint: () => "Pass the folder that holds site.yaml with --content DIR.",
  }),
  // `mistake` names a mistake the parser recognised, so that a report in German can say it too (yaml-mistakes.ts);
  // `file`: the settings file (site.yaml …) the YAML is, none for a release's front matter.
  "yaml-syntax": entry<{ detail: string; hint?: string; mistake?: YamlMistake; file?: string }>({
    title: "Broken YAML",
    message: (p) => `${p.file === undefined ? "The front matter" : p.file} cannot be read: ${p.detail}.`,
    hint: (p) =>
      p.hint ??
      "Check indentation (spaces, not tabs) and put text containing a colon or # in double quotes, " +
      'e.g. title: "Bürgermeisterin: Wir bauen".',
  }),
  "yaml-tag": entry<{ tag: string }>({
    title: "YAML tag not allowed",
    message: (p) => `The YAML tag ${p.tag} is not allowed.`,
    hint: () => "Content is plain data: remove the tag starting with ! and write the value as text.",
  }),
  "no-front-matter": entry<Record<string, never>>({
    title: "Front matter missing",
    message: () => "The release has no front matter.",
    hint: () =>
      "The very first line of the file must be --- (nothing before it, not even an empty line), " +
      "followed by title:, date: and department:, and another line ---.",
  }),
  "front-matter-not-yaml": entry<{ language: string }>({
    title: "Front matter must be YAML",
    message: (p) => `The front matter is marked as "${p.language}"; only YAML front matter is accepted.`,
    hint: () => "Start the file with a plain --- line (nothing after the dashes) and write the fields in YAML.",
  }),
  "not-a-mapping": entry<{ what: string }>({
    title: "Expected a list of fields",
    message: (p) => `${p.what} must be a set of "name: value" lines.`,
    hint: () => 'Write one "name: value" per line, e.g. title: Radwege am Ring werden breiter.',
  }),
  "missing-field": entry<{ field: string; name?: string }>({
    title: "Required field missing",
    message: (p) => `The required field "${p.field}" is missing.`,
    hint: (p) =>
      p.name !== undefined && p.name !== p.field
        ? `Add a line "${p.name}: …" to that entry (${p.field.split(".").slice(0, -1).join(".")}).`
        : `Add a line "${p.field}: …".`,
  }),
  // `written`: a value starting with # that YAML took for a comment (title: #Musterstadt räumt auf).
  "empty-field": entry<{ field: string; written?: string }>({
    title: "Field is empty",
    message: (p) => `The field "${p.field}" is empty.`,
    hint: (p) =>
      p.written !== undefined
        ? `A value that starts with # needs quotes (without them, # starts a comment, which is not read): ${p.field.split(".").pop()}: ${quoted(p.written)}`
        : `Write a value after "${p.field}:" or remove the line.`,
  }),
  "wrong-type": entry<{ field: string; expected: string }>({
    title: "Field has the wrong form",
    message: (p) => `The field "${p.field}" must be ${p.expected}.`,
    hint: (p) => `Rewrite "${p.field}" as ${p.expected}; the example site in content/ shows each field.`,
  }),
  "unknown-field": entry<{ field: string; suggestions: string[]; known: string[] }>({
    title: "Unknown field",
    message: (p) => `The field "${p.field}" is not known.`,
    hint: (p) => didYouMean(p.suggestions, p.known, "fields"),
  }),
  "invalid-value": entry<{ field: string; value: string; expected: string }>({
    title: "Invalid value",
    message: (p) => `"${p.value}" is not a valid value for "${p.field}".`,
    hint: (p) => `Use ${p.expected}.`,
  }),
  "invalid-date": entry<{ field: string; value: string }>({
    title: "Invalid date",
    message: (p) => `"${p.value}" in "${p.field}" is not a valid date.`,
    hint: (p) => {
      const meant = likelyMeant(p.value);
      return (
        (meant ? `Probably meant: ${p.field}: ${meant}. ` : "") +
        "Write the date as YYYY-MM-DD (2026-11-27), with a time as YYYY-MM-DD HH:MM (2026-11-27 10:30), " +
        "or in full ISO 8601 with an offset (2026-11-27T10:30:00+01:00)."
      );
    },
  }),
  // `why`: which part does not exist (content/dates.ts); `pressroom new` says it with the same words.
  "impossible-date": entry<{ field: string; value: string; why?: ImpossibleDate }>({
    title: "Date does not exist",
    message: (p) => `"${p.value}" in "${p.field}" is not a day or time that exists${p.why ? `: ${impossibleDate(p.why, "en")}` : ""}.`,
    hint: () => "Check day and month (e.g. there is no 30 February) and the time (00:00 to 23:59).",
  }),
  "updated-before-date": entry<{ updated: string; date: string }>({
    title: "Update before publication",
    message: (p) => `The release is marked as updated on ${p.updated}, before its date ${p.date}.`,
    hint: () => "Check both dates: updated: is when a published release was changed, so it comes after date:.",
  }),
  "change-note-without-updated": entry<Record<string, never>>({
    title: "Change note without a date",
    message: () => "change_note: says what changed, but updated: does not say when.",
    hint: () => "Add updated: with the date and time of the change (e.g. updated: 2026-11-28 09:00), or remove change_note:.",
  }),
  "withdrawn-before-date": entry<{ withdrawn: string; date: string }>({
    title: "Withdrawn before publication",
    message: (p) => `The release is withdrawn on ${p.withdrawn}, before its date ${p.date}.`,
    hint: () => "Check both dates: withdrawn: date: is when a published release was taken back. To keep a release from ever appearing, use draft: true instead.",
  }),
  "invalid-timezone": entry<{ value: string }>({
    title: "Unknown time zone",
    message: (p) => `"${p.value}" is not a known time zone.`,
    hint: () => 'Use an IANA time zone name such as "Europe/Berlin".',
  }),
  "bidi-control": entry<{ character: string }>({
    title: "Text direction control",
    message: (p) => `Here stands ${p.character}, which changes the direction text is shown in: what readers see is not what is written (e.g. "Unterlagen exe.pdf" for a file ending in .exe).`,
    hint: () => "Delete the character: place the cursor after the spot and press Backspace until the text around it changes, then type it again. Titles, names and file names never need one.",
  }),
  // `character` is the code point and its name: "U+001B ESCAPE".
  "control-character": entry<{ character: string }>({
    title: "Control character in a value",
    message: (p) => `A value here holds ${p.character}, a control character that no page, feed or contact card can show.`,
    hint: () =>
      'It is written between double quotes as an escape (\\e, \\a, \\0, \\x1b, \\u001b, \\x85 …) or came along with copied text: delete it. ' +
      "For a line break in a long text, write the value as a block (reason: | and the text indented below).",
  }),
  "zero-width": entry<{ character: string }>({
    title: "Invisible character",
    message: (p) =>
      `Here stands ${p.character}, a character without width: the text looks the same as without it, but is not ` +
      "(a search does not find the word, a name or a file name with it is another one).",
    hint: () =>
      "Delete the character: place the cursor after the spot and press Backspace until the text around it changes, then type it again. " +
      "Such characters come along when text is copied from Word, an e-mail or a web page.",
  }),
  "release-too-large": entry<{ size: string; limit: string }>({
    title: "Release file too large",
    message: (p) => `This release file has ${p.size}; a release file may have at most ${p.limit}, so it was not read.`,
    hint: () =>
      "Photos and documents belong beside the text as files of their own (listed under media:), never pasted into it. " +
      "If the text really is this long, raise the limit in site.yaml (limits: release_file: 5 MB).",
  }),
  "body-too-large": entry<{ size: string; limit: string }>({
    title: "Text too long",
    message: (p) => `The text of this release has ${p.size}; a text may have at most ${p.limit}.`,
    hint: () =>
      "Split it into several releases, or put long material (a report, a table) beside it as a PDF under media:. " +
      "If the text really is this long, raise the limit in site.yaml (limits: body: 2 MB).",
  }),
  "body-too-deep": entry<{ limit: number }>({
    title: "Text nested too deeply",
    message: (p) =>
      `From this line on, quotations or lists are nested more than ${p.limit} levels deep; Markdown cannot show that, and the text from here on would be missing from the page.`,
    hint: () => "Remove the > signs or the indentation at the start of these lines: a quotation within a quotation rarely needs more than two levels.",
  }),
  "symlink": entry<{ target?: string }>({
    title: "Symbolic link in the content folder",
    message: (p) =>
      p.target !== undefined
        ? `This is a symbolic link to "${p.target}"; pressroom does not follow links, so it is not read or published.`
        : "This is a symbolic link to a place outside the content folder; pressroom does not follow links, so it is not read or published.",
    hint: () => "Put the file or folder itself here (copy it instead of linking it), or remove the link.",
  }),
  "low-contrast": entry<{ value: string; ratio: string; suggestion: string; suggestionRatio: string }>({
    title: "Colour too light",
    message: (p) => `The colour ${p.value} has a contrast of ${p.ratio} against white; links and white text on it need at least 4.5:1 (WCAG 2.1 AA).`,
    hint: (p) => `Use a darker shade, e.g. color: "${p.suggestion}" (${p.suggestionRatio}), or ask your corporate design office for the accessible variant of the colour.`,
  }),
  "missing-legal-link": entry<{ kind: string }>({
    title: "Legal link missing",
    message: (p) =>
      p.kind === "imprint"
        ? "The site has no link to its Impressum (legal notice); German law requires it on every page."
        : "The site has no link to its privacy notice (Datenschutzerklärung); German law requires it on every page.",
    hint: (p) => `Add an indented line such as "${p.kind}: https://www.musterstadt.de/${p.kind === "imprint" ? "impressum" : "datenschutz"}" under footer: in site.yaml.`,
  }),
  "logo-missing": entry<{ file: string; candidates: string[] }>({
    title: "Logo not found",
    message: (p) => `The logo "${p.file}" is not a file in the content folder.`,
    hint: (p) =>
      p.candidates.length > 0
        ? `Files there: ${quoteList(p.candidates)}. Names are case-sensitive.`
        : "Put the logo (SVG or PNG) into the content folder and give its name relative to it, e.g. logo: logo.svg",
  }),
  "logo-unreadable": entry<{ file: string; reason: string }>({
    title: "Logo cannot be used",
    message: (p) => `The logo "${p.file}" cannot be used: ${p.reason}.`,
    hint: () => "Export the logo again as a plain SVG (no scripts, links or embedded web content) or as a PNG, at most 1 MB.",
  }),
  "layout-unknown": entry<{ name: string; suggestions: string[]; known: string[] }>({
    title: "Unknown template",
    message: (p) => `layouts/${p.name} does not replace any of pressroom's templates.`,
    hint: (p) => didYouMean(p.suggestions, p.known, "templates"),
  }),
  "layout-unsafe": entry<{ name: string; what: string; why?: "escape" | "code" | "unknown" | "script" | "circle" }>({
    title: "Template uses what templates may not",
    message: (p) =>
      p.why === "code"
        ? `layouts/${p.name} uses ${p.what}, which could run code or read files during the build.`
        : p.why === "unknown"
          ? `layouts/${p.name} uses ${p.what}, which is not among what templates may use.`
          : p.why === "script"
            ? `layouts/${p.name} writes ${p.what} into its markup, which would run script or show another page in every page.`
            : p.why === "circle"
              ? `layouts/${p.name} brings itself in again through the templates it includes or extends (${p.what}): the build would never end.`
            : `layouts/${p.name} uses ${p.what}, which would put text from content files into the page unescaped.`,
    hint: (p) =>
      p.why === "circle"
        ? "Include or extend each template only from the templates above it, as pressroom's own do: a page extends base.njk, base.njk includes none of the pages."
        : p.why === "script"
        ? "A template's markup may hold pressroom's own two scripts (the structured data and the search page's module) and no other; links lead to web addresses. A script of the site's own goes into a file, with the security policy extended (docs/theming.md)."
        : p.why === "code" || p.why === "unknown"
        ? 'A template may print values ({{ release.title }}), use if, for, set, block and macro, the filters listed in docs/theming.md, and include, import or extend pressroom\'s templates by their name in quotes ("pages/release.njk"). Names are letters, digits and _ only.'
        : "Templates may mark as safe only what pressroom made safe: release.bodyHtml, image.html, item.thumbnail and release.sharing.jsonLd, as {{ value | safe }}. Print everything else as {{ value }}; it is escaped for you.",
  }),
  "layout-broken": entry<{ name: string; detail: string }>({
    title: "Template cannot be read",
    message: (p) => `layouts/${p.name} is not a valid Nunjucks template: ${p.detail}.`,
    hint: () => "Compare it with the template of the same name in pressroom's layouts/_includes/ folder; docs/theming.md explains overrides.",
  }),
  "invalid-url": entry<{ field: string; value: string }>({
    title: "Invalid address",
    message: (p) => `"${p.value}" in "${p.field}" is not an absolute http(s) address.`,
    hint: () => "Write the full address of the site, e.g. https://presse.musterstadt.de",
  }),
  "invalid-id": entry<{ what: string; id: string }>({
    title: "Invalid id",
    message: (p) => `The ${p.what} id "${p.id}" contains characters that cannot be used.`,
    hint: () => "Use lowercase letters a–z and digits, words joined by single hyphens, e.g. tiefbauamt or presse-amt.",
  }),
  "translation-without-original": entry<{ language: string; original: string }>({
    title: "Translation without an original",
    message: (p) => `This file is a translation (language "${p.language}"), but there is no original "${p.original}" beside it.`,
    hint: (p) => `A translation lies beside the release it translates and is named like it, with the language before .md: ${p.original} → its translation. Rename the file, or put it beside its original.`,
  }),
  "translation-unknown-language": entry<{ language: string; known: string[] }>({
    title: "Language not offered",
    message: (p) => `This translation is in "${p.language}", a language site.yaml does not offer translations in.`,
    hint: (p) =>
      p.known.length > 0
        ? `Use one of the languages of site.yaml's languages: (${quoteList(p.known)}) in the file name, or add "${p.language}" there with its name.`
        : `Add languages: to site.yaml with "${p.language}" and its name in itself, e.g. languages: { ${p.language}: { name: … } }.`,
  }),
  "translation-field": entry<{ field: string }>({
    title: "Field a translation may not set",
    message: (p) => `A translation may not set "${p.field}": it comes from the original.`,
    hint: () => "Remove the line. A translation sets only title, subtitle, translated, draft and media (alt and caption of the original's photos), and its text.",
  }),
  "translation-media-unknown": entry<{ name: string; known: string[] }>({
    title: "Photo or file the original does not have",
    message: (p) => `The original has no photo or file "${p.name}".`,
    hint: (p) =>
      p.known.length > 0
        ? `Name one of the original's media files (${quoteList(p.known)}); a translation only gives their alt text and caption.`
        : "The original lists no media; remove the entry.",
  }),
  "translation-duplicate": entry<{ language: string; other: string }>({
    title: "Two translations into the same language",
    message: (p) => `The release has a second translation into "${p.language}": ${p.other}.`,
    hint: () => "Keep one of the two files and delete the other.",
  }),
  "unknown-department": entry<{ id: string; suggestions: string[]; known: string[] }>({
    title: "Unknown department",
    message: (p) => `The department "${p.id}" is not defined in departments.yaml.`,
    hint: (p) => didYouMean(p.suggestions, p.known, "departments"),
  }),
  "unknown-contact": entry<{ id: string; suggestions: string[]; known: string[] }>({
    title: "Unknown contact",
    message: (p) => `The contact "${p.id}" is not defined in contacts.yaml.`,
    hint: (p) =>
      didYouMean(p.suggestions, p.known, "contacts") +
      (looksLikeName(p.id) ? " Write the contact's id from contacts.yaml (the word before its colon), not the person's name." : ""),
  }),
  "no-contact": entry<{ departments: string[] }>({
    title: "No press contact",
    message: (p) => `The release names no contact, and its department ${quoteList(p.departments)} has no default contact.`,
    hint: () => 'Add "contact: <id>" to the release, or a default "contact:" to the department in departments.yaml.',
  }),
  "invalid-email": entry<{ value: string }>({
    title: "Invalid e-mail address",
    message: (p) => `"${p.value}" is not an e-mail address.`,
    hint: () => "Write the address as name@example.org.",
  }),
  "invalid-phone": entry<{ value: string }>({
    title: "Invalid phone number",
    message: (p) => `"${p.value}" is not a phone number.`,
    hint: () => "Write digits with optional spaces, hyphens, slashes or a leading +, e.g. 0251 492-6609.",
  }),
  // `suggestions`: files of the folder whose names differ from the one written only in case or by a letter or two.
  "media-missing": entry<{ file: string; suggestions?: string[] }>({
    title: "Media file not found",
    message: (p) => `The media file "${p.file}" does not exist.`,
    hint: (p) =>
      p.suggestions !== undefined && p.suggestions.length > 0
        ? `Did you mean ${quoteList(p.suggestions)}? Capital and small letters count: write the name exactly as the file's.`
        : "The path is relative to the release's Markdown file; check spelling and capital letters, " +
          "and that the file was committed.",
  }),
  // `name`: the file name the address ends in; `beside`: a photo of that name is in the release's folder.
  "image-site-absolute": entry<{ src: string; name: string; beside: boolean }>({
    title: "Image address of the old site",
    message: (p) =>
      `The image "${p.src}" in the text is an address on the site, not a file of this release; nothing is published there, so the page would show a broken image.`,
    hint: (p) =>
      p.beside
        ? `"${p.name}" is in the release's folder: write its name instead of the address, e.g. ![Description of the photo](${p.name}).`
        : `Save the image into the release's folder and write its name instead of the address, e.g. ![Description of the photo](${p.name}).`,
  }),
  "media-outside": entry<{ file: string }>({
    title: "Media file outside the release's folder",
    message: (p) => `The media file "${p.file}" is not in the folder of this release.`,
    hint: () =>
      "Copy the file next to the release's Markdown file (or into a folder below it) and name it " +
      "without ../, a leading / or a leading dot.",
  }),
  "media-type": entry<{ file: string; extension: string }>({
    title: "File type not allowed",
    message: (p) =>
      p.extension
        ? `The media file "${p.file}" is of a type (.${p.extension}) that is not published.`
        : `The media file "${p.file}" has no file extension.`,
    hint: () =>
      "Use photos as JPEG, PNG, WebP, GIF or AVIF and documents as PDF, office files, TIFF or ZIP. " +
      "Web pages, SVG graphics and scripts cannot be attached.",
  }),
  "media-alt-missing": entry<{ file: string }>({
    title: "Image without alternative text",
    message: (p) => `The image "${p.file}" has no "alt" text.`,
    hint: () =>
      "Add alt: with a short description of what the image shows, for people who cannot see it " +
      "(e.g. alt: Bagger auf dem Radweg am Ring).",
  }),
  "media-unreadable": entry<{ file: string; reason: string }>({
    title: "Image cannot be read",
    message: (p) => `The image "${p.file}" cannot be read: ${p.reason}.`,
    hint: () => "Export the image again as JPEG or PNG and replace the file.",
  }),
  "media-too-large": entry<{ file: string; size: string; limit: string }>({
    title: "Media file too large",
    message: (p) => `The media file "${p.file}" has ${p.size}; a file may have at most ${p.limit}.`,
    hint: () =>
      "Export a smaller version (for a photo, a JPEG at quality 90 is ample for print) and replace the file. " +
      "Very large files such as videos belong on a video platform, linked from the text.",
  }),
  "image-too-many-pixels": entry<{ file: string; width: number; height: number; limit: string }>({
    title: "Image too large to read",
    message: (p) =>
      `The image "${p.file}" has ${p.width} × ${p.height} pixels; pressroom reads images of at most ${p.limit}.`,
    hint: () =>
      "Export the photo at a smaller size and replace the file: 6000 × 4000 pixels (24 megapixels) is ample for print.",
  }),
  "media-format-mismatch": entry<{ file: string; actual: string; extension: string; suggested: string; promised: string }>({
    title: "File name does not match the image format",
    message: (p) => `The file "${p.file}" is a ${p.actual} image, but its name ends in .${p.extension}.`,
    hint: (p) =>
      `Rename the file to end in .${p.suggested} and change its name in the release too, ` +
      `or export it again as ${p.promised}. Downloads with a wrong ending do not open for everyone.`,
  }),
  "media-duplicate": entry<{ file: string; other: string }>({
    title: "Two media files with one name",
    message: (p) => `The media files "${p.file}" and "${p.other}" would be published under the same name.`,
    hint: () => "Rename one of the files.",
  }),
  "duplicate-url": entry<{ url: string; other: string }>({
    title: "Two releases on one address",
    message: (p) => `This release and ${p.other} would both be published at ${p.url}.`,
    hint: () => "Rename one of the two files: the address comes from the date and the file name.",
  }),
  "invalid-alias": entry<{ value: string; reason: string }>({
    title: "Invalid old address",
    message: (p) => `The alias "${p.value}" cannot be used: ${p.reason}.`,
    hint: () => "Write the old address as a path starting with /, e.g. /presse/archiv/12345.html.",
  }),
  "duplicate-alias": entry<{ value: string; other: string }>({
    title: "Old address used twice",
    message: (p) => `The alias "${p.value}" is also claimed by ${p.other}.`,
    hint: () => "An old address can redirect to one release only: remove it from one of the two.",
  }),
  "alias-conflict": entry<{ value: string }>({
    title: "Old address taken by a page",
    message: (p) => `The alias "${p.value}" is the address of a page pressroom generates.`,
    hint: () => "Remove the alias: the address already shows a page.",
  }),
  "alias-reserved": entry<{ value: string; name: string }>({
    title: "Old address with a reserved name",
    message: (p) =>
      `The alias "${p.value}" would be written as a file named ${p.name}, a name reserved for the list of files that pressroom deploy reads.`,
    hint: (p) =>
      `Remove the alias: a redirect cannot bear that name. Every site pressroom publishes has its ${p.name}, ` +
      "and one in a folder would make the folder look like another site to the deploy.",
  }),
  // pressroom import: problems with the source as a whole (`file`: the source or the mapping file as given).
  "import-source-unreadable": entry<{ source: string; reason: string }>({
    title: "Source cannot be read",
    message: (p) => `The source "${p.source}" cannot be read: ${p.reason}.`,
    hint: () => "Check the file name or the address (open it in a browser); an address must start with http:// or https://.",
  }),
  "import-source-unknown": entry<{ source: string }>({
    title: "Kind of source not recognised",
    message: (p) => `"${p.source}" is neither a WordPress export, an RSS or Atom feed, nor a folder or list of HTML pages.`,
    hint: () => "Name the kind with --from wordpress, --from feed or --from html (HTML pages also need --map FILE).",
  }),
  "import-map-invalid": entry<{ detail: string }>({
    title: "Mapping file cannot be used",
    message: (p) => `The mapping file cannot be used: ${p.detail}.`,
    hint: () => "Compare it with the example in docs/import.md: selectors are CSS selectors in quotes, departments are ids of departments.yaml.",
  }),
  "import-department-unknown": entry<{ id: string; known: string[] }>({
    title: "Unknown department for the import",
    message: (p) => `The department "${p.id}" is not in departments.yaml.`,
    hint: (p) => `Name one of the ids of departments.yaml${p.known.length > 0 ? ` (${quoteList(p.known)})` : ""}, or add the department there first.`,
  }),
} as const;

/**
 * Things worth fixing that must not stop a build: a migrated archive has
 * thousands of them. Shown by `check` and `build`, with location and hint.
 */
export const warnings = {
  "translation-outdated": entry<{ updated: string; translated?: string }>({
    title: "The original changed after this translation",
    message: (p) =>
      `The original changed after this translation: it was updated at ${p.updated}, ` +
      (p.translated === undefined ? "and the translation has no translated: date." : `the translation was last brought in line at ${p.translated}.`),
    hint: () => "Bring the translation in line with the original, then set translated: to the date and time of that work (translated: 2026-11-28 10:00).",
  }),
  "image-alt-missing-inline": entry<{ src: string; html: boolean }>({
    title: "Image in the text without alternative text",
    message: (p) => `The image "${p.src}" in the text has no alternative text; the page shows it with alt="".`,
    hint: (p) =>
      (p.html
        ? 'Describe what the image shows in an alt attribute, e.g. <img src="foto.jpg" alt="Bagger auf dem Radweg am Ring">, '
        : "Describe what the image shows between the square brackets, e.g. ![Bagger auf dem Radweg am Ring](foto.jpg), ") +
      "so that people who cannot see it learn what it shows.",
  }),
  "image-external": entry<{ src: string }>({
    title: "Image from another website",
    message: (p) => `The image "${p.src}" is on another website; the page shows a link to it instead of the image.`,
    hint: () =>
      "Loading it would tell that website who reads the release, and the site's security policy refuses it. " +
      "Save the image into the release's folder and place it from there, e.g. ![Bagger auf dem Radweg am Ring](foto.jpg).",
  }),
  "link-removed": entry<{ address: string }>({
    title: "Link address not allowed",
    message: (p) => `The address "${p.address}" is not a web, e-mail or telephone address; the page shows the link's text without the link.`,
    hint: () =>
      "A link may lead to https://, http://, mailto: or tel: addresses, or to a page or file of this site. " +
      "If the address was copied, copy it again from the browser's address bar (invisible characters may have come along).",
  }),
  "media-format-renamed": entry<{ file: string; actual: string; extension: string; suggested: string; promised: string; published: string }>({
    title: "File name does not match the image format",
    message: (p) =>
      `The file "${p.file}" is a ${p.actual} image, but its name ends in .${p.extension}; ` +
      `its web versions are made from the picture, and the original is published as "${p.published}".`,
    hint: (p) => `Rename the file to end in .${p.suggested} and change its name in the release too, so that the names agree.`,
  }),
  "image-cmyk": entry<{ file: string }>({
    title: "Photo in print colours (CMYK)",
    message: (p) =>
      `The photo "${p.file}" is stored in CMYK print colours; its web versions are converted to screen colours (sRGB).`,
    hint: () =>
      "Look at the photo on the page. If its colours look wrong, add an sRGB JPEG of it for the web; " +
      "the CMYK file stays available as the original for print.",
  }),
  // `character` is the code point and its Unicode name: "U+200B ZERO WIDTH SPACE".
  "invisible-character": entry<{ character: string; count: number; treatment: "removed" | "line-break" | "paragraph-break" }>({
    title: "Invisible character in the text",
    message: (p) =>
      `This line has ${p.count === 1 ? "an invisible character" : `${p.count} invisible characters`}, ${p.character}; ` +
      (p.treatment === "removed"
        ? `the page leaves ${p.count === 1 ? "it" : "them"} out.`
        : p.treatment === "line-break"
          ? "the page shows a line break instead."
          : "the page starts a new paragraph instead."),
    hint: () =>
      "Such characters come along when text is copied from Word, an e-mail or a web page. Delete it at the marked place " +
      "(the cursor seems to stand still there for one press of an arrow key), or type the words around it again.",
  }),
  "invisible-character-field": entry<{ field: string; character: string; count: number }>({
    title: "Invisible character in a field",
    message: (p) =>
      `The ${p.field} has ${p.count === 1 ? "an invisible character" : `${p.count} invisible characters`}, ${p.character}; ` +
      `the page, the feeds and the search leave ${p.count === 1 ? "it" : "them"} out.`,
    hint: (p) =>
      `Type the ${p.field} again, or delete the character (it often sits at the start, at the end or between two words). ` +
      "Such characters come along when text is copied from Word, an e-mail or a web page.",
  }),
  "pasted-list-unclear": entry<{ marker: string; lines: number }>({
    title: "Lines that look like a list",
    message: (p) =>
      p.lines === 1
        ? `This line, next to a list, starts with "${p.marker}" and a space, as the items of a list copied from Word do; ` +
          "the page shows it as ordinary text."
        : `This line and the next ${p.lines === 2 ? "one" : p.lines - 1} start with "${p.marker}" and a space, ` +
          "as the items of a list copied from Word do; the page shows them as ordinary text.",
    hint: () => 'If they are items of a list, start each with "- " (a hyphen and a space). If not, join the lines into one.',
  }),
  // `suggestion` is the whole line with the value in quotes, as the hint proposes it.
  "value-cut-at-hash": entry<{ field: string; kept: string; lost: string; suggestion: string }>({
    title: "Text taken for a comment",
    message: (p) => `The ${p.field} ends at "${p.kept}": "${p.lost}" after it is read as a comment (a # after a space starts one), so the page does not show it.`,
    hint: (p) => `If it belongs to the ${p.field}, put the whole value in quotes: ${p.suggestion}`,
  }),
  "value-is-comment": entry<{ field: string; written: string; suggestion: string }>({
    title: "Value taken for a comment",
    message: (p) => `The ${p.field} is empty: "${p.written}" is read as a comment (a # at the start of a value starts one), so the page does not show it.`,
    hint: (p) => `If it is the ${p.field}, put it in quotes: ${p.suggestion}`,
  }),
  // Times as in the file, in the site's zone: "2026-12-06 14:00".
  "updated-in-future": entry<{ updated: string; now: string }>({
    title: "Correction dated in the future",
    message: (p) => `The release says it was updated at ${p.updated}, which is later than now (${p.now}); the page shows that time already.`,
    hint: () =>
      "Write the date and time when the correction was made, e.g. the time of saving. " +
      "To change a release at a later time, make the change then.",
  }),
  // pressroom import: per item (`file`: the release file written, or the item's old address when it was skipped).
  "import-skipped-exists": entry<{ file: string }>({
    title: "Not imported: the file exists",
    message: (p) => `The file ${p.file} exists and was not written by the import; it is left as it is.`,
    hint: () => "If the old release is a different one, rename the existing file's folder and import again.",
  }),
  "import-skipped-edited": entry<{ file: string }>({
    title: "Not updated: edited since the import",
    message: (p) => `${p.file} was changed after the import; --update leaves it as it is.`,
    hint: () => "Take over what changed at the source by hand, or delete the file and import again to start anew.",
  }),
  "import-skipped-no-department": entry<{ categories: string[] }>({
    title: "Not imported: no department",
    message: (p) =>
      p.categories.length === 0
        ? "The item names no category, and no rule or default gives it a department."
        : `No rule maps its categories (${quoteList(p.categories)}) to a department, and there is no default.`,
    hint: () => "Give a default with --department ID, or map the category to a department in the mapping file (departments:).",
  }),
  "import-skipped-no-date": entry<{ value: string }>({
    title: "Not imported: no date",
    message: (p) => (p.value === "" ? "The item has no date." : `The item's date "${p.value}" cannot be read.`),
    hint: () => "A release needs its date: for HTML pages, name where it is (date:) and its format (date_format:) in the mapping file.",
  }),
  "import-skipped-kind": entry<{ kind: string }>({
    title: "Not imported: not a post",
    message: (p) => `The item is ${/^[aeiou]/.test(p.kind) ? "an" : "a"} ${p.kind.replace(/_/g, " ")}, not a post.`,
    hint: () => "Only posts become releases; pages, attachments and menus of the old site are left out.",
  }),
  "import-draft": entry<{ status: string }>({
    title: "Imported as a draft",
    message: (p) => `The item is ${ENGLISH_STATUS[p.status] ?? p.status} on the old site; it is imported with draft: true and not published.`,
    hint: () => "Check it, then delete the line draft: true to publish it.",
  }),
  "import-no-title": entry<{ title: string }>({
    title: "Item without a title",
    message: (p) => `The item has no title; it is imported as "${p.title}".`,
    hint: () => "Write the release's title in its title: line.",
  }),
  "import-alt-missing": entry<{ file: string }>({
    title: "Photo without alternative text",
    message: (p) => `The photo "${p.file}" had no alternative text on the old site.`,
    hint: () => "Describe what the photo shows in its alt: line (or between the square brackets in the text).",
  }),
  "import-fetch-failed": entry<{ address: string; reason: string }>({
    title: "File could not be fetched",
    message: (p) => `"${p.address}" could not be fetched: ${p.reason}. The release links to its old address instead.`,
    hint: () => "Save the file by hand into the release's folder and place it by its name, or remove it from the text.",
  }),
  "import-other-host": entry<{ address: string; host: string }>({
    title: "File on another website",
    message: (p) => `"${p.address}" is not on ${p.host}, so it was not fetched.`,
    hint: () => "If the release needs it, save it into the release's folder and place it by its name.",
  }),
  "import-alias-unusable": entry<{ address: string; reason: string }>({
    title: "Old address cannot redirect",
    message: (p) => `The old address "${p.address}" cannot become an alias: ${p.reason}.`,
    hint: () => "Links to that address will not reach the release; a redirect on the old server can forward them.",
  }),
  "import-shortcode": entry<{ shortcode: string }>({
    title: "WordPress shortcode left out",
    message: (p) => `The shortcode [${p.shortcode}] has no equivalent; its tags were left out, its text kept.`,
    hint: () => "Look at the release's text: what the shortcode showed on the old site may need to be written out.",
  }),
  "import-no-contact": entry<{ department: string }>({
    title: "Release without a contact",
    message: (p) => `The item names no press contact, and the department "${p.department}" has no default contact; check will ask for one.`,
    hint: (p) => `Give "${p.department}" a default contact in departments.yaml (contact: <id>), or add contact: to the release.`,
  }),
  "import-comments": entry<{ count: number }>({
    title: "Comments not imported",
    message: (p) => `The item has ${p.count} comment${p.count === 1 ? "" : "s"}; press releases have none, so ${p.count === 1 ? "it was" : "they were"} left out.`,
    hint: () => "Nothing to do, unless a comment holds a correction that belongs in the text.",
  }),
} as const;

export type WarningCode = keyof typeof warnings;
export type WarningParamsOf<C extends WarningCode> = (typeof warnings)[C] extends CatalogEntry<infer P> ? P : never;

export type ErrorCode = keyof typeof catalog;
export type ParamsOf<C extends ErrorCode> = (typeof catalog)[C] extends CatalogEntry<infer P> ? P : never;
