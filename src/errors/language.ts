/**
 * The language a report speaks: --lang when given, else the site's own
 * (the `language:` line of site.yaml, read as text, so that it is found even
 * when site.yaml has other mistakes), else English.
 */
import { isLanguage, type Language } from "../i18n/strings.ts";
import { UsageError } from "./usage.ts";

/** `language: de` (perhaps quoted, perhaps with a comment) at the start of a line of site.yaml. */
const LANGUAGE_LINE = /^language:[ \t]*(["']?)([A-Za-z-]+)\1[ \t]*(?:#.*)?$/m;

export function siteLanguage(siteYaml: string | undefined): Language | undefined {
  const found = siteYaml === undefined ? undefined : LANGUAGE_LINE.exec(siteYaml)?.[2]?.toLowerCase();
  return found !== undefined && isLanguage(found) ? found : undefined;
}

/** The language of a report: `flag` (--lang), else site.yaml's, else English. A --lang pressroom does not speak is a usage error. */
export function reportLanguage(flag: string | undefined, siteYaml: string | undefined): Language {
  if (flag !== undefined) {
    if (!isLanguage(flag)) throw new UsageError(`--lang "${flag}" is not a language of pressroom's messages: use de or en`);
    return flag;
  }
  return siteLanguage(siteYaml) ?? "en";
}
