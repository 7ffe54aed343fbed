/** A wrong command line: the command prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
