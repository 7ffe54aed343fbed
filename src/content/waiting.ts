/**
 * What waits for its time at a build's clock, as plain data: the embargoed
 * releases, the withdrawals still to come, the drafts. The summary of
 * `check` and `build` is made from it, and a build with nothing to do
 * (build/up-to-date.ts) keeps it from the build before.
 */
import type { ContentModel } from "./model.ts";
import { drafts, waiting, withdrawalsWaiting } from "./publish.ts";

export interface WaitingItem {
  readonly file: string;
  readonly title: string;
  readonly url: string;
  /** When it happens (milliseconds since the epoch). */
  readonly instant: number;
  /** The time of day was given, not only the date. */
  readonly hasTime: boolean;
}

export interface Waiting {
  readonly timeZone: string;
  /** Embargoed releases, soonest first. */
  readonly releases: readonly WaitingItem[];
  /** Withdrawals of releases already public, soonest first (one of a release under embargo is said with it). */
  readonly withdrawals: readonly WaitingItem[];
  /** Every withdrawal still to come, for --json. */
  readonly allWithdrawals: readonly WaitingItem[];
  readonly drafts: number;
}

export function waitingAt(model: ContentModel, now: number): Waiting {
  const withdrawals = withdrawalsWaiting(model, now);
  const item = (r: (typeof withdrawals)[number], instant: number, hasTime: boolean): WaitingItem =>
    ({ file: r.file, title: r.title, url: r.url, instant, hasTime });
  const withdrawal = (r: (typeof withdrawals)[number]): WaitingItem => item(r, r.withdrawn!.date, r.withdrawn!.hasTime);
  return {
    timeZone: model.site.timeZone,
    releases: waiting(model, now).map((r) => item(r, r.date, r.hasTime)),
    withdrawals: withdrawals.filter((r) => r.date <= now).map(withdrawal),
    allWithdrawals: withdrawals.map(withdrawal),
    drafts: drafts(model).length,
  };
}
