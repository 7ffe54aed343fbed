/**
 * Social cards: the picture a link to a release shows when it is shared
 * (Open Graph, 1200 × 630). A release with a photo gets its lead photo,
 * cropped around its subject; a recent one without gets a card with its
 * title and department in the site's colours, an older one its department's.
 */
import { existsSync } from "node:fs";
import { sha256 } from "./cache.ts";
import { derivedPath, RECIPE_VERSION, type Credit, type ImageOptions } from "./recipe.ts";
import { ENGINE, type TextBlock } from "./sharp.ts";

export interface CardColours {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly accent: string;
}

/** The site's header colours (layouts/assets/style.css). */
export const defaultColours = { background: "#073763", text: "#ffffff", muted: "#c9d8ea", accent: "#f0a500" } satisfies CardColours;

interface CardBase {
  readonly key: string;
  /** Output path, relative to the output folder. */
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly type: "image/jpeg" | "image/png";
  /** What the card shows, for og:image:alt. */
  readonly alt: string;
}

export interface PhotoCard extends CardBase {
  readonly kind: "photo";
  readonly source: string;
  readonly credit: Credit;
}

export interface TextCard extends CardBase {
  readonly kind: "text";
  /** The part every card shares (colours, site title), and the card's own department and title on it. */
  readonly background: { readonly key: string; readonly svg: string; readonly blocks: readonly TextBlock[] };
  readonly texts: readonly TextBlock[];
}

export type CardPlan = PhotoCard | TextCard;

export function planPhotoCard(
  source: string,
  hash: string,
  stem: string,
  alt: string,
  credit: Credit,
  options: ImageOptions,
): PhotoCard {
  const { width, height, quality } = options.card;
  const key = sha256(JSON.stringify({ card: RECIPE_VERSION, engine: ENGINE, kind: "photo", source: hash, width, height, quality, credit }));
  return {
    kind: "photo",
    key,
    path: derivedPath(options, key, stem, `${width}x${height}`, "jpg"),
    width,
    height,
    type: "image/jpeg",
    alt,
    source,
    credit,
  };
}

/** Pango markup is XML: text goes in escaped. */
const pango = (text: string): string =>
  text
    // Control characters would be drawn as boxes with their code.
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const FONT_FILES = {
  bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
  regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};

/** A font file makes the card independent of the machine's font settings; without it, fontconfig picks. */
const fontFile = (file: string): { fontfile?: string } => (existsSync(file) ? { fontfile: file } : {});

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export interface TextCardInput {
  /** Without a title, the card is the department's: its name set large, shared by its older releases. */
  readonly title?: string;
  readonly departments: string;
  readonly siteTitle: string;
  /** Published name of the card, without extension. */
  readonly stem: string;
  /** A title written right to left (a translation into Arabic, Hebrew…) is set flush right. */
  readonly direction?: "ltr" | "rtl";
}

export function planTextCard(input: TextCardInput, colours: CardColours, options: ImageOptions): TextCard {
  const { width, height } = options.card;
  const margin = 80;
  const inner = width - 2 * margin;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="100%" height="100%" fill="${colours.background}"/>` +
    `<rect x="${margin}" y="${margin}" width="96" height="8" fill="${colours.accent}"/>` +
    `</svg>`;
  const headline = input.title ?? input.departments;
  const department: TextBlock = {
    markup: `<span foreground="${colours.muted}">${pango(clip(input.departments, 90))}</span>`,
    font: "DejaVu Sans",
    ...fontFile(FONT_FILES.regular),
    sizes: [30, 26],
    left: margin,
    top: margin + 32,
    width: inner,
    maxHeight: 80,
  };
  // One background per site: with joint releases there are hundreds of department lines, too many to keep drawn.
  const blocks: TextBlock[] = [
    {
      markup: `<span foreground="${colours.muted}">${pango(clip(input.siteTitle, 90))}</span>`,
      font: "DejaVu Sans",
      ...fontFile(FONT_FILES.regular),
      sizes: [26, 22],
      left: margin,
      top: height - margin - 30,
      width: inner,
      maxHeight: 40,
    },
  ];
  const title = clip(headline, 160);
  const block: TextBlock = {
    markup: `<span foreground="${colours.text}">${pango(title)}</span>`,
    font: "DejaVu Sans Bold",
    ...fontFile(FONT_FILES.bold),
    // Short titles large; the rest start at the size that usually fits, so most cards are set once.
    sizes: title.length <= 50 ? [64, 52, 44] : title.length <= 100 ? [52, 44, 38] : [44, 38, 34],
    left: margin,
    top: margin + 120,
    width: inner,
    maxHeight: 300,
    ...(input.direction === "rtl" && { align: "right" as const }),
  };
  const background = { key: sha256(JSON.stringify({ svg, blocks })), svg, blocks };
  const texts = input.title === undefined ? [block] : [department, block];
  const key = sha256(JSON.stringify({ card: RECIPE_VERSION, engine: ENGINE, kind: "text", width, height, background: background.key, texts }));
  return {
    kind: "text",
    key,
    path: derivedPath(options, key, input.stem, `${width}x${height}`, "png"),
    width,
    height,
    type: "image/png",
    alt: input.title === undefined ? `${input.departments} – ${input.siteTitle}` : `${input.title} – ${input.departments}`,
    background,
    texts,
  };
}
