/**
 * `pressroom import SOURCE`: bring an old archive into the content folder
 * (../import/run.ts does the work). Checks the flags and the site's
 * settings, prints the report in the site's language or as JSON, and a
 * counting line on a terminal while it fetches.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadContent, type RawContent } from "../content/load.ts";
import { resolveContent } from "../content/site.ts";
import { reportLanguage } from "../errors/language.ts";
import { problem } from "../errors/problem.ts";
import { UsageError } from "../errors/usage.ts";
import { defaults as fetchDefaults } from "../import/fetch.ts";
import { emptyMapping, readMapping, type Mapping } from "../import/mapping.ts";
import { reportJson, reportText } from "../import/report.ts";
import { runImport } from "../import/run.ts";
import { KINDS, type SourceKind } from "../import/source.ts";
import { USAGE } from "./args.ts";
import { countingLine } from "./progress.ts";
import { jsonLine, pathFromCwd, printProblems } from "./report.ts";

const OPTIONS = {
  content: { type: "string", default: "content" },
  from: { type: "string" },
  map: { type: "string" },
  department: { type: "string" },
  "dry-run": { type: "boolean" },
  update: { type: "boolean" },
  delay: { type: "string" },
  json: { type: "boolean" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!);
  }
}

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "import needs a SOURCE: a file, a folder or an address" : "import takes one SOURCE");
  const source = positionals[0]!;
  if (values.from !== undefined && !(KINDS as readonly string[]).includes(values.from)) {
    throw new UsageError(`--from "${values.from}" is not a kind of source: use ${KINDS.join(", ")}`);
  }
  const delayMs = values.delay === undefined ? fetchDefaults.delayMs : Number(values.delay);
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 60_000) throw new UsageError(`--delay "${values.delay}" is not a number of milliseconds (0 to 60000)`);
  const contentDir = values.content;
  let raw: RawContent;
  try {
    raw = await loadContent(contentDir, { settingsOnly: true });
  } catch {
    throw new UsageError(`there is no content folder ${contentDir}: name it with --content DIR`);
  }
  const language = reportLanguage(values.lang, raw.texts.get("site.yaml"));
  const resolved = resolveContent(raw);
  const json = values.json === true;
  if (!resolved.model) {
    printProblems(resolved.problems, raw.texts, json, { contentDir, language, outcome: "check" });
    return 1;
  }
  const { site, departments, contacts } = resolved.model;

  let mapping: Mapping = emptyMapping;
  if (values.map !== undefined) {
    let text: string;
    try {
      text = await readFile(values.map, "utf8");
    } catch {
      throw new UsageError(`the mapping file ${values.map} cannot be read`);
    }
    const read = readMapping(text, values.map);
    if (!read.ok) {
      const at = { file: values.map, ...(read.line !== undefined && { line: read.line }) };
      printProblems([problem("import-map-invalid", at, { detail: read.detail })], new Map([[values.map, text]]), json, { language });
      return 1;
    }
    mapping = read.mapping;
  }
  const unknown = [values.department, mapping.defaultDepartment, ...mapping.departments.values()].filter((id) => id !== undefined && !departments.has(id));
  if (unknown.length > 0) {
    const known = [...departments.keys()];
    const at = { file: values.department === unknown[0] ? "--department" : (values.map ?? "--department") };
    printProblems([...new Set(unknown)].map((id) => problem("import-department-unknown", at, { id: id!, known })), raw.texts, json, { language });
    return 1;
  }

  const line = countingLine(language === "de" ? "Import" : "Importing", process.stderr, language === "de" ? "von" : "of");
  const report = await runImport({
    contentDir,
    source,
    site: { language: site.language, timeZone: site.timeZone, departments, contacts },
    mapping,
    ...(values.from !== undefined && { from: values.from as SourceKind }),
    ...(values.department !== undefined && { department: values.department }),
    dryRun: values["dry-run"] === true,
    update: values.update === true,
    fetch: { ...fetchDefaults, delayMs },
    progress: line.onProgress,
    readPages: async (...pageArgs) => (await import("../import/html-pages.ts")).readPages(...pageArgs),
  });
  line.end();
  const shown = pathFromCwd(contentDir);
  if (report.problems.length > 0) {
    printProblems(report.problems, new Map(), json, { language });
    return 1;
  }
  if (json) process.stdout.write(jsonLine(reportJson(report, language, shown)));
  else process.stdout.write(reportText(report, language, shown, contentDir === "content" ? "pressroom check" : `pressroom check --content ${contentDir}`));
  return 0;
}
