/** The record of `pressroom notify` on the deploy target: notified.json in the bucket, next to manifest.json. */
import { normalizePrefix } from "../deploy/deploy.ts";
import { Bucket, type BucketOptions } from "../deploy/s3.ts";
import { sha256 } from "../media/cache.ts";
import { parseRecord, RECORD_FILE, recordText, type RecordStore } from "./record.ts";

export function bucketRecord(options: BucketOptions & { readonly prefix: string }): { store: RecordStore; close: () => void } {
  const bucket = new Bucket(options);
  const key = `${normalizePrefix(options.prefix)}${RECORD_FILE}`;
  const where = `s3://${options.bucket}/${key}`;
  return {
    store: {
      where,
      async read() {
        const bytes = await bucket.get(key);
        return bytes === undefined ? undefined : parseRecord(Buffer.from(bytes).toString("utf8"), where);
      },
      async write(record) {
        const text = recordText(record);
        // Never cached: the next run must read what this one wrote.
        await bucket.put(key, Buffer.from(text), { contentType: "application/json; charset=utf-8", cacheControl: "no-store", sha256: sha256(text) });
      },
    },
    close: () => bucket.destroy(),
  };
}
