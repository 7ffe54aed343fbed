/**
 * What `pressroom notify` has sent: `notified.json`, next to the deployed
 * manifest (or in a local file, --record). Written again after every mail,
 * so a run that stops half-way leaves a record of exactly what went out.
 *
 * The record may be as public as the site: it names no release and no list.
 * A mail is known by a key, a hash of what it is (kind, release address, list,
 * version), so an embargo copy sent today says nothing of the release it was;
 * a list by a hash of its address.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { UsageError } from "../errors/usage.ts";

/** The record's name on the deploy target, beside manifest.json. */
export const RECORD_FILE = "notified.json";

export interface NotifyRecord {
  /** The format's marker and version. */
  readonly pressroom_notified: 1;
  /** Each list (by a hash of its address, plan.ts's listKey): from when on its releases are mailed (the first run that knew it). */
  readonly lists: Readonly<Record<string, { readonly since: string }>>;
  /** Mail key → when it was accepted by the mail server (UTC). */
  readonly sent: Readonly<Record<string, string>>;
}

const recordSchema = z.object({
  pressroom_notified: z.literal(1),
  lists: z.record(z.string(), z.object({ since: z.iso.datetime() })),
  sent: z.record(z.string(), z.iso.datetime()),
});

export const emptyRecord = (): NotifyRecord => ({ pressroom_notified: 1, lists: {}, sent: {} });

/** The record in `text`, or a usage error naming `where`: a damaged record is never taken for an empty one (that would send everything again). */
export function parseRecord(text: string, where: string): NotifyRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${where} is not a record of pressroom notify (it is not JSON): restore it, or remove it to start a new record (then nothing published before is sent)`);
  }
  const result = recordSchema.safeParse(value);
  if (!result.success) {
    throw new UsageError(`${where} is not a record of pressroom notify: restore it, or remove it to start a new record (then nothing published before is sent)`);
  }
  return result.data as NotifyRecord;
}

export const recordText = (record: NotifyRecord): string => {
  const sorted = <T>(o: Readonly<Record<string, T>>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ pressroom_notified: 1, lists: sorted(record.lists), sent: sorted(record.sent) }, null, 1) + "\n";
};

/** Where the record is kept: a local file, or the deploy target. */
export interface RecordStore {
  /** For messages: the file or bucket key. */
  readonly where: string;
  /** The record, or undefined before the first run. */
  read(): Promise<NotifyRecord | undefined>;
  write(record: NotifyRecord): Promise<void>;
}

/** A local file, replaced whole on each write (written beside it, then renamed). */
export function fileStore(file: string): RecordStore {
  return {
    where: file,
    async read() {
      if (!existsSync(file)) return undefined;
      return parseRecord(readFileSync(file, "utf8"), file);
    },
    async write(record) {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, recordText(record));
      renameSync(temporary, file);
    },
  };
}
