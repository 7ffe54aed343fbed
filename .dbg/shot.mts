import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
const out = process.argv[2]!;
const manifest = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));
const policy = /Content-Security-Policy: (.*)/.exec(readFileSync(path.join(out, "_headers"), "utf8"))![1]!;
const server = createServer((req, res) => {
  let file = path.join(out, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
  const entry = manifest.files[path.relative(out, file)];
  if (!entry) return void res.writeHead(404).end();
  res.writeHead(200, { "content-security-policy": policy, "content-type": entry.type }).end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(8097, "127.0.0.1", r));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
for (const [i, address] of process.argv.slice(3).entries()) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") console.log("console:", m.text()); });
  await page.goto(`http://127.0.0.1:8097${address}`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/trial-${i}.png`, fullPage: true });
  await context.close();
}
await browser.close(); server.close();
