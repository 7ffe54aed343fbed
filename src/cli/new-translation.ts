/**
 * `pressroom new --translation TAG [RELEASE]`: start a translation beside its
 * original (`index.en.md` beside `index.md`, `<name>.en.md` beside
 * `<name>.md`) from the original's texts. The release is named by its file or
 * folder; without one, a terminal is asked, anything else refused. A
 * translation that exists is never overwritten. The file itself is made by
 * ../content/translation-scaffold.ts; this module is the terminal and the disk.
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { clockOf } from "../content/dates.ts";
import { loadContent, normalizeText, RELEASES_DIR } from "../content/load.ts";
import type { ContentModel } from "../content/model.ts";
import { originalOf, readOriginal, translationFile, translationText } from "../content/translation-scaffold.ts";
import { inert, inertLines } from "../errors/inert.ts";
import { UsageError } from "../errors/usage.ts";
import { USAGE } from "./args.ts";
import { shellQuote } from "./new-answers.ts";
import { newText } from "./new-text.ts";
import { translationMessages, type TranslationMessages } from "./new-translation-text.ts";
import { DEFAULT_CONTENT, promptStreams, readSite, Refused, type Terminal } from "./new.ts";
import { pathFromCwd, printProblems } from "./report.ts";

const OPTIONS = {
  content: { type: "string", default: DEFAULT_CONTENT },
  translation: { type: "string" },
  now: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function newTranslation(args: string[], terminal?: Terminal): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("new --translation takes one release: its file or folder");
  const contentDir = values.content;
  const site = await readSite(contentDir);
  if (!site.model) {
    printProblems(site.problems, site.sources, false, { contentDir, outcome: "check" });
    return 1;
  }
  const model = site.model;
  const t = translationMessages(model.site.language);
  const tag = values.translation!.trim().toLowerCase();
  const language = languageOf(model, tag, t);
  const now = clockOf(values.now, model.site.timeZone);
  const shown = pathFromCwd(contentDir);
  const withContent = contentDir === DEFAULT_CONTENT ? "" : ` --content ${shellQuote(contentDir)}`;
  const asked = terminal ?? (process.stdin.isTTY && process.stdout.isTTY ? { input: process.stdin, output: process.stdout } : undefined);
  const out = asked?.output ?? process.stdout;

  let original: string;
  if (positionals[0] !== undefined) original = await releaseAt(positionals[0], contentDir, t);
  else if (asked) {
    try {
      original = await askRelease(contentDir, t, newText(model.site.language).ask.keys, asked);
    } catch (error) {
      if ((error as Error)?.name !== "ExitPromptError") throw error;
      out.write(`\n${newText(model.site.language).cancelled}\n`);
      return 130;
    }
  }
  else throw new Refused(t.noRelease(`npx pressroom new --translation ${tag}${withContent} ${shown(`${RELEASES_DIR}/2026/2026-11-27-name`)}`));

  const text = readOriginal(normalizeText(await readFile(path.join(contentDir, original), "utf8")), original);
  if (text === undefined) throw new Refused(t.unreadable(shown(original), `npx pressroom check${withContent}`));
  const file = translationFile(original, tag);
  // Never a second translation in one language, whatever case its name is in (index.EN.md).
  const dir = path.dirname(original);
  const taken = (await readdirNames(path.join(contentDir, dir))).find((name) => name.toLowerCase() === path.basename(file).toLowerCase());
  if (taken !== undefined) throw new Refused(t.exists(shown(path.posix.join(dir, taken))));
  await writeFile(path.join(contentDir, file), translationText(text, language, now, model.site), { flag: "wx" });

  out.write(inertLines([t.created(shown(file), language.name), t.next(`npx pressroom check${withContent}`, shellQuote(shown(file)))].join("\n")) + "\n");
  return 0;
}

/** The offered language of `tag`, or the refusal that says which there are. */
function languageOf(model: ContentModel, tag: string, t: TranslationMessages): { tag: string; name: string } {
  if (tag === model.site.language) throw new Refused(t.ownLanguage(inert(tag)));
  const offered = model.site.languages;
  const language = offered.find((l) => l.tag === tag);
  if (language) return language;
  if (offered.length === 0) throw new Refused(t.noLanguages(inert(tag)));
  throw new Refused(t.unknownLanguage(inert(tag), offered.map((l) => `${l.tag} (${inert(l.name)})`)));
}

const readdirNames = (dir: string): Promise<string[]> => readdir(dir).catch(() => []);

const statOf = (file: string) => stat(file).catch(() => undefined);

/**
 * The original's file (content-relative, forward slashes) that `given` names: a release's .md file or
 * its folder (with index.md), as typed from the working folder or from the content folder.
 */
async function releaseAt(given: string, contentDir: string, t: TranslationMessages): Promise<string> {
  const shownGiven = inert(given);
  const root = path.resolve(contentDir);
  const candidates = [path.resolve(given), path.resolve(contentDir, given)];
  let found: string | undefined;
  for (const candidate of candidates) {
    const info = await statOf(candidate);
    if (info?.isDirectory()) {
      if ((await statOf(path.join(candidate, "index.md")))?.isFile()) found = path.join(candidate, "index.md");
      else throw new Refused(t.notRelease(shownGiven));
    } else if (info?.isFile()) found = candidate;
    if (found) break;
  }
  if (found === undefined) throw new Refused(t.notFound(shownGiven));
  const relative = path.relative(root, found).split(path.sep).join("/");
  if (!relative.startsWith(`${RELEASES_DIR}/`) || !/\.(md|markdown)$/i.test(relative)) throw new Refused(t.notRelease(shownGiven));
  const original = originalOf(relative);
  if (original !== undefined) throw new Refused(t.isTranslation(shownGiven, pathFromCwd(contentDir)(original)));
  return relative;
}

/** The release chosen on a terminal: every original, newest first, by title and file. */
async function askRelease(contentDir: string, t: TranslationMessages, keys: string, terminal: Terminal): Promise<string> {
  const raw = await loadContent(contentDir);
  const choices = raw.releaseFiles
    .filter((file) => originalOf(file) === undefined)
    .map((file) => ({ file, title: readOriginal(raw.texts.get(file) ?? "", file)?.title }))
    .filter((r): r is { file: string; title: string } => r.title !== undefined)
    // Files and folders are named by their date (2026-11-27-radwege): newest first, in any subfolder.
    .map((r) => ({ ...r, name: path.posix.basename(r.file.replace(/\/index\.(md|markdown)$/i, "")) }))
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
    .map(({ file, title }) => ({ name: inert(`${title} (${file})`), value: file, short: inert(title) }));
  if (choices.length === 0) throw new Refused(t.notFound(RELEASES_DIR));
  const { select } = await import("@inquirer/prompts");
  return select({ message: t.ask, choices, pageSize: 12, theme: { style: { keysHelpTip: () => keys } } }, promptStreams(terminal));
}
