/**
 * Real XML validators for the tests: Atom feeds against RFC 4287's RELAX NG
 * grammar with jing, sitemaps against the sitemaps.org 0.9 schema with xmllint.
 * Both return the validator's error lines, [] when every file is valid.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ATOM_SCHEMA = fileURLToPath(new URL("./schemas/atom.rnc", import.meta.url));
export const SITEMAP_SCHEMA = fileURLToPath(new URL("./schemas/sitemap.xsd", import.meta.url));

interface Tool {
  readonly command: string;
  readonly debianPackage: string;
}

const JING: Tool = { command: "jing", debianPackage: "jing" };
const XMLLINT: Tool = { command: "xmllint", debianPackage: "libxml2-utils" };

function run(tool: Tool, args: string[]): SpawnSyncReturns<string> {
  const result = spawnSync(tool.command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new Error(
        `\`${tool.command}\` was not found on PATH: it is needed to validate the XML output. ` +
          `Install the Debian package \`${tool.debianPackage}\` (apt-get install ${tool.debianPackage}).`,
      );
    }
    throw new Error(`Could not run \`${tool.command}\`: ${result.error.message}`);
  }
  return result;
}

const lines = (text: string): string[] => text.split(/\r?\n/).filter((line) => line.trim() !== "");

/** The failure of the tool itself (not of the document): explain it, with the install hint. */
function toolFailure(tool: Tool, result: SpawnSyncReturns<string>, output: string[]): Error {
  return new Error(
    `\`${tool.command}\` failed (exit status ${result.status ?? result.signal}); ` +
      `is the Debian package \`${tool.debianPackage}\` installed and working?\n${output.join("\n")}`,
  );
}

const asList = (files: string | readonly string[]): string[] => (typeof files === "string" ? [files] : [...files]);

/**
 * Validate Atom documents (one file, or several in a single jing run) against
 * test/schemas/atom.rnc. Returns jing's error lines ("file:line:column: error: ...").
 */
export function validateAtom(file: string | readonly string[]): string[] {
  const files = asList(file);
  if (files.length === 0) return [];
  const result = run(JING, ["-c", ATOM_SCHEMA, ...files]);
  // The Debian wrapper script warns about optional jars it cannot find: not about the documents.
  const stderr = lines(result.stderr).filter((line) => !line.startsWith("[warning]"));
  const output = [...lines(result.stdout), ...stderr];
  if (result.status === 0) return [];
  const errors = output.filter((line) => /: (error|fatal):/.test(line));
  if (result.status === 1 && errors.length > 0) return errors;
  throw toolFailure(JING, result, output);
}

/**
 * Validate sitemaps (one file, or several in a single xmllint run) against
 * test/schemas/sitemap.xsd. Returns xmllint's error lines.
 */
export function validateSitemap(file: string | readonly string[]): string[] {
  const files = asList(file);
  if (files.length === 0) return [];
  const result = run(XMLLINT, ["--noout", "--nonet", "--schema", SITEMAP_SCHEMA, ...files]);
  const output = [...lines(result.stdout), ...lines(result.stderr)];
  if (result.status === 0) return [];
  // Exit status 1: not well-formed; 3: not valid. Anything else (4: the schema itself) is the tool's problem.
  const errors = output.filter((line) => !/ validates$/.test(line));
  if ((result.status === 1 || result.status === 3) && errors.length > 0) return errors;
  throw toolFailure(XMLLINT, result, output);
}
