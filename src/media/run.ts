/**
 * Making the web versions and social cards: each photo decoded once for all
 * its sizes, several photos at once (sharp's own thread pool is one thread
 * here), each taken from the cache when it is there and whole.
 */
import os from "node:os";
import { eachLimited } from "../each-limited.ts";
import { UNCHANGED } from "../write-files.ts";
import type { MediaCache, EntryFile } from "./cache.ts";
import type { CardPlan, PhotoCard, TextCard } from "./card.ts";
import type { ImageOptions, PhotoPlan } from "./recipe.ts";
import { decodePixels, drawBackground, drawCard, encodeCrop, encodeWidth, reasonOf, type EncodeOptions, type Pixels } from "./sharp.ts";

export interface MediaWork {
  readonly photos: readonly PhotoPlan[];
  readonly cards: readonly CardPlan[];
}

export interface RunOptions {
  readonly cache: MediaCache;
  readonly images: ImageOptions;
  /** Photos in work at once; each holds one decoded photo in memory. */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops taking work and writing files (the build failed elsewhere). */
  readonly signal?: AbortSignal;
  /** Whether the previous output holds `path` still (names carry a content hash): it stays, the cache is not read. */
  readonly unchanged?: (path: string) => boolean;
}

export interface RunStats {
  /** Distinct photos. */
  readonly photos: number;
  /** Photos (and text cards) that had to be encoded, and those taken whole from the cache. */
  readonly encoded: number;
  readonly reused: number;
  /** Distinct card files: cut from photos, or set with a title or a department's name. */
  readonly cards: number;
  /** Cards set in type, for releases without a photo (the other cards are cut from photos). */
  readonly textCards: number;
  readonly seconds: number;
  /** Why photos could not be made (in words for a press officer), by source path: a file that passed the check and still failed. */
  readonly failures: ReadonlyMap<string, string>;
}

type Write = (path: string, data: Uint8Array | typeof UNCHANGED) => Promise<void>;

interface PhotoTask {
  readonly plans: readonly PhotoPlan[];
  readonly cards: readonly PhotoCard[];
}

const WEB = "web";
const CARD = "card";

function encodeOptions(images: ImageOptions, format: EncodeOptions["format"], credit: PhotoPlan["credit"]): EncodeOptions {
  const quality = format === "webp" ? images.webp.quality : images.jpeg.quality;
  const effort = format === "png" ? images.png.compressionLevel : images.webp.effort;
  return { format, quality, effort, ...credit };
}

async function writeEntry(files: readonly EntryFile[], targets: readonly { entryName: string; path: string }[], write: Write) {
  const byName = new Map(files.map((f) => [f.name, f.data]));
  for (const target of targets) {
    const data = byName.get(target.entryName);
    if (!data) throw new Error(`media cache entry lacks ${target.entryName}`);
    await write(target.path, data);
  }
}

