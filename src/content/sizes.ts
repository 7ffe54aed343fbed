/** Sizes of files and texts as site.yaml writes them ("2 MB", "500 KB") and as messages show them. */

const UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, kib: 1024, mb: 1024 * 1024, mib: 1024 * 1024 };
const SIZE = /^(\d+(?:[.,]\d+)?)\s*([a-z]*)$/i;

/** Bytes of "2 MB", "1,5 MB", "500 KB" or "300000" (bytes); undefined for anything else or nothing. */
export function parseSize(text: string): number | undefined {
  const match = SIZE.exec(text.trim());
  if (!match) return undefined;
  const unit = UNITS[(match[2] || "b").toLowerCase()];
  const bytes = unit === undefined ? NaN : Math.round(Number(match[1]!.replace(",", ".")) * unit);
  return Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
}

const MB = 1024 * 1024;

/** "30 MB", "1 MB", "1536 KB": whole numbers, so a message reads the same in every language. */
export const formatSize = (bytes: number): string =>
  bytes >= 10 * MB || bytes % MB === 0 ? `${Math.round(bytes / MB)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
