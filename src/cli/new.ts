/** `pressroom new`: write a release file with the front matter filled in, ready to edit. */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatInstant, parseContentDate } from "../content/dates.ts";
import { toYaml } from "../content/yaml.ts";
import { slugify } from "../content/slug.ts";
import { UsageError } from "../output-folder.ts";
import { parse, USAGE } from "./args.ts";

export async function newCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    title: { type: "string" },
    department: { type: "string" },
    date: { type: "string" },
    timezone: { type: "string", default: "Europe/Berlin" },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!values.title) throw new UsageError('--title is required, e.g. --title "Radwege am Ring werden breiter"');
  if (!values.department) throw new UsageError("--department is required, e.g. --department tiefbauamt");
  const date = values.date ?? formatInstant(Date.now(), values.timezone!, "yyyy-MM-dd HH:mm");
  const parsed = parseContentDate(date, values.timezone!);
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
