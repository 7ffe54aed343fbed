/**
 * The catalog in German: for every code of catalog.ts the same title, message
 * and hint, said to a press officer of a German site. The types make a code
 * without a German entry (or with other facts) a compile error.
 */
import { looksLikeName, type CatalogEntry, type catalog, type warnings } from "./catalog.ts";
import { impossibleDate, likelyMeant } from "./date-mistakes.ts";
import { germanPhrase } from "./fragments-de.ts";
import { quoted, yamlMistake } from "./yaml-mistakes.ts";

type Translated<T> = { readonly [C in keyof T]: T[C] extends CatalogEntry<infer P> ? CatalogEntry<P> : never };

const quoteList = (items: readonly string[]): string => items.map((i) => `„${i}“`).join(", ");

const didYouMean = (suggestions: readonly string[], known: readonly string[], what: string, file: string): string => {
  if (suggestions.length > 0) return `Meinten Sie ${quoteList(suggestions)}?`;
  if (known.length === 0) return `Es sind noch keine ${what} angelegt.`;
  if (known.length <= 12) return `Bekannte ${what}: ${quoteList(known)}.`;
  return `Prüfen Sie die Schreibweise in ${file}.`;
};

/** What an imported item is on the old site (the English words of the importer). */
const germanKind = (kind: string): string =>
  ({ page: "eine Seite", attachment: "ein Anhang", nav_menu_item: "ein Menüpunkt", revision: "eine ältere Fassung" })[kind] ?? `vom Typ „${kind}“`;
const germanStatus = (status: string): string =>
  ({ draft: "ein Entwurf", future: "geplant", private: "privat", pending: "zur Prüfung vorgelegt", "password-protected": "mit Passwort geschützt" })[status] ?? `im Zustand „${status}“`;

/** "2026-12-06 14:00" as a German reader writes it: "06.12.2026, 14:00 Uhr". */
const germanTime = (local: string): string => local.replace(/^(\d{4})-(\d\d)-(\d\d) (\d\d:\d\d)$/, "$3.$2.$1, $4 Uhr");

