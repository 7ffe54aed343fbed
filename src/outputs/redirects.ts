/** The `_redirects` file for CDNs (Netlify, Cloudflare Pages): "old new 301", first match wins. */
import type { RedirectPage } from "../site/redirects-plan.ts";

export function redirectsFile(redirects: readonly RedirectPage[]): string {
  return redirects.map((r) => `${r.from} ${r.to} 301\n`).join("");
}
