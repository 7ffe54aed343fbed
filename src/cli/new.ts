/**
 * `pressroom new`: start a release. On a terminal it asks for what no flag
 * gave (title, department, date, contact, photos); without one it never
 * waits, and names every missing flag at once. The file itself is made by
 * ../content/scaffold.ts; this module is the terminal and the disk.
 */
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { clockOf, formatInstant, formatUntil } from "../content/dates.ts";
import { loadContent, type RawContent } from "../content/load.ts";
import type { ContentModel } from "../content/model.ts";
import { defaultDate, scaffold, type Answers, type ScaffoldSite } from "../content/scaffold.ts";
import { resolveContent } from "../content/site.ts";
import { inert, inertLines } from "../errors/inert.ts";
import { UsageError } from "../errors/usage.ts";
import { parse, USAGE } from "./args.ts";
import { answersFromFlags, NO_CONTACT, shellQuote, checkContact, checkDate, checkDepartments, dateOrDefault, checkTitle, departmentContact, type Checked, type Flags } from "./new-answers.ts";
import { newText, type NewText } from "./new-text.ts";
import { pathFromCwd, printProblems } from "./report.ts";

/** Where the questions are asked; the command's own is the process's terminal. */
export interface Terminal {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

export const DEFAULT_CONTENT = "content";

/**
 * The site's settings, departments and contacts, checked as `check` checks
 * them, without reading a single release: a broken release elsewhere must not
 * stop anyone from starting a new one.
 */
export async function readSite(contentDir: string) {
  let raw: RawContent;
  try {
    raw = await loadContent(contentDir, { settingsOnly: true });
  } catch {
    throw new UsageError(`there is no content folder ${contentDir}: name it with --content DIR`);
  }
  return { ...resolveContent(raw), sources: raw.texts };
}

/** A wrong or missing answer: said in the site's language with the usage of `new` only, exit code 2. */
export class Refused extends Error {}

/** The value of a checked answer; a wrong one refuses. */
function valueOf<T>(checked: Checked<T>): T {
  if (!checked.ok) throw new Refused(checked.error);
  return checked.value;
}

/** The lines of the usage that describe `new`. */
const NEW_USAGE = USAGE.split("\n")
  .filter((line, i, lines) => line.startsWith("  new ") || (line.startsWith("          ") && lines[i - 1]?.startsWith("  new ")))
  .join("\n");

export async function newCommand(args: string[], terminal?: Terminal): Promise<number> {
  try {
    // A translation starts from a release that exists: a command of its own (new-translation.ts).
    if (args.some((arg) => arg === "--translation" || arg.startsWith("--translation="))) return await (await import("./new-translation.ts")).newTranslation(args, terminal);
    return await newRelease(args, terminal);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    // The message quotes names from the content and what was typed: shown, never acted on.
    process.stderr.write(`pressroom: ${inertLines(error.message)}\n\nUsage:\n${NEW_USAGE}\n`);
    return 2;
  }
}

async function newRelease(args: string[], terminal?: Terminal): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: DEFAULT_CONTENT },
    title: { type: "string" },
    department: { type: "string" },
    date: { type: "string" },
    contact: { type: "string" },
    photos: { type: "boolean" },
    "no-photos": { type: "boolean" },
    now: { type: "string" },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const contentDir = values.content!;
  const site = await readSite(contentDir);
  if (!site.model) {
    printProblems(site.problems, site.sources, false, { contentDir, outcome: "check" });
    return 1;
  }
  const model = site.model;
  const t = newText(model.site.language);
  if (values.photos && values["no-photos"]) throw new Refused(t.bothPhotos);
  const zone = model.site.timeZone;
  const now = clockOf(values.now, zone);
  const scaffoldSite: ScaffoldSite = { language: model.site.language, timeZone: zone, departments: model.departments, contacts: model.contacts };
  const flags: Flags = {
    title: values.title,
    department: values.department,
    date: values.date,
    contact: values.contact,
    photos: values.photos ? true : values["no-photos"] ? false : undefined,
  };
  const withContent = contentDir === DEFAULT_CONTENT ? "" : ` --content ${shellQuote(contentDir)}`;
  const asked = terminal ?? (process.stdin.isTTY && process.stdout.isTTY ? { input: process.stdin, output: process.stdout } : undefined);
  const out = asked?.output ?? process.stdout;

  let answers: Answers;
  if (asked) {
    try {
      answers = await ask(flags, model, scaffoldSite, defaultDate(now, zone), t, asked);
    } catch (error) {
      if ((error as Error)?.name !== "ExitPromptError") throw error;
      out.write(`\n${t.cancelled}\n`);
      return 130;
    }
  } else {
    answers = valueOf(answersFromFlags(flags, scaffoldSite, defaultDate(now, zone), `npx pressroom new${withContent}`, t));
  }

  const made = scaffold(answers, scaffoldSite);
  const shown = pathFromCwd(contentDir);
  const target = path.join(contentDir, made.file);
  // The other form of the same release (a file where a folder would go, or the other way) is the same address.
  const base = made.file.replace(/(\/index)?\.md$/, "");
  for (const taken of [`${base}.md`, base]) {
    if (await exists(path.join(contentDir, taken))) throw new Refused(t.exists(shown(taken)));
  }
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, made.text, { flag: "wx" });

  const lines = [t.created(shown(made.file))];
  if (made.instant > now) {
    lines.push(
      t.embargo(
        formatInstant(made.instant, zone, t.dateFormat),
        made.hasTime ? formatInstant(made.instant, zone, "HH:mm") : undefined,
        zone,
        formatUntil(now, made.instant, zone, model.site.language),
      ),
    );
  }
  if (made.folder) lines.push(t.photosFolder(shown(made.folder)));
  // Only this release goes to git: its file, or its folder with the photos to come.
  const send = shown(made.folder ?? made.file);
  lines.push(t.next(`npx pressroom serve${withContent}`, `http://127.0.0.1:8080${made.url}`, `npx pressroom check${withContent}`, /\s/.test(send) ? `"${send}"` : send));
  out.write(inertLines(lines.join("\n")) + "\n");
  return 0;
}

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/** The streams of one prompt: each prompt ends the stream it writes to; the process's own survives that, any other is handed a stand-in per prompt. */
export function promptStreams(terminal: Terminal): { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } {
  return {
    input: terminal.input,
    output:
      terminal.output === process.stdout
        ? process.stdout
        : new Writable({
            write(chunk, _encoding, done) {
              terminal.output.write(chunk);
              done();
            },
          }),
  };
}

