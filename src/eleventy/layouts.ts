import { fileURLToPath } from "node:url";

/** The package's own templates and stylesheet. */
export const LAYOUTS_DIR = fileURLToPath(new URL("../../layouts/", import.meta.url));
