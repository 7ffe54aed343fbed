/**
 * Sequences of edits through the resident preview: one `pressroom serve` process
 * watches the content folder while the edits of edits.ts are saved into it, one after
 * another, some of them 30 ms after the one before (as an editor saves twice) or while
 * the build after the one before runs. Each time the preview has settled — it has read
 * every file saved (its trace names each with the change time it has now,
 * src/cli/preview-trace.ts), shown what the quick lane shows, and finished the build
 * that follows — its output folder must hold exactly the files and bytes of a cold
 * `build --preview` of the same content. A broken save must leave the folder as it was
 * and be said on the terminal; the next save puts it right. The clock (serve's --now is
 * fixed) and changes outside the content folder are not edits a preview sees, and are
 * not drawn.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { build } from "../../src/build.ts";
import { changeTime, PREFIX, type TraceLine } from "../../src/cli/preview-trace.ts";
import { startServe, until } from "../serve-process.ts";
import { apply, edit, type Edit } from "./edits.ts";
import { moveFiles, saveFiles, startSequence } from "./sequence.ts";
import type { Binaries } from "./site.ts";
import { contentDifference, readTree, type Tree } from "./trees.ts";

export interface PreviewStep {
  readonly edit: Edit;
  /**
   * Saved once the preview has settled after the step before, or so many milliseconds after it without
   * waiting: 30 (an editor saving twice), 400 (most often while the build after the step before runs). The
   * preview is compared once it has settled after the last of such a run.
   */
  readonly after: "settled" | 30 | 400;
}

const NOT_SEEN_BY_A_PREVIEW = new Set<Edit["kind"]>(["clock", "outside"]);

/** A sentence more, or one letter changed: a save of a release's text alone, which the quick lane shows. */
const textEdit: fc.Arbitrary<Edit> = fc.record({ kind: fc.constant("edit" as const), pick: fc.nat({ max: 99 }), what: fc.constantFrom(1, 2) });

/** The edits of edits.ts a preview sees, with more saves of a text alone than they have. */
export const previewEdit: fc.Arbitrary<Edit> = fc.oneof({ weight: 1, arbitrary: textEdit }, { weight: 3, arbitrary: edit.filter((e) => !NOT_SEEN_BY_A_PREVIEW.has(e.kind)) });

const after: fc.Arbitrary<PreviewStep["after"]> = fc.oneof({ weight: 2, arbitrary: fc.constant("settled" as const) }, fc.constant(30 as const), fc.constant(400 as const));

/** Sequences of 1 to `steps` edits, half of them saved soon after the one before. */
export const previewSequences = (steps: number): fc.Arbitrary<PreviewStep[]> => fc.array(fc.record({ edit: previewEdit, after }), { minLength: 1, maxLength: steps });

/** The files (content-relative) that differ between two readings of the content folder: bytes, inode, or there in one only. */
function changedFiles(before: Tree, after: Tree): string[] {
  const files = [...new Set([...before.keys(), ...after.keys()])].filter((file) => !file.endsWith("/"));
  return files.filter((file) => {
    const a = before.get(file);
    const b = after.get(file);
    return a === undefined || b === undefined || a.ino !== b.ino || !a.bytes!.equals(b.bytes!);
  });
}

const traceLines = (output: string): TraceLine[] =>
  output
    .split("\n")
    .filter((line) => line.startsWith(`${PREFIX} `))
    .map((line) => JSON.parse(line.slice(PREFIX.length + 1)) as TraceLine);

/** What the preview said on the terminal, without its trace, the last `count` lines. */
const said = (output: string, count: number): string =>
  output
    .split("\n")
    .filter((line) => !line.startsWith(PREFIX))
    .slice(-count)
    .join("\n");

/** The preview said a build's (or the quick lane's) problems. */
const PROBLEMS_SAID = /^(Die Vorschau zeigt diese Fehler|The preview shows these problems)/m;

