/**
 * `pressroom notify`: mail each release that became public (and each embargo
 * copy, correction and withdrawal that is due) to the lists of site.yaml,
 * once. What went out is recorded after every mail, next to the deployed
 * manifest (or in --record FILE), so a second run sends nothing again and an
 * interrupted one sends the rest. The mail server comes from the environment.
 */
import { checkContent } from "../check.ts";
import { clockOf, parseNow } from "../content/dates.ts";
import type { Release } from "../content/model.ts";
import { readOutput } from "../deploy/deploy.ts";
import { inert } from "../errors/inert.ts";
import { reportLanguage } from "../errors/language.ts";
import { UsageError } from "../errors/usage.ts";
import { stringsFor } from "../i18n/index.ts";
import { defaults as cacheDefaults, MediaCache } from "../media/cache.ts";
import { planMedia } from "../media/plan.ts";
import { defaults as imageDefaults } from "../media/recipe.ts";
import { composeMessage, type Message } from "../notify/message.ts";
import { listKey, planNotify, type Mail } from "../notify/plan.ts";
import { emptyRecord, fileStore, type NotifyRecord, type RecordStore } from "../notify/record.ts";
import { MailError, openMailer, smtpSettings, type Mailer } from "../notify/smtp.ts";
import { planKit } from "../outputs/media-kit.ts";
import { outputFileOf } from "../site/urls.ts";
import { parse, USAGE } from "./args.ts";
import { jsonLine, printProblems } from "./report.ts";

const flag = (value: string | undefined): boolean => value !== undefined && /^(1|true|yes)$/i.test(value.trim());

/** The record on the deploy target (the bucket of `pressroom deploy`), loading the S3 client only then. */
async function bucketStore(values: { bucket?: string; prefix?: string; endpoint?: string; region?: string; "path-style"?: boolean }): Promise<{ store: RecordStore; close: () => void } | undefined> {
  const env = process.env;
  const name = values.bucket ?? env.PRESSROOM_S3_BUCKET;
  if (!name) return undefined;
  const { bucketRecord } = await import("../notify/bucket-record.ts");
  const endpoint = values.endpoint ?? (env.PRESSROOM_S3_ENDPOINT || undefined);
  const region = values.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined);
  return bucketRecord({
    bucket: name,
    prefix: values.prefix ?? env.PRESSROOM_S3_PREFIX ?? "",
    ...(endpoint !== undefined && { endpoint }),
    ...(region !== undefined && { region }),
    pathStyle: values["path-style"] ?? flag(env.PRESSROOM_S3_PATH_STYLE),
  });
}

const KIND_WORD: Record<Mail["kind"], string> = { release: "release", embargo: "embargo copy", correction: "correction", withdrawal: "withdrawal" };

function describe(mail: Mail, message: Message): string {
  return `  ${KIND_WORD[mail.kind].padEnd(12)} to ${inert(mail.list.name)} <${inert(mail.list.address)}>: ${inert(message.subject)}  (${inert(mail.release.url)})\n`;
}

const notBuiltText = (releases: readonly Release[], outDir: string | undefined): string =>
  releases.map((r) => `Not in the build of ${outDir} yet, mailed once it is deployed: ${inert(r.title)} (${inert(r.url)})\n`).join("");

const mailJson = (mail: Mail, message: Message) => ({
  kind: mail.kind,
  list: mail.list.name,
  address: mail.list.address,
  url: mail.release.url,
  file: mail.release.file,
  subject: message.subject,
  message_id: message.messageId,
});

