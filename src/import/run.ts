/**
 * `pressroom import`, the work: read the source, plan each item as a
 * release, fetch its files and write it — never over a file the import did
 * not write, and with --update only over what nobody edited since. The
 * ledger is saved after every item, so a run that stops continues where it
 * stopped. Returns the report; prints nothing.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { problem, warning, type Problem } from "../errors/problem.ts";
import { defaults as fetchDefaults, type FetchOptions } from "./fetch.ts";
import type { ImportItem, SkippedItem } from "./item.ts";
import { hashOf, Ledger, type LedgerEntry } from "./ledger.ts";
import type { Mapping } from "./mapping.ts";
import { planRelease, type PlanNote, type PlanSite, type ReleasePlan } from "./plan.ts";
import { openSource, type SourceKind } from "./source.ts";

export interface ImportOptions {
  readonly contentDir: string;
  readonly source: string;
  readonly site: PlanSite;
  readonly mapping: Mapping;
  readonly from?: SourceKind;
  readonly department?: string;
  readonly dryRun: boolean;
  readonly update: boolean;
  readonly fetch?: FetchOptions;
  /** Called before each item: for a progress line on a terminal. */
  readonly progress?: (done: number, total: number) => void;
  readonly readPages?: Parameters<typeof openSource>[1]["readPages"];
}

export type EntryStatus = "imported" | "updated" | "unchanged" | "skipped";

export interface ReportEntry {
  readonly status: EntryStatus;
  /** The old address, or the item's id in the source when it has none. */
  readonly old: string;
  readonly title?: string;
  /** Content-relative path of index.md. */
  readonly file?: string;
  readonly url?: string;
  readonly draft?: boolean;
  /** Why it was skipped, and what is worth a look: with catalog codes, hints and the file they concern. */
  readonly warnings: readonly Problem[];
}

export interface ImportReport {
  readonly source: string;
  readonly kind?: SourceKind;
  readonly dryRun: boolean;
  readonly entries: readonly ReportEntry[];
  /** Problems with the source as a whole: nothing was imported. */
  readonly problems: readonly Problem[];
  /** Requests sent to the old site. */
  readonly requests: number;
}

const oldOf = (item: { key: string; link?: string }): string => item.link ?? item.key;

function noteProblem(note: PlanNote | ImportItem["notes"][number], file: string): Problem {
  const at = { file };
  switch (note.code) {
    case "import-draft":
      return warning(note.code, { ...at, field: "draft" }, { status: note.status });
    case "import-no-title":
      return warning(note.code, { ...at, field: "title" }, { title: note.title });
    case "import-alt-missing":
      return warning(note.code, { ...at, field: "media" }, { file: note.file });
    case "import-other-host":
      return warning(note.code, { ...at, field: "body" }, { address: note.address, host: note.host });
    case "import-alias-unusable":
      return warning(note.code, { ...at, field: "aliases" }, { address: note.address, reason: note.reason });
    case "import-no-contact":
      return warning(note.code, { ...at, field: "contact" }, { department: note.department });
    case "import-fetch-failed":
      return warning(note.code, { ...at, field: "body" }, { address: note.address, reason: note.reason });
    case "import-shortcode":
      return warning(note.code, { ...at, field: "body" }, { shortcode: note.shortcode });
    case "import-comments":
      return warning(note.code, at, { count: note.count });
  }
}

const skippedEntry = (item: SkippedItem): ReportEntry => ({
  status: "skipped",
  old: oldOf(item),
  ...(item.title && { title: item.title }),
  warnings: [warning("import-skipped-kind", { file: oldOf(item) }, { kind: item.kind })],
});

/** The bytes of a file on disk, or undefined. */
const bytesOf = (file: string): Promise<Buffer | undefined> => readFile(file).catch(() => undefined);