export const catalogDe: Translated<typeof catalog> = {
  "file-unreadable": {
    title: "Datei nicht lesbar",
    message: (p) => `Die Datei kann nicht gelesen werden: ${germanPhrase(p.reason)}.`,
    hint: () => "Speichern Sie die Datei als Text in UTF-8 (die meisten Editoren bieten beim Speichern „UTF-8“ an).",
  },
  "missing-file": {
    title: "Pflichtdatei fehlt",
    message: (p) => `Im Inhaltsordner fehlt ${p.file}.`,
    hint: (p) => `Legen Sie ${p.file} im Inhaltsordner an; die Beispielseite in content/ zeigt, wie sie aussieht.`,
  },
  "content-folder-missing": {
    title: "Inhaltsordner nicht gefunden",
    message: (p) => `Unter ${p.dir} gibt es keinen Inhaltsordner.`,
    hint: () => "Geben Sie mit --content ORDNER den Ordner an, in dem site.yaml liegt.",
  },
  // A press officer does not know the word YAML: the lines between the --- of a release are its Kopfzeilen; a settings file is named.
  "yaml-syntax": {
    title: "Felder nicht lesbar",
    message: (p) =>
      `${p.file === undefined ? "Die Kopfzeilen der Meldung können" : `${p.file} kann`} nicht gelesen werden: ` +
      `${p.mistake ? yamlMistake(p.mistake, "de").detail : germanPhrase(p.detail)}.`,
    hint: (p) => {
      if (p.mistake) return yamlMistake(p.mistake, "de").hint;
      if (p.hint !== undefined) return germanPhrase(p.hint);
      return (
        "Prüfen Sie die Einrückung (Leerzeichen, keine Tabulatoren) und setzen Sie Text mit Doppelpunkt oder # " +
        'in doppelte Anführungszeichen, z. B. title: "Bürgermeisterin: Wir bauen".'
      );
    },
  },
  "yaml-tag": {
    title: "Markierung mit ! nicht erlaubt",
    message: (p) => `Die Markierung ${p.tag} ist nicht erlaubt.`,
    hint: () => "Die Felder enthalten nur Text: Entfernen Sie die Markierung, die mit ! beginnt, und schreiben Sie den Wert als Text.",
  },
  "no-front-matter": {
    title: "Kopfzeilen der Meldung fehlen",
    message: () => "Die Meldung hat keine Kopfzeilen (title:, date:, department: … zwischen zwei Zeilen ---).",
    hint: () =>
      "Die allererste Zeile der Datei muss --- sein (nichts davor, auch keine Leerzeile), " +
      "danach title:, date: und department: und wieder eine Zeile ---.",
  },
  "front-matter-not-yaml": {
    title: "Kopfzeilen in fremder Form",
    message: (p) => `Die Kopfzeilen der Meldung sind als „${p.language}“ markiert; pressroom liest nur Kopfzeilen der Form „name: Wert“.`,
    hint: () => "Beginnen Sie die Datei mit einer Zeile --- (nichts hinter den Strichen) und schreiben Sie darunter die Felder als „name: Wert“, eines pro Zeile.",
  },
  "not-a-mapping": {
    title: "Felder erwartet",
    message: (p) => `${germanPhrase(p.what)} ${p.what === "The front matter" ? "müssen" : "muss"} aus Zeilen „name: Wert“ bestehen.`,
    hint: () => "Schreiben Sie ein „name: Wert“ pro Zeile, z. B. title: Radwege am Ring werden breiter.",
  },
  "missing-field": {
    title: "Pflichtfeld fehlt",
    message: (p) => `Das Pflichtfeld „${p.field}“ fehlt.`,
    hint: (p) =>
      p.name !== undefined && p.name !== p.field
        ? `Ergänzen Sie eine Zeile „${p.name}: …“ in diesem Eintrag (${p.field.split(".").slice(0, -1).join(".")}).`
        : `Ergänzen Sie eine Zeile „${p.field}: …“.`,
  },
  "empty-field": {
    title: "Feld ist leer",
    message: (p) => `Das Feld „${p.field}“ ist leer.`,
    hint: (p) =>
      p.written !== undefined
        ? `Ein Wert, der mit # beginnt, braucht Anführungszeichen (ohne sie beginnt mit # ein Kommentar, der nicht gelesen wird): ${p.field.split(".").pop()}: ${quoted(p.written)}`
        : `Schreiben Sie einen Wert hinter „${p.field}:“ oder löschen Sie die Zeile.`,
  },
  "wrong-type": {
    title: "Feld hat die falsche Form",
    message: (p) => `Das Feld „${p.field}“ muss ${germanPhrase(p.expected)} sein.`,
    hint: (p) => `Schreiben Sie „${p.field}“ in dieser Form: ${germanPhrase(p.expected)}; die Beispielseite in content/ zeigt jedes Feld.`,
  },
  "unknown-field": {
    title: "Unbekanntes Feld",
    message: (p) => `Das Feld „${p.field}“ gibt es nicht.`,
    hint: (p) => didYouMean(p.suggestions, p.known, "Felder", "der Dokumentation"),
  },
  "invalid-value": {
    title: "Ungültiger Wert",
    message: (p) => `„${p.value}“ ist kein gültiger Wert für „${p.field}“.`,
    hint: (p) => `Verwenden Sie ${germanPhrase(p.expected)}.`,
  },
  "invalid-date": {
    title: "Ungültiges Datum",
    message: (p) => `„${p.value}“ in „${p.field}“ ist kein gültiges Datum.`,
    hint: (p) => {
      const meant = likelyMeant(p.value);
      return (
        (meant ? `Vermutlich gemeint: ${p.field}: ${meant}. ` : "") +
        "Schreiben Sie das Datum als JJJJ-MM-TT (2026-11-27), mit Uhrzeit als JJJJ-MM-TT HH:MM (2026-11-27 10:30) " +
        "oder vollständig nach ISO 8601 mit Zeitverschiebung (2026-11-27T10:30:00+01:00)."
      );
    },
  },
  "impossible-date": {
    title: "Datum gibt es nicht",
    message: (p) => `„${p.value}“ in „${p.field}“ ist kein Tag oder keine Uhrzeit, die es gibt${p.why ? `: ${impossibleDate(p.why, "de")}` : ""}.`,
    hint: () => "Prüfen Sie Tag und Monat (einen 30. Februar gibt es z. B. nicht) und die Uhrzeit (00:00 bis 23:59).",
  },
  "updated-before-date": {
    title: "Aktualisiert vor der Veröffentlichung",
    message: (p) => `Die Meldung ist als aktualisiert am ${p.updated} markiert, vor ihrem Datum ${p.date}.`,
    hint: () => "Prüfen Sie beide Daten: updated: ist der Zeitpunkt, zu dem eine veröffentlichte Meldung geändert wurde, liegt also nach date:.",
  },
  "change-note-without-updated": {
    title: "Änderungshinweis ohne Datum",
    message: () => "change_note: sagt, was sich geändert hat, aber updated: sagt nicht, wann.",
    hint: () =>
      "Ergänzen Sie updated: mit Datum und Uhrzeit der Änderung (z. B. updated: 2026-11-28 09:00) oder löschen Sie change_note:.",
  },
  "withdrawn-before-date": {
    title: "Zurückgezogen vor der Veröffentlichung",
    message: (p) => `Die Meldung wird am ${p.withdrawn} zurückgezogen, vor ihrem Datum ${p.date}.`,
    hint: () =>
      "Prüfen Sie beide Daten: withdrawn: date: ist der Zeitpunkt, zu dem eine veröffentlichte Meldung zurückgenommen wurde. " +
      "Soll eine Meldung nie erscheinen, schreiben Sie stattdessen draft: true.",
  },
  "invalid-timezone": {
    title: "Unbekannte Zeitzone",
    message: (p) => `„${p.value}“ ist keine bekannte Zeitzone.`,
    hint: () => "Verwenden Sie den Namen einer IANA-Zeitzone wie „Europe/Berlin“.",
  },
  "bidi-control": {
    title: "Steuerzeichen für die Schreibrichtung",
    message: (p) => `Hier steht ${p.character}, das die Richtung ändert, in der Text angezeigt wird: Leser sehen nicht, was geschrieben steht (z. B. „Unterlagen exe.pdf“ für eine Datei, die auf .exe endet).`,
    hint: () => "Löschen Sie das Zeichen: Cursor hinter die Stelle setzen und mit der Rücktaste löschen, bis sich der Text daneben ändert, dann neu tippen. Titel, Namen und Dateinamen brauchen es nie.",
  },
  "control-character": {
    title: "Steuerzeichen in einem Wert",
    message: (p) => `Ein Wert hier enthält ${p.character}, ein Steuerzeichen, das keine Seite, kein Feed und keine Kontaktkarte zeigen kann.`,
    hint: () =>
      "Es steht zwischen doppelten Anführungszeichen als Kürzel da (\\e, \\a, \\0, \\x1b, \\u001b, \\x85 …) oder kam mit kopiertem Text mit: Löschen Sie es. " +
      "Für einen Zeilenumbruch in einem längeren Text schreiben Sie den Wert als Block (reason: | und den Text eingerückt darunter).",
  },
  "zero-width": {
    title: "Unsichtbares Zeichen",
    message: (p) =>
      `Hier steht ${p.character}, ein Zeichen ohne Breite: Der Text sieht aus wie ohne es, ist aber ein anderer ` +
      "(die Suche findet das Wort nicht, ein Name oder Dateiname damit ist ein anderer).",
    hint: () =>
      "Löschen Sie das Zeichen: Cursor hinter die Stelle setzen und mit der Rücktaste löschen, bis sich der Text daneben ändert, dann neu tippen. " +
      "Solche Zeichen kommen beim Kopieren aus Word, einer E-Mail oder einer Webseite mit.",
  },
  "release-too-large": {
    title: "Meldungsdatei zu groß",
    message: (p) => `Diese Meldungsdatei hat ${p.size}; eine Meldungsdatei darf höchstens ${p.limit} haben, darum wurde sie nicht gelesen.`,
    hint: () =>
      "Fotos und Dokumente gehören als eigene Dateien neben den Text (unter media: aufgeführt), nie in ihn hinein. " +
      "Ist der Text wirklich so lang, erhöhen Sie die Grenze in site.yaml (limits: release_file: 5 MB).",
  },
  "body-too-large": {
    title: "Text zu lang",
    message: (p) => `Der Text dieser Meldung hat ${p.size}; ein Text darf höchstens ${p.limit} haben.`,
    hint: () =>
      "Teilen Sie ihn auf mehrere Meldungen auf, oder legen Sie langes Material (einen Bericht, eine Tabelle) als PDF unter media: dazu. " +
      "Ist der Text wirklich so lang, erhöhen Sie die Grenze in site.yaml (limits: body: 2 MB).",
  },
  "body-too-deep": {
    title: "Text zu tief verschachtelt",
    message: (p) =>
      `Ab dieser Zeile sind Zitate oder Listen mehr als ${p.limit} Ebenen tief ineinander verschachtelt; Markdown kann das nicht darstellen, der Text ab hier fehlte auf der Seite.`,
    hint: () => "Entfernen Sie die >-Zeichen oder die Einrückung am Anfang dieser Zeilen: Ein Zitat im Zitat braucht selten mehr als zwei Ebenen.",
  },
  "symlink": {
    title: "Symbolischer Link im Inhaltsordner",
    message: (p) =>
      p.target !== undefined
        ? `Dies ist ein symbolischer Link auf „${p.target}“; pressroom folgt keinen Links, darum wird er weder gelesen noch veröffentlicht.`
        : "Dies ist ein symbolischer Link auf einen Ort außerhalb des Inhaltsordners; pressroom folgt keinen Links, darum wird er weder gelesen noch veröffentlicht.",
    hint: () => "Legen Sie die Datei oder den Ordner selbst hierher (kopieren statt verlinken), oder entfernen Sie den Link.",
  },
  "low-contrast": {
    title: "Farbe zu hell",
    message: (p) => `Die Farbe ${p.value} hat vor Weiß nur einen Kontrast von ${p.ratio.replace(".", ",")}; Links und weiße Schrift darauf brauchen mindestens 4,5:1 (WCAG 2.1 AA).`,
    hint: (p) => `Nehmen Sie einen dunkleren Ton, z. B. color: "${p.suggestion}" (${p.suggestionRatio.replace(".", ",")}), oder fragen Sie Ihr Corporate-Design-Team nach der barrierefreien Variante der Farbe.`,
  },
  "missing-legal-link": {
    title: "Pflichtlink fehlt",
    message: (p) =>
      p.kind === "imprint"
        ? "Die Seite verlinkt kein Impressum; das Gesetz verlangt es auf jeder Seite."
        : "Die Seite verlinkt keine Datenschutzerklärung; das Gesetz verlangt sie auf jeder Seite.",
    hint: (p) => `Schreiben Sie in site.yaml unter footer: eine eingerückte Zeile wie „${p.kind}: https://www.musterstadt.de/${p.kind === "imprint" ? "impressum" : "datenschutz"}“.`,
  },
  "logo-missing": {
    title: "Logo nicht gefunden",
    message: (p) => `Das Logo „${p.file}“ ist keine Datei im Inhaltsordner.`,
    hint: (p) =>
      p.candidates.length > 0
        ? `Dort liegen: ${p.candidates.map((c) => `„${c}“`).join(", ")}. Groß- und Kleinschreibung zählen.`
        : "Legen Sie das Logo (SVG oder PNG) in den Inhaltsordner und geben Sie seinen Namen an, z. B. logo: logo.svg",
  },
  "logo-unreadable": {
    title: "Logo nicht verwendbar",
    message: (p) => `Das Logo „${p.file}“ ist nicht verwendbar: ${germanPhrase(p.reason)}.`,
    hint: () => "Exportieren Sie das Logo neu als einfaches SVG (ohne Skripte, Links oder eingebettete Webinhalte) oder als PNG, höchstens 1 MB groß.",
  },
  "layout-unknown": {
    title: "Unbekannte Vorlage",
    message: (p) => `layouts/${p.name} ersetzt keine Vorlage von pressroom.`,
    hint: (p) => (p.suggestions.length > 0 ? `Meinten Sie ${p.suggestions.map((c) => `„${c}“`).join(", ")}?` : `Bekannte Vorlagen: ${p.known.map((c) => `„${c}“`).join(", ")}.`),
  },
  "layout-unsafe": {
    title: "Vorlage verwendet, was Vorlagen nicht dürfen",
    message: (p) =>
      p.why === "code"
        ? `layouts/${p.name} verwendet ${germanPhrase(p.what)}; damit könnte die Vorlage beim Aufbau Programmcode ausführen oder Dateien lesen.`
        : p.why === "unknown"
          ? `layouts/${p.name} verwendet ${germanPhrase(p.what)}; das gehört nicht zu dem, was Vorlagen verwenden dürfen.`
          : p.why === "circle"
            ? `layouts/${p.name} bindet über die Vorlagen, die sie einbindet oder erweitert, sich selbst wieder ein (${p.what}): der Aufbau würde nie enden.`
            : p.why === "script"
            ? `layouts/${p.name} schreibt ${germanPhrase(p.what)} in sein HTML; das würde auf jeder Seite ein Skript ausführen oder eine fremde Seite zeigen.`
            : `layouts/${p.name} verwendet ${germanPhrase(p.what)} und würde damit Text aus Inhaltsdateien ungeschützt in die Seite setzen.`,
    hint: (p) =>
      p.why === "circle"
        ? "Binden Sie eine Vorlage nur aus den Vorlagen über ihr ein, wie pressrooms eigene: eine Seite erweitert base.njk, base.njk bindet keine der Seiten ein."
        : p.why === "script"
        ? "Im HTML einer Vorlage dürfen nur pressrooms eigene zwei Skripte stehen (die strukturierten Daten und das Modul der Suchseite); Links führen zu Webadressen. Ein eigenes Skript der Stadt gehört in eine Datei, mit erweiterter Sicherheitsrichtlinie (docs/theming.md)."
        : p.why === "code" || p.why === "unknown"
        ? "Eine Vorlage darf Werte ausgeben ({{ release.title }}), if, for, set, block und macro verwenden, die in docs/theming.md genannten Filter, und pressrooms Vorlagen mit ihrem Namen in Anführungszeichen einbinden (include, import, extends mit „pages/release.njk“). Namen bestehen nur aus Buchstaben, Ziffern und _."
        : "Als sicher markieren dürfen Vorlagen nur, was pressroom sicher gemacht hat: release.bodyHtml, image.html, item.thumbnail und release.sharing.jsonLd, als {{ wert | safe }}. Alles andere schreiben Sie als {{ wert }}; es wird automatisch maskiert.",
  },
  "layout-broken": {
    title: "Vorlage nicht lesbar",
    message: (p) => `layouts/${p.name} ist keine gültige Nunjucks-Vorlage: ${germanPhrase(p.detail)}.`,
    hint: () => "Vergleichen Sie sie mit der gleichnamigen Vorlage in pressrooms Ordner layouts/_includes/; docs/theming.md erklärt das Ersetzen von Vorlagen.",
  },
  "invalid-url": {
    title: "Ungültige Adresse",
    message: (p) => `„${p.value}“ in „${p.field}“ ist keine vollständige http(s)-Adresse.`,
    hint: () => "Schreiben Sie die vollständige Adresse der Seite, z. B. https://presse.musterstadt.de",
  },
  "invalid-id": {
    title: "Ungültige Kennung",
    message: (p) => `Die Kennung „${p.id}“ (${germanPhrase(p.what)}) enthält Zeichen, die nicht erlaubt sind.`,
    hint: () =>
      "Verwenden Sie Kleinbuchstaben a–z und Ziffern, Wörter durch einzelne Bindestriche verbunden, z. B. tiefbauamt oder presse-amt.",
  },
  "translation-without-original": {
    title: "Übersetzung ohne Original",
    message: (p) => `Diese Datei ist eine Übersetzung (Sprache „${p.language}“), aber neben ihr liegt kein Original „${p.original}“.`,
    hint: (p) => `Eine Übersetzung liegt neben der Meldung, die sie übersetzt, und heißt wie sie, mit der Sprache vor .md: ${p.original} → ihre Übersetzung. Benennen Sie die Datei um, oder legen Sie sie neben ihr Original.`,
  },
  "translation-unknown-language": {
    title: "Sprache nicht angeboten",
    message: (p) => `Diese Übersetzung ist in „${p.language}“, einer Sprache, die site.yaml nicht für Übersetzungen anbietet.`,
    hint: (p) =>
      p.known.length > 0
        ? `Verwenden Sie im Dateinamen eine der Sprachen aus languages: in site.yaml (${quoteList(p.known)}), oder ergänzen Sie „${p.language}“ dort mit ihrem Namen.`
        : `Ergänzen Sie in site.yaml languages: mit „${p.language}“ und ihrem Namen in ihr selbst, z. B. languages: { ${p.language}: { name: … } }.`,
  },
  "translation-field": {
    title: "Feld, das eine Übersetzung nicht setzen darf",
    message: (p) => `Eine Übersetzung darf „${p.field}“ nicht setzen: Es kommt aus dem Original.`,
    hint: () => "Löschen Sie die Zeile. Eine Übersetzung setzt nur title, subtitle, translated, draft und media (alt und caption der Fotos des Originals) und ihren Text.",
  },
  "translation-media-unknown": {
    title: "Foto oder Datei, die das Original nicht hat",
    message: (p) => `Das Original hat kein Foto und keine Datei „${p.name}“.`,
    hint: (p) =>
      p.known.length > 0
        ? `Nennen Sie eine der Mediendateien des Originals (${quoteList(p.known)}); eine Übersetzung gibt nur deren Alternativtext und Bildunterschrift.`
        : "Das Original nennt keine Medien; löschen Sie den Eintrag.",
  },
  "translation-duplicate": {
    title: "Zwei Übersetzungen in dieselbe Sprache",
    message: (p) => `Die Meldung hat eine zweite Übersetzung in „${p.language}“: ${p.other}.`,
    hint: () => "Behalten Sie eine der beiden Dateien und löschen Sie die andere.",
  },
  "unknown-department": {
    title: "Unbekanntes Amt",
    message: (p) => `Das Amt „${p.id}“ ist in departments.yaml nicht angelegt.`,
    hint: (p) => didYouMean(p.suggestions, p.known, "Ämter", "departments.yaml"),
  },
  "unknown-contact": {
    title: "Unbekannter Kontakt",
    message: (p) => `Der Kontakt „${p.id}“ ist in contacts.yaml nicht angelegt.`,
    hint: (p) =>
      didYouMean(p.suggestions, p.known, "Kontakte", "contacts.yaml") +
      (looksLikeName(p.id) ? " Schreiben Sie die Kennung des Kontakts aus contacts.yaml (das Wort vor dem Doppelpunkt), nicht den Namen der Person." : ""),
  },
  "no-contact": {
    title: "Kein Pressekontakt",
    message: (p) =>
      `Die Meldung nennt keinen Kontakt, und ${p.departments.length === 1 ? "ihr Amt" : "ihre Ämter"} ${quoteList(p.departments)} ` +
      `${p.departments.length === 1 ? "hat" : "haben"} keinen Standardkontakt.`,
    hint: () => "Ergänzen Sie „contact: <kennung>“ in der Meldung oder einen Standardkontakt „contact:“ beim Amt in departments.yaml.",
  },
  "invalid-email": {
    title: "Ungültige E-Mail-Adresse",
    message: (p) => `„${p.value}“ ist keine E-Mail-Adresse.`,
    hint: () => "Schreiben Sie die Adresse als name@example.org.",
  },
  "invalid-phone": {
    title: "Ungültige Telefonnummer",
    message: (p) => `„${p.value}“ ist keine Telefonnummer.`,
    hint: () => "Schreiben Sie Ziffern, wenn nötig mit Leerzeichen, Bindestrichen, Schrägstrichen oder einem + am Anfang, z. B. 0251 492-6609.",
  },
  "media-missing": {
    title: "Mediendatei nicht gefunden",
    message: (p) => `Die Mediendatei „${p.file}“ gibt es nicht.`,
    hint: (p) =>
      p.suggestions !== undefined && p.suggestions.length > 0
        ? `Meinten Sie ${quoteList(p.suggestions)}? Groß- und Kleinschreibung zählen: Schreiben Sie den Namen genau wie den der Datei.`
        : "Der Pfad gilt ab der Markdown-Datei der Meldung; prüfen Sie Schreibweise und Großbuchstaben " +
          "und ob die Datei eingecheckt ist.",
  },
  "image-site-absolute": {
    title: "Bildadresse der alten Website",
    message: (p) =>
      `Das Bild „${p.src}“ im Text ist eine Adresse auf der Website, keine Datei dieser Meldung; dort wird nichts veröffentlicht, die Seite zeigte ein kaputtes Bild.`,
    hint: (p) =>
      p.beside
        ? `„${p.name}“ liegt im Ordner der Meldung: Schreiben Sie seinen Namen statt der Adresse, z. B. ![Beschreibung des Fotos](${p.name}).`
        : `Speichern Sie das Bild in den Ordner der Meldung und schreiben Sie seinen Namen statt der Adresse, z. B. ![Beschreibung des Fotos](${p.name}).`,
  },
  "media-outside": {
    title: "Mediendatei außerhalb des Ordners der Meldung",
    message: (p) => `Die Mediendatei „${p.file}“ liegt nicht im Ordner dieser Meldung.`,
    hint: () =>
      "Kopieren Sie die Datei neben die Markdown-Datei der Meldung (oder in einen Ordner darunter) und nennen Sie sie " +
      "ohne ../, ohne / oder Punkt am Anfang.",
  },
  "media-type": {
    title: "Dateityp nicht erlaubt",
    message: (p) =>
      p.extension
        ? `Die Mediendatei „${p.file}“ hat einen Typ (.${p.extension}), der nicht veröffentlicht wird.`
        : `Die Mediendatei „${p.file}“ hat keine Dateiendung.`,
    hint: () =>
      "Verwenden Sie Fotos als JPEG, PNG, WebP, GIF oder AVIF und Dokumente als PDF, Office-Dateien, TIFF oder ZIP. " +
      "Webseiten, SVG-Grafiken und Skripte können nicht angehängt werden.",
  },
  "media-alt-missing": {
    title: "Bild ohne Alternativtext",
    message: (p) => `Das Bild „${p.file}“ hat keinen Alternativtext („alt“).`,
    hint: () =>
      "Ergänzen Sie alt: mit einer kurzen Beschreibung dessen, was das Bild zeigt, für Menschen, die es nicht sehen können " +
      "(z. B. alt: Bagger auf dem Radweg am Ring).",
  },
  "media-unreadable": {
    title: "Bild nicht lesbar",
    message: (p) => `Das Bild „${p.file}“ kann nicht gelesen werden: ${germanPhrase(p.reason)}.`,
    hint: () => "Exportieren Sie das Bild erneut als JPEG oder PNG und ersetzen Sie die Datei.",
  },
  "media-too-large": {
    title: "Mediendatei zu groß",
    message: (p) => `Die Mediendatei „${p.file}“ hat ${p.size}; eine Datei darf höchstens ${p.limit} haben.`,
    hint: () =>
      "Exportieren Sie eine kleinere Fassung (für ein Foto reicht ein JPEG mit Qualität 90 auch für den Druck) und ersetzen Sie die Datei. " +
      "Sehr große Dateien wie Videos gehören auf eine Videoplattform, verlinkt aus dem Text.",
  },
  "image-too-many-pixels": {
    title: "Bild zu groß zum Lesen",
    message: (p) =>
      `Das Bild „${p.file}“ hat ${p.width} × ${p.height} Pixel; pressroom liest Bilder mit höchstens ${p.limit.replace(/megapixels?/, "Megapixel")}.`,
    hint: () =>
      "Exportieren Sie das Foto kleiner und ersetzen Sie die Datei: 6000 × 4000 Pixel (24 Megapixel) reichen für den Druck.",
  },
  "media-format-mismatch": {
    title: "Dateiname passt nicht zum Bildformat",
    message: (p) => `Die Datei „${p.file}“ ist ein ${p.actual}-Bild, ihr Name endet aber auf .${p.extension}.`,
    hint: (p) =>
      `Benennen Sie die Datei so um, dass sie auf .${p.suggested} endet, und ändern Sie den Namen auch in der Meldung, ` +
      `oder exportieren Sie sie erneut als ${p.promised}. Downloads mit falscher Endung öffnen sich nicht bei allen.`,
  },
  "media-duplicate": {
    title: "Zwei Mediendateien mit einem Namen",
    message: (p) => `Die Mediendateien „${p.file}“ und „${p.other}“ würden unter demselben Namen veröffentlicht.`,
    hint: () => "Benennen Sie eine der Dateien um.",
  },
  "duplicate-url": {
    title: "Zwei Meldungen unter einer Adresse",
    message: (p) => `Diese Meldung und ${p.other} würden beide unter ${p.url} veröffentlicht.`,
    hint: () => "Benennen Sie eine der beiden Dateien um: Die Adresse entsteht aus dem Datum und dem Dateinamen.",
  },
  "invalid-alias": {
    title: "Ungültige alte Adresse",
    message: (p) => `Die alte Adresse „${p.value}“ kann nicht verwendet werden: ${germanPhrase(p.reason)}.`,
    hint: () => "Schreiben Sie die alte Adresse als Pfad, der mit / beginnt, z. B. /presse/archiv/12345.html.",
  },
  "duplicate-alias": {
    title: "Alte Adresse doppelt verwendet",
    message: (p) => `Die alte Adresse „${p.value}“ beansprucht auch ${p.other}.`,
    hint: () => "Eine alte Adresse kann nur zu einer Meldung umleiten: Entfernen Sie sie bei einer der beiden.",
  },
  "alias-conflict": {
    title: "Alte Adresse gehört einer Seite",
    message: (p) => `Die alte Adresse „${p.value}“ ist die Adresse einer Seite, die pressroom erzeugt.`,
    hint: () => "Entfernen Sie die alte Adresse: Unter ihr steht schon eine Seite.",
  },
  "alias-reserved": {
    title: "Alte Adresse mit reserviertem Namen",
    message: (p) =>
      `Die alte Adresse „${p.value}“ würde als Datei ${p.name} geschrieben; dieser Name ist der Liste aller Dateien vorbehalten, die pressroom deploy liest.`,
    hint: (p) =>
      `Entfernen Sie die alte Adresse: Eine Umleitung kann nicht so heißen. Jede Website, die pressroom veröffentlicht, hat ihre ${p.name}, ` +
      "und eine solche Datei in einem Ordner ließe den Ordner beim Veröffentlichen wie eine andere Website aussehen.",
  },
  "import-source-unreadable": {
    title: "Quelle nicht lesbar",
    message: (p) => `Die Quelle „${p.source}“ kann nicht gelesen werden: ${germanPhrase(p.reason)}.`,
    hint: () => "Prüfen Sie den Dateinamen oder die Adresse (öffnen Sie sie im Browser); eine Adresse beginnt mit http:// oder https://.",
  },
  "import-source-unknown": {
    title: "Art der Quelle nicht erkannt",
    message: (p) => `„${p.source}“ ist weder ein WordPress-Export noch ein RSS- oder Atom-Feed, noch ein Ordner oder eine Liste von HTML-Seiten.`,
    hint: () => "Nennen Sie die Art mit --from wordpress, --from feed oder --from html (HTML-Seiten brauchen auch --map DATEI).",
  },
  "import-map-invalid": {
    title: "Zuordnungsdatei nicht verwendbar",
    message: (p) => `Die Zuordnungsdatei kann nicht verwendet werden: ${germanPhrase(p.detail)}.`,
    hint: () => "Vergleichen Sie sie mit dem Beispiel in docs/import.md: Selektoren sind CSS-Selektoren in Anführungszeichen, Ämter sind Kürzel aus departments.yaml.",
  },
  "import-department-unknown": {
    title: "Unbekanntes Amt für den Import",
    message: (p) => `Das Amt „${p.id}“ steht nicht in departments.yaml.`,
    hint: (p) => `Nennen Sie ein Kürzel aus departments.yaml${p.known.length > 0 ? ` (${quoteList(p.known)})` : ""}, oder legen Sie das Amt dort zuerst an.`,
  },
};

