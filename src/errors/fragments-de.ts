/**
 * Some facts reach the catalog as English phrases made where the problem was
 * found: the form a field must have (content/schema.ts), why an old address
 * or a photo cannot be used, why a file cannot be read. A German report says
 * the ones listed here in German; a phrase not listed stays as it was made.
 */

const EXACT: Readonly<Record<string, string>> = {
  // The form of a field (content/schema.ts, content/site.ts).
  'an entry like "- file: foto.jpg" with alt:, caption: and credit: indented below it':
    "ein Eintrag wie „- file: foto.jpg“ mit alt:, caption: und credit: eingerückt darunter",
  "the id of one contact of contacts.yaml, e.g. contact: jaskowiak": "die Kennung eines Kontakts aus contacts.yaml, z. B. contact: jaskowiak",
  "a contact id, or a mapping with name/role/phone/email": "die Kennung eines Kontakts oder eine Gruppe mit name/role/phone/email",
  "a department id": "die Kennung eines Amts",
  "a word": "ein Wort",
  "an old address": "eine alte Adresse",
  "a department id, or a list of ids like [tiefbauamt, umweltamt]": "die Kennung eines Amts oder eine Liste wie [tiefbauamt, umweltamt]",
  "a contact id, a mapping with name/role/phone/email, or a list of those":
    "die Kennung eines Kontakts, eine Gruppe mit name/role/phone/email oder eine Liste davon",
  'a list of entries, each starting with "- file: name.jpg"': "eine Liste von Einträgen, jeder beginnend mit „- file: name.jpg“",
  "a word, or a list like [Verkehr, Radverkehr]": "ein Wort oder eine Liste wie [Verkehr, Radverkehr]",
  "an old address, or a list of them": "eine alte Adresse oder eine Liste davon",
  'a group of two indented lines, "date: 2026-12-02" and "reason: …"': "eine Gruppe aus zwei eingerückten Zeilen, „date: 2026-12-02“ und „reason: …“",
  "true or false": "true oder false",
  "a group with backend: (github or gitlab), repo: (owner/name) and, optionally, branch:, base_url:, api_root:, auth_endpoint: and app_id:":
    "eine Gruppe mit backend: (github oder gitlab), repo: (besitzer/name) und, wenn nötig, branch:, base_url:, api_root:, auth_endpoint: und app_id:",
  "the name of a search engine (duckduckgo, google), or a group of name:, url:, query: and site:":
    "der Name einer Suchmaschine (duckduckgo, google) oder eine Gruppe aus name:, url:, query: und site:",
  "text on one line": "Text in einer Zeile",
  "a list": "eine Liste",
  'a group of indented "name: value" lines (e.g. name: Umweltamt)': "eine Gruppe eingerückter Zeilen „name: Wert“ (z. B. name: Umweltamt)",
  "a value": "ein Wert",
  "github or gitlab": "github oder gitlab",
  "the repository as owner/name, e.g. stadt-musterstadt/pressemitteilungen": "das Repository als besitzer/name, z. B. stadt-musterstadt/pressemitteilungen",
  "an https:// address": "eine https://-Adresse",
  // The mailing lists of site.yaml (content/distribution.ts) and notify: of a release.
  'a list of entries, each starting with "- name: …" and with address: indented below it':
    "eine Liste von Einträgen, jeder beginnend mit „- name: …“ und mit address: eingerückt darunter",
  'an entry like "- name: Presseverteiler" with address: indented below it': "ein Eintrag wie „- name: Presseverteiler“ mit address: eingerückt darunter",
  "one email address, e.g. verteiler@lists.musterstadt.de": "eine E-Mail-Adresse, z. B. verteiler@lists.musterstadt.de",
  // The languages of site.yaml (content/languages.ts).
  'a group of indented lines, one per language, like "en: { name: English }" or "ar: { name: العربية, direction: rtl }"':
    "eine Gruppe eingerückter Zeilen, eine je Sprache, wie „en: { name: English }“ oder „ar: { name: العربية, direction: rtl }“",
  "a language tag like en, tr, ar or de-x-ls (Leichte Sprache)": "ein Sprachkürzel wie en, tr, ar oder de-x-ls (Leichte Sprache)",
  "a language languages: does not list already": "eine Sprache, die languages: nicht schon nennt",
  "rtl (right to left) or ltr (left to right)": "rtl (von rechts nach links) oder ltr (von links nach rechts)",
  "an address no other list of distribution: has": "eine Adresse, die keine andere Liste unter distribution: hat",
  "a time like 24 hours, 36 Stunden or 2 days": "eine Zeitspanne wie 24 Stunden, 36 hours oder 2 Tage",
  "correction, together with updated: (and change_note:)": "correction, zusammen mit updated: (und change_note:)",
  // What is not a set of fields (not-a-mapping).
  "The front matter": "Die Kopfzeilen der Meldung",
  // Kinds of ids (invalid-id).
  contact: "Kontakt",
  department: "Amt",
  // Why an old address cannot be used (content/alias.ts).
  "it is not a valid address": "sie ist keine gültige Adresse",
  "it must start with /": "sie muss mit / beginnen",
  "addresses with ? or # cannot be redirected by static hosting": "Adressen mit ? oder # kann ein statisches Hosting nicht umleiten",
  "it contains an empty path segment (//)": "sie enthält einen leeren Abschnitt (//)",
  "a part of it starts with a dot (such as .. or .hidden)": "ein Teil davon beginnt mit einem Punkt (etwa .. oder .versteckt)",
  "it may hold only letters, digits and . _ ~ + , = - between slashes": "zwischen den Schrägstrichen dürfen nur Buchstaben, Ziffern und . _ ~ + , = - stehen",
  "it is the home page": "sie ist die Startseite",
  // Why a photo or file cannot be read (media/sharp.ts, content/load.ts).
  "it has too many pixels": "es hat zu viele Pixel",
  "it is not a photo in a format pressroom reads (JPEG, PNG, WebP, GIF, AVIF or TIFF)":
    "es ist kein Foto in einem Format, das pressroom liest (JPEG, PNG, WebP, GIF, AVIF oder TIFF)",
  "the file is damaged or incomplete (perhaps cut short while copying)": "die Datei ist beschädigt oder unvollständig (vielleicht beim Kopieren abgeschnitten)",
  "it is not saved as UTF-8 text (perhaps Latin-1 or Windows-1252)": "sie ist nicht als UTF-8-Text gespeichert (vielleicht Latin-1 oder Windows-1252)",
  "unknown error": "unbekannter Fehler",
  // The theme (content/theme.ts) and why a logo cannot be used (theme/logo.ts).
  'a colour written as #rrggbb, e.g. color: "#005a9c" (with the quotes)': 'eine Farbe in der Form #rrggbb, z. B. color: "#005a9c" (mit den Anführungszeichen)',
  "a full address starting with https://": "eine vollständige Adresse, die mit https:// beginnt",
  "a full address starting with https:// (or mailto:)": "eine vollständige Adresse, die mit https:// (oder mailto:) beginnt",
  "an SVG or PNG file in the content folder, e.g. logo: logo.svg": "eine SVG- oder PNG-Datei im Inhaltsordner, z. B. logo: logo.svg",
  "a group of indented lines: imprint:, privacy:, accessibility: and contact:, each with a full address":
    "eine Gruppe eingerückter Zeilen: imprint:, privacy:, accessibility: und contact:, jede mit einer vollständigen Adresse",
  'a group of indented "name: address" lines, e.g. Mastodon: https://social.musterstadt.de/@stadt':
    "eine Gruppe eingerückter Zeilen „Name: Adresse“, z. B. Mastodon: https://social.musterstadt.de/@stadt",
  "it contains a script": "es enthält ein Skript",
  "it contains an event handler (on…=)": "es enthält einen Event-Handler (on…=)",
  "it embeds web content (foreignObject)": "es bettet Webinhalte ein (foreignObject)",
  "it declares XML entities": "es deklariert XML-Entitäten",
  "it links or loads another address": "es verlinkt oder lädt eine andere Adresse",
  "it loads another address in its styles": "es lädt in seinen Stilen eine andere Adresse",
  "it loads another stylesheet": "es lädt ein anderes Stylesheet",
  "it contains active elements": "es enthält aktive Elemente",
  "it is not a PNG image": "es ist kein PNG-Bild",
  "it is not an SVG image": "es ist kein SVG-Bild",
  "it has neither a viewBox nor a width and height": "es hat weder eine viewBox noch Breite und Höhe",
  // What a template may not use (eleventy/overrides.ts).
  "a computed name in [ ]": "einen berechneten Namen in [ ]",
  "a tag of its own ({% name %})": "ein eigenes Tag ({% name %})",
  "a regular expression (r/…/)": "einen regulären Ausdruck (r/…/)",
  "| safe inside an expression": "| safe innerhalb eines Ausdrucks",
  "a call of a computed value": "den Aufruf eines berechneten Werts",
  "a <script> of its own": "ein eigenes <script>",
  "a <meta http-equiv> of its own": "ein eigenes <meta http-equiv>",
  "an event handler (on…=)": "einen Event-Handler (on…=)",
  "a javascript: or data: address": "eine javascript:- oder data:-Adresse",
  "an embedded page (srcdoc)": "eine eingebettete Seite (srcdoc)",
  "a tag or attribute name made of a value": "einen Tag- oder Attributnamen aus einem Wert",
  // Why pressroom import could not read a source or fetch a file (import/fetch.ts, import/source.ts, import/xml.ts).
  "no answer in time": "keine Antwort in der vorgesehenen Zeit",
  "the server refused the connection": "der Server hat die Verbindung abgelehnt",
  "the host name is unknown": "der Name des Servers ist unbekannt",
  "there is no such file": "diese Datei gibt es nicht",
  "there is no such file or folder": "diese Datei oder diesen Ordner gibt es nicht",
  "it is a folder": "es ist ein Ordner",
  "it redirects too often": "es leitet zu oft weiter",
  "it is not in the folder of the source": "es liegt nicht im Ordner der Quelle",
  "it declares its own XML entities": "es deklariert eigene XML-Entitäten",
  "it is not an RSS or Atom feed": "es ist kein RSS- oder Atom-Feed",
  "it is not a list of WordPress posts": "es ist keine Liste von WordPress-Beiträgen",
  "it is not on the old site": "es liegt nicht auf der alten Website",
  "saved HTML pages need a mapping file (--map FILE) whose selectors name at least title, date and body":
    "gespeicherte HTML-Seiten brauchen eine Zuordnungsdatei (--map DATEI), deren selectors mindestens title, date und body nennen",
  "base_url must be an address starting with http:// or https://": "base_url muss eine Adresse sein, die mit http:// oder https:// beginnt",
  "pages must be a list of addresses": "pages muss eine Liste von Adressen sein",
  // The front matter's own problems (content/frontmatter.ts).
  "it is never closed by a line ---": "sie werden nie mit einer Zeile --- abgeschlossen",
  "Add a line of three dashes (---) after the last field, before the text of the release.":
    "Fügen Sie nach dem letzten Feld, vor dem Text der Meldung, eine Zeile mit drei Bindestrichen (---) ein.",
};

