/** The few file system questions the content model asks, injectable for tests. */
import { realpathSync, statSync } from "node:fs";

export interface FileSystem {
  /** The real path of a file, or undefined when there is no such file. */
  realFile(absolutePath: string): string | undefined;
}

export const nodeFileSystem: FileSystem = {
  realFile(absolutePath) {
    try {
      const real = realpathSync(absolutePath);
      return statSync(real).isFile() ? real : undefined;
    } catch {
      return undefined;
    }
  },
};