/** Write `bytes` at `file`: a new file only (never over another), or in place of one the ledger says is ours and unedited. */
async function put(file: string, bytes: Buffer | string, replace: boolean): Promise<void> {
  if (!replace) {
    await writeFile(file, bytes, { flag: "wx" });
    return;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, bytes, { flag: "wx" });
  await rename(temporary, file);
}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const { contentDir, site, mapping } = options;
  const fetchOptions = options.fetch ?? fetchDefaults;
  const opened = await openSource(options.source, {
    ...(options.from && { from: options.from }),
    mapping,
    timeZone: site.timeZone,
    fetch: fetchOptions,
    ...(options.readPages && { readPages: options.readPages }),
  });
  const base = { source: options.source, dryRun: options.dryRun };
  if (!opened.ok) {
    const at = { file: options.source };
    const problems = [
      opened.code === "import-source-unreadable"
        ? problem(opened.code, at, { source: options.source, reason: opened.reason })
        : opened.code === "import-map-invalid"
          ? problem(opened.code, at, { detail: opened.detail })
          : problem(opened.code, at, { source: options.source }),
    ];
    return { ...base, entries: [], problems, requests: 0 };
  }
  const { read, fetcher } = opened;
  const origins = { ...(read.origin && { origin: read.origin }), ...(opened.localRoot && { localRoot: pathToFileURL(opened.localRoot + path.sep).href }) };
  const ledger = await Ledger.open(contentDir);
  const entries: ReportEntry[] = read.skipped.map(skippedEntry);
  for (const failure of read.failures) {
    entries.push({ status: "skipped", old: failure.address, warnings: [warning("import-fetch-failed", { file: failure.address }, failure)] });
  }
  const planned = new Set<string>();
  const seen = new Set<string>();
  const items = read.items.filter((item) => !seen.has(item.key) && Boolean(seen.add(item.key)));
  let done = 0;
  for (const item of items) {
    options.progress?.(done++, items.length);
    entries.push(await importItem(item));
  }
  options.progress?.(items.length, items.length);
  return { ...base, kind: opened.kind, entries, problems: [], requests: fetcher.requests };

  async function importItem(item: ImportItem): Promise<ReportEntry> {
    const old = oldOf(item);
    const known = ledger.get(item.key);
    if (known?.complete && !options.update) {
      return { status: "unchanged", old, ...(item.title && { title: item.title }), file: `${known.folder}/index.md`, warnings: [] };
    }
    // Two items of the source on one day with one title get -2, -3 …; a release already in the content folder is not overwritten (below).
    const taken = (folder: string): boolean => planned.has(folder) || ledger.holds(folder, item.key);
    const planOptions = {
      site,
      mapping,
      ...(options.department !== undefined && { department: options.department }),
      origins,
      taken,
      ...(known && { keep: known.folder }),
    };
    let plan = planRelease(item, planOptions);
    if ("skip" in plan) {
      const at = { file: old };
      const reason = plan.skip.code === "import-skipped-no-date" ? warning(plan.skip.code, at, { value: plan.skip.value }) : warning(plan.skip.code, at, { categories: plan.skip.categories });
      return { status: "skipped", old, ...(item.title && { title: item.title }), warnings: [reason] };
    }
    planned.add(plan.folder);
    const file = `${plan.folder}/index.md`;
    const folder = path.join(contentDir, plan.folder);
    const index = path.join(folder, "index.md");
    const sourceNotes = item.notes.map((note) => noteProblem(note, file));
    const entryOf = (status: EntryStatus, p: ReleasePlan, extra: Problem[] = []): ReportEntry => ({
      status,
      old,
      title: p.title,
      file,
      url: p.url,
      draft: p.draft,
      warnings: [...p.notes.map((note) => noteProblem(note, file)), ...sourceNotes, ...extra],
    });

    // Without a ledger entry, a release already there (moved by hand, perhaps this very one) is someone else's: never overwritten.
    const onDisk = await bytesOf(index);
    const flat = `${plan.folder}.md`;
    if (known === undefined && (existsSync(folder) || existsSync(path.join(contentDir, flat)))) {
      const there = existsSync(path.join(contentDir, flat)) ? flat : file;
      return { status: "skipped", old, title: plan.title, file: there, warnings: [warning("import-skipped-exists", { file: there }, { file: there })] };
    }
    if (onDisk !== undefined && known?.files["index.md"] !== hashOf(onDisk)) {
      return { status: "skipped", old, title: plan.title, file, warnings: [warning("import-skipped-edited", { file }, { file })] };
    }
    if (onDisk !== undefined && onDisk.toString("utf8") === plan.text) return entryOf("unchanged", plan);
    const status: EntryStatus = known?.complete ? "updated" : "imported";
    if (options.dryRun) return entryOf(status, plan);

    // The files first, each recorded as it is written; index.md last, then the item is complete.
    const written: Record<string, string> = { ...(known?.files ?? {}) };
    const failures: Problem[] = [];
    const failed = new Set<string>();
    // Recorded before the folder exists: a run stopped right after still knows the folder is its own.
    await ledger.set(item.key, { folder: plan.folder, files: written, complete: false });
    await mkdir(folder, { recursive: true });
    for (const wanted of plan.files) {
      const target = path.join(folder, wanted.name);
      const present = await bytesOf(target);
      if (present !== undefined) {
        if (written[wanted.name] === hashOf(present)) continue;
        failed.add(wanted.url);
        failures.push(warning("import-fetch-failed", { file, field: "media" }, { address: wanted.url, reason: `a file named ${wanted.name} is in the release's folder already` }));
        continue;
      }
      const fetched = await fetcher.get(wanted.url);
      if (!fetched.ok) {
        failed.add(wanted.url);
        failures.push(warning("import-fetch-failed", { file, field: "media" }, { address: wanted.url, reason: fetched.reason }));
        continue;
      }
      await put(target, fetched.bytes, false);
      written[wanted.name] = hashOf(fetched.bytes);
      await ledger.set(item.key, { folder: plan.folder, files: written, complete: false });
    }
    if (failed.size > 0) {
      // What could not be fetched keeps its old address in the text, so the release still passes check.
      const again = planRelease(item, { ...planOptions, keep: plan.folder, failed });
      if (!("skip" in again)) plan = again;
    }
    await put(index, plan.text, onDisk !== undefined);
    const entry: LedgerEntry = { folder: plan.folder, files: { ...written, "index.md": hashOf(plan.text) }, complete: true };
    await ledger.set(item.key, entry);
    return entryOf(status, plan, failures);
  }
}
