/**
 * A real S3 API on 127.0.0.1 (s3rver) in a process of its own, for the tests
 * of `pressroom deploy` and the benchmark's CI case; and the environment a
 * pressroom command needs to talk to it and to nothing else.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** s3rver takes any secret for the key id it knows. */
export const S3RVER_CREDENTIALS = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" } as const;

/** No profile or instance role of the machine, and no notice of the SDK's: only what the caller gives. */
export const ISOLATED_AWS_ENV = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_CONFIG_FILE: "/nonexistent",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
} as const;

/**
 * s3rver keeping its objects in `directory`, with `bucket` made. In a process
 * of its own: it signs the continuation tokens of listings longer than 1000
 * keys with DES, which Node's OpenSSL 3 only offers with its legacy provider.
 */
export function startS3rver(directory: string, bucket: string): Promise<{ child: ChildProcess; port: number }> {
  const script = `
    const S3rver = require("s3rver");
    new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: process.argv[1], configureBuckets: [{ name: process.argv[2], configs: [] }] })
      .run().then((info) => process.stdout.write(info.port + "\\n"));`;
  const child = spawn(process.execPath, ["--openssl-legacy-provider", "-e", script, directory, bucket], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`s3rver stopped (${code})`)));
    child.stdout!.once("data", (data: Buffer) => resolve({ child, port: Number(String(data).trim()) }));
  });
}
