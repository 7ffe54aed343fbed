/** Warnings for lines of a body that may be a list pasted from Word but are shown as text ("– Erstens" on each line). */
import { warning, type Location, type Problem } from "../errors/problem.ts";
import { markdown } from "./instance.ts";
import type { PastedListsEnv, UnclearList } from "./pasted-lists.ts";

/** A dash or an "o" and a space at the start of a line: only then is the body parsed. */
const MAYBE = /^[ \t]*[–—o] +\S/m;

/** The runs of such lines, each at its first line (0-based in the body). */
export function unclearLists(body: string): UnclearList[] {
  if (!MAYBE.test(body)) return [];
  const env: PastedListsEnv = { unclearLists: [] };
  markdown.parse(body, env);
  return env.unclearLists!;
}

/** One warning per run, at its first line; `at` gives the place of a 0-based line of the body. */
export const unclearListWarnings = (body: string, at: (line: number) => Location): Problem[] =>
  unclearLists(body).map((list) => warning("pasted-list-unclear", at(list.line), { marker: list.marker, lines: list.lines }));