/** Validation for a question: true, or the sentence that says what is wrong. */
const valid = <T>(checked: Checked<T>): true | string => (checked.ok ? true : checked.error);

/** The questions for what no flag answered; a flag's value is checked as without a terminal. */
async function ask(flags: Flags, model: ContentModel, site: ScaffoldSite, dateDefault: string, t: NewText, terminal: Terminal): Promise<Answers> {
  const context = () => promptStreams(terminal);
  const theme = { style: { keysHelpTip: () => t.ask.keys } };
  // Flags first: a wrong one stops before any question is answered in vain.
  const givenTitle = flags.title === undefined ? undefined : valueOf(checkTitle(flags.title, t));
  const givenDepartments = flags.department === undefined ? undefined : valueOf(checkDepartments(flags.department, site, t));
  const givenDate = flags.date === undefined ? undefined : valueOf(checkDate(dateOrDefault(flags.date, dateDefault), site, t));
  if (flags.contact !== undefined && (givenDepartments || flags.contact.trim().toLowerCase() !== NO_CONTACT)) {
    valueOf(checkContact(flags.contact, givenDepartments ?? [], site, t));
  }
  // The prompts only on a terminal, and only once the flags are right.
  const { input, select } = await import("@inquirer/prompts");
  const title = givenTitle ?? valueOf(checkTitle(await input({ message: t.ask.title, validate: (v) => valid(checkTitle(v, t)) }, context()), t));
  const departments = givenDepartments ?? [
    await select(
      {
        message: t.ask.department,
        choices: [...model.departments.values()].map((d) => ({ name: inert(`${d.name} (${d.id})`), value: d.id, short: inert(d.name) })),
        pageSize: 12,
        theme,
      },
      context(),
    ),
  ];
  // Deleting the default (Backspace on the empty line) and pressing Enter brings it back; a German date is written in the release's form.
  const dateOf = (v: string): Checked<string> => checkDate(dateOrDefault(v, dateDefault), site, t);
  const date =
    givenDate ??
    valueOf(
      dateOf(
        await input(
          {
            message: t.ask.date(site.timeZone),
            default: dateDefault,
            validate: (v) => valid(dateOf(v)),
            transformer: (v, { isFinal }) => (isFinal ? valueOf(dateOf(v)) : v),
          },
          context(),
        ),
      ),
    );
  const own = departmentContact(departments, site);
  let contact: string | undefined;
  if (flags.contact !== undefined) contact = valueOf(checkContact(flags.contact, departments, site, t));
  else if (model.contacts.size > 0) {
    const none = own === undefined ? [] : [{ name: inert(t.ask.contactOfDepartment(model.contacts.get(own)?.name ?? own)), value: "", short: "–" }];
    const chosen = await select(
      {
        message: t.ask.contact,
        choices: [
          ...[...model.contacts.values()].map((c) => ({ name: inert(`${c.name}${c.role ? `, ${c.role}` : ""} (${c.id})`), value: c.id!, short: inert(c.name) })),
          ...none,
        ],
        ...(own !== undefined && { default: own }),
        pageSize: 12,
        theme,
      },
      context(),
    );
    contact = chosen === "" ? undefined : chosen;
  } else if (own === undefined) {
    throw new Refused(t.noContacts(departments.map((id) => inert(model.departments.get(id)?.name ?? id)).join(", ")));
  }
  const photos =
    flags.photos ??
    (await select(
      {
        message: t.ask.photos,
        choices: [
          { name: t.ask.photosNo, value: false },
          { name: t.ask.photosYes, value: true },
        ],
        theme,
      },
      context(),
    ));
  return { title, departments, date, ...(contact !== undefined && { contact }), photos };
}
