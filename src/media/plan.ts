/**
 * The media of the published releases, planned before any pixel is touched:
 * the web versions of every photo, and each release's social card. Only
 * published releases come here, so nothing of a draft or an embargoed
 * release is ever decoded into the output.
 */
import type { Department, MediaImage, Release, Site, Translation } from "../content/model.ts";
import { defaultColours, planPhotoCard, planTextCard, type CardPlan, type TextCardInput } from "./card.ts";
import { planPhoto, suitsCard, type Credit, type ImageOptions, type PhotoPlan } from "./recipe.ts";
import type { MediaWork } from "./run.ts";

export interface MediaPlan {
  readonly photos: ReadonlyMap<MediaImage, PhotoPlan>;
  readonly cards: ReadonlyMap<Release, CardPlan>;
  /** A translation's own card, where the original's shows its title (a recent release without a photo for it). */
  readonly translationCards: ReadonlyMap<Translation, CardPlan>;
  readonly work: MediaWork;
  /** Every file the plan writes, relative to the output folder. */
  readonly paths: readonly string[];
  /** The photo and release each source belongs to, for reporting a photo that fails to encode. */
  readonly owners: ReadonlyMap<string, { readonly release: Release; readonly media: MediaImage }>;
}

const stemOf = (name: string): string => name.replace(/\.[^.]+$/, "");
const slugOf = (release: Release): string => release.url.split("/").filter(Boolean).pop()!;

/** The release's credit line wins; else what the photo's own EXIF says. */
const creditOf = (media: MediaImage): Credit => {
  const copyright = media.credit ?? media.facts?.copyright;
  const artist = media.facts?.artist;
  return { ...(copyright && { copyright }), ...(artist && { artist }) };
};

const DAY = 86_400_000;

/** A recent release's card shows its title and departments. */
const titleCardOf = (release: Release, site: Site): TextCardInput => ({
  title: release.title,
  departments: release.departments.map((d) => d.name).join(", "),
  siteTitle: site.title,
  stem: slugOf(release),
});

/** An older release shares its lead department's card. */
const departmentCardOf = (department: Department, site: Site): TextCardInput => ({ departments: department.name, siteTitle: site.title, stem: department.id });

/**
 * `now`: the build's clock; releases older than `options.card.titleDays` share their department's card.
 * `translations`: the published translations of the published releases, each given a card with its own title
 * where the original's card shows the original's.
 */
export function planMedia(published: readonly Release[], site: Site, options: ImageOptions, now: number, translations: ReadonlyMap<Release, readonly Translation[]> = new Map()): MediaPlan {
  const titleSince = now - options.card.titleDays * DAY;
  const photos = new Map<MediaImage, PhotoPlan>();
  const cards = new Map<Release, CardPlan>();
  const translationCards = new Map<Translation, CardPlan>();
  const owners = new Map<string, { release: Release; media: MediaImage }>();
  // Older releases without a photo share their lead department's card: planned once per department.
  const departmentCards = new Map<Department, CardPlan>();
  const departmentCard = (department: Department): CardPlan => {
    let card = departmentCards.get(department);
    if (card === undefined) departmentCards.set(department, (card = planTextCard(departmentCardOf(department, site), defaultColours, options)));
    return card;
  };
  for (const release of published) {
    let lead: { media: MediaImage; plan: PhotoPlan } | undefined;
    for (const media of release.media) {
      if (media.kind !== "image" || !media.facts) continue;
      const plan = planPhoto(media.source, stemOf(media.name), media.facts, creditOf(media), options);
      photos.set(media, plan);
      if (!owners.has(media.source)) owners.set(media.source, { release, media });
      if (suitsCard(media.facts, options)) lead ??= { media, plan };
    }
    const recent = release.date >= titleSince;
    const card = lead
      ? planPhotoCard(lead.media.source, lead.media.facts!.hash, stemOf(lead.media.name), lead.media.alt || release.title, lead.plan.credit, options)
      : recent
        ? planTextCard(titleCardOf(release, site), defaultColours, options)
        : departmentCard(release.departments[0]!);
    cards.set(release, card);
    if (lead || !recent) continue;
    for (const translation of translations.get(release) ?? []) {
      const direction = site.languages.find((language) => language.tag === translation.language)?.direction;
      const input = { ...titleCardOf(release, site), title: translation.title, stem: `${slugOf(release)}-${translation.language}`, ...(direction && { direction }) };
      translationCards.set(translation, planTextCard(input, defaultColours, options));
    }
  }
  const work: MediaWork = { photos: [...photos.values()], cards: [...cards.values(), ...translationCards.values()] };
  const paths = new Set<string>([...work.photos.flatMap((p) => p.versions.map((v) => v.path)), ...work.cards.map((c) => c.path)]);
  return { photos, cards, translationCards, work, paths: [...paths], owners };
}
