/**
 * The preview case of the benchmark: `pressroom serve` on a corpus, Chromium
 * on the page of one release, the release's text saved again and again (a
 * sentence appended, as a press officer writing does); each time, the time
 * from the save to the reloaded page's `load` event, with the new sentence in
 * the page. First saves one right after the other's page has loaded (the
 * builds wait for a pause), then saves a few seconds apart, so that they land
 * while the build after the save before is running, then saves of a new
 * title one after the other.
 */
import { spawn } from "node:child_process";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { launchChromium } from "../test/browser.ts";

export interface PreviewResult {
  /** The first build of the preview, from its start to its address being printed and the build done. */
  readonly firstBuild: number;
  /** Milliseconds from each save to the page's load event, saves one after the other. */
  readonly backToBack: readonly number[];
  /** The same, saves `gap` ms apart (builds running meanwhile). */
  readonly spaced: readonly number[];
  /** Saves of a new title, one after the other (its page shows it; the listings follow with the build). */
  readonly titles: readonly number[];
  readonly gap: number;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const previewSummary = (times: readonly number[]): string => `median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms`;

/** `file`: a release file of the corpus (its folder `YYYY/YYYY-MM-DD-slug.md`); it is put back as it was. */
export async function previewCase(cli: string, corpus: string, file: string, work: string, now: string, saves = 20, gap = 4000): Promise<PreviewResult> {
  const name = path.basename(file, ".md");
  const url = `/${name.slice(0, 4)}/${name.slice(5, 7)}/${name.slice(8, 10)}/${name.slice(11)}/`;
  rmSync(work, { recursive: true, force: true });
  const original = readFileSync(file);
  const started = performance.now();
  const child = spawn(process.execPath, [cli, "serve", "--content", corpus, "--port", "0", "--out", path.join(work, "out"), "--cache", path.join(work, "cache"), "--now", now], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const browser = await launchChromium();
  try {
    let address: string | undefined;
    while (!(address = /http:\/\/127\.0\.0\.1:\d+\//.exec(log)?.[0])) {
      if (child.exitCode !== null) throw new Error(`the preview ended:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const firstBuild = performance.now() - started;
    const page = await browser.newPage();
    await page.goto(new URL(url, address).href);
    const save = async (i: number, title = false): Promise<number> => {
      const marker = `Nachtrag-${i}-${Date.now()}`;
      const end = performance.now() + 120_000;
      const t = performance.now();
      if (title) writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, `title: "Titel ${marker}"`));
      else appendFileSync(file, `\n${marker}\n`);
      for (;;) {
        await page.waitForEvent("load", { timeout: Math.max(1, end - performance.now()) });
        const ms = performance.now() - t;
        if ((await page.content().catch(() => "")).includes(marker)) return ms;
      }
    };
    const backToBack: number[] = [];
    for (let i = 0; i < saves; i++) backToBack.push(await save(i));
    const spaced: number[] = [];
    for (let i = 0; i < Math.ceil(saves / 2); i++) {
      await new Promise((r) => setTimeout(r, gap));
      spaced.push(await save(saves + i));
    }
    const titles: number[] = [];
    for (let i = 0; i < Math.ceil(saves / 2); i++) titles.push(await save(2 * saves + i, true));
    return { firstBuild, backToBack, spaced, titles, gap };
  } finally {
    writeFileSync(file, original);
    await browser.close();
    child.kill();
  }
}
