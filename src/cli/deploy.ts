/** `pressroom deploy`: the output folder to S3-compatible storage, settings from flags or the environment. */
import { basePathOf } from "../content/base-path.ts";
import { inert } from "../errors/inert.ts";
import { UsageError } from "../errors/usage.ts";
import { invalidate } from "../deploy/cloudfront.ts";
import { addressOf } from "../deploy/changes.ts";
import { finishDeploy, invalidationPaths, normalizePrefix, planDeploy, runDeploy, type DeployPlan } from "../deploy/deploy.ts";
import { Bucket, StorageError } from "../deploy/s3.ts";
import { parse, USAGE } from "./args.ts";
import { countingLine } from "./progress.ts";

/** Values that must never be printed, whatever an error message says. */
const SECRET_VARIABLES = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID"];

export function redactSecrets(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const name of SECRET_VARIABLES) {
    const value = env[name];
    if (value && value.length >= 4) out = out.split(value).join(`[${name}]`);
  }
  return out;
}

const flag = (value: string | undefined): boolean => value !== undefined && /^(1|true|yes)$/i.test(value.trim());

function positiveInteger(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`--${name} "${value}" is not a whole number of at least ${min}`);
  return number;
}

export async function deployCommand(args: string[]): Promise<number> {
  const env = process.env;
  const values = parse(args, {
    out: { type: "string", default: "dist" },
    bucket: { type: "string" },
    prefix: { type: "string" },
    region: { type: "string" },
    endpoint: { type: "string" },
    "path-style": { type: "boolean" },
    distribution: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    "keep-stale": { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    concurrency: { type: "string" },
    retries: { type: "string" },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const bucketName = values.bucket ?? env.PRESSROOM_S3_BUCKET;
  if (!bucketName) throw new UsageError("deploy needs a bucket: --bucket NAME or PRESSROOM_S3_BUCKET");
  const prefix = normalizePrefix(values.prefix ?? env.PRESSROOM_S3_PREFIX ?? "");
  const endpoint = values.endpoint ?? (env.PRESSROOM_S3_ENDPOINT || undefined);
  const region = values.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined);
  const distribution = values.distribution ?? (env.PRESSROOM_CLOUDFRONT_DISTRIBUTION || undefined);
  const attempts = positiveInteger(values.retries, "retries", 4, 0) + 1;
  const options = {
    outDir: values.out!,
    prefix,
    dryRun: values["dry-run"]!,
    keepStale: values["keep-stale"]!,
    quick: values.quick! || flag(env.PRESSROOM_DEPLOY_QUICK),
    concurrency: positiveInteger(values.concurrency, "concurrency", 8),
  };
  const bucket = new Bucket({
    bucket: bucketName,
    ...(region !== undefined && { region }),
    ...(endpoint !== undefined && { endpoint }),
    pathStyle: values["path-style"] ?? flag(env.PRESSROOM_S3_PATH_STYLE),
    attempts,
  });
  const out = process.stdout;
  const started = performance.now();
  const where = `s3://${bucketName}/${prefix}${endpoint ? ` at ${endpoint}` : ""}`;
  try {
    const plan = await planDeploy(bucket, options);
    for (const warning of plan.warnings) process.stderr.write(`pressroom: warning: ${redactSecrets(warning)}\n`);
    const basePath = basePathOf(plan.local.site);
    if (options.dryRun) {
      out.write(`Dry run: nothing is uploaded or removed. Deploying ${options.outDir} to ${where} would:\n`);
      out.write(describePlan(plan, plan.removeStale ? plan.stale : [], prefix, basePath));
      return 0;
    }
    out.write(`Deploying ${options.outDir} to ${where}\n`);
    const progress = countingLine("Uploading");
    let result;
    try {
      result = await runDeploy(bucket, plan, { ...options, onProgress: progress.onProgress });
    } finally {
      progress.end();
    }
    out.write(describePlan(plan, result.removed, prefix, basePath));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out.write(`Deployed in ${seconds} s: ${plan.uploads.length} files uploaded, ${result.removed.length} removed, ${plan.unchanged} unchanged.\n`);
    if (distribution !== undefined) {
      const paths = invalidationPaths(plan, result.removed, prefix);
      if (paths.length === 0) out.write(`CloudFront ${distribution}: nothing to invalidate.\n`);
      else {
        const cloudfrontEndpoint = env.PRESSROOM_CLOUDFRONT_ENDPOINT || undefined;
        const done = await invalidate(paths, basePath, { distribution, attempts, ...(cloudfrontEndpoint && { endpoint: cloudfrontEndpoint }) });
        out.write(`CloudFront ${distribution}: invalidation ${done.id} for ${done.paths.length === 1 ? done.paths[0] : `${done.paths.length} paths`}.\n`);
      }
    }
    await finishDeploy(bucket, plan);
    return 0;
  } catch (error) {
    if (error instanceof StorageError) {
      process.stderr.write(
        `pressroom: deploy failed: ${redactSecrets(error.message)}\n` +
          `Run the deploy again: it uploads, removes and invalidates again whatever this one may have left unfinished.\n`,
      );
      return 1;
    }
    if (error instanceof UsageError) error.message = redactSecrets(error.message);
    throw error;
  } finally {
    bucket.destroy();
  }
}

/** Every address that goes up or away, marked +, ~ or -, then the totals. */
function describePlan(plan: DeployPlan, removed: readonly string[], prefix: string, basePath: string): string {
  const lines: string[] = [];
  for (const upload of plan.uploads) {
    const mark = upload.reason === "changed" ? "~" : "+";
    const note = upload.reason === "missing" ? " (missing in the bucket)" : upload.reason === "unfinished" ? " (an earlier deploy did not finish)" : "";
    lines.push(`  ${mark} ${inert(addressOf(basePath, upload.file))}${note}\n`);
  }
  for (const key of removed) lines.push(`  - ${inert(addressOf(basePath, key.slice(prefix.length)))}\n`);
  const kept = plan.stale.length - removed.length;
  const counts = { new: 0, changed: 0, missing: 0, unfinished: 0 };
  for (const upload of plan.uploads) counts[upload.reason]++;
  const extra = [counts.missing ? `${counts.missing} missing` : "", counts.unfinished ? `${counts.unfinished} left unfinished by an earlier deploy` : ""].filter(Boolean);
  lines.push(
    `Upload ${plan.uploads.length} files (${counts.new} new, ${counts.changed} changed${extra.map((e) => `, ${e}`).join("")}), ` +
      `${plan.unchanged} unchanged; ${plan.manifest.changed ? "new manifest" : "manifest unchanged"}; ` +
      `remove ${removed.length}${kept > 0 ? `, keep ${kept} stale` : ""}.\n`,
  );
  return lines.join("");
}
