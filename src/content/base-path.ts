/**
 * The path of a site's address on its host, in a module of its own: `diff`
 * and `deploy` need it without loading the content model (site.ts).
 */

/** The path of a site's address on its host: "" at the root, "/presse" below a folder. */
export const basePathOf = (url: string | URL): string => new URL(url).pathname.replace(/\/+$/, "");
