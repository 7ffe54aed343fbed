/** Printing problems for people (stderr, with code frames) or machines (--json on stdout). */
import { formatProblems, problemsToJson } from "../errors/report.ts";
import type { Problem } from "../errors/problem.ts";

export function printProblems(problems: readonly Problem[], sources: ReadonlyMap<string, string>, json: boolean): void {
  if (json) {
    process.stdout.write(problemsToJson(problems));
    return;
  }
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  process.stderr.write(formatProblems(problems, { sources, color }));
}
