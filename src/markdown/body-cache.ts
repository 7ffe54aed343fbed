/**
 * Rendered bodies kept between builds: Markdown and sanitizing are the
 * largest share of a build's work per release, and between two builds almost
 * every body is the same. Kept in one file of the cache folder, keyed by a
 * hash of the body's text, valid only for the code that rendered it; only the
 * bodies of the last build are kept, so the file never grows past the site.
 */
import { sha256, storePieces } from "../media/cache.ts";
import { sanitizedHtml } from "./render.ts";

interface Store {
  readonly code: string;
  readonly bodies: Record<string, string>;
}

const STORE = "bodies.json";

export interface BodyStore {
  readStore(name: string): Promise<unknown>;
  writeStorePieces(name: string, pieces: Iterable<string>): Promise<void>;
}

export class BodyCache {
  private readonly known: Map<string, string>;
  private readonly used = new Map<string, string>();
  private rendered = 0;

  private constructor(
    private readonly code: string,
    known: Map<string, string>,
  ) {
    this.known = known;
  }

  /** The bodies the last build kept in `store`, if they were rendered by the same code. */
  static async open(store: BodyStore, code: string): Promise<BodyCache> {
    const saved = (await store.readStore(STORE)) as Store | undefined;
    const usable = saved && typeof saved === "object" && saved.code === code && saved.bodies && typeof saved.bodies === "object";
    return new BodyCache(code, new Map(usable ? Object.entries(saved.bodies) : []));
  }

  /** The body as sanitized HTML (photos not placed yet): from the last build when its text is the same. */
  html = (source: string): string => {
    const key = sha256(source);
    let html = this.used.get(key) ?? this.known.get(key);
    if (typeof html !== "string") {
      html = sanitizedHtml(source);
      this.rendered++;
    }
    this.used.set(key, html);
    return html;
  };

  /**
   * Render every body of `sources` ahead of the plan, letting other work in
   * between (photos and cards wait on this thread to start their next step).
   */
  async renderAll(sources: Iterable<string>, turn = 100): Promise<void> {
    let count = 0;
    for (const source of sources) {
      this.html(source);
      if (++count % turn === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Keep this build's bodies, and only those, when anything changed. */
  async save(store: BodyStore): Promise<void> {
    if (this.rendered === 0 && this.used.size === this.known.size) return;
    // The same JSON as a Store, written a body at a time: as one string it would double the build's memory at its end.
    await store.writeStorePieces(STORE, storePieces(this.code, "bodies", this.used));
  }
}
