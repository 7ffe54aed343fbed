import { de } from "./de.ts";
import { en } from "./en.ts";
import type { Language, Strings } from "./strings.ts";

const byLanguage: Record<Language, Strings> = { de, en };

export const stringsFor = (language: Language): Strings => byLanguage[language];
export { LANGUAGES, isLanguage, type Language, type Strings } from "./strings.ts";
