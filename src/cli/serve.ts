/** `pressroom serve`: build, serve the output folder on localhost, rebuild and reload on every change. */
import { watch } from "node:fs";
import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { build, BuildFailed } from "../build.ts";
import { LAYOUTS_DIR } from "../eleventy/layouts.ts";
import { UsageError } from "../errors/usage.ts";
import { parse, USAGE } from "./args.ts";
import { printProblems } from "./report.ts";

export async function serveCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "dist" },
    port: { type: "string", default: "8080" },
    drafts: { type: "boolean", default: false },
    cache: { type: "string" },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port "${values.port}" is not a port number`);
  const options = {
    contentDir: values.content!,
    outDir: values.out!,
    drafts: values.drafts!,
    ...(values.cache !== undefined && { cacheDir: values.cache }),
  };

  const rebuild = async (): Promise<boolean> => {
    try {
      const result = await build(options);
      process.stdout.write(`Built ${result.releases} releases (${result.pages} pages).\n`);
      return true;
    } catch (error) {
      if (error instanceof BuildFailed) {
        printProblems(error.problems, error.sources, false);
        process.stdout.write("The preview shows the last good build until the problems are fixed.\n");
        return false;
      }
      throw error;
    }
  };

  await rebuild();
  const server = EleventyDevServer.getServer("pressroom", path.resolve(options.outDir), {
    liveReload: true,
    domDiff: false,
    showVersion: false,
  });
  server.serve(port);

  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running
        .then(async () => {
          if (await rebuild()) server.reload({});
        })
        // The preview keeps running whatever happens in one rebuild.
        .catch((error: unknown) => {
          process.stderr.write(`pressroom: the rebuild failed: ${String(error)}\n`);
        });
    }, 150);
  };
  // Hidden files and folders (an editor's swap files, a media cache kept in the content folder) change nothing.
  const changed = (_event: string, file: string | Buffer | null): void => {
    if (file !== null && String(file).split(/[/\\]/).some((part) => part.startsWith("."))) return;
    schedule();
  };
  const watchers = [path.resolve(options.contentDir), LAYOUTS_DIR].map((dir) => watch(dir, { recursive: true }, changed));
  process.stdout.write(`Watching ${options.contentDir} for changes. Press Ctrl+C to stop.\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  for (const w of watchers) w.close();
  clearTimeout(timer);
  await server.close();
  return 0;
}