const PATTERNS: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^one of (.+), or a group of name:, url:, query: and site:$/, (list) => `einen dieser Werte: ${list}, oder eine Gruppe aus name:, url:, query: und site:`],
  [/^one of (.+)$/, (list) => `einen dieser Werte: ${list}`],
  [/^a colour in quotes: (.+)$/, (line) => `eine Farbe in Anführungszeichen: ${line}`],
  [/^a (\w+)$/, (type) => `ein Wert vom Typ ${type}`],
  [/^it is not a photo \(the file holds (\S+) data\)$/, (kind) => `es ist kein Foto (die Datei enthält ${kind}-Daten)`],
  [/^it is outside (.*), where the site is published$/, (base) => `sie liegt außerhalb von ${base}, wo die Seite veröffentlicht wird`],
  [/^(.*) holds the site's own files, named by their content$/, (folder) => `${folder} enthält die eigenen Dateien der Seite, nach ihrem Inhalt benannt`],
  [/^error (\S+)$/, (code) => `Fehler ${code}`],
  [/^the server answered (\d+)(.*)$/, (status, text) => `der Server antwortete ${status}${text}`],
  [/^it has more than (\d+) MB$/, (size) => `es hat mehr als ${size} MB`],
  [/^it is not on (\S+)$/, (host) => `es liegt nicht auf ${host}`],
  [/^it has the unknown field "(.+)" \(known: (.+)\)$/, (field, known) => `sie hat das unbekannte Feld „${field}“ (bekannt: ${known})`],
  [/^selectors has the unknown field "(.+)" \(known: (.+)\)$/, (field, known) => `selectors hat das unbekannte Feld „${field}“ (bekannt: ${known})`],
  [/^the selector "(.*)" of (\w+) is no valid CSS selector$/, (selector, field) => `der Selektor „${selector}“ von ${field} ist kein gültiger CSS-Selektor`],
  [/^it is not well-formed XML \((.*)\)$/, (detail) => `es ist kein wohlgeformtes XML (${detail})`],
  [/^a file named (.+) is in the release's folder already$/, (name) => `eine Datei namens ${name} liegt schon im Ordner der Meldung`],
  [/^it is ([\d.]+) MB large, more than 1 MB$/, (size) => `es ist ${size.replace(".", ",")} MB groß, mehr als 1 MB`],
  [/^it cannot be read \((.+)\)$/, (code) => `es kann nicht gelesen werden (${code})`],
  [/^\| safe on (.+)$/, (target) => `| safe für ${target === "a computed value" ? "einen berechneten Wert" : target}`],
  [/^the name "(.+)"$/, (name) => `den Namen „${name}“`],
  [/^the name (".*") \(only letters, digits and _\)$/, (name) => `den Namen ${name} (nur Buchstaben, Ziffern und _)`],
  [/^the filter "(.*)"$/, (name) => `den Filter „${name}“`],
  [/^the filter (".*")$/, (name) => `den Filter ${name}`],
  [/^the construct (\w+)$/, (kind) => `das Konstrukt ${kind}`],
  [/^the element (<\w+>)$/, (element) => `das Element ${element}`],
  [/^\{% (\w+) %\} of a computed name$/, (tag) => `{% ${tag} %} mit einem berechneten Namen`],
  [/^\{% (\w+) (".*") %\} \(not one of pressroom's templates\)$/, (tag, name) => `{% ${tag} ${name} %} (keine Vorlage von pressroom)`],
];

/** `text` in German where it is a phrase pressroom knows, else as it is. */
export function germanPhrase(text: string): string {
  const exact = EXACT[text];
  if (exact !== undefined) return exact;
  for (const [pattern, say] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return say(...match.slice(1));
  }
  return text;
}
