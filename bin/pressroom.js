#!/usr/bin/env node
// The `pressroom` command: the compiled JavaScript in lib/ (made from src/ by `npm install`).
import { existsSync } from "node:fs";

const main = new URL("../lib/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("pressroom: not compiled yet. Run `npm install` (or `npm run compile`) in the pressroom folder first.\n");
  process.exit(3);
}
await import(main.href);