/** Apply `steps` one after another to one site watched by one preview; throws at the first divergence. Says how many pages the quick lane wrote. */
export async function runPreviewSequence(steps: readonly PreviewStep[], binaries: Binaries): Promise<{ quickPages: number }> {
  const { root, content, site, steps: labels, fail } = startSequence("pressroom-preview-sequence-", binaries);
  const out = path.join(root, "preview");
  const serving = await startServe(["--content", content, "--out", out, "--cache", path.join(root, "cache"), "--port", "0", "--now", site.now], {
    env: { PRESSROOM_PREVIEW_TRACE: "1" },
  }).catch((error: unknown) => {
    rmSync(root, { recursive: true, force: true });
    throw error;
  });
  try {
    /** Trace lines before this one came before the saves not yet waited for. */
    let mark = 0;
    /** Files saved since the preview last settled (content-relative). */
    const pending = new Set<string>();
    /** The content folder when the preview last settled. */
    let settledContent = readTree(content);

    /**
     * Waits until a batch has named each pending file as it is now, then for the preview to settle. A file
     * saved and removed again since the last time (added, then moved 30 ms later) need not have been seen.
     */
    const settle = async (): Promise<void> => {
      const expected = [...pending]
        .map((file) => [file, path.join(content, file), changeTime(path.join(content, file))] as const)
        .filter(([file, , ctime]) => ctime !== null || settledContent.has(file))
        .map(([, absolute, ctime]) => [absolute, ctime] as const);
      let left: string[] = [];
      const next = await until(
        "the preview to settle",
        () => {
          const lines = traceLines(serving.output());
          // Where a batch named each file as it is now.
          const read = expected.map(([file, ctime]) => lines.findIndex((line, i) => i >= mark && "batch" in line && line.batch.some(([f, c]) => f === file && c === ctime)));
          left = expected.filter((_, i) => read[i] === -1).map(([file]) => file);
          if (left.length > 0) return undefined;
          const last = Math.max(mark - 1, ...read);
          const done = lines.findIndex((line, i) => i > last && "settled" in line);
          return done === -1 ? undefined : done + 1;
        },
        120,
      ).catch((error: Error) => {
        const since = traceLines(serving.output()).slice(mark).map((line) => JSON.stringify(line));
        return fail(`${error.message}; not read: ${left.join(", ") || "(all read)"}\nits trace since the saves:\n${since.join("\n")}\nthe preview said:\n${said(serving.output(), 20)}`);
      });
      mark = next;
      pending.clear();
      settledContent = readTree(content);
    };

    /** The preview's folder must be a cold preview build of the content as it is now. */
    const compare = async (): Promise<void> => {
      const cold = path.join(root, "cold");
      await build({ contentDir: content, outDir: path.join(cold, "out"), cacheDir: path.join(cold, "cache"), now: site.now, preview: true });
      const difference = contentDifference(readTree(path.join(cold, "out")), readTree(out), ["cold preview build", "preview"]);
      rmSync(cold, { recursive: true, force: true });
      if (difference !== undefined) fail(`the preview's folder differs from a cold preview build of the same content:\n${difference}\nthe preview said:\n${said(serving.output(), 12)}`);
    };

    // The first build, as serve makes it on start.
    mark = await until("the preview's first build", () => {
      const at = traceLines(serving.output()).findIndex((line) => "settled" in line);
      return at === -1 ? undefined : at + 1;
    }, 120);
    await compare();

    for (const step of steps) {
      const done = apply(site, step.edit, binaries);
      const label = `${done.label}${step.after === "settled" ? "" : ` (${step.after} ms after the step before)`}  ${JSON.stringify(step.edit)}`;
      if (done.skipped) {
        labels.push(label);
        continue;
      }
      // The saves before are waited for first, unless this one comes soon after them; a broken save always waits.
      const after = done.broken ? "settled" : step.after;
      if (pending.size > 0) {
        if (after === "settled") {
          await settle();
          await compare();
        } else await new Promise((r) => setTimeout(r, after));
      }
      labels.push(label);
      if (done.broken) {
        const before = readTree(out);
        const told = serving.output().length;
        writeFileSync(path.join(content, done.broken.file), done.broken.bytes);
        pending.add(done.broken.file);
        await settle();
        const changed = contentDifference(before, readTree(out), ["before", "after the broken save"]);
        if (changed !== undefined) fail(`a broken save changed the preview's folder:\n${changed}`);
        if (!PROBLEMS_SAID.test(serving.output().slice(told))) fail(`the preview did not say the broken save's problem:\n${said(serving.output(), 12)}`);
      }
      const before = readTree(content);
      moveFiles(content, done);
      saveFiles(content, site, done, labels.length, binaries);
      for (const file of changedFiles(before, readTree(content))) pending.add(file);
    }
    if (pending.size > 0) {
      await settle();
      await compare();
    }
    return { quickPages: traceLines(serving.output()).reduce((n, line) => n + ("quick" in line ? line.quick : 0), 0) };
  } finally {
    await serving.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
