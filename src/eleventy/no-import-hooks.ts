/**
 * Loaded before Eleventy (render.ts imports it first): Eleventy installs
 * module hooks so that a JavaScript template, data or config file it imports
 * again in watch mode is read anew. pressroom gives it none of those, and on
 * Node 20 the hooks run on a thread of their own that every later import of
 * the process waits for. Eleventy skips them when this variable is set.
 */
process.env.ELEVENTY_SKIP_ESM_RESOLVER = "true";
