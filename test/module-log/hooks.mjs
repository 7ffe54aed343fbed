// The load hook of preload.mjs: the URL of every module loaded through the ES module loader
// (a package's entry point too, CommonJS or not), appended to the log file.
import { appendFileSync } from "node:fs";

let log;

export function initialize(data) {
  log = data.log;
}

export async function load(url, context, next) {
  appendFileSync(log, `${url}\n`);
  return next(url, context);
}
