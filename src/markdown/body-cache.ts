/**
 * Rendered bodies kept between builds: Markdown and sanitizing are the
 * largest share of a build's work per release, and between two builds almost
 * every body is the same. Kept in one file of the cache folder, keyed by a
 * hash of the body's text, valid only for the code that rendered it; only the
 * bodies of the last build are kept, so the file never grows past the site.
 */
import type { Language } from "../i18n/strings.ts";
import { KeyedStore, type StoreFiles } from "../keyed-store.ts";
import { sha256 } from "../media/cache.ts";
import { sanitizedHtml } from "./render.ts";

const STORE = "bodies.json";

const isText = (value: unknown): value is string => typeof value === "string";

export class BodyCache {
  /** This build's bodies by their text: a text asked for again is not hashed again. */
  private readonly bySource = new Map<string, string>();

  private constructor(
    private readonly store: KeyedStore<string>,
    private readonly language: Language,
  ) {}

  /** The bodies the last build kept, if they were rendered by the same code for a site in the same language. */
  static async open(files: StoreFiles, code: string, language: Language): Promise<BodyCache> {
    return new BodyCache(await KeyedStore.open<string>(files, STORE, `${code}:${language}`), language);
  }

  /** The body as sanitized HTML (photos not placed yet): from the last build when its text is the same. */
  html = (source: string): string => {
    let html = this.bySource.get(source);
    if (html !== undefined) return html;
    const key = sha256(source);
    html = this.store.get(key, isText);
    if (html === undefined) {
      html = sanitizedHtml(source, this.language);
      this.store.set(key, html);
    }
    this.bySource.set(source, html);
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

  /** Keep this build's bodies, and only those. */
  async save(files: StoreFiles): Promise<void> {
    await this.store.save(files);
  }
}
