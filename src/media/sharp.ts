/** The one module that knows sharp. */
import sharp from "sharp";

export interface ImageInfo {
  readonly width: number;
  readonly height: number;
  readonly format: string;
}

/** Sources larger than this many pixels are refused (a small file can decode to gigabytes). */
export const MAX_INPUT_PIXELS = 100_000_000;

/**
 * Read an image's size and decode it fully (at a reduced scale where the
 * format allows), so a truncated or corrupt file fails here and not later.
 */
export async function inspectImage(file: string): Promise<ImageInfo> {
  const image = sharp(file, { failOn: "warning", limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true });
  const meta = await image.metadata();
  if (!meta.width || !meta.height || !meta.format) throw new Error("it has no size or format");
  await image.resize(64, 64, { fit: "inside" }).raw().toBuffer();
  const rotated = (meta.orientation ?? 1) >= 5;
  return {
    width: rotated ? meta.height : meta.width,
    height: rotated ? meta.width : meta.height,
    format: meta.format,
  };
}
