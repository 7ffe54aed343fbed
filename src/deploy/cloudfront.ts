/** The one module that talks to CloudFront (`@aws-sdk/client-cloudfront`): invalidating changed addresses. */
import { CloudFrontClient, CreateInvalidationCommand } from "@aws-sdk/client-cloudfront";
import { storageError } from "./s3.ts";

/** Above this many addresses one wildcard is cheaper (CloudFront bills per path) and as quick. */
export const MAX_PATHS = 300;

export interface InvalidationOptions {
  readonly distribution: string;
  /** Another endpoint than AWS's (tests). */
  readonly endpoint?: string;
  readonly attempts?: number;
}

/** Ask the CDN to forget `paths`; the paths asked for (one wildcard for many); the invalidation's id. */
export async function invalidate(paths: readonly string[], basePath: string, options: InvalidationOptions): Promise<{ id: string; paths: string[] }> {
  const items = paths.length > MAX_PATHS ? [`${basePath}/*`] : [...paths];
  const client = new CloudFrontClient({
    region: "us-east-1",
    maxAttempts: options.attempts ?? 5,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
  });
  try {
    const result = await client.send(
      new CreateInvalidationCommand({
        DistributionId: options.distribution,
        InvalidationBatch: {
          // Unique per request: CloudFront treats a repeated reference as the same request.
          CallerReference: `pressroom-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
          Paths: { Quantity: items.length, Items: items },
        },
      }),
    );
    return { id: result.Invalidation?.Id ?? "", paths: items };
  } catch (error) {
    throw storageError(error, `invalidating ${items.length} paths on CloudFront distribution ${options.distribution}`);
  } finally {
    client.destroy();
  }
}
