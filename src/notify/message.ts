/**
 * One notification mail as plain data: subject, plain text, HTML and the
 * headers a list needs. A pure function of the release, the list and the
 * site; no library of mail here (smtp.ts sends it).
 *
 * The HTML is inert: the release is data, every piece of it escaped; its
 * body is the site's sanitized body HTML, every address made absolute; the
 * only images are the site's own web versions of the release's photos, and
 * none at all in an embargo copy (they are not on the site before its time).
 */
import type { Contact, MediaImage, Site } from "../content/model.ts";
import { formatInstant } from "../content/dates.ts";
import { stringsFor, type Strings } from "../i18n/index.ts";
import { decodeEntities, renderBody, sanitizedHtml } from "../markdown/render.ts";
import type { PhotoPlan } from "../media/recipe.ts";
import { absoluteLinks } from "../outputs/feed-html.ts";
import { xmlEscape as escape } from "../outputs/xml.ts";
import { mediaPath } from "../site/urls.ts";
import { mailText, type MailText } from "./mail-text.ts";
import type { Mail } from "./plan.ts";

export interface Address {
  readonly name?: string;
  readonly address: string;
}

export interface Message {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Without the angle brackets. */
  readonly messageId: string;
  readonly listId: { readonly id: string; readonly name: string };
  readonly unsubscribe?: string;
  readonly replyTo: readonly Address[];
}

export interface MessageContext {
  readonly site: Site;
  /** The web versions of the release's photos (media/plan.ts), as the build makes them. */
  readonly photos: ReadonlyMap<MediaImage, PhotoPlan>;
  /** The media kit's path in the output, when the release has one. */
  readonly kit?: string;
}

/** The JPEG (or PNG) web version closest to 960 px wide, as an absolute address; none for an animated image. */
function photoUrl(site: Site, plan: PhotoPlan | undefined): { url: string; width: number; height: number } | undefined {
  const format = plan?.formats[plan.formats.length - 1];
  const versions = plan?.versions.filter((v) => v.format === format) ?? [];
  const version = versions.find((v) => v.width >= 960) ?? versions.at(-1);
  if (!plan || !version) return undefined;
  const width = Math.min(600, version.width);
  return { url: `${site.url}/${version.path}`, width, height: Math.max(1, Math.round((plan.height * width) / plan.width)) };
}

const STYLE =
  "body{margin:0;padding:0;background:#f4f4f4;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5}" +
  ".wrap{max-width:640px;margin:0 auto;background:#ffffff;padding:24px}" +
  "h1{font-size:24px;line-height:1.25;margin:0 0 8px}h2,h3,h4{font-size:19px;margin:24px 0 8px}" +
  ".sub{font-size:18px;color:#333333;margin:0 0 12px}.meta{color:#555555;font-size:14px;margin:0 0 16px}" +
  ".mark{background:#fff3cd;border-left:4px solid #b45309;padding:8px 12px;margin:0 0 16px;font-weight:bold}" +
  "img{max-width:100%;height:auto;border:0}figure{margin:16px 0}figcaption,.caption{font-size:14px;color:#444444}" +
  "a{color:#005a9c}.contact,.links{border-top:1px solid #dddddd;margin-top:24px;padding-top:12px}" +
  ".foot{font-size:13px;color:#666666;max-width:640px;margin:0 auto;padding:12px 24px}" +
  "table{border-collapse:collapse}td,th{border:1px solid #cccccc;padding:4px 8px}";

/** Sanitized HTML as plain text: links with their address, list items with a bullet, blocks apart. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<a\b[^>]*\shref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, inner: string) => {
      const label = inner.replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, "$1").replace(/<[^>]*>/g, "").trim();
      const address = decodeEntities(href);
      // The address in \u0001…\u0002 until the tags are gone, then in angle brackets.
      return label && decodeEntities(label) !== address ? `${label} \u0001${href}\u0002` : href;
    })
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, (_, alt: string) => (alt ? `[${alt}]` : ""))
    .replace(/<li\b[^>]*>/gi, "\n• ")
    .replace(/<br\s*\/?>|<\/(?:li|tr|dt|dd)>/gi, "\n")
    .replace(/<\/(?:p|h[1-6]|ul|ol|table|blockquote|pre|figure|div|dl)>/gi, "\n\n")
    .replace(/<\/t[dh]>/gi, "\t")
    .replace(/<[^>]*>/g, "")
    .replace(/\u0001/g, "<")
    .replace(/\u0002/g, ">");
  return decodeEntities(text)
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** `alt` and `link` written as an HTML image figure with its caption and credit. */
function figureHtml(photo: { url: string; width: number; height: number }, media: MediaImage, link: string, strings: Strings, alt = media.alt): string {
  const caption = [media.caption && escape(media.caption), media.credit && escape(`${strings.photo}: ${media.credit}`)].filter(Boolean).join(" ");
  return (
    `<figure><a href="${escape(link)}"><img src="${escape(photo.url)}" width="${photo.width}" height="${photo.height}" alt="${escape(alt)}" style="max-width:100%;height:auto"></a>` +
    (caption ? `<figcaption>${caption}</figcaption>` : "") +
    `</figure>`
  );
}

