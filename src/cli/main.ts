/** Entry point of the `pressroom` command: dispatch, exit codes, and no stack traces for content problems. */
import { inertLines } from "../errors/inert.ts";
import { UsageError } from "../errors/usage.ts";
import { USAGE } from "./args.ts";

type Command = (args: string[]) => Promise<number>;

// Each command loads only what it needs: `check` never loads Eleventy.
const commands: Record<string, () => Promise<Command>> = {
  build: async () => (await import("./build.ts")).buildCommand,
  check: async () => (await import("./check.ts")).checkCommand,
  serve: async () => (await import("./serve.ts")).serveCommand,
  edit: async () => (await import("./edit.ts")).editCommand,
  new: async () => (await import("./new.ts")).newCommand,
  deploy: async () => (await import("./deploy.ts")).deployCommand,
  diff: async () => (await import("./diff.ts")).diffCommand,
  schedule: async () => (await import("./schedule.ts")).scheduleCommand,
  notify: async () => (await import("./notify.ts")).notifyCommand,
  import: async () => (await import("./import.ts")).importCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) throw new UsageError(`unknown command "${name}"`);
  return (await load())(args);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    // A usage error repeats what was given (a --now value, a file name): shown, never acted on.
    process.stderr.write(`pressroom: ${inertLines(error.message)}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`pressroom: internal error, please report it with the output below.\n`);
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 3;
  }
}
