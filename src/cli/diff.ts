/** `pressroom diff OLD NEW`: which pages and files a change adds, changes, removes — two output folders or manifests. */
import { parseArgs } from "node:util";
import { addressOf, compareManifests, isPage, type Changes } from "../deploy/changes.ts";
import { basePathOf } from "../content/base-path.ts";
import { inert, inertJson } from "../errors/inert.ts";
import { UsageError } from "../errors/usage.ts";
import { readManifest, type Manifest } from "../outputs/manifest.ts";
import { USAGE } from "./args.ts";
import { inCodeUnitOrder } from "../compare.ts";

/** Lines listed per kind in a job summary: a site-wide change must not fill it. */
const MARKDOWN_LIMIT = 100;

interface Kind {
  readonly added: string[];
  readonly changed: string[];
  readonly removed: string[];
}

interface Report {
  readonly pages: Kind;
  readonly files: Kind;
}

/** Split the changes into pages (by address) and other files (feeds, photos, downloads). */
function reportOf(before: Manifest, after: Manifest, changes: Changes): Report {
  const basePath = basePathOf(after.site);
  const pages: Kind = { added: [], changed: [], removed: [] };
  const files: Kind = { added: [], changed: [], removed: [] };
  const sort = (kind: keyof Kind, list: readonly string[], manifest: Manifest): void => {
    for (const file of list) {
      const entry = manifest.files[file]!;
      if (entry.cache === "host") continue;
      (isPage(entry) ? pages : files)[kind].push(addressOf(basePath, file));
    }
  };
  sort("added", changes.added, after);
  sort("changed", changes.changed, after);
  sort("removed", changes.removed, before);
  // By address, as people read them: the home page first, a folder before what lies in it.
  for (const kind of [pages, files]) for (const list of Object.values(kind)) list.sort(inCodeUnitOrder);
  return { pages, files };
}

const count = (kind: Kind): string => `${kind.added.length} added, ${kind.changed.length} changed, ${kind.removed.length} removed`;

function text(report: Report): string {
  const lines: string[] = [];
  for (const [title, kind] of [["Pages", report.pages], ["Other files", report.files]] as const) {
    lines.push(`${title}: ${count(kind)}`);
    for (const [mark, list] of [["+", kind.added], ["~", kind.changed], ["-", kind.removed]] as const) {
      // A manifest may name any file: its name shown inert, on its line.
      for (const address of list) lines.push(`  ${mark} ${inert(address)}`);
    }
  }
  return lines.join("\n") + "\n";
}

/** Markdown for a pull request's job summary ($GITHUB_STEP_SUMMARY). */
function markdown(report: Report, site: string): string {
  const origin = site.replace(/\/$/, "");
  const host = new URL(site).origin;
  const list = (title: string, addresses: readonly string[], link: boolean): string[] => {
    if (addresses.length === 0) return [];
    // A backtick in a file name would end the code span early; a control in it is shown, not acted on.
    const code = (a: string): string => `\`${inert(a).replaceAll("`", "'")}\``;
    const shown = addresses.slice(0, MARKDOWN_LIMIT).map((a) => (link ? `- [${code(a)}](${host}${encodeURI(a)})` : `- ${code(a)}`));
    const more = addresses.length > MARKDOWN_LIMIT ? [`- … and ${addresses.length - MARKDOWN_LIMIT} more`] : [];
    return [`**${title}** (${addresses.length})`, "", ...shown, ...more, ""];
  };
  const { pages, files } = report;
  const nothing = [pages, files].every((k) => k.added.length + k.changed.length + k.removed.length === 0);
  return [
    "### What this change publishes",
    "",
    nothing ? "Nothing: the site stays exactly as it is." : `Pages: ${count(pages)}. Other files (feeds, photos, downloads): ${count(files)}.`,
    "",
    ...list("New pages", pages.added, false),
    ...list("Changed pages", pages.changed, true),
    ...list("Removed pages", pages.removed, true),
    ...(files.added.length + files.changed.length + files.removed.length > 0
      ? ["<details><summary>Other files</summary>", "", ...list("New", files.added, false), ...list("Changed", files.changed, false), ...list("Removed", files.removed, false), "</details>", ""]
      : []),
    `<sub>Addresses on ${origin}. Compared by content: a page that is built the same is not listed.</sub>`,
    "",
  ].join("\n");
}

export async function diffCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { markdown: { type: "boolean", default: false }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!);
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) throw new UsageError("diff compares two builds: pressroom diff OLD NEW (output folders or manifest.json files)");
  const [oldPath, newPath] = parsed.positionals as [string, string];
  const before = readManifest(oldPath);
  const after = readManifest(newPath);
  const report = reportOf(before, after, compareManifests(before, after));
  if (parsed.values.json) process.stdout.write(inertJson(JSON.stringify(report)) + "\n");
  else if (parsed.values.markdown) process.stdout.write(markdown(report, after.site));
  else process.stdout.write(text(report));
  return 0;
}
