/**
 * The media kit of a release with more than one file: every original in one
 * ZIP, with a text file naming the release, its contact, and each file's
 * caption and credit, for the journalist who downloads it on deadline.
 */
import { localParts } from "../content/dates.ts";
import type { Media, Release, Site } from "../content/model.ts";
import type { Strings } from "../i18n/index.ts";
import { dateView } from "../site/views.ts";
import { mediaPath, outputFileOf } from "../site/urls.ts";
import { writeZip, type ZipEntry } from "./zip.ts";

export interface KitPlan {
  /** Output path, relative to the output folder. */
  readonly path: string;
  readonly entries: readonly ZipEntry[];
  readonly files: number;
  readonly time: { readonly year: number; readonly month: number; readonly day: number };
}

/** Windows' Notepad is where many of these files are opened: CRLF, and a byte order mark for the umlauts. */
const windowsText = (lines: readonly string[]): string => `\uFEFF${lines.join("\r\n")}\r\n`;

const extension = (media: Media): string => media.name.split(".").pop()!.toUpperCase();

function mediaLines(media: Media, n: number, strings: Strings): string[] {
  const size = media.bytes === undefined ? "" : strings.fileSize(media.bytes);
  if (media.kind === "file") {
    return [`${n}. ${media.name}: ${media.title} (${[extension(media), size].filter(Boolean).join(", ")})`];
  }
  const pixels = media.facts ? `${media.facts.width} × ${media.facts.height} px` : "";
  const lines = [`${n}. ${media.name} (${[extension(media), pixels, size].filter(Boolean).join(", ")})`];
  if (media.caption) lines.push(`   ${strings.kit.caption}: ${media.caption}`);
  if (media.credit) lines.push(`   ${strings.photo}: ${media.credit}`);
  if (media.alt) lines.push(`   ${strings.kit.description}: ${media.alt}`);
  return lines;
}

export function kitText(release: Release, site: Site, strings: Strings): string {
  const lines = [release.title];
  if (release.subtitle) lines.push(release.subtitle);
  lines.push(
    "",
    strings.kit.releaseOf(dateView(release.date, release.hasTime, site, strings).text),
    release.departments.map((d) => d.name).join(", "),
    `${strings.kit.source}: ${site.url}${release.url}`,
  );
  for (const c of release.contacts) {
    lines.push("", `${strings.contact}: ${[c.name, c.role].filter(Boolean).join(", ")}`);
    if (c.phone) lines.push(`${strings.phone}: ${c.phone}`);
    if (c.email) lines.push(`${strings.email}: ${c.email}`);
  }
  lines.push("", `${strings.kit.files}:`);
  release.media.forEach((m, i) => lines.push(...mediaLines(m, i + 1, strings)));
  return windowsText(lines);
}

const slugOf = (release: Release): string => release.url.split("/").filter(Boolean).pop()!;

/** The kit of `release`, or undefined when it has fewer than two files. */
export function planKit(release: Release, site: Site, strings: Strings): KitPlan | undefined {
  if (release.media.length < 2) return undefined;
  const slug = slugOf(release);
  let folder = `${slug}-${strings.kit.fileName}`;
  // A press officer's own file of that name keeps it.
  while (release.media.some((m) => m.name === `${folder}.zip`)) folder += "-zip";
  const { year, month, day } = localParts(release.date, site.timeZone);
  return {
    path: outputFileOf(mediaPath(release, { name: `${folder}.zip` })),
    files: release.media.length,
    time: { year, month, day },
    entries: [
      ...release.media.map((m) => ({ name: `${folder}/${m.name}`, file: m.source })),
      { name: `${folder}/${strings.kit.readmeName}`, text: kitText(release, site, strings) },
    ],
  };
}

export const writeKit = (target: string, kit: KitPlan): Promise<void> => writeZip(target, kit.entries, { time: kit.time });
