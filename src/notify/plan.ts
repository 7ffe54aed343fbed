/**
 * Which mails are due: a pure function of the content, the record of what
 * was sent, and the clock. The publishing rules are the build's
 * (content/publish.ts): a release is mailed once it is public, an embargo
 * copy only to the lists that take them, never more than their lead time
 * ahead, and nothing twice.
 */
import { createHash } from "node:crypto";
import type { ContentModel, MailingList, Release } from "../content/model.ts";
import { isPublished, isWithdrawn, oldestFirst } from "../content/publish.ts";
import type { NotifyRecord } from "./record.ts";

/** A release as the lists get it; ahead of its time (embargo); its correction; its withdrawal. */
export type MailKind = "release" | "embargo" | "correction" | "withdrawal";

export interface Mail {
  readonly kind: MailKind;
  readonly release: Release;
  readonly list: MailingList;
  /** What the record keeps: names neither the release nor the list. */
  readonly key: string;
  /** Keys this mail makes unnecessary (a correction the release mail already carries). */
  readonly covers: readonly string[];
}

export interface NotifyPlan {
  readonly mails: readonly Mail[];
  /** Lists the record did not know: from `since` on, their releases are mailed. */
  readonly newLists: readonly MailingList[];
  /** Public releases that are not in the deployed build yet: mailed once they are. */
  readonly notBuilt: readonly Release[];
  /** From when on each list's releases are mailed (ms), by address. */
  readonly since: ReadonlyMap<string, number>;
}

export interface PlanOptions {
  readonly now: number;
  /** Mail what became public after this moment, whatever the record says (--since). */
  readonly since?: number;
  /** The release pages the deployed build holds (paths); without it, every public release counts as built. */
  readonly built?: ReadonlySet<string>;
}

/** The key of one mail: kind, release, list and (for a correction) the update it tells. */
export function mailKey(kind: MailKind, release: Release, list: MailingList): string {
  const version = kind === "correction" ? String(release.updated ?? "") : "";
  return createHash("sha256").update([kind, release.url, list.address.toLowerCase(), version].join("\n")).digest("hex").slice(0, 32);
}

/** How the record names a list: a hash of its address (the record lies beside the public site, the lists' addresses need not). */
export const listKey = (list: MailingList): string =>
  createHash("sha256").update(`list\n${list.address.toLowerCase()}`).digest("hex").slice(0, 32);

/** Whether a list wants a release: every release, or one of its departments or tags. */
export function wants(list: MailingList, release: Release): boolean {
  if (list.departments.length === 0 && list.tags.length === 0) return true;
  const tags = new Set(list.tags.map((t) => t.toLowerCase()));
  return release.departments.some((d) => list.departments.includes(d.id)) || release.tags.some((t) => tags.has(t.toLowerCase()));
}

export function planNotify(model: ContentModel, record: NotifyRecord, options: PlanOptions): NotifyPlan {
  const { now } = options;
  const lists = model.site.distribution ?? [];
  const mails: Mail[] = [];
  const notBuilt = new Set<Release>();
  const since = new Map<string, number>();
  const newLists: MailingList[] = [];
  const releases = model.releases.filter((r) => !r.draft).sort(oldestFirst);
  for (const list of lists) {
    const known = Object.hasOwn(record.lists, listKey(list)) ? record.lists[listKey(list)] : undefined;
    if (!known) newLists.push(list);
    const from = options.since ?? (known ? Date.parse(known.since) : now);
    since.set(list.address, from);
    for (const release of releases) {
      if (!wants(list, release)) continue;
      const key = (kind: MailKind): string => mailKey(kind, release, list);
      const sent = (kind: MailKind): boolean => Object.hasOwn(record.sent, key(kind));
      const add = (kind: MailKind, covers: MailKind[] = []): void => {
        mails.push({ kind, release, list, key: key(kind), covers: covers.map(key) });
      };
      const published = isPublished(release, { now, drafts: false });
      const withdrawn = isWithdrawn(release, now);
      // Mailed before, or public before the list's record began: its subscribers know it, a correction or withdrawal concerns them.
      const known = sent("release") || sent("embargo") || release.date <= from;
      if (!published) {
        const due = list.embargoCopies && release.date - list.embargoLead <= now && release.date > from;
        if (due && !withdrawn && !sent("embargo")) add("embargo");
        continue;
      }
      if (withdrawn) {
        if (release.withdrawn!.date > from && known && !sent("withdrawal")) add("withdrawal");
        continue;
      }
      if (release.date > from && !sent("release")) {
        if (options.built && !options.built.has(release.url)) notBuilt.add(release);
        // The mail carries the release as it is now: a correction already made is in it.
        else add("release", release.notifyCorrection && release.updated !== undefined && release.updated <= now ? ["correction"] : []);
        continue;
      }
      const corrected = release.notifyCorrection && release.updated !== undefined && release.updated <= now && release.updated > from;
      if (corrected && known && !sent("correction")) add("correction");
    }
  }
  // Release by release (oldest first), each to its lists in the order of site.yaml.
  const order = new Map(releases.map((r, i) => [r, i]));
  mails.sort((a, b) => order.get(a.release)! - order.get(b.release)!);
  return { mails, newLists, notBuilt: [...notBuilt].sort(oldestFirst), since };
}
