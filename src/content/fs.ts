/** The few file system questions the content model asks, injectable for tests. */
import { readdirSync, realpathSync, statSync } from "node:fs";

export interface FileSystem {
  /** The real path of a file, or undefined when there is no such file. */
  realFile(absolutePath: string): string | undefined;
  /** The names of the files in a folder (none when it does not exist), for did-you-mean hints. */
  filesIn?(absoluteDir: string): string[];
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
  filesIn(absoluteDir) {
    try {
      return readdirSync(absoluteDir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name);
    } catch {
      return [];
    }
  },
};
