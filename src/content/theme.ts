/**
 * The site's look and its legal links, from site.yaml: main colour (checked
 * for contrast), logo file, footer links and social accounts. Pure: the logo
 * file itself is read and checked by theme/logo.ts.
 */
import path from "node:path";
import { problem, type Problem } from "../errors/problem.ts";
import { AA_CONTRAST, contrast, darkEnough, parseColor, ratioText, WHITE } from "../theme/color.ts";
import type { FileSystem } from "./fs.ts";
import type { Language } from "../i18n/strings.ts";
import { FOOTER_LINKS, type Theme } from "./model.ts";
import type { SiteData } from "./schema.ts";
import type { ParsedYaml } from "./yaml.ts";

/** Links a German public body must give on every page: the Impressum (§ 5 DDG) and the privacy notice (Art. 13 GDPR). */
const REQUIRED_FOOTER: Readonly<Record<Language, readonly (typeof FOOTER_LINKS)[number][]>> = { de: ["imprint", "privacy"], en: [] };

const LOGO_TYPES = [".svg", ".png"];

/** An address a visitor can follow from any page: https or http, or mailto for a contact. */
function linkOf(value: string, mail: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  const schemes = mail ? ["https:", "http:", "mailto:"] : ["https:", "http:"];
  return schemes.includes(url.protocol) && (url.protocol === "mailto:" || url.hostname !== "") ? url.href : undefined;
}

/**
 * A "name: value" line with another value: a quoted value is replaced up to
 * its closing quote, a plain one up to a comment (a # after a space); what
 * follows stays. A line whose value starts with # (a comment to YAML) gets
 * the value in place of the comment.
 */
function withValue(line: string, value: string): string {
  const name = /^\s*[^\s:#]+\s*:[ \t]*/.exec(line)?.[0];
  if (name === undefined) return line;
  const rest = line.slice(name.length);
  const quote = rest[0] === '"' || rest[0] === "'" ? rest.indexOf(rest[0], 1) : -1;
  const end = quote !== -1 ? quote + 1 : rest.startsWith("#") ? rest.length : rest.search(/\s#|$/);
  return `${name}${value}${rest.slice(end)}`;
}

export function resolveTheme(
  data: SiteData,
  language: Language,
  parsed: ParsedYaml,
  file: string,
  /** site.yaml's text, to quote a line. */
  source: string,
  contentRoot: string,
  fs: FileSystem,
  problems: Problem[],
): Theme {
  const at = (...fieldPath: string[]) => ({ file, line: parsed.lineOf(fieldPath), field: fieldPath.join(".") });

  let color: string | undefined;
  if (data.color !== undefined) {
    const hex = parseColor(data.color);
    const line = parsed.lineOf(["color"]);
    const written = line === undefined ? undefined : source.split("\n")[line - 1];
    // The color: line with another colour in quotes, its comment kept: the fix a hint proposes.
    const colorFix = (value: string) => (line === undefined || written === undefined ? [] : [{ line, text: withValue(written, `"${value}"`) }]);
    if (hex === undefined) {
      // color: #005a9c without quotes is a comment to YAML, and the value is empty: show what was written.
      const value = data.color.trim() === "" && written !== undefined ? written.replace(/^\s*color\s*:\s*/, "").trim() : data.color;
      if (value !== data.color && parseColor(value) !== undefined) {
        problems.push(problem("invalid-value", at("color"), { field: "color", value, expected: `a colour in quotes: color: "${value}"` }, colorFix(value)));
      } else {
        problems.push(problem("invalid-value", at("color"), { field: "color", value, expected: 'a colour written as #rrggbb, e.g. color: "#005a9c" (with the quotes)' }));
      }
    } else {
      const ratio = contrast(hex, WHITE);
      if (ratio < AA_CONTRAST) {
        const darker = darkEnough(hex);
        const params = { value: data.color, ratio: ratioText(ratio), suggestion: darker, suggestionRatio: ratioText(contrast(darker, WHITE)) };
        problems.push(problem("low-contrast", at("color"), params, colorFix(darker)));
      } else color = hex;
    }
  }

  const footer: Theme["footer"][number][] = [];
  for (const kind of FOOTER_LINKS) {
    const value = data.footer?.[kind];
    if (value === undefined) {
      if (REQUIRED_FOOTER[language].includes(kind)) {
        const line = data.footer ? parsed.lineOf(["footer"], true) : undefined;
        problems.push(problem("missing-legal-link", { file, ...(line !== undefined && { line }), field: `footer.${kind}` }, { kind }));
      }
      continue;
    }
    const url = linkOf(value, kind === "contact");
    if (url === undefined) {
      const expected = kind === "contact" ? "a full address starting with https:// (or mailto:)" : "a full address starting with https://";
      problems.push(problem("invalid-value", at("footer", kind), { field: `footer.${kind}`, value, expected }));
    } else footer.push({ kind, url });
  }

  const social: Theme["social"][number][] = [];
  for (const [name, value] of Object.entries(data.social ?? {})) {
    const url = linkOf(value, false);
    if (url === undefined || name.trim() === "") {
      problems.push(problem("invalid-value", at("social", name), { field: `social.${name}`, value, expected: "a full address starting with https://" }));
    } else social.push({ name: name.trim(), url });
  }

  let logo: Theme["logo"];
  if (data.logo !== undefined) {
    const name = data.logo.trim().replace(/^\.\//, "");
    const line = parsed.lineOf(["logo"]);
    const where = { file, ...(line !== undefined && { line }), field: "logo" };
    const target = path.resolve(contentRoot, name);
    const inside = !path.isAbsolute(name) && target.startsWith(contentRoot + path.sep);
    const real = inside ? fs.realFile(target) : undefined;
    if (!LOGO_TYPES.includes(path.extname(name).toLowerCase())) {
      problems.push(problem("invalid-value", where, { field: "logo", value: data.logo, expected: "an SVG or PNG file in the content folder, e.g. logo: logo.svg" }));
    } else if (real === undefined || !real.startsWith(contentRoot + path.sep)) {
      const others = inside ? (fs.filesIn?.(path.dirname(target)) ?? []).filter((f) => LOGO_TYPES.includes(path.extname(f).toLowerCase())) : [];
      problems.push(problem("logo-missing", where, { file: name, candidates: others }));
    } else logo = { file: path.relative(contentRoot, target).split(path.sep).join("/"), ...(line !== undefined && { line }) };
  }

  return { ...(color && { color }), ...(logo && { logo }), footer, social };
}
