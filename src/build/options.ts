/** What a build is given and what it gives back; the error of a build stopped by its content. */
import { ContentError, type Problem } from "../errors/problem.ts";
import type { ImageOptions } from "../media/recipe.ts";
import type { BuildSummary } from "./up-to-date.ts";
import type { LocalEditorTarget } from "../outputs/admin.ts";
import type { PreviewState } from "./quick-page.ts";

export interface BuildOptions {
  readonly contentDir: string;
  readonly outDir: string;
  /** The build's clock, as text (site time zone unless it has an offset); default: the current time. */
  readonly now?: string;
  /** The preview (`pressroom serve`, `build --preview`): drafts and embargoed releases too, each with a banner; marked in the manifest, never deployed. */
  readonly preview?: boolean;
  readonly layoutsDir?: string;
  readonly pageSize?: number;
  /** Releases per shard of the search index (default search/shards.ts SHARD_SIZE). */
  readonly searchShardSize?: number;
  /** The media cache folder (default .cache/pressroom, relative to the working folder). */
  readonly cacheDir?: string;
  /** Photos in work at once (default: one per processor). */
  readonly concurrency?: number;
  /** Sizes, formats and cards of the web versions (default: the built-in recipe). */
  readonly images?: ImageOptions;
  /**
   * The local editor (`pressroom edit`): admin/ is built to save at `url` (the preview's own `/admin/api/v1`)
   * on `branch`, whatever site.yaml's `editor:` says.
   */
  readonly localEditor?: LocalEditorTarget;
  /** Called as photos are done, for a progress line. */
  readonly onImageProgress?: (done: number, total: number) => void;
  /** Build even when nothing changed since the last build into the folder (the preview wants what a build knows). */
  readonly force?: boolean;
  /** Given what a successful build planned, for the preview's quick lane (quick-page.ts). */
  readonly onPreviewState?: (state: PreviewState) => void;
}

/** The counts, the warnings and what still waits for its time (told after the build), with the text of every file read. */
export interface BuildResult extends Omit<BuildSummary, "sources"> {
  readonly sources: ReadonlyMap<string, string>;
  /** The build's clock. */
  readonly now: number;
  /** Nothing had changed since the last build into the folder: nothing was made (build/up-to-date.ts). */
  readonly unchanged: boolean;
  /** The files the build wrote anew (output-relative), when it made any. */
  readonly changed?: readonly string[];
}

export class BuildFailed extends ContentError {
  readonly sources: ReadonlyMap<string, string>;
  constructor(problems: readonly Problem[], sources: ReadonlyMap<string, string>) {
    super(problems);
    this.sources = sources;
  }
}

