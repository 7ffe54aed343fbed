/** Entry point of the `pressroom` command: dispatch, exit codes, and no stack traces for content problems. */
import { UsageError } from "../output-folder.ts";
import { USAGE } from "./args.ts";
import { buildCommand } from "./build.ts";
import { checkCommand } from "./check.ts";
import { newCommand } from "./new.ts";
import { serveCommand } from "./serve.ts";

const commands: Record<string, (args: string[]) => Promise<number>> = {
  build: buildCommand,
  check: checkCommand,
  serve: serveCommand,
  new: newCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
  return command(args);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`pressroom: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`pressroom: internal error, please report it with the output below.\n`);
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 3;
  }
}
