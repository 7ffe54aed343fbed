/**
 * What `pressroom import` wrote, kept in the content folder (its only file
 * outside releases/): for each old item the release folder and the hash of
 * every file written. From it a second run knows what it imported already,
 * what nobody edited since (--update may replace only that), and where an
 * interrupted run stopped. Saved after every item, by renaming a whole file.
 */
import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

export const LEDGER_FILE = ".pressroom-import.json";

export interface LedgerEntry {
  /** Content-relative folder of the release. */
  readonly folder: string;
  /** File name in the folder → sha256 of the bytes written. */
  readonly files: Record<string, string>;
  /** False while the item is being written: a run that stopped there continues it. */
  readonly complete: boolean;
}

interface LedgerFile {
  readonly version: 1;
  readonly items: Record<string, LedgerEntry>;
}

export const hashOf = (bytes: Buffer | string): string => createHash("sha256").update(bytes).digest("hex");

const isEntry = (value: unknown): value is LedgerEntry =>
  typeof value === "object" && value !== null && typeof (value as LedgerEntry).folder === "string" && typeof (value as LedgerEntry).files === "object";

export class Ledger {
  private constructor(
    private readonly file: string,
    private readonly items: Map<string, LedgerEntry>,
  ) {}

  /** The ledger of a content folder; an unreadable one counts as empty (nothing is then replaced). */
  static async open(contentDir: string): Promise<Ledger> {
    const file = path.join(contentDir, LEDGER_FILE);
    const items = new Map<string, LedgerEntry>();
    try {
      const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<LedgerFile>;
      for (const [key, entry] of Object.entries(parsed.items ?? {})) if (isEntry(entry)) items.set(key, entry);
    } catch {
      // No ledger yet.
    }
    return new Ledger(file, items);
  }

  get(key: string): LedgerEntry | undefined {
    return this.items.get(key);
  }

  /** Whether an item other than `key` has this folder. */
  holds(folder: string, key?: string): boolean {
    for (const [other, entry] of this.items) if (entry.folder === folder && other !== key) return true;
    return false;
  }

  async set(key: string, entry: LedgerEntry): Promise<void> {
    this.items.set(key, entry);
    const sorted = Object.fromEntries([...this.items].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const data: LedgerFile = { version: 1, items: sorted };
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(data, null, 1)}\n`);
    await rename(temporary, this.file);
  }
}
