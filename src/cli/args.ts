/** Command line parsing (node:util parseArgs): unknown options are usage errors. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors/usage.ts";

export const USAGE = `Usage: pressroom <command> [options]

Commands:
  build   Build the site           [--content DIR] [--out DIR] [--now DATETIME] [--drafts] [--cache DIR] [--json]
  check   Validate content only    [--content DIR] [--cache DIR] [--json]
  serve   Build and preview with live reload  [--content DIR] [--out DIR] [--port N] [--drafts] [--cache DIR]
  new     Scaffold a release       --title TEXT --department ID [--date DATETIME] [--content DIR]

Defaults: --content content, --out dist, --now the current time, --cache .cache/pressroom.
Exit codes: 0 success, 1 invalid content, 2 wrong usage.
`;

export function parse<O extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!);
  }
}
