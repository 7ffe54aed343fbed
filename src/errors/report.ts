import type { Problem } from "./problem.ts";
import { sortProblems } from "./problem.ts";

export interface ReportOptions {
  /** File contents by content-relative path, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly color: boolean;
}

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** A few lines of the file around `line`, the line itself marked. */
export function codeFrame(source: string, line: number, column = 1, context = 2): string {
  const lines = source.split("\n");
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = (lines[n - 1] ?? "").replace(/\r$/, "").replace(/\t/g, "  ");
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${text}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, column - 1))}^`);
  }
  return out.join("\n");
}

function locationText(p: Problem): string {
  let at = p.file;
  if (p.line !== undefined) at += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) at += `:${p.column}`;
  return at;
}

/** The human report: every problem with location, field, message, hint and code frame. */
export function formatProblems(problems: readonly Problem[], options: ReportOptions): string {
  const c = options.color;
  const blocks = sortProblems(problems).map((p) => {
    const label = p.severity === "warning" ? paint(c, "33", `warning: ${p.title}`) : paint(c, "31", p.title);
    const head = `${paint(c, "1", locationText(p))}  ${label} [${p.code}]`;
    const lines = [head];
    if (p.field !== undefined) lines.push(`  field: ${p.field}`);
    lines.push(`  ${p.message}`);
    lines.push(`  ${paint(c, "36", "hint:")} ${p.hint}`);
    const source = options.sources.get(p.file);
    if (source !== undefined && p.line !== undefined) {
      lines.push(codeFrame(source, p.line, p.column).replace(/^/gm, "  "));
    }
    return lines.join("\n");
  });
  const n = problems.filter((p) => p.severity === "error").length;
  const w = problems.length - n;
  if (n > 0) blocks.push(paint(c, "31", `${n} problem${n === 1 ? "" : "s"} found; nothing was written.`));
  if (w > 0) blocks.push(paint(c, "33", `${w} warning${w === 1 ? "" : "s"}: worth fixing, but they do not stop a build.`));
  return blocks.join("\n\n") + "\n";
}

/** Machine-readable report (for CI annotations). */
export function problemsToJson(problems: readonly Problem[]): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === "error");
  const warnings = sorted.filter((p) => p.severity === "warning");
  return JSON.stringify({ ok: errors.length === 0, problems: errors, warnings }, null, 2) + "\n";
}
