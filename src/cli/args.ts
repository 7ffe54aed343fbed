/** Command line parsing (node:util parseArgs): unknown options are usage errors. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors/usage.ts";

export const USAGE = `Usage: pressroom <command> [options]

Commands:
  build   Build the site           [--content DIR] [--out DIR] [--now DATETIME] [--preview] [--cache DIR] [--lang de|en] [--json]
  check   Validate content only    [--content DIR] [--now DATETIME] [--cache DIR] [--lang de|en] [--json] [--annotations]
  serve   Preview on 127.0.0.1 with live reload, drafts and embargoes shown with a banner
          [--content DIR] [--out DIR] [--port N] [--host ADDRESS] [--now DATETIME] [--cache DIR]
  edit    The preview and the browser editor (Decap CMS) at http://127.0.0.1:8080/admin/
          [--content DIR] [--port N] [--now DATETIME] [--out DIR] [--cache DIR]
  new     Start a release (a draft): asks on a terminal what no flag gives  [--content DIR]
          [--title TEXT] [--department ID[,ID]] [--date DATETIME] [--contact ID|none] [--photos|--no-photos] [--now DATETIME]
  new --translation TAG [RELEASE]  Start a translation beside a release (its file or folder; asks on a terminal)
          TAG one of site.yaml's languages:  [--content DIR] [--now DATETIME]
  schedule  What waits for its time (embargoes) and how long, and drafts  [--content DIR] [--now DATETIME]
            [--due-since DATETIME|MANIFEST] [--github-output] [--lang de|en] [--json]
  diff    Pages a change adds, changes, removes  OLD NEW (output folders or manifest.json files) [--markdown] [--json]
  deploy  Publish the output folder to S3-compatible storage  [--out DIR] --bucket NAME [--prefix PATH]
          [--region R] [--endpoint URL] [--path-style] [--distribution ID] [--dry-run] [--keep-stale]
          [--quick] [--concurrency N] [--retries N]   (settings also from PRESSROOM_S3_* variables: docs/operating.md)
  notify  Mail releases that became public (and embargo copies, corrections, withdrawals) to the lists of site.yaml, once
          [--content DIR] [--out DIR] [--record FILE] [--now DATETIME] [--since DATETIME] [--dry-run] [--json]
          (mail server in PRESSROOM_SMTP_URL, sender in PRESSROOM_MAIL_FROM; record on the deploy target: docs/operating.md)
  import  Bring an old archive in: a WordPress export, an RSS or Atom feed, saved HTML pages  SOURCE
          [--content DIR] [--from wordpress|feed|html] [--map FILE] [--department ID] [--dry-run] [--update]
          [--delay MS] [--lang de|en] [--json]   (docs/import.md)

Defaults: --content content, --out dist, --now the current time, --cache .cache/pressroom,
--lang the site's language (messages of check and build in German or English).
Exit codes: 0 success, 1 invalid content, 2 wrong usage.
`;

export function parse<O extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]!);
  }
}