export const warningsDe: Translated<typeof warnings> = {
  "translation-outdated": {
    title: "Das Original wurde nach dieser Übersetzung geändert",
    message: (p) =>
      `Das Original wurde nach dieser Übersetzung geändert: Es wurde am ${germanTime(p.updated)} aktualisiert, ` +
      (p.translated === undefined ? "und die Übersetzung hat kein Datum translated:." : `die Übersetzung wurde zuletzt am ${germanTime(p.translated)} angeglichen.`),
    hint: () => "Gleichen Sie die Übersetzung an das Original an und setzen Sie dann translated: auf Datum und Uhrzeit dieser Arbeit (translated: 2026-11-28 10:00).",
  },
  "image-alt-missing-inline": {
    title: "Bild im Text ohne Alternativtext",
    message: (p) => `Das Bild „${p.src}“ im Text hat keinen Alternativtext; die Seite zeigt es mit alt="".`,
    hint: (p) =>
      (p.html
        ? 'Beschreiben Sie in einem alt-Attribut, was das Bild zeigt, z. B. <img src="foto.jpg" alt="Bagger auf dem Radweg am Ring">, '
        : "Beschreiben Sie zwischen den eckigen Klammern, was das Bild zeigt, z. B. ![Bagger auf dem Radweg am Ring](foto.jpg), ") +
      "damit Menschen, die es nicht sehen können, erfahren, was darauf ist.",
  },
  "image-external": {
    title: "Bild von einer anderen Website",
    message: (p) => `Das Bild „${p.src}“ liegt auf einer anderen Website; die Seite zeigt statt des Bildes einen Link darauf.`,
    hint: () =>
      "Es zu laden, verriete jener Website, wer die Meldung liest, und die Sicherheitsrichtlinie der Seite lässt es nicht zu. " +
      "Speichern Sie das Bild im Ordner der Meldung und setzen Sie es von dort ein, z. B. ![Bagger auf dem Radweg am Ring](foto.jpg).",
  },
  "link-removed": {
    title: "Linkadresse nicht erlaubt",
    message: (p) => `Die Adresse „${p.address}“ ist keine Web-, E-Mail- oder Telefonadresse; die Seite zeigt den Text des Links ohne den Link.`,
    hint: () =>
      "Ein Link darf zu https://-, http://-, mailto:- oder tel:-Adressen führen, oder zu einer Seite oder Datei dieser Website. " +
      "Wurde die Adresse kopiert, kopieren Sie sie erneut aus der Adresszeile des Browsers (unsichtbare Zeichen können mitgekommen sein).",
  },
  "media-format-renamed": {
    title: "Dateiname passt nicht zum Bildformat",
    message: (p) =>
      `Die Datei „${p.file}“ ist ein ${p.actual}-Bild, ihr Name endet aber auf .${p.extension}; ` +
      `die Webfassungen werden aus dem Bild selbst gemacht, das Original wird als „${p.published}“ veröffentlicht.`,
    hint: (p) => `Benennen Sie die Datei so um, dass sie auf .${p.suggested} endet, und ändern Sie den Namen auch in der Meldung.`,
  },
  "image-cmyk": {
    title: "Foto in Druckfarben (CMYK)",
    message: (p) =>
      `Das Foto „${p.file}“ ist in CMYK-Druckfarben gespeichert; seine Webfassungen werden in Bildschirmfarben (sRGB) umgerechnet.`,
    hint: () =>
      "Sehen Sie sich das Foto auf der Seite an. Wirken die Farben falsch, legen Sie ein sRGB-JPEG davon fürs Web dazu; " +
      "die CMYK-Datei bleibt als Original für den Druck erhältlich.",
  },
  "invisible-character": {
    title: "Unsichtbares Zeichen im Text",
    message: (p) =>
      `Diese Zeile enthält ${p.count === 1 ? "ein unsichtbares Zeichen" : `${p.count} unsichtbare Zeichen`}, ${p.character}; ` +
      (p.treatment === "removed"
        ? `die Seite lässt ${p.count === 1 ? "es" : "sie"} weg.`
        : p.treatment === "line-break"
          ? "die Seite zeigt stattdessen einen Zeilenumbruch."
          : "die Seite beginnt dort stattdessen einen neuen Absatz."),
    hint: () =>
      "Solche Zeichen kommen mit, wenn Text aus Word, einer E-Mail oder einer Webseite kopiert wird. Löschen Sie das Zeichen " +
      "an der markierten Stelle (der Cursor scheint dort bei einem Druck auf eine Pfeiltaste stehen zu bleiben) oder schreiben Sie die Wörter dort neu.",
  },
  "invisible-character-field": {
    title: "Unsichtbares Zeichen in einem Feld",
    message: (p) =>
      `Das Feld „${p.field}“ enthält ${p.count === 1 ? "ein unsichtbares Zeichen" : `${p.count} unsichtbare Zeichen`}, ${p.character}; ` +
      `die Seite, die Feeds und die Suche lassen ${p.count === 1 ? "es" : "sie"} weg.`,
    hint: (p) =>
      `Schreiben Sie den Wert von „${p.field}“ neu oder löschen Sie das Zeichen (oft steht es am Anfang, am Ende oder zwischen zwei Wörtern). ` +
      "Solche Zeichen kommen mit, wenn Text aus Word, einer E-Mail oder einer Webseite kopiert wird.",
  },
  "pasted-list-unclear": {
    title: "Zeilen, die wie eine Liste aussehen",
    message: (p) =>
      p.lines === 1
        ? `Diese Zeile neben einer Liste beginnt mit „${p.marker}“ und einem Leerzeichen wie die Punkte einer aus Word kopierten Liste; ` +
          "die Seite zeigt sie als gewöhnlichen Text."
        : `Diese Zeile und ${p.lines === 2 ? "die folgende" : `die ${p.lines - 1} folgenden`} beginnen mit „${p.marker}“ und einem Leerzeichen ` +
          "wie die Punkte einer aus Word kopierten Liste; die Seite zeigt sie als gewöhnlichen Text.",
    hint: () =>
      "Sind es Punkte einer Liste, beginnen Sie jeden mit „- “ (Bindestrich und Leerzeichen). Wenn nicht, fügen Sie die Zeilen zu einer zusammen.",
  },
  "value-cut-at-hash": {
    title: "Text als Kommentar gelesen",
    message: (p) =>
      `„${p.field}“ endet bei „${p.kept}“: „${p.lost}“ dahinter gilt als Kommentar (ein # nach einem Leerzeichen beginnt einen) und erscheint nicht auf der Seite.`,
    hint: (p) => `Gehört es dazu, setzen Sie den ganzen Wert in Anführungszeichen: ${p.suggestion}`,
  },
  "value-is-comment": {
    title: "Wert als Kommentar gelesen",
    message: (p) => `„${p.field}“ ist leer: „${p.written}“ gilt als Kommentar (ein # am Anfang eines Werts beginnt einen) und erscheint nicht auf der Seite.`,
    hint: (p) => `Gehört es dazu, setzen Sie den Wert in Anführungszeichen: ${p.suggestion}`,
  },
  "updated-in-future": {
    title: "Aktualisierung liegt in der Zukunft",
    message: (p) =>
      `Die Meldung gibt an, am ${germanTime(p.updated)} aktualisiert worden zu sein; das ist später als jetzt (${germanTime(p.now)}). ` +
      "Die Seite zeigt diese Zeit trotzdem schon an.",
    hint: () =>
      "Schreiben Sie Datum und Uhrzeit, zu der die Korrektur gemacht wurde, z. B. die Zeit des Speicherns. " +
      "Soll sich eine Meldung erst später ändern, nehmen Sie die Änderung dann vor.",
  },
  "import-skipped-exists": {
    title: "Nicht übernommen: Datei vorhanden",
    message: (p) => `Die Datei ${p.file} gibt es schon, und der Import hat sie nicht geschrieben; sie bleibt, wie sie ist.`,
    hint: () => "Ist die alte Meldung eine andere, benennen Sie den Ordner der vorhandenen Datei um und importieren Sie erneut.",
  },
  "import-skipped-edited": {
    title: "Nicht aktualisiert: seit dem Import bearbeitet",
    message: (p) => `${p.file} wurde nach dem Import geändert; --update lässt die Datei, wie sie ist.`,
    hint: () => "Übernehmen Sie Änderungen der Quelle von Hand, oder löschen Sie die Datei und importieren Sie neu.",
  },
  "import-skipped-no-department": {
    title: "Nicht übernommen: kein Amt",
    message: (p) =>
      p.categories.length === 0
        ? "Der Eintrag nennt keine Kategorie, und keine Regel und kein Standard gibt ihm ein Amt."
        : `Keine Regel ordnet seine Kategorien (${quoteList(p.categories)}) einem Amt zu, und es gibt keinen Standard.`,
    hint: () => "Geben Sie mit --department KÜRZEL ein Amt für alle übrigen an, oder ordnen Sie die Kategorie in der Zuordnungsdatei einem Amt zu (departments:).",
  },
  "import-skipped-no-date": {
    title: "Nicht übernommen: kein Datum",
    message: (p) => (p.value === "" ? "Der Eintrag hat kein Datum." : `Das Datum „${p.value}“ des Eintrags ist nicht lesbar.`),
    hint: () => "Eine Meldung braucht ihr Datum: Nennen Sie für HTML-Seiten in der Zuordnungsdatei, wo es steht (date:) und in welcher Form (date_format:).",
  },
  "import-skipped-kind": {
    title: "Nicht übernommen: kein Beitrag",
    message: (p) => `Der Eintrag ist ${germanKind(p.kind)}, kein Beitrag.`,
    hint: () => "Nur Beiträge werden zu Meldungen; Seiten, Anhänge und Menüs der alten Website bleiben draußen.",
  },
  "import-draft": {
    title: "Als Entwurf übernommen",
    message: (p) => `Der Eintrag ist auf der alten Website ${germanStatus(p.status)}; er wird mit draft: true übernommen und nicht veröffentlicht.`,
    hint: () => "Prüfen Sie ihn und löschen Sie dann die Zeile draft: true, um ihn zu veröffentlichen.",
  },
  "import-no-title": {
    title: "Eintrag ohne Titel",
    message: (p) => `Der Eintrag hat keinen Titel; er wird als „${p.title}“ übernommen.`,
    hint: () => "Schreiben Sie den Titel der Meldung in ihre Zeile title:.",
  },
  "import-alt-missing": {
    title: "Foto ohne Alternativtext",
    message: (p) => `Das Foto „${p.file}“ hatte auf der alten Website keinen Alternativtext.`,
    hint: () => "Beschreiben Sie in seiner Zeile alt: (oder im Text zwischen den eckigen Klammern), was das Foto zeigt.",
  },
  "import-fetch-failed": {
    title: "Datei nicht abrufbar",
    message: (p) => `„${p.address}“ konnte nicht abgerufen werden: ${germanPhrase(p.reason)}. Die Meldung verweist stattdessen auf die alte Adresse.`,
    hint: () => "Speichern Sie die Datei von Hand in den Ordner der Meldung und binden Sie sie mit ihrem Namen ein, oder nehmen Sie sie aus dem Text.",
  },
  "import-other-host": {
    title: "Datei auf einer anderen Website",
    message: (p) => `„${p.address}“ liegt nicht auf ${p.host} und wurde deshalb nicht abgerufen.`,
    hint: () => "Braucht die Meldung die Datei, speichern Sie sie in den Ordner der Meldung und binden Sie sie mit ihrem Namen ein.",
  },
  "import-alias-unusable": {
    title: "Alte Adresse kann nicht umleiten",
    message: (p) => `Die alte Adresse „${p.address}“ kann keine Umleitung werden: ${germanPhrase(p.reason)}.`,
    hint: () => "Links auf diese Adresse erreichen die Meldung nicht; eine Weiterleitung auf dem alten Server kann sie umlenken.",
  },
  "import-shortcode": {
    title: "WordPress-Shortcode weggelassen",
    message: (p) => `Für den Shortcode [${p.shortcode}] gibt es keine Entsprechung; seine Klammern sind weggelassen, sein Text ist geblieben.`,
    hint: () => "Sehen Sie sich den Text der Meldung an: Was der Shortcode auf der alten Website zeigte, muss vielleicht ausgeschrieben werden.",
  },
  "import-no-contact": {
    title: "Meldung ohne Kontakt",
    message: (p) => `Der Eintrag nennt keinen Pressekontakt, und das Amt „${p.department}“ hat keinen eigenen; die Prüfung wird einen verlangen.`,
    hint: (p) => `Geben Sie „${p.department}“ in departments.yaml einen Kontakt (contact: <kürzel>), oder ergänzen Sie contact: in der Meldung.`,
  },
  "import-comments": {
    title: "Kommentare nicht übernommen",
    message: (p) => `Der Eintrag hat ${p.count === 1 ? "einen Kommentar" : `${p.count} Kommentare`}; Pressemitteilungen haben keine, ${p.count === 1 ? "er wurde" : "sie wurden"} weggelassen.`,
    hint: () => "Nichts zu tun, es sei denn, ein Kommentar enthält eine Korrektur, die in den Text gehört.",
  },
};
