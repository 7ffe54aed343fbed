/** What `pressroom new --translation` says and asks, in German and English (the site's language). */
import type { Language } from "../i18n/strings.ts";

export interface TranslationMessages {
  readonly ask: string;
  readonly noLanguages: (tag: string) => string;
  readonly unknownLanguage: (tag: string, offered: readonly string[]) => string;
  readonly ownLanguage: (tag: string) => string;
  readonly noRelease: (example: string) => string;
  readonly notFound: (given: string) => string;
  readonly notRelease: (given: string) => string;
  readonly isTranslation: (given: string, original: string) => string;
  readonly unreadable: (file: string, check: string) => string;
  readonly exists: (file: string) => string;
  readonly created: (file: string, language: string) => string;
  readonly next: (check: string, send: string) => string;
}

const de: TranslationMessages = {
  ask: "Welche Meldung übersetzen?",
  noLanguages: (tag) =>
    `site.yaml nennt keine Sprachen für Übersetzungen. Tragen Sie sie unter languages: ein, zum Beispiel:\n  languages:\n    ${tag}: { name: Name der Sprache in ihr selbst }`,
  unknownLanguage: (tag, offered) => `„${tag}“ steht nicht unter languages: in site.yaml. Angeboten werden: ${offered.join(", ")}.`,
  ownLanguage: (tag) => `„${tag}“ ist die Sprache der Website: das Original ist schon in dieser Sprache.`,
  noRelease: (example) => `Ohne Terminal fragt pressroom new nicht nach: nennen Sie die Meldung (ihre Datei oder ihren Ordner), zum Beispiel:\n  ${example}`,
  notFound: (given) => `${given} gibt es nicht: nennen Sie die Datei oder den Ordner einer Meldung unter releases/.`,
  notRelease: (given) => `${given} ist keine Meldung: nennen Sie eine .md-Datei oder einen Ordner mit index.md unter releases/.`,
  isTranslation: (given, original) => `${given} ist schon eine Übersetzung: nennen Sie das Original, ${original}.`,
  unreadable: (file, check) => `${file} lässt sich nicht lesen oder hat keinen Titel: ${check} sagt, was fehlt.`,
  exists: (file) => `${file} gibt es schon: eine Übersetzung wird nie überschrieben. Öffnen Sie die Datei, um sie zu ändern.`,
  created: (file, language) => `Angelegt: ${file} (${language}, als Entwurf).`,
  next: (check, send) =>
    [
      "Weiter:",
      "  übersetzen: title, subtitle, alt und caption der Fotos und den Text unter der zweiten Zeile ---.",
      "  Datum, Amt, Kontakt, Fotos und Sperrfrist kommen aus dem Original: nicht eintragen.",
      "  translated: sagt, wann die Übersetzung zuletzt an das Original angeglichen wurde; wird das Original",
      "  danach geändert (updated:), warnt pressroom check. Nach dem Angleichen auf den Zeitpunkt setzen.",
      `  prüfen: ${check}`,
      "  veröffentlichen: die Zeile draft: true löschen (nie vor dem Original).",
      `  an die Website schicken: git add ${send}, dann git commit -m "Übersetzung" und git push (Anleitung, Abschnitt 8).`,
    ].join("\n"),
};

const en: TranslationMessages = {
  ask: "Which release to translate?",
  noLanguages: (tag) =>
    `site.yaml names no languages for translations. List them under languages:, for example:\n  languages:\n    ${tag}: { name: the language's name in itself }`,
  unknownLanguage: (tag, offered) => `"${tag}" is not under languages: in site.yaml. Offered: ${offered.join(", ")}.`,
  ownLanguage: (tag) => `"${tag}" is the site's language: the original is in it already.`,
  noRelease: (example) => `Without a terminal, pressroom new asks nothing: name the release (its file or folder), for example:\n  ${example}`,
  notFound: (given) => `${given} does not exist: name the file or folder of a release under releases/.`,
  notRelease: (given) => `${given} is not a release: name a .md file or a folder with index.md under releases/.`,
  isTranslation: (given, original) => `${given} is a translation already: name the original, ${original}.`,
  unreadable: (file, check) => `${file} cannot be read or has no title: ${check} says what is missing.`,
  exists: (file) => `${file} exists already: a translation is never overwritten. Open the file to change it.`,
  created: (file, language) => `Created ${file} (${language}, as a draft).`,
  next: (check, send) =>
    [
      "Next:",
      "  translate: title, subtitle, the photos' alt and caption, and the text below the second line ---.",
      "  Date, department, contact, photos and embargo come from the original: do not add them.",
      "  translated: says when the translation was last brought in line with the original; if the original",
      "  is changed after it (updated:), pressroom check warns. Set it to the time when you bring it in line.",
      `  check: ${check}`,
      "  publish: delete the line draft: true (never before the original).",
      `  send it to the website: git add ${send}, then git commit -m "Translation" and git push.`,
    ].join("\n"),
};

export const translationMessages = (language: Language): TranslationMessages => (language === "de" ? de : en);
