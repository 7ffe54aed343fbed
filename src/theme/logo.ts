/**
 * The site's logo file: read, checked and measured. A PNG is measured from
 * its header; an SVG is refused when it could run script or load anything
 * (it is served from the site's own address, where a script in it would run
 * with the site's rights when someone opens the file itself).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

export const LOGO_MAX_BYTES = 1024 * 1024;

export interface LogoFile {
  readonly bytes: Buffer;
  readonly type: "svg" | "png";
  /** Natural size, for the img's width and height (an SVG's from its viewBox or width/height). */
  readonly width: number;
  readonly height: number;
  /** Short hash of the bytes, for the file's name in the output. */
  readonly hash: string;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What makes an SVG more than a picture: scripts, event handlers, embedded HTML, outside resources, entities. */
const SVG_DANGERS: readonly [RegExp, string][] = [
  [/<script\b/i, "it contains a script"],
  [/\son[a-z]+\s*=/i, "it contains an event handler (on…=)"],
  [/<foreignObject\b/i, "it embeds web content (foreignObject)"],
  [/<!ENTITY/i, "it declares XML entities"],
  [/(?:href|src)\s*=\s*["']?\s*(?!#|data:image\/)[a-z][a-z0-9+.-]*:/i, "it links or loads another address"],
  [/url\(\s*["']?\s*(?!#|data:image\/)[a-z][a-z0-9+.-]*:/i, "it loads another address in its styles"],
  [/@import\b/i, "it loads another stylesheet"],
  [/<(?:iframe|embed|object|audio|video|animate|set)\b/i, "it contains active elements"],
];

const number = (value: string | undefined): number | undefined => {
  const n = value === undefined ? Number.NaN : Number.parseFloat(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
};

function svgSize(text: string): { width: number; height: number } | undefined {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!tag) return undefined;
  const attribute = (name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];
  const box = attribute("viewBox")?.trim().split(/[\s,]+/).map(Number);
  const width = number(attribute("width")) ?? (box && box.length === 4 ? number(String(box[2])) : undefined);
  const height = number(attribute("height")) ?? (box && box.length === 4 ? number(String(box[3])) : undefined);
  return width && height ? { width, height } : undefined;
}

/** The logo at `file` (absolute), or the reason it cannot be used. */
export async function readLogo(file: string): Promise<LogoFile | { readonly reason: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  }
  if (bytes.length > LOGO_MAX_BYTES) return { reason: `it is ${(bytes.length / 1024 / 1024).toFixed(1)} MB large, more than 1 MB` };
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 12);
  if (path.extname(file).toLowerCase() === ".png") {
    if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { reason: "it is not a PNG image" };
    return { bytes, type: "png", width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), hash };
  }
  const text = bytes.toString("utf8");
  if (!/<svg\b/i.test(text)) return { reason: "it is not an SVG image" };
  for (const [pattern, reason] of SVG_DANGERS) if (pattern.test(text)) return { reason };
  const size = svgSize(text);
  if (!size) return { reason: "it has neither a viewBox nor a width and height" };
  return { bytes, type: "svg", ...size, hash };
}