export async function notifyCommand(args: string[]): Promise<number> {
  const values = parse(args, {
    content: { type: "string", default: "content" },
    out: { type: "string" },
    record: { type: "string" },
    now: { type: "string" },
    since: { type: "string" },
    cache: { type: "string" },
    lang: { type: "string" },
    bucket: { type: "string" },
    prefix: { type: "string" },
    endpoint: { type: "string" },
    region: { type: "string" },
    "path-style": { type: "boolean" },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  reportLanguage(values.lang, undefined);
  const dryRun = values["dry-run"]!;
  const json = values.json!;
  const out = process.stdout;
  const contentDir = values.content!;
  const cache = new MediaCache({ dir: values.cache ?? cacheDefaults.dir, write: false });
  const checked = await checkContent(contentDir, { cache });
  if (!checked.model || checked.problems.length > 0) {
    const language = reportLanguage(values.lang, checked.sources.get("site.yaml"));
    printProblems([...checked.problems, ...checked.warnings], checked.sources, json, { language, contentDir, outcome: "check" });
    return 1;
  }
  const model = checked.model;
  const zone = model.site.timeZone;
  const now = clockOf(values.now, zone);
  let since: number | undefined;
  if (values.since !== undefined) {
    since = parseNow(values.since, zone);
    if (since === undefined) throw new UsageError(`--since "${values.since}" is not a date like 2026-11-27T10:30`);
  }
  const lists = model.site.distribution ?? [];
  if (lists.length === 0) {
    if (json) out.write(jsonLine({ dry_run: dryRun, sent: [], failed: [], not_built: [], new_lists: [] }));
    else out.write("site.yaml names no mailing list (distribution:): nothing to send.\n");
    return 0;
  }

  // With --out, the build that was deployed: only releases whose page it holds are mailed; a preview is never taken for it.
  const outDir = values.out;
  let built: Set<string> | undefined;
  if (outDir !== undefined) {
    const manifest = readOutput(outDir);
    built = new Set(model.releases.filter((r) => Object.hasOwn(manifest.files, outputFileOf(r.url))).map((r) => r.url));
  }

  let store: RecordStore | undefined;
  let closeStore = (): void => {};
  if (values.record !== undefined) store = fileStore(values.record);
  else {
    const target = await bucketStore(values);
    if (target) ({ store, close: closeStore } = target);
  }
  if (!store && !dryRun) {
    throw new UsageError("notify needs a place for its record of what was sent: the deploy target (--bucket NAME or PRESSROOM_S3_BUCKET) or --record FILE");
  }
  try {
    const stored = store ? await store.read() : undefined;
    let record: NotifyRecord = stored ?? emptyRecord();
    const plan = planNotify(model, record, { now, ...(since !== undefined && { since }), ...(built && { built }) });
    const published = [...new Set(plan.mails.map((m) => m.release))];
    const photos = planMedia(published, model.site, imageDefaults, now).photos;
    const siteStrings = stringsFor(model.site.language);
    const kitOf = (release: Release): string | undefined => {
      const kit = planKit(release, model.site, siteStrings);
      return kit && (!built || built.has(release.url)) ? kit.path : undefined;
    };
    const messages = plan.mails.map((mail) => {
      const kit = mail.kind === "embargo" ? undefined : kitOf(mail.release);
      return composeMessage(mail, { site: model.site, photos, ...(kit && { kit }) });
    });
    const notBuiltJson = plan.notBuilt.map((r) => ({ url: r.url, file: r.file, title: r.title }));
    const newListsJson = plan.newLists.map((l) => ({ name: l.name, address: l.address, since: new Date(plan.since.get(l.address)!).toISOString() }));
    const firstRun = stored === undefined;

    if (dryRun) {
      if (json) {
        out.write(jsonLine({ dry_run: true, mails: plan.mails.map((m, i) => mailJson(m, messages[i]!)), not_built: notBuiltJson, new_lists: newListsJson }));
        return 0;
      }
      out.write(`Dry run: nothing is sent or recorded.${store ? "" : " (No record given: as on a first run.)"}\n`);
      if (firstRun && since === undefined) out.write(`A first run: releases public before now are not mailed (--since DATETIME to choose otherwise).\n`);
      out.write(plan.mails.length === 0 ? "No mail is due.\n" : `Would send ${plan.mails.length} mail${plan.mails.length === 1 ? "" : "s"}:\n`);
      plan.mails.forEach((m, i) => out.write(describe(m, messages[i]!)));
      out.write(notBuiltText(plan.notBuilt, outDir));
      return 0;
    }

    // The lists the record did not know start from now (or --since): written before the first mail.
    if (plan.newLists.length > 0 || firstRun) {
      const lists = { ...record.lists };
      for (const l of plan.newLists) lists[listKey(l)] = { since: new Date(plan.since.get(l.address)!).toISOString() };
      record = { ...record, lists };
      await store!.write(record);
    }
    const sent: { mail: Mail; message: Message }[] = [];
    const failed: { mail: Mail; message: Message; reason: string }[] = [];
    let stopped: string | undefined;
    if (plan.mails.length > 0) {
      const from = process.env.PRESSROOM_MAIL_FROM?.trim();
      let mailer: Mailer | undefined;
      try {
        if (!from) throw new MailError('notify needs a sender: set PRESSROOM_MAIL_FROM, e.g. "Stadt Musterstadt <presse@musterstadt.de>"', true);
        mailer = await openMailer(smtpSettings());
      } catch (error) {
        if (error instanceof MailError) stopped = error.message;
        else throw error;
      }
      if (mailer) {
        try {
          for (const [i, mail] of plan.mails.entries()) {
            const message = messages[i]!;
            try {
              await mailer.send(message, from!);
            } catch (error) {
              if (!(error instanceof MailError)) throw error;
              failed.push({ mail, message, reason: error.message });
              if (error.fatal) {
                stopped = error.message;
                break;
              }
              continue;
            }
            const at = new Date().toISOString();
            const done = { ...record.sent, [mail.key]: at };
            for (const key of mail.covers) done[key] = at;
            record = { ...record, sent: done };
            await store!.write(record);
            sent.push({ mail, message });
          }
        } finally {
          mailer.close();
        }
      }
    }
    const unsent = plan.mails.filter((m) => !sent.some((s) => s.mail === m));
    if (json) {
      out.write(
        jsonLine({
          dry_run: false,
          sent: sent.map((s) => mailJson(s.mail, s.message)),
          failed: unsent.map((m) => ({ ...mailJson(m, messages[plan.mails.indexOf(m)]!), reason: failed.find((f) => f.mail === m)?.reason ?? stopped ?? "not sent" })),
          not_built: notBuiltJson,
          new_lists: newListsJson,
        }),
      );
    } else {
      if (firstRun && since === undefined) out.write(`A first run: the record starts now (${store!.where}); releases public before now are not mailed.\n`);
      if (sent.length > 0) {
        out.write(`Sent ${sent.length} mail${sent.length === 1 ? "" : "s"} (recorded in ${store!.where}):\n`);
        for (const s of sent) out.write(describe(s.mail, s.message));
      } else if (plan.mails.length === 0) out.write("No mail is due.\n");
      out.write(notBuiltText(plan.notBuilt, outDir));
    }
    if (unsent.length === 0) return 0;
    if (stopped !== undefined) process.stderr.write(`pressroom: notify stopped: ${stopped}\n`);
    for (const m of unsent) {
      const reason = failed.find((f) => f.mail === m)?.reason;
      process.stderr.write(`pressroom: not sent: ${inert(m.release.title)} (${inert(m.release.url)}) to ${inert(m.list.name)} <${inert(m.list.address)}>${reason && reason !== stopped ? `: ${reason}` : ""}\n`);
    }
    process.stderr.write(`Nothing of this is recorded as sent: the next run of pressroom notify tries ${unsent.length === 1 ? "it" : `these ${unsent.length}`} again.\n`);
    return 1;
  } catch (error) {
    // The deploy target could not be read or written (notify/bucket-record.ts): one line, no stack.
    if ((error as Error | undefined)?.name !== "StorageError") throw error;
    const { redactSecrets } = await import("./deploy.ts");
    process.stderr.write(`pressroom: notify failed: ${redactSecrets((error as Error).message)}\nRun notify again: what was recorded as sent is not sent again.\n`);
    return 1;
  } finally {
    closeStore();
  }
}
