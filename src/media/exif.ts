/** The one module that knows exif-reader: the copyright and author a photo's EXIF names, and nothing else. */
import exifReader from "exif-reader";

export interface ExifCredit {
  readonly copyright?: string;
  readonly artist?: string;
}

const clean = (value: unknown): string | undefined => {
  if (typeof value !== "string") return undefined;
  // Cameras pad these fields with NULs and spaces.
  const text = value.replace(/\u0000/g, "").trim();
  return text === "" ? undefined : text;
};

export function exifCredit(exif: Buffer | undefined): ExifCredit {
  if (!exif) return {};
  try {
    const tags = exifReader(exif);
    const copyright = clean(tags.Image?.Copyright);
    const artist = clean(tags.Image?.Artist);
    return { ...(copyright && { copyright }), ...(artist && { artist }) };
  } catch {
    // Damaged EXIF only loses the credit it might have held.
    return {};
  }
}

/** Every EXIF tag group present, for tests and diagnostics: GPSInfo must never be among a web version's. */
export function exifGroups(exif: Buffer | undefined): string[] {
  if (!exif) return [];
  try {
    return Object.entries(exifReader(exif))
      .filter(([, value]) => value !== undefined && value !== null && typeof value === "object" && Object.keys(value).length > 0)
      .map(([key]) => key)
      .sort();
  } catch {
    return [];
  }
}
