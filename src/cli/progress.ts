/** Progress of long work (photos, uploads): a line that counts up on a terminal, one line of totals in a log (CI). */
import type { Language } from "../i18n/strings.ts";
import type { RunStats } from "../media/run.ts";

export interface CountingLine {
  readonly onProgress: (done: number, total: number) => void;
  /** Clear the counting line. */
  readonly end: () => void;
}

/** "Label: 12 of 40 (30 %), 3 s", redrawn in place on a terminal; nothing in a log. */
export function countingLine(label: string, stream: NodeJS.WriteStream = process.stderr, of = "of"): CountingLine {
  const live = stream.isTTY === true;
  const started = performance.now();
  let shown = 0;
  let drawn = false;
  return {
    onProgress(done, total) {
      if (!live || total === 0) return;
      const now = performance.now();
      // Redraw at most ten times a second, and always at the end.
      if (done < total && now - shown < 100) return;
      shown = now;
      drawn = true;
      const seconds = Math.round((now - started) / 1000);
      stream.write(`\r\u001b[K${label}: ${done} ${of} ${total} (${Math.floor((done / total) * 100)} %), ${seconds} s`);
    },
    end() {
      if (drawn) stream.write("\r\u001b[K");
    },
  };
}

export const imageProgress = (stream: NodeJS.WriteStream = process.stderr, language: Language = "en"): CountingLine =>
  language === "de" ? countingLine("Bilder", stream, "von") : countingLine("Images", stream);

export function imageSummary(stats: Omit<RunStats, "failures">, language: Language = "en"): string | undefined {
  if (stats.photos === 0 && stats.cards === 0) return undefined;
  const cut = stats.cards - stats.textCards;
  if (language === "de") {
    const decimal = (n: number): string => n.toFixed(1).replace(".", ",");
    const rate = stats.seconds > 0 && stats.photos > 0 ? `, ${decimal(stats.photos / stats.seconds)} Fotos/s` : "";
    return (
      `Bilder: ${stats.photos} ${stats.photos === 1 ? "Foto" : "Fotos"} (${cut} Vorschaubilder zum Teilen daraus zugeschnitten) und ${stats.textCards} mit Titel oder Amt gesetzt; ` +
      `${stats.encoded} erzeugt, ${stats.reused} aus dem Cache, in ${decimal(stats.seconds)} s${rate}.`
    );
  }
  const rate = stats.seconds > 0 && stats.photos > 0 ? `, ${(stats.photos / stats.seconds).toFixed(1)} photos/s` : "";
  return (
    `Images: ${stats.photos} photos (${cut} social cards cut from them) and ${stats.textCards} cards set with a title or department; ` +
    `${stats.encoded} made, ${stats.reused} from the cache, in ${stats.seconds.toFixed(1)} s${rate}.`
  );
}
