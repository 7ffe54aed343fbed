/**
 * The YAML mistakes pressroom recognises, in both languages of its reports.
 * The parser (content/yaml.ts) names the mistake; the catalog entry
 * "yaml-syntax" says it in English, catalog-de.ts in German.
 */
import type { Language } from "../i18n/strings.ts";

/**
 * A line whose value the parser could not take, read as the writer meant it:
 * what stands before the field's name (indentation, "- " of a list entry),
 * the name, and the value's text (`"Weihnachtsoratorium" im Dom` with its
 * quotes, where they belong to the text). The hint shows the line written
 * right, and the problem carries it as its fix.
 */
export interface MeantLine {
  readonly indent?: string;
  readonly field: string;
  readonly value: string;
  /** A comment after the value ("  # Ortszeit"), kept after it. */
  readonly comment?: string;
}

export type YamlMistake =
  | { readonly kind: "tab" }
  /** `typography`: the language of the site, whose quotation marks the proposed line uses (German when not given). */
  /** `quote`: the value starts with a single quote (`title: 'Rock'n'Roll' im Park`); a double one when not given. */
  | ({ readonly kind: "inner-quotes"; readonly typography?: Language; readonly quote?: "'" } & MeantLine)
  | { readonly kind: "indented" }
  | ({ readonly kind: "colon" } & Partial<MeantLine>)
  | { readonly kind: "duplicate-field" }
  | { readonly kind: "no-colon" }
  | { readonly kind: "uneven-indent" }
  | { readonly kind: "unclosed-quote" }
  | { readonly kind: "alias"; readonly name: string };

type Texts = { readonly [K in YamlMistake["kind"]]: (m: Extract<YamlMistake, { kind: K }>) => { detail: string; hint: string } };

/** Double quotation marks, opening and closing, as the page's typography sets them (markdown/typography.ts). */
const QUOTATION: { readonly [L in Language]: readonly [string, string] } = { de: ["„", "“"], en: ["“", "”"] };

