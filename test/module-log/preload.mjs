// Preloaded with `node --import` by test/module-loading.test.ts: records every module the process
// loads into the file PRESSROOM_MODULE_LOG names, one URL a line. ES modules through a resolve hook
// (hooks.mjs, on the loader's thread); CommonJS ones from require's cache when the process exits.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { pathToFileURL } from "node:url";

const log = process.env.PRESSROOM_MODULE_LOG;
if (log) {
  register("./hooks.mjs", import.meta.url, { data: { log } });
  const require = createRequire(import.meta.url);
  process.on("exit", () => {
    appendFileSync(log, Object.keys(require.cache).map((file) => `${pathToFileURL(file).href}\n`).join(""));
  });
}
