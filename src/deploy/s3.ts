/** The one module that talks to S3-compatible object storage (`@aws-sdk/client-s3`). */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { eachLimited } from "../each-limited.ts";

export interface BucketOptions {
  readonly bucket: string;
  /** AWS region; S3-compatible stores mostly take any (default us-east-1). */
  readonly region?: string;
  /** Another S3 API than AWS's: MinIO, Ceph, a city's data centre. */
  readonly endpoint?: string;
  /** Address buckets as https://host/bucket/key (most self-hosted stores) instead of https://bucket.host/key. */
  readonly pathStyle?: boolean;
  /** Tries per request, the first included; the SDK waits longer after each failure (exponential backoff with jitter). */
  readonly attempts?: number;
}

export interface PutOptions {
  readonly contentType: string;
  readonly cacheControl: string;
  /** Where S3 website hosting redirects a request for this object. */
  readonly redirect?: string;
  /** The file's sha256, kept as the object's metadata `x-amz-meta-sha256`. */
  readonly sha256: string;
}

/** What went wrong in a request, in words that name no secret. */
export class StorageError extends Error {
  override name = "StorageError";
}

/** An SDK error as one line: what was asked for, the error's code, the HTTP status if there was an answer, its message. */
export function storageError(error: unknown, action: string): StorageError {
  const e = error as (Error & { $metadata?: { httpStatusCode?: number } }) | undefined;
  if (e?.name === "CredentialsProviderError") {
    return new StorageError(
      `${action}: no credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run where a role is given (see docs/operating.md)`,
    );
  }
  const status = e?.$metadata?.httpStatusCode;
  return new StorageError(`${action}: ${e?.name ?? "Error"}${status ? ` (HTTP ${status})` : ""}: ${e?.message ?? String(error)}`);
}

export class Bucket {
  private readonly client: S3Client;
  readonly name: string;

  constructor(options: BucketOptions) {
    this.name = options.bucket;
    this.client = new S3Client({
      region: options.region ?? "us-east-1",
      ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
      forcePathStyle: options.pathStyle ?? false,
      maxAttempts: options.attempts ?? 5,
      // Checksums only where the API requires them: several S3-compatible stores
      // otherwise keep the upload's chunk framing as the object's content.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  /** The object's content, or undefined when there is none. */
  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.name, Key: key }));
      return await response.Body!.transformToByteArray();
    } catch (error) {
      if (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404)) return undefined;
      throw storageError(error, `reading ${key} from bucket ${this.name}`);
    }
  }

  /** Every key below `prefix`. */
  async keys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.name, ...(prefix && { Prefix: prefix }), ...(token && { ContinuationToken: token }) }),
        );
        for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw storageError(error, `listing bucket ${this.name}${prefix ? ` below ${prefix}` : ""}`);
    }
    return keys;
  }

  async put(key: string, body: Uint8Array, options: PutOptions): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.name,
          Key: key,
          Body: body,
          ContentLength: body.byteLength,
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
          Metadata: { sha256: options.sha256 },
          ...(options.redirect !== undefined && { WebsiteRedirectLocation: options.redirect }),
        }),
      );
    } catch (error) {
      throw storageError(error, `uploading ${key}`);
    }
  }

  /**
   * Remove `keys`, one request each, `concurrency` at once. The batch call
   * (DeleteObjects) needs a checksum header that the SDK now sends in a form
   * several S3-compatible stores refuse; a single delete needs none.
   */
  async delete(keys: readonly string[], concurrency: number): Promise<void> {
    await eachLimited(keys, concurrency, async (key) => {
      try {
        await this.client.send(new DeleteObjectCommand({ Bucket: this.name, Key: key }));
      } catch (error) {
        throw storageError(error, `removing ${key}`);
      }
    });
  }

  destroy(): void {
    this.client.destroy();
  }
}
