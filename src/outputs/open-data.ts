/**
 * releases.json: every published release's metadata and address, for a city's
 * open-data portal. Withdrawn releases stay in it, marked, as they stay at
 * their address. One release per line, so that a change reads as a short diff.
 */
import type { SitePlan } from "../site/plan.ts";
import type { PageView } from "../site/views.ts";

/** The version of the format, raised when a field changes its meaning. */
export const OPEN_DATA_VERSION = 1;

const releaseData = (r: PageView, translations: readonly PageView[]) => ({
  url: r.canonical,
  title: r.title,
  ...(r.subtitle && { subtitle: r.subtitle }),
  ...(r.sharing.description && { description: r.sharing.description }),
  published: r.date.iso,
  ...(r.updated && { updated: r.updated.iso }),
  ...(r.changeNote && { change_note: r.changeNote }),
  ...(r.withdrawn && { withdrawn: { date: r.withdrawn.date.iso, reason: r.withdrawn.reason } }),
  departments: r.departments.map((d) => d.text),
  tags: r.tags,
  contacts: r.contacts.map((c) => ({
    name: c.name,
    ...(c.role && { role: c.role }),
    ...(c.phone && { phone: c.phone }),
    ...(c.email && { email: c.email }),
  })),
  ...(r.leadPhoto && { image: r.leadPhoto.url }),
  ...(r.kit && { media_kit: new URL(r.kit.href, r.canonical).href }),
  ...(translations.length > 0 && {
    translations: translations.map((t) => ({ language: t.lang, url: t.canonical, title: t.title, ...(t.subtitle && { subtitle: t.subtitle }) })),
  }),
});

export function openDataFile(plan: SitePlan): string {
  const head = JSON.stringify({
    version: OPEN_DATA_VERSION,
    site: { title: plan.site.title, url: plan.site.url, language: plan.site.language, time_zone: plan.site.timeZone },
  });
  // A translation's page lies below its original's address (site/translations.ts).
  const translations = plan.releases.filter((r) => r.lang !== undefined);
  const lines = plan.releaseData.map((r) => JSON.stringify(releaseData(r, r.versions ? translations.filter((t) => t.path.startsWith(r.path)) : [])));
  return `${head.slice(0, -1)},"releases":[\n${lines.join(",\n")}\n]}\n`;
}
