// Sums a V8 CPU profile (node --cpu-prof) by where the time was spent:
// package under node_modules, pressroom's own folders, or V8/Node internals.
//   node scripts/profile-summary.mjs FILE.cpuprofile [--top 25] [--functions]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "25" }, functions: { type: "boolean", default: false } },
});
if (positionals.length !== 1) {
  process.stderr.write("Usage: node scripts/profile-summary.mjs FILE.cpuprofile [--top 25] [--functions]\n");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], "utf8"));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

function group(frame) {
  const url = frame.url ?? "";
  if (!url) return frame.functionName ? `(${frame.functionName})` : "(native)";
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1];
  if (url.startsWith("node:")) return "node internals";
  const own = url.match(/\/(src|lib|scripts|layouts)\/(.*)$/);
  if (own) return `pressroom ${own[1]}/${own[2].split("/").slice(0, -1).join("/") || "."}`;
  return url;
}

const self = new Map();
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
for (let i = 0; i < samples.length; i++) {
  const node = byId.get(samples[i]);
  if (!node) continue;
  const key = values.functions ? `${node.callFrame.functionName || "(anonymous)"} ${group(node.callFrame)}` : group(node.callFrame);
  self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
process.stdout.write(`${ms(total)}  total (wall time of the thread, idle included)\n`);
for (const [key, us] of rows) process.stdout.write(`${ms(us)}  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}\n`);