/** `Er sagte "Hallo" heute` with its inner quotes as the language's: `Er sagte „Hallo“ heute`. */
export const typographicQuotes = (value: string, language: Language = "de"): string => {
  let open = true;
  const [opening, closing] = QUOTATION[language];
  return value.replace(/"/g, () => ((open = !open) ? closing : opening));
};

/** „…“ or “…”: how a hint names the quotation marks of the language. */
const quotationMarks = (language: Language = "de"): string => `${QUOTATION[language][0]}…${QUOTATION[language][1]}`;

/** The value in single quotes, as YAML writes them (a single quote inside doubled). */
export const singleQuoted = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** The value in double quotes, its own double quotes made „…“ (or the language's; a backslash, YAML's escape there, doubled). */
export const doubleQuoted = (value: string, language?: Language): string => `"${typographicQuotes(value, language).replaceAll("\\", "\\\\")}"`;

/** The value in the quotes that keep it as it is: double ones, single ones when it has a double quote or a backslash. */
export const quoted = (value: string): string => (/["\\]/.test(value) ? singleQuoted(value) : `"${value}"`);

/** The values a hint proposes for a mistake's line, each in its quotes; none when it has no line of its own to propose. */
function meantValues(mistake: YamlMistake): string[] {
  // In single quotes, a single quote inside is doubled: a line no press officer writes twice. Double quotes only, then.
  if (mistake.kind === "inner-quotes" && mistake.quote === "'") return [doubleQuoted(mistake.value, mistake.typography)];
  if (mistake.kind === "inner-quotes") return [doubleQuoted(mistake.value, mistake.typography), singleQuoted(mistake.value)];
  if (mistake.kind === "colon" && mistake.field !== undefined && mistake.value !== undefined) return [quoted(mistake.value)];
  return [];
}

/** The lines a hint proposes for a mistake, as the file is to hold them: indentation, "- " and a comment after the value kept. */
export function meantLines(mistake: YamlMistake): string[] {
  const m = mistake as Partial<MeantLine>;
  return meantValues(mistake).map((value) => `${m.indent ?? ""}${m.field}: ${value}${m.comment ?? ""}`);
}

/** The proposed lines as a hint shows them: the field and its value. */
const proposed = (mistake: YamlMistake): string[] => meantValues(mistake).map((value) => `${(mistake as MeantLine).field}: ${value}`);

const texts: { readonly [L in Language]: Texts } = {
  en: {
    tab: () => ({
      detail: "this line is indented with a tab",
      hint:
        "Delete the tab at the start of the line and indent with spaces, as the lines around it are " +
        "(some editors insert a tab for the Tab key: indent with the space bar).",
    }),
    "inner-quotes": (m) =>
      m.quote === "'"
        ? {
            detail: `the value of "${m.field}" starts with a single quote, so the next single quote inside it ends the value too early`,
            hint: `Put the whole value in double quotes: ${proposed(m)[0]}`,
          }
        : {
            detail: `the value of "${m.field}" starts with a double quote, so the next double quote inside it ends the value too early`,
            hint: `Write the quotation marks inside the text as ${quotationMarks(m.typography)}: ${proposed(m)[0]}, or put single quotes around the whole value: ${proposed(m)[1]}`,
          },
    indented: () => ({
      detail: "this line is indented, so it is read as part of the line above",
      hint: "Start every field at the beginning of its line, without spaces in front (only the entries under media: are indented).",
    }),
    colon: (m) => ({
      detail: "a value contains a colon followed by a space",
      hint:
        proposed(m).length > 0
          ? `Put the whole value in quotes: ${proposed(m)[0]}`
          : 'Put the whole value in double quotes, e.g. title: "Bürgermeisterin: Wir bauen".',
    }),
    "duplicate-field": () => ({
      detail: "a field appears twice",
      hint: "Keep one line for each field and delete the other.",
    }),
    "no-colon": () => ({
      detail: "a line has no colon after its field name, or is indented wrongly",
      hint: 'Write each field as "name: value", starting at the beginning of its line.',
    }),
    "uneven-indent": () => ({
      detail: "the lines are not indented the same way",
      hint: "Indent the lines of one group (such as one entry under media:) by the same number of spaces.",
    }),
    "unclosed-quote": () => ({
      detail: "a quote is opened but never closed",
      hint: "Close the quote at the end of the value.",
    }),
    alias: (m) => ({
      detail: `the alias *${m.name} refers to another part of the file`,
      hint: "Write the value itself instead of *name (a value starting with * must be put in double quotes).",
    }),
  },
  de: {
    tab: () => ({
      detail: "diese Zeile ist mit einem Tabulator eingerückt",
      hint:
        "Löschen Sie den Tabulator am Zeilenanfang und rücken Sie mit Leerzeichen ein wie die Zeilen darum " +
        "(manche Editoren setzen bei der Tab-Taste einen Tabulator: rücken Sie mit der Leertaste ein).",
    }),
    "inner-quotes": (m) =>
      m.quote === "'"
        ? {
            detail: `der Wert von „${m.field}“ beginnt mit einem einfachen Anführungszeichen, darum beendet ihn das nächste einfache Anführungszeichen darin zu früh`,
            hint: `Setzen Sie den ganzen Wert in doppelte Anführungszeichen: ${proposed(m)[0]}`,
          }
        : {
            detail: `der Wert von „${m.field}“ beginnt mit einem doppelten Anführungszeichen, darum beendet ihn das nächste doppelte Anführungszeichen darin zu früh`,
            hint:
              `Schreiben Sie die Anführungszeichen im Text als ${quotationMarks(m.typography)}: ${proposed(m)[0]}, ` +
              `oder setzen Sie den ganzen Wert in einfache Anführungszeichen: ${proposed(m)[1]}`,
          },
    indented: () => ({
      detail: "diese Zeile ist eingerückt und wird darum als Teil der Zeile darüber gelesen",
      hint: "Beginnen Sie jedes Feld am Anfang seiner Zeile, ohne Leerzeichen davor (nur die Einträge unter media: sind eingerückt).",
    }),
    colon: (m) => ({
      detail: "ein Wert enthält einen Doppelpunkt mit folgendem Leerzeichen",
      hint:
        proposed(m).length > 0
          ? `Setzen Sie den ganzen Wert in Anführungszeichen: ${proposed(m)[0]}`
          : 'Setzen Sie den ganzen Wert in doppelte Anführungszeichen, z. B. title: "Bürgermeisterin: Wir bauen".',
    }),
    "duplicate-field": () => ({
      detail: "ein Feld steht zweimal da",
      hint: "Behalten Sie für jedes Feld eine Zeile und löschen Sie die andere.",
    }),
    "no-colon": () => ({
      detail: "einer Zeile fehlt der Doppelpunkt nach dem Feldnamen, oder sie ist falsch eingerückt",
      hint: "Schreiben Sie jedes Feld als „name: Wert“, am Anfang seiner Zeile.",
    }),
    "uneven-indent": () => ({
      detail: "die Zeilen sind nicht gleich eingerückt",
      hint: "Rücken Sie die Zeilen einer Gruppe (etwa eines Eintrags unter media:) um gleich viele Leerzeichen ein.",
    }),
    "unclosed-quote": () => ({
      detail: "ein Anführungszeichen wird geöffnet, aber nie geschlossen",
      hint: "Schließen Sie das Anführungszeichen am Ende des Werts.",
    }),
    alias: (m) => ({
      detail: `der Verweis *${m.name} zeigt auf eine andere Stelle der Datei`,
      hint: "Schreiben Sie den Wert selbst statt *name (ein Wert, der mit * beginnt, gehört in doppelte Anführungszeichen).",
    }),
  },
};

/** What to say about a mistake, in `language`. */
export function yamlMistake(mistake: YamlMistake, language: Language): { detail: string; hint: string } {
  const say = texts[language][mistake.kind] as (m: YamlMistake) => { detail: string; hint: string };
  return say(mistake);
}
