/** Files the build writes besides the pages, by their place in the output folder. */
export const FILES = {
  notFound: "404.html",
  redirects: "_redirects",
  sitemap: "sitemap.xml",
  robots: "robots.txt",
  stylesheet: "assets/style.css",
  /** Marks a folder as made by pressroom, so a later build may replace it. */
  marker: ".pressroom-output",
  /** Feed of a listing, next to its index.html. */
  feed: "feed.xml",
} as const;
