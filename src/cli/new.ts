/** `pressroom new`: write a release file with the front matter filled in, ready to edit. */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatInstant, isValidTimeZone, parseContentDate } from "../content/dates.ts";
import { DEPARTMENTS_FILE, normalizeText, SITE_FILE } from "../content/load.ts";
import { closest } from "../content/suggest.ts";
import { isMapping, parseYaml, toYaml } from "../content/yaml.ts";
import { slugify } from "../content/slug.ts";
import { UsageError } from "../errors/usage.ts";
import { parse, USAGE } from "./args.ts";

/** The site's time zone and department ids, read without checking the whole site. */
async function siteBasics(contentDir: string): Promise<{ timeZone: string; departments: string[] }> {
  const read = async (file: string) => {
    try {
      return parseYaml(normalizeText(await readFile(path.join(contentDir, file), "utf8")), { file, lineOffset: 0 }).value;
    } catch {
      throw new UsageError(`there is no ${file} in ${contentDir}; pass the content folder with --content DIR`);
    }
  };
  const site = await read(SITE_FILE);
  const departments = await read(DEPARTMENTS_FILE);
  const timeZone = isMapping(site) && typeof site.timezone === "string" ? site.timezone : "";
  if (!isValidTimeZone(timeZone)) throw new UsageError(`${SITE_FILE} has no valid timezone; run pressroom check`);
  return {
    timeZone,
    departments: isMapping(departments) ? Object.keys(departments) : [],
  };
}

export async function newCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    title: { type: "string" },
    department: { type: "string" },
    date: { type: "string" },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.title) throw new UsageError('--title is required, e.g. --title "Radwege am Ring werden breiter"');
  if (!values.department) throw new UsageError("--department is required, e.g. --department tiefbauamt");
  const { timeZone, departments } = await siteBasics(values.content!);
  if (!departments.includes(values.department)) {
    const close = closest(values.department, departments);
    const hint = close.length > 0 ? ` Did you mean ${close.join(" or ")}?` : ` Known: ${departments.join(", ")}.`;
    throw new UsageError(`the department "${values.department}" is not in departments.yaml.${hint}`);
  }
  const date = values.date ?? formatInstant(Date.now(), timeZone, "yyyy-MM-dd HH:mm");
  const parsed = parseContentDate(date, timeZone);
  if (!parsed.ok) throw new UsageError(`--date "${date}" is not a date like 2026-11-27 10:30`);
  const day = date.slice(0, 10);
  const slug = slugify(values.title).split("-").slice(0, 8).join("-") || "mitteilung";
  const file = path.join(values.content!, "releases", day.slice(0, 4), `${day}-${slug}.md`);
  if (existsSync(file)) throw new UsageError(`${file} exists already`);
  const front = toYaml({ title: values.title, date, department: values.department });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `---\n${front}draft: true\n---\n\nText der Pressemitteilung.\n`);
  process.stdout.write(`Created ${file} (as a draft: remove "draft: true" to publish).\n`);
  return 0;
}
