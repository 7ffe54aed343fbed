/**
 * The page the preview shows while the content has problems: the same report
 * as the terminal's, paths as seen from the working folder, and a reload every
 * two seconds, so the page turns into the release as soon as the file is fixed.
 */
import path from "node:path";
import type { Problem } from "../errors/problem.ts";
import { formatProblems } from "../errors/report.ts";
import { xmlEscape } from "../outputs/xml.ts";

export function errorPage(problems: readonly Problem[], sources: ReadonlyMap<string, string>, options: { contentDir: string }): string {
  const seen = new Map<string, string>();
  const shown = problems.map((p) => ({ ...p, file: path.join(options.contentDir, p.file).split(path.sep).join("/") }));
  for (const p of problems) {
    const text = sources.get(p.file);
    if (text !== undefined) seen.set(path.join(options.contentDir, p.file).split(path.sep).join("/"), text);
  }
  const report = formatProblems(shown, { sources: seen, color: false });
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="2">
<title>Fehler im Inhalt – Problems in the content</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}h1{color:#a4262c}pre{white-space:pre-wrap;background:#fdf3f4;border-left:4px solid #a4262c;padding:1rem;font-size:.95rem}</style>
</head>
<body>
<main>
<h1>Fehler im Inhalt <span lang="en">(problems in the content)</span></h1>
<p>Die Vorschau zeigt wieder die Seiten, sobald die Datei korrigiert und gespeichert ist. <span lang="en">The preview shows the pages again as soon as the file is fixed and saved.</span></p>
<pre id="problems">${xmlEscape(report)}</pre>
</main>
</body>
</html>
`;
}
