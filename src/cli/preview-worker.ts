/**
 * The preview's builds, in a worker thread of their own (preview-builds.ts):
 * a build at 10,000 releases holds its thread for seconds at a time, and the
 * preview's thread must stay free to show a save from the quick lane and to
 * serve the page that asks for it. The worker lives as long as the preview,
 * so what builds keep in memory (the cache's stores) stays between builds.
 */
import { parentPort } from "node:worker_threads";
import { build, BuildFailed, type BuildOptions } from "../build.ts";
import type { PreviewState } from "../build/quick-page.ts";
import type { Problem } from "../errors/problem.ts";

/** A build's options as they cross threads: no function. */
export type PlainBuildOptions = Omit<BuildOptions, "onImageProgress" | "onPreviewState">;

export interface BuildRequest {
  readonly id: number;
  readonly options: PlainBuildOptions;
}

export type BuildReply = { readonly id: number } & (
  | {
      readonly kind: "built";
      readonly releases: number;
      readonly pages: number;
      readonly warnings: readonly Problem[];
      /** The texts of site.yaml and of the files with warnings. */
      readonly sources: ReadonlyMap<string, string>;
      readonly changed: readonly string[];
      /** What the build planned, when it made anything. */
      readonly state?: PreviewState;
    }
  | { readonly kind: "failed"; readonly problems: readonly Problem[]; readonly sources: ReadonlyMap<string, string> }
  | { readonly kind: "error"; readonly name: string; readonly message: string }
);

parentPort!.on("message", (request: BuildRequest) => {
  let state: PreviewState | undefined;
  build({ ...request.options, onPreviewState: (kept) => (state = kept) }).then(
    (result) => {
      const named = new Set(["site.yaml", ...result.warnings.map((warning) => warning.file)]);
      const reply: BuildReply = {
        id: request.id,
        kind: "built",
        releases: result.releases,
        pages: result.pages,
        warnings: result.warnings,
        sources: new Map([...result.sources].filter(([file]) => named.has(file))),
        changed: result.changed ?? [],
        ...(state && { state }),
      };
      parentPort!.postMessage(reply);
    },
    (error: unknown) => {
      const reply: BuildReply =
        error instanceof BuildFailed
          ? { id: request.id, kind: "failed", problems: error.problems, sources: error.sources }
          : { id: request.id, kind: "error", name: error instanceof Error ? error.name : "Error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      parentPort!.postMessage(reply);
    },
  );
});