/**
 * At most `limit` holders at once. Photos read from the cache need no
 * processor, only the disk, so more of them run at once than are decoded.
 */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(limit: number) {
    this.free = limit;
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

interface Shared {
  readonly options: RunOptions;
  readonly write: Write;
  /** Decoding and encoding: one photo per processor, each holding its pixels. */
  readonly cpu: Slots;
  /** Backgrounds of text cards, drawn once per build. */
  readonly backgrounds: Map<string, Promise<Pixels>>;
}

/** Files all still in the previous output stay there: true when they were. */
async function keepAll(paths: readonly string[], shared: Shared): Promise<boolean> {
  const unchanged = shared.options.unchanged;
  if (!unchanged || !paths.every(unchanged)) return false;
  await Promise.all(paths.map((path) => shared.write(path, UNCHANGED)));
  return true;
}

/** One photo: its web versions and the cards cropped from it. True when anything was encoded. */
async function photoTask(task: PhotoTask, shared: Shared): Promise<boolean> {
  const { cache, images } = shared.options;
  if (await keepAll([...task.plans.flatMap((p) => p.versions.map((v) => v.path)), ...task.cards.map((c) => c.path)], shared)) return false;
  const plan = task.plans[0]!;
  const [web, cards] = await Promise.all([
    plan.versions.length > 0 ? cache.readEntry(WEB, plan.key) : Promise.resolve({ files: [] as EntryFile[] }),
    Promise.all(task.cards.map(async (card) => ({ card, data: (await cache.readEntry(CARD, card.key))?.files[0]?.data }))),
  ]);
  const missingCards = cards.filter((c) => c.data === undefined);
  let files = web?.files;
  if (!files || missingCards.length > 0) {
    await shared.cpu.run(async () => {
      const pixels = await decodePixels(plan.source, plan.decodeWidth);
      if (!files) {
        files = [];
        for (const version of plan.versions) {
          const encoded = await encodeWidth(pixels, version.width, encodeOptions(images, version.format, plan.credit));
          files.push({ name: version.entryName, data: encoded.data });
        }
      }
      for (const missing of missingCards) {
        missing.data = (await encodeCrop(pixels, missing.card.width, missing.card.height, encodeOptions(images, "jpeg", missing.card.credit))).data;
      }
    });
    if (!web) await cache.writeEntry(WEB, plan.key, files!, null);
    for (const missing of missingCards) await cache.writeEntry(CARD, missing.card.key, [{ name: "card.jpg", data: missing.data! }], null);
  }
  await Promise.all([
    ...task.plans.map((p) => writeEntry(files!, p.versions, shared.write)),
    ...cards.map((c) => shared.write(c.card.path, c.data!)),
  ]);
  return !web || missingCards.length > 0;
}

async function textCardTask(card: TextCard, shared: Shared): Promise<boolean> {
  if (await keepAll([card.path], shared)) return false;
  const hit = await shared.options.cache.readEntry(CARD, card.key);
  let data = hit?.files[0]?.data;
  if (!data) {
    data = await shared.cpu.run(async () => {
      let background = shared.backgrounds.get(card.background.key);
      if (!background) shared.backgrounds.set(card.background.key, (background = drawBackground(card.background.svg, card.background.blocks)));
      return (await drawCard(await background, card.texts, { format: "png", quality: 100, effort: 6 })).data;
    });
    await shared.options.cache.writeEntry(CARD, card.key, [{ name: "card.png", data }], null);
  }
  await shared.write(card.path, data);
  return hit === undefined;
}

/** Group the work into tasks: one per distinct photo (by cache key), one per text card. */
function tasksOf(work: MediaWork): { photos: PhotoTask[]; texts: TextCard[]; cards: number } {
  const bySource = new Map<string, { plans: PhotoPlan[]; cards: PhotoCard[] }>();
  const keyOfSource = new Map<string, string>();
  for (const plan of work.photos) {
    keyOfSource.set(plan.source, plan.key);
    const task = bySource.get(plan.key) ?? { plans: [], cards: [] };
    // The same photo twice (in two releases, or as two identical files) is made once and written once per name.
    const path = plan.versions[0]?.path;
    if (!task.plans.some((p) => p.versions[0]?.path === path)) task.plans.push(plan);
    bySource.set(plan.key, task);
  }
  const texts: TextCard[] = [];
  const seenCards = new Set<string>();
  for (const card of work.cards) {
    if (seenCards.has(card.path)) continue;
    seenCards.add(card.path);
    if (card.kind === "text") texts.push(card);
    else bySource.get(keyOfSource.get(card.source) ?? "")?.cards.push(card);
  }
  return { photos: [...bySource.values()], texts, cards: seenCards.size };
}

/** Photos and cards whose cache entries are read at once, per processor: reading waits on the disk. */
const READERS_PER_PROCESSOR = 4;

export async function makeImages(work: MediaWork, writeFile: Write, options: RunOptions): Promise<RunStats> {
  const started = performance.now();
  const stopped = (): boolean => options.signal?.aborted === true;
  const write: Write = async (path, data) => {
    if (!stopped()) await writeFile(path, data);
  };
  const { photos, texts, cards } = tasksOf(work);
  const processors = Math.max(1, options.concurrency ?? os.availableParallelism());
  const shared: Shared = { options, write, cpu: new Slots(processors), backgrounds: new Map() };
  const failures = new Map<string, string>();
  const guarded = async (task: PhotoTask): Promise<boolean> => {
    try {
      return await photoTask(task, shared);
    } catch (error) {
      failures.set(task.plans[0]!.source, reasonOf(error, true));
      return false;
    }
  };
  const jobs: (() => Promise<boolean>)[] = [
    ...photos.map((task) => () => guarded(task)),
    ...texts.map((card) => () => textCardTask(card, shared)),
  ];
  const total = jobs.length;
  let done = 0;
  let encoded = 0;
  options.onProgress?.(0, total);
  await eachLimited(jobs, processors * READERS_PER_PROCESSOR, async (job) => {
    if (stopped()) return;
    if (await job()) encoded++;
    options.onProgress?.(++done, total);
  });
  await options.cache.save();
  return {
    photos: photos.length,
    encoded,
    reused: total - encoded - failures.size,
    cards,
    textCards: texts.length,
    seconds: (performance.now() - started) / 1000,
    failures,
  };
}