function contactLines(c: Contact, strings: Strings): { html: string; text: string } {
  const text = [c.role ? `${c.name}, ${c.role}` : c.name, c.phone && `${strings.phone}: ${c.phone}`, c.email && `${strings.email}: ${c.email}`].filter(Boolean).join("\n");
  const html = [
    `<strong>${escape(c.name)}</strong>${c.role ? `, ${escape(c.role)}` : ""}`,
    c.phone && `${escape(strings.phone)}: ${c.phoneHref ? `<a href="tel:${escape(c.phoneHref)}">${escape(c.phone)}</a>` : escape(c.phone)}`,
    c.email && `${escape(strings.email)}: <a href="mailto:${escape(c.email)}">${escape(c.email)}</a>`,
  ]
    .filter(Boolean)
    .join("<br>");
  return { html: `<p>${html}</p>`, text };
}

/** The mail `mail` stands for. */
export function composeMessage(mail: Mail, context: MessageContext): Message {
  const { release, list, kind } = mail;
  const { site } = context;
  const strings = stringsFor(list.language);
  const t: MailText = mailText(list.language);
  const zone = site.timeZone;
  const when = (instant: number, hasTime: boolean): string =>
    hasTime ? `${formatInstant(instant, zone, strings.dateFormat)}, ${formatInstant(instant, zone, strings.timeFormat)}` : formatInstant(instant, zone, strings.dateFormat);
  const canonical = site.url + release.url;
  const embargo = kind === "embargo" ? t.embargo(when(release.date, true)) : undefined;
  const prefix = embargo ?? (kind === "correction" ? t.correction : kind === "withdrawal" ? t.withdrawn : undefined);
  const subject = prefix === undefined ? release.title : `${prefix}${embargo ? " –" : ":"} ${release.title}`;
  const departments = release.departments.map((d) => d.name).join(", ");
  const meta = `${when(release.date, release.hasTime)} · ${departments}`;

  const html: string[] = [];
  const text: string[] = [];
  if (embargo) {
    html.push(`<p class="mark">${escape(embargo)}</p><p>${escape(t.embargoNote(when(release.date, true)))}</p>`);
    text.push(embargo, "", t.embargoNote(when(release.date, true)), "");
  }
  if (kind === "withdrawal") {
    const withdrawn = release.withdrawn!;
    const note = t.withdrawnNote(release.title, when(release.date, release.hasTime), when(withdrawn.date, withdrawn.hasTime));
    html.push(`<p class="mark">${escape(t.withdrawn)}</p><h1>${escape(release.title)}</h1><p>${escape(note)}</p>`);
    html.push(`<p><strong>${escape(strings.withdrawnReason)}:</strong> ${escape(withdrawn.reason)}</p>`);
    text.push(`${t.withdrawn}: ${release.title}`, "", note, `${strings.withdrawnReason}: ${withdrawn.reason}`, "");
  } else {
    if (kind === "correction" && release.updated !== undefined) {
      const note = t.correctionNote(when(release.updated, release.updatedHasTime ?? true), release.changeNote);
      html.push(`<p class="mark">${escape(note)}</p>`);
      text.push(note, "");
    }
    html.push(`<h1>${escape(release.title)}</h1>`);
    text.push(release.title);
    if (release.subtitle) {
      html.push(`<p class="sub">${escape(release.subtitle)}</p>`);
      text.push(release.subtitle);
    }
    html.push(`<p class="meta">${escape(meta)}</p>`);
    text.push("", meta, "");
    if (release.updated !== undefined && kind !== "correction") {
      const note = `${strings.updatedOn(when(release.updated, release.updatedHasTime ?? true))}${release.changeNote ? `: ${release.changeNote}` : ""}`;
      html.push(`<p class="meta"><em>${escape(note)}</em></p>`);
      text.push(note, "");
    }
    const public_ = kind !== "embargo";
    const images = release.media.filter((m): m is MediaImage => m.kind === "image");
    // The lead photo and the other listed photos, linked to the release's page; in the body, its own photos where they stand.
    const listed = public_ ? images.filter((m) => m.listed && m.bodySources.length === 0) : [];
    const lead = listed[0];
    const leadPhoto = lead && photoUrl(site, context.photos.get(lead));
    if (lead && leadPhoto) {
      html.push(figureHtml(leadPhoto, lead, canonical, strings));
      text.push(`[${strings.photo}: ${lead.alt}] ${leadPhoto.url}${lead.caption ? `\n${lead.caption}` : ""}${lead.credit ? ` (${strings.photo}: ${lead.credit})` : ""}`, "");
    }
    const inBody = new Map<string, MediaImage>();
    for (const m of images) for (const src of m.bodySources) inBody.set(src, m);
    const bodyPhoto = (src: string, alt: string, asFigure: boolean): string | undefined => {
      const media = inBody.get(src);
      if (!media) return undefined;
      const photo = public_ ? photoUrl(site, context.photos.get(media)) : undefined;
      // Before its time the photo is not on the site: its description stands in for it.
      if (!photo) return asFigure ? `<p>[${escape(alt || media.alt)}]</p>` : `[${escape(alt || media.alt)}]`;
      return asFigure ? figureHtml(photo, media, canonical, strings, alt || media.alt) : `<img src="${escape(photo.url)}" alt="${escape(alt || media.alt)}" width="${photo.width}" height="${photo.height}" style="max-width:100%;height:auto">`;
    };
    const body = absoluteLinks(
      renderBody(release.body, { figure: (src, alt) => bodyPhoto(src, alt, true), picture: (src, alt) => bodyPhoto(src, alt, false) }, (source) => sanitizedHtml(source, site.language)),
      canonical,
    );
    html.push(`<div class="body">${body}</div>`);
    text.push(htmlToText(body), "");
    for (const m of listed.slice(1)) {
      const photo = photoUrl(site, context.photos.get(m));
      if (!photo) continue;
      html.push(figureHtml(photo, m, canonical, strings));
      text.push(`[${strings.photo}: ${m.alt}] ${photo.url}${m.caption ? `\n${m.caption}` : ""}`, "");
    }
    if (!public_ && release.media.length > 0) {
      html.push(`<p><em>${escape(t.photosLater)}</em></p>`);
      text.push(t.photosLater, "");
    }
    if (release.contacts.length > 0) {
      const lines = release.contacts.map((c) => contactLines(c, strings));
      html.push(`<div class="contact"><h2>${escape(release.contacts.length > 1 ? strings.contacts : strings.contact)}</h2>${lines.map((l) => l.html).join("")}</div>`);
      text.push(release.contacts.length > 1 ? strings.contacts : strings.contact, ...lines.flatMap((l) => [l.text, ""]));
    }
  }
  const links: { label: string; href: string }[] = [{ label: kind === "embargo" ? t.readOnlineFrom(when(release.date, true)) : t.readOnline, href: canonical }];
  if (context.kit && kind !== "embargo" && kind !== "withdrawal") links.push({ label: t.kit, href: `${site.url}/${context.kit}` });
  const downloads = kind === "embargo" || kind === "withdrawal" ? [] : release.media.filter((m) => m.kind === "file");
  for (const d of downloads) links.push({ label: d.title, href: site.url + mediaPath(release, d) });
  html.push(`<p class="links">${links.map((l) => `<a href="${escape(l.href)}">${escape(l.label)}</a>`).join("<br>")}</p>`);
  text.push(...links.map((l) => `${l.label}: ${l.href}`));

  const footer = t.footer(list.name);
  text.push("", "-- ", `${site.title} · ${site.url}`, footer, ...(list.unsubscribe ? [`${t.unsubscribe}: ${list.unsubscribe.replace(/^mailto:/i, "")}`] : []));
  const foot =
    `<p>${escape(site.title)} · <a href="${escape(site.url)}/">${escape(site.url.replace(/^https?:\/\//, ""))}</a><br>${escape(footer)}` +
    (list.unsubscribe ? ` <a href="${escape(list.unsubscribe)}">${escape(t.unsubscribe)}</a>` : "") +
    `</p>`;
  const document =
    `<!DOCTYPE html>\n<html lang="${escape(list.language)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(subject)}</title><style>${STYLE}</style></head>` +
    `<body><div class="wrap">${html.join("\n")}</div>\n<div class="foot">${foot}</div></body></html>\n`;
  const host = new URL(site.url).hostname;
  return {
    to: list.address,
    subject,
    text: text.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n",
    html: document,
    messageId: `${mail.key}.${kind}@${host}`,
    listId: { id: list.address.replace("@", "."), name: list.name },
    ...(list.unsubscribe && { unsubscribe: list.unsubscribe }),
    replyTo: release.contacts.filter((c) => c.email).map((c) => ({ name: c.name, address: c.email! })),
  };
}
