/** Last, what describes the whole output: caching headers (`_headers`) and the manifest with every file's hash. */
import { adminHeaders, type AdminOptions } from "../outputs/admin.ts";
import { describeOutput } from "../outputs/manifest.ts";
import type { OutputUpdate } from "../output-folder.ts";
import { BY_BYTES, type PreviousBuild } from "../previous-build.ts";
import { FILES } from "../site/files.ts";
import type { SitePlan } from "../site/plan.ts";
import { writeFiles } from "../write-files.ts";

export interface Description {
  readonly plan: SitePlan;
  readonly now: number;
  readonly preview: boolean;
  readonly admin?: AdminOptions;
}

export async function writeDescription(input: Description, previous: PreviousBuild, writer: OutputUpdate): Promise<void> {
  const { site } = input.plan;
  const described = describeOutput({
    siteUrl: site.url,
    basePath: site.basePath,
    now: input.now,
    preview: input.preview,
    files: writer.list(),
    redirects: new Map(input.plan.redirects.map((redirect) => [redirect.outputPath, redirect.to])),
    facts: (file) => writer.describe(file),
    ...(site.searchFallback && { formTargets: [new URL(site.searchFallback.url).origin] }),
    ...(input.admin && { ownPolicy: adminHeaders(input.admin, site.url) }),
  });
  const files = [
    { path: FILES.headers, content: described.headers },
    { path: FILES.manifest, content: described.manifest },
  ];
  for (const file of files) previous.keep(file.path, BY_BYTES);
  await writeFiles(writer, files, writer.list());
}
