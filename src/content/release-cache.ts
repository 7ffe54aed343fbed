/**
 * Releases resolved by earlier runs, kept in the cache folder: a release file
 * whose text is the same, read under the same settings (time zone, language,
 * limits, departments, contacts) by the same code, is neither parsed nor
 * validated nor resolved again — only what depends on other files is asked
 * anew: whether each of its photos and downloads is still found where it was,
 * and whether its address and old addresses are still its own. Only releases
 * without problems are kept, with their warnings.
 */
import { createHash } from "node:crypto";
import type { Problem } from "../errors/problem.ts";
import { KeyedStore, type StoreFiles } from "../keyed-store.ts";
import { sha256 } from "../media/cache.ts";
import { stillFound } from "./media.ts";
import type { Contact, Department, Media, Release } from "./model.ts";
import { claimAddresses, type ReleaseContext, type ReleaseFile } from "./release.ts";

/**
 * A release as kept, its fields in their order: departments by id, contacts
 * of contacts.yaml by id, the body null when it is the last `bodyLength`
 * characters of the file's text (else as it is: invisible characters were
 * taken out).
 */
interface Kept {
  readonly release: Omit<Release, "departments" | "contacts" | "body"> & {
    readonly departments: readonly string[];
    readonly contacts: readonly (Contact | { readonly ref: string })[];
    readonly body: string | null;
  };
  readonly bodyLength: number;
  readonly warnings: readonly Problem[];
}

const STORE = "releases.json";

const isKept = (value: unknown): value is Kept =>
  typeof value === "object" && value !== null && typeof (value as Kept).release === "object" && Array.isArray((value as Kept).warnings);

/** The settings a release is read under, as one hash. */
function settingsOf(context: ReleaseContext): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify([context.timeZone, context.language, context.limits]));
  for (const [id, department] of context.departments) hash.update(JSON.stringify([id, department]));
  hash.update("\0contacts\0");
  for (const [id, contact] of context.contacts) hash.update(JSON.stringify([id, contact]));
  return hash.digest("hex");
}

export class ReleaseCache {
  private settings: { readonly context: ReleaseContext; readonly hash: string } | undefined;

  private constructor(
    private readonly store: KeyedStore<Kept>,
    /** Told the sha256 of the text of every release taken from here (the front matter cache keeps its entry for the day the settings change). */
    private readonly taken: (textHash: string) => void,
  ) {}

  static async open(files: StoreFiles, code: string, taken: (textHash: string) => void = () => undefined): Promise<ReleaseCache> {
    return new ReleaseCache(await KeyedStore.open<Kept>(files, STORE, code), taken);
  }

  private keyOf(input: ReleaseFile, textHash: string, context: ReleaseContext): string {
    if (this.settings?.context !== context) this.settings = { context, hash: settingsOf(context) };
    return sha256(JSON.stringify([input.file, textHash, this.settings.hash]));
  }

  /**
   * The release `input` resolved to before, with its warnings, when nothing it
   * depends on changed; its claims on addresses are made in `context` as
   * resolving it would make them (a clash is a problem, and no release).
   */
  resolved(input: ReleaseFile, context: ReleaseContext, problems: Problem[]): { release?: Release } | undefined {
    const textHash = sha256(input.text);
    const kept = this.store.get(this.keyOf(input, textHash, context), isKept);
    if (kept === undefined) return undefined;
    const release = revive(kept, input, context);
    if (release === undefined || !release.media.every((m) => stillFound(m, input, context.fs))) return undefined;
    this.taken(textHash);
    context.warnings.push(...kept.warnings);
    for (const media of release.media) context.media.push({ file: input.file, media });
    const before = problems.length;
    claimAddresses(release, context, problems);
    return problems.length > before ? {} : { release };
  }

  /** Keep a release resolved without problems, with the warnings resolving it gave. */
  keep(input: ReleaseFile, context: ReleaseContext, release: Release, warnings: readonly Problem[]): void {
    const stored: Record<string, unknown> = {
      departments: release.departments.map((d) => d.id),
      contacts: release.contacts.map((c) => (c.id !== undefined && context.contacts.get(c.id) === c ? { ref: c.id } : c)),
      body: input.text.endsWith(release.body) ? null : release.body,
    };
    const kept = {
      release: Object.fromEntries(Object.entries(release).map(([field, value]) => [field, field in stored ? stored[field] : value])) as Kept["release"],
      bodyLength: release.body.length,
      warnings,
    } satisfies Kept;
    // A copy as it is now: the image probe fills in the media objects afterwards.
    this.store.set(this.keyOf(input, sha256(input.text), context), JSON.parse(JSON.stringify(kept)) as Kept);
  }

  async save(files: StoreFiles): Promise<void> {
    await this.store.save(files);
  }
}

function revive(kept: Kept, input: ReleaseFile, context: ReleaseContext): Release | undefined {
  const departments: Department[] = [];
  for (const id of kept.release.departments) {
    const department = context.departments.get(id);
    if (department === undefined) return undefined;
    departments.push(department);
  }
  const contacts: Contact[] = [];
  for (const contact of kept.release.contacts) {
    const known = "ref" in contact ? context.contacts.get(contact.ref) : contact;
    if (known === undefined) return undefined;
    contacts.push(known);
  }
  const revived: Record<string, unknown> = {
    departments,
    contacts,
    // Fresh media objects: the image probe fills in what it finds.
    media: kept.release.media.map((m): Media => ({ ...m })),
    body: kept.release.body ?? input.text.slice(input.text.length - kept.bodyLength),
  };
  // The fields in the order resolving gives them.
  return Object.fromEntries(Object.entries(kept.release).map(([field, value]) => [field, field in revived ? revived[field] : value])) as unknown as Release;
}
