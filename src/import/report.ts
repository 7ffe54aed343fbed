/**
 * The report of `pressroom import`: for people, in the site's language —
 * counts, then each item imported (with its warnings), each skipped (and
 * why), and what to do next — or as JSON for scripts.
 */
import { inert } from "../errors/inert.ts";
import { localize } from "../errors/report.ts";
import type { Problem } from "../errors/problem.ts";
import type { Language } from "../i18n/strings.ts";
import type { EntryStatus, ImportReport, ReportEntry } from "./run.ts";

interface Words {
  readonly kinds: Record<string, string>;
  readonly summary: (counts: Record<EntryStatus, number>, dryRun: boolean) => string;
  readonly headings: Record<EntryStatus, string>;
  readonly draft: string;
  readonly hint: string;
  readonly next: (check: string) => string;
  readonly dryRun: string;
  readonly quoted: (text: string) => string;
}

const WORDS: Record<Language, Words> = {
  de: {
    kinds: { wordpress: "WordPress-Export", feed: "Feed", html: "HTML-Seiten" },
    summary: (c, dry) =>
      `${c.imported} ${dry ? "würden übernommen" : "übernommen"}, ${c.updated} ${dry ? "würden aktualisiert" : "aktualisiert"}, ` +
      `${c.unchanged} unverändert, ${c.skipped} übersprungen.`,
    headings: { imported: "Übernommen", updated: "Aktualisiert", unchanged: "Unverändert", skipped: "Übersprungen" },
    draft: "Entwurf",
    hint: "Hinweis",
    next: (check) => `Als Nächstes: ${check} prüft die übernommenen Meldungen; beheben Sie, was es meldet, und sehen Sie sich einige Seiten mit pressroom serve an.`,
    dryRun: "Probelauf: Es wurde nichts geschrieben.",
    quoted: (text) => `„${text}“`,
  },
  en: {
    kinds: { wordpress: "WordPress export", feed: "feed", html: "HTML pages" },
    summary: (c, dry) =>
      `${c.imported} ${dry ? "would be imported" : "imported"}, ${c.updated} ${dry ? "would be updated" : "updated"}, ` +
      `${c.unchanged} unchanged, ${c.skipped} skipped.`,
    headings: { imported: "Imported", updated: "Updated", unchanged: "Unchanged", skipped: "Skipped" },
    draft: "draft",
    hint: "hint",
    next: (check) => `Next: ${check} checks the imported releases; fix what it reports, and look at a few pages with pressroom serve.`,
    dryRun: "Dry run: nothing was written.",
    quoted: (text) => `“${text}”`,
  },
};

export function countsOf(report: ImportReport): Record<EntryStatus, number> {
  const counts: Record<EntryStatus, number> = { imported: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const entry of report.entries) counts[entry.status]++;
  return counts;
}

function warningLines(problems: readonly Problem[], language: Language, words: Words): string[] {
  return problems.flatMap((p) => {
    const said = localize(p, language);
    return [`    ${inert(said.title)}: ${inert(said.message)}`, `      ${words.hint}: ${inert(said.hint)}`];
  });
}

function entryLines(entry: ReportEntry, language: Language, words: Words, shown: (file: string) => string): string[] {
  const title = entry.title ? words.quoted(inert(entry.title)) : "";
  const head =
    entry.status === "skipped"
      ? `  ${inert(entry.old)} ${title}`.trimEnd()
      : `  ${shown(entry.file!)}${entry.draft ? ` (${words.draft})` : ""}  ← ${inert(entry.old)}`;
  // A skip's reason is in its first warning.
  return [head, ...warningLines(entry.warnings, language, words)];
}

/** The report for people. `shown` names a content-relative file as the press officer sees it; `check` is the command to run next. */
export function reportText(report: ImportReport, language: Language, shown: (file: string) => string, check: string): string {
  const words = WORDS[language];
  const counts = countsOf(report);
  const lines = [`${inert(report.source)} (${words.kinds[report.kind ?? ""] ?? report.kind}): ${words.summary(counts, report.dryRun)}`];
  for (const status of ["imported", "updated", "skipped"] as const) {
    const list = report.entries.filter((e) => e.status === status);
    if (list.length === 0) continue;
    lines.push("", `${words.headings[status]}:`);
    for (const entry of list) lines.push(...entryLines(entry, language, words, shown));
  }
  lines.push("", report.dryRun ? words.dryRun : words.next(check));
  return `${lines.join("\n")}\n`;
}

const problemJson = (p: Problem, language: Language, shown: (file: string) => string) => {
  const said = localize(p, language);
  const isFile = !/^[a-z]+:/i.test(p.file) && !p.file.startsWith("/");
  return { code: p.code, severity: p.severity, file: isFile ? shown(p.file) : p.file, ...(p.field && { field: p.field }), title: said.title, message: said.message, hint: said.hint };
};

/** The report for scripts: counts, and every item with its status, file, address and warnings. */
export function reportJson(report: ImportReport, language: Language, shown: (file: string) => string) {
  return {
    source: report.source,
    ...(report.kind && { kind: report.kind }),
    dryRun: report.dryRun,
    counts: countsOf(report),
    requests: report.requests,
    items: report.entries.map((e) => ({
      status: e.status,
      old: e.old,
      ...(e.title !== undefined && { title: e.title }),
      ...(e.file !== undefined && { file: shown(e.file) }),
      ...(e.url !== undefined && { url: e.url }),
      ...(e.draft !== undefined && { draft: e.draft }),
      warnings: e.warnings.map((w) => problemJson(w, language, shown)),
    })),
    problems: report.problems.map((p) => problemJson(p, language, shown)),
  };
}
