/** The media kits (one ZIP per release with more than one file): planned, then written or kept. */
import { stat } from "node:fs/promises";
import { statSync } from "node:fs";
import type { Release, Site } from "../content/model.ts";
import { eachLimited } from "../each-limited.ts";
import { stringsFor } from "../i18n/index.ts";
import { sha256 } from "../media/cache.ts";
import { planKit, writeKit, type KitPlan } from "../outputs/media-kit.ts";
import type { OutputUpdate } from "../output-folder.ts";
import type { PreviousBuild } from "../previous-build.ts";
import { UNCHANGED } from "../write-files.ts";
import { copyKey } from "./copies.ts";

export function planKits(published: readonly Release[], site: Site): Map<Release, KitPlan> {
  const strings = stringsFor(site.language);
  const kits = new Map<Release, KitPlan>();
  for (const release of published) {
    const kit = planKit(release, site, strings);
    if (kit) kits.set(release, kit);
  }
  return kits;
}

/** Writes each kit the last build did not leave as it is; its size in bytes, for the pages to print. */
export async function writeKits(kits: ReadonlyMap<Release, KitPlan>, previous: PreviousBuild, writer: OutputUpdate): Promise<Map<Release, number>> {
  const kitBytes = new Map<Release, number>();
  await eachLimited([...kits], 4, async ([release, kit]) => {
    const key = kitKey(kit);
    previous.keep(kit.path, key);
    if (previous.reusable(kit.path, key)) {
      await writer.write(kit.path, UNCHANGED);
      kitBytes.set(release, statSync(writer.target(kit.path)).size);
    } else {
      const target = await writer.prepare(kit.path);
      await writeKit(target, kit);
      kitBytes.set(release, (await stat(target)).size);
    }
  });
  return kitBytes;
}

/** A kit is the same while its plan and every file in it are. */
function kitKey(kit: KitPlan): string {
  const files = kit.entries.map((entry) => ("file" in entry && entry.file ? copyKey({ copyFrom: entry.file }) : null));
  return sha256(JSON.stringify(["kit", kit, files]));
}
