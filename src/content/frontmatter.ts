/**
 * The one module that knows gray-matter. It only splits a release file into
 * front matter text and body: the YAML is parsed by ./yaml.ts (failsafe, with
 * line numbers), and every executable front matter engine is refused.
 */
import matter from "gray-matter";
import { problem, type Problem } from "../errors/problem.ts";
import type { Language } from "../i18n/strings.ts";
import { parseYaml, type ParsedYaml } from "./yaml.ts";

export interface SplitRelease {
  readonly data: ParsedYaml | undefined;
  readonly body: string;
  /** Line in the file where the body starts (1-based). */
  readonly bodyLine: number;
  readonly problems: Problem[];
}

const refuse = (): never => {
  throw new Error("executable front matter is refused");
};

/** Split `text` (already BOM-stripped, \n line endings) of `file` into front matter and body; `typography`: the site's language, for the hints. */
export function splitRelease(text: string, file: string, typography?: Language): SplitRelease {
  if (!/^---[^\n]*\n/.test(text)) {
    return { data: undefined, body: text, bodyLine: 1, problems: [problem("no-front-matter", { file, line: 1 }, {})] };
  }
  const language = /^---([^\n]*)\n/.exec(text)![1]!.trim();
  if (language !== "" && language !== "yaml") {
    return {
      data: undefined,
      body: "",
      bodyLine: 1,
      problems: [problem("front-matter-not-yaml", { file, line: 1 }, { language })],
    };
  }
  // Passing options also keeps gray-matter's shared cache out of the way.
  const parsed = matter(text, {
    language: "yaml",
    engines: {
      yaml: { parse: () => ({}), stringify: refuse },
      js: { parse: refuse, stringify: refuse },
      javascript: { parse: refuse, stringify: refuse },
      coffee: { parse: refuse, stringify: refuse },
    },
  });
  if (text.indexOf("\n---", 3) === -1) {
    return {
      data: undefined,
      body: "",
      bodyLine: 1,
      problems: [
        problem(
          "yaml-syntax",
          { file, line: 1 },
          {
            detail: "it is never closed by a line ---",
            hint: "Add a line of three dashes (---) after the last field, before the text of the release.",
          },
        ),
      ],
    };
  }
  // gray-matter keeps the newline after the opening ---, so YAML line n is file line n.
  const data = parseYaml(parsed.matter, { file, lineOffset: parsed.matter.startsWith("\n") ? 0 : 1, ...(typography && { typography }) });
  const frontLines = parsed.matter.split("\n").length;
  // gray-matter drops the newline after the closing ---.
  const bodyLine = frontLines + 2;
  return { data: { ...data, endLine: bodyLine - 1 }, body: parsed.content, bodyLine, problems: data.problems };
}
