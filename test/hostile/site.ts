/** A content folder with one release per hostile vector, its body the vector as written. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Vector } from "./corpus.ts";

export const CORPUS_NOW = "2026-12-31T12:00";

/** The release file of vector `i` (1-based numbers in names, a day each from 2026-01-01). */
export function releaseName(i: number): { file: string; slug: string; date: string } {
  const day = new Date(Date.UTC(2025, 0, 1 + i));
  const date = day.toISOString().slice(0, 10);
  const slug = `vektor-${String(i + 1).padStart(3, "0")}`;
  return { file: `releases/${date}-${slug}.md`, slug, date };
}

/** `include` leaves a vector out (its file name stays that of its number). */
export function writeCorpusSite(dir: string, vectors: readonly Vector[], include: (index: number) => boolean = () => true): void {
  mkdirSync(path.join(dir, "releases"), { recursive: true });
  writeFileSync(path.join(dir, "site.yaml"), "title: Hostile corpus\nurl: https://presse.example.org/\nlanguage: en\ntimezone: Europe/Berlin\n");
  writeFileSync(path.join(dir, "departments.yaml"), "presse:\n  name: Press office\n  contact: office\n");
  writeFileSync(path.join(dir, "contacts.yaml"), "office:\n  name: Press office\n  phone: +49 251 492-0\n");
  vectors.forEach((vector, i) => {
    if (!include(i)) return;
    const { file, date } = releaseName(i);
    const front = `---\ntitle: "Vector ${i + 1} (${vector.source})"\ndate: ${date} 10:00\ndepartment: presse\n---\n\n`;
    writeFileSync(path.join(dir, file), `${front}${vector.body}\n`);
  });
}
