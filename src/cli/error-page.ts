/**
 * The page the preview shows while the content has problems: the same report
 * as the terminal's, in the site's language, paths as seen from the working
 * folder, and a reload every two seconds, so the page turns into the release
 * as soon as the file is fixed.
 */
import type { Problem } from "../errors/problem.ts";
import { formatProblems } from "../errors/report.ts";
import { reportLanguage } from "../errors/language.ts";
import { xmlEscape } from "../outputs/xml.ts";
import { pathFromCwd } from "./report.ts";

const TEXT = {
  de: {
    title: "Fehler im Inhalt",
    lead: "Die Vorschau zeigt wieder die Seiten, sobald die Datei korrigiert und gespeichert ist.",
  },
  en: {
    title: "Problems in the content",
    lead: "The preview shows the pages again as soon as the file is fixed and saved.",
  },
} as const;

export function errorPage(problems: readonly Problem[], sources: ReadonlyMap<string, string>, options: { contentDir: string }): string {
  // The terminal's choices: the site's language (English when site.yaml does not say), paths from the working folder.
  const language = reportLanguage(undefined, sources.get("site.yaml"));
  const report = formatProblems(problems, { sources, color: false, language, path: pathFromCwd(options.contentDir), outcome: "check" });
  const t = TEXT[language];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="2">
<title>${t.title}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}h1{color:#a4262c}pre{white-space:pre-wrap;background:#fdf3f4;border-left:4px solid #a4262c;padding:1rem;font-size:.95rem}</style>
</head>
<body>
<main>
<h1>${t.title}</h1>
<p>${t.lead}</p>
<pre id="problems">${xmlEscape(report)}</pre>
</main>
</body>
</html>
`;
}
