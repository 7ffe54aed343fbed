/** Files the build writes besides the pages, by their place in the output folder. */
export const FILES = {
  home: "index.html",
  notFound: "404.html",
  redirects: "_redirects",
  /** Caching and security headers, for hosts that read them (Netlify, Cloudflare Pages). */
  headers: "_headers",
  /** Every file of the output with its hash, size, type and cache class (outputs/manifest.ts). */
  manifest: "manifest.json",
  sitemap: "sitemap.xml",
  robots: "robots.txt",
  /** The site's icon for whatever asks for it by this name (theme/favicon.ts). */
  favicon: "favicon.ico",
  /** The stylesheet in the package's layouts; in the output its name carries its hash (stylesheetFile). */
  stylesheet: "assets/style.css",
  /** Files named by their content's hash. */
  assetsFolder: "assets",
  /** Web versions of photos and social cards, named by the hash of what they are made from. */
  imagesFolder: "img",
  /** Marks a folder as made by pressroom, so a later build may replace it. */
  marker: ".pressroom-output",
  /** Feed of a listing, next to its index.html. */
  feed: "feed.xml",
  /** The site's feed as JSON Feed 1.1, at the top. */
  jsonFeed: "feed.json",
  /** Every published release's metadata, for open-data portals. */
  openData: "releases.json",
  /** The search index (Pagefind). */
  searchFolder: "pagefind",
  /** The search page's script, in the package's layouts (assets/); hashed in the output like the stylesheet. */
  searchScript: "assets/search.js",
} as const;

/** The stylesheet's place in the output: its name changes with its content, so it is cached for good. */
export const stylesheetFile = (hash: string): string => `${FILES.assetsFolder}/style.${hash.slice(0, 12)}.css`;

/** The search page's script in the output, named by its content like the stylesheet. */
export const searchScriptFile = (hash: string): string => `${FILES.assetsFolder}/search.${hash.slice(0, 12)}.js`;
