/**
 * The GitHub Actions workflows (.github/workflows) as a city's web operations
 * team reviews them: valid; every action pinned to a commit; the token's
 * permissions no wider than needed; a timeout on every job; no value spliced
 * into a script. Then that they run what they are for, and `pressroom check
 * --annotations` the way ci.yml runs it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";
import { pressroom, ROOT } from "./helpers.ts";

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}

interface Job {
  readonly needs?: string | readonly string[];
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly uses?: string;
  readonly container?: string;
  readonly permissions?: string | Record<string, string>;
  readonly "timeout-minutes"?: number;
  readonly steps?: readonly Step[];
}

interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: string | Record<string, string>;
  readonly concurrency?: { readonly group?: string; readonly "cancel-in-progress"?: boolean };
  readonly jobs: Record<string, Job>;
}

const WORKFLOWS = path.join(ROOT, ".github", "workflows");

/** Only GitHub Pages and OIDC (id-token) need a job to write; nothing may write the repository. */
const JOB_WRITES = new Set(["pages", "id-token"]);

const steps = (wf: Workflow): { job: string; label: string; step: Step }[] =>
  Object.entries(wf.jobs).flatMap(([job, j]) => (j.steps ?? []).map((step, i) => ({ job, label: `${job}, step ${step.name ?? i + 1}`, step })));

const scripts = (wf: Workflow): string[] => steps(wf).flatMap(({ step }) => (step.run === undefined ? [] : [step.run]));

/** Actions and reusable workflows not pinned to a full commit SHA: a tag can be moved to other code. Local ones (./) are this repository's own. */
function unpinnedActions(wf: Workflow): string[] {
  const used = [...Object.values(wf.jobs).map((j) => j.uses), ...steps(wf).map(({ step }) => step.uses)];
  return used.filter((uses): uses is string => uses !== undefined && !uses.startsWith("./") && !/^[^@\s]+@[0-9a-f]{40}$/.test(uses));
}

/** `uses:` lines without the version in a comment: a SHA alone tells a reviewer nothing. */
function usesWithoutVersion(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => /^\s*(- )?uses:\s*(?!\.\/)\S/.test(line) && !/#\s*v\d+(\.\d+)*\s*$/.test(line))
    .map((line) => line.trim());
}

/** The top level grants reading the repository and nothing more; a job adds only writes from JOB_WRITES. */
function permissionProblems(wf: Workflow): string[] {
  const problems: string[] = [];
  if (!isDeepStrictEqual(wf.permissions, { contents: "read" })) problems.push(`top level: ${JSON.stringify(wf.permissions)} instead of contents: read`);
  for (const [id, job] of Object.entries(wf.jobs)) {
    if (typeof job.permissions === "string") problems.push(`${id}: ${job.permissions}`);
    for (const [scope, level] of Object.entries(job.permissions ?? {})) {
      if (level === "write" && !JOB_WRITES.has(scope)) problems.push(`${id}: ${scope}: write`);
    }
  }
  return problems;
}

const jobsWithoutTimeout = (wf: Workflow): string[] =>
  Object.entries(wf.jobs)
    .filter(([, job]) => typeof job["timeout-minutes"] !== "number")
    .map(([id]) => id);

/**
 * Expressions in run: scripts. The runner pastes their values into the script
 * before the shell reads it: a pull request's title or branch name could run as
 * code, a secret end up in a process list. Every value goes through env: instead.
 */
function expressionsInScripts(wf: Workflow): string[] {
  return steps(wf).flatMap(({ label, step }) => [...(step.run ?? "").matchAll(/\$\{\{.*?\}\}/gs)].map((m) => `${label}: ${m[0]}`));
}

const files = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const read = (file: string): string => readFileSync(path.join(WORKFLOWS, file), "utf8");
const workflow = (file: string): Workflow => parse(read(file)) as Workflow;

test("both workflows are there", () => {
  assert.ok(files.includes("ci.yml") && files.includes("publish.yml"), files.join(" "));
});

for (const file of files) {
  test(`${file}: valid by GitHub's schema`, () => {
    const { errors } = validateWorkflow(read(file));
    assert.deepEqual(errors, [], JSON.stringify(errors, null, 2));
  });

  test(`${file}: every action pinned to a commit SHA, its version in a comment`, () => {
    assert.deepEqual(unpinnedActions(workflow(file)), []);
    assert.deepEqual(usesWithoutVersion(read(file)), []);
  });

  test(`${file}: the token reads the repository, and only deploy jobs write (Pages, OIDC)`, () => {
    assert.deepEqual(permissionProblems(workflow(file)), []);
  });

  test(`${file}: every job has a timeout`, () => {
    assert.deepEqual(jobsWithoutTimeout(workflow(file)), []);
  });

  test(`${file}: no expression inside a run: script`, () => {
    assert.deepEqual(expressionsInScripts(workflow(file)), []);
  });
}

test("both workflows run on the Node.js LTS that .ci/run tests with, pinned once in .node-version", () => {
  const pinned = readFileSync(path.join(ROOT, ".node-version"), "utf8").trim();
  assert.match(pinned, /^24\.\d+\.\d+$/);
  for (const file of files) {
    const wf = workflow(file);
    const setups = steps(wf).filter(({ step }) => step.uses?.startsWith("actions/setup-node@"));
    assert.ok(setups.length > 0, file);
    for (const { label, step } of setups) {
      assert.deepEqual(step.with?.["node-version-file"], ".node-version", label);
      assert.equal(step.with?.["node-version"], undefined, label);
      assert.equal(step.id, "node", `${label}: its id names the version in the cache keys`);
    }
    for (const [id, job] of Object.entries(wf.jobs)) if (job.container) assert.match(job.container, /^node:24-/, `${file}: ${id}`);
    // What a build keeps (web versions of photos, made by sharp) is cached per Node version: native modules follow it.
    for (const { label, step } of steps(wf).filter(({ step }) => step.uses?.startsWith("actions/cache"))) {
      assert.match(String(step.with?.key), /node\$\{\{ steps\.node\.outputs\.node-version \}\}/, label);
      assert.match(String(step.with?.["restore-keys"]), /node\$\{\{ steps\.node\.outputs\.node-version \}\}/, label);
    }
  }
});

test("publish.yml: one deploy at a time, on push, by hand and on schedule, with pressroom deploy", () => {
  const wf = workflow("publish.yml");
  assert.ok(wf.concurrency?.group, "a concurrency group");
  assert.equal(wf.concurrency["cancel-in-progress"], false, "a deploy is never cancelled half-way");
  assert.deepEqual(wf.on.schedule, [{ cron: "7,22,37,52 * * * *" }]);
  assert.deepEqual((wf.on.push as { branches?: string[] }).branches, ["main"]);
  assert.ok("workflow_dispatch" in wf.on);
  const runs = scripts(wf);
  assert.ok(runs.some((r) => /\bpressroom schedule --content content --due-since deployed-manifest\.json --github-output\b/.test(r)));
  assert.ok(runs.some((r) => /\bpressroom check --content content\b/.test(r)));
  assert.ok(runs.some((r) => /\bpressroom build --content content --out dist\b/.test(r)));
  assert.ok(runs.some((r) => /\bpressroom deploy --out dist\b/.test(r)));
  // After a merge the deployed manifest is trusted; the other runs list the bucket and repair it.
  assert.equal(wf.jobs["deploy-s3"]?.env?.PRESSROOM_DEPLOY_QUICK, "${{ github.event_name == 'push' }}");
});

test("publish.yml: notify after a deploy, and on every scheduled run, with the mail server from a secret", () => {
  const wf = workflow("publish.yml");
  const job = wf.jobs.notify!;
  assert.ok(job, "a notify job");
  assert.deepEqual(job.needs, ["build", "deploy-s3"], "it runs after the deploy");
  // A scheduled run that deployed nothing (the deploy skipped) still mails embargo copies; a failed deploy mails nothing.
  assert.match(String(job.if), /always\(\)/);
  assert.match(String(job.if), /needs\.deploy-s3\.result == 'success' \|\| needs\.deploy-s3\.result == 'skipped'/);
  assert.match(String(job.if), /needs\.build\.result == 'success'/);
  const notifySteps = (job.steps ?? []).filter((step) => /\bpressroom notify --content content --out dist\b/.test(step.run ?? ""));
  assert.equal(notifySteps.length, 2, "with the AWS role and with access keys");
  for (const step of notifySteps) {
    assert.equal(step.env?.PRESSROOM_SMTP_URL, "${{ secrets.PRESSROOM_SMTP_URL }}");
    assert.match(step.run!, /\bpressroom notify --content content\b(?! --out)/, "without a new build: what is online");
  }
  assert.equal(job.env?.PRESSROOM_MAIL_FROM, "${{ vars.PRESSROOM_MAIL_FROM }}");
  assert.equal(job.env?.PRESSROOM_S3_BUCKET, "${{ vars.PRESSROOM_S3_BUCKET }}", "the record beside the deployed manifest");
});

test("ci.yml: check with annotations on pull requests, and the diff against the base branch's site", () => {
  const wf = workflow("ci.yml");
  assert.ok("pull_request" in wf.on);
  const runs = scripts(wf);
  assert.ok(runs.some((r) => /\bpressroom check --content content --annotations\b/.test(r)));
  assert.ok(runs.some((r) => /\bpressroom diff dist-base dist --markdown >> "\$GITHUB_STEP_SUMMARY"/.test(r)));
});

test("the checks above catch what they are for: the schema alone does not", () => {
  const text = `name: Careless
on: pull_request
permissions: write-all
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
      - run: echo "Thanks for \${{ github.event.pull_request.title }}"
        env:
          TOKEN: \${{ secrets.TOKEN }}
`;
  assert.deepEqual(validateWorkflow(text).errors, []);
  const wf = parse(text) as Workflow;
  assert.deepEqual(unpinnedActions(wf), ["actions/checkout@v4"]);
  assert.deepEqual(usesWithoutVersion(text), ["- uses: actions/checkout@v4", "- uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020"]);
  assert.deepEqual(permissionProblems(wf), ['top level: "write-all" instead of contents: read']);
  assert.deepEqual(jobsWithoutTimeout(wf), ["greet"]);
  assert.deepEqual(expressionsInScripts(wf), ["greet, step 3: ${{ github.event.pull_request.title }}"]);
  const writer = parse("permissions: { contents: read }\njobs: { push: { permissions: { contents: write, pages: write } } }") as Workflow;
  assert.deepEqual(permissionProblems(writer), ["push: contents: write"]);
});

test("check --annotations as ci.yml runs it: each problem on its line, the path from the repository's folder", () => {
  const result = pressroom(["check", "--content", "test/fixtures/invalid-many", "--annotations"]);
  assert.equal(result.status, 1, result.stderr);
  const lines = result.stdout.trimEnd().split("\n");
  assert.equal(lines.length, 7, result.stdout);
  for (const line of lines) assert.match(line, /^::error file=test\/fixtures\/invalid-many\/[^,:]+,line=\d+,title=[a-z-]+::\S.* — \S/);
  // In the site's language, as the human report.
  assert.ok(lines.includes("::error file=test/fixtures/invalid-many/site.yaml,line=4,title=invalid-timezone::„Europe/Berlinn“ ist keine bekannte Zeitzone. — Verwenden Sie den Namen einer IANA-Zeitzone wie „Europe/Berlin“."), result.stdout);
  assert.ok(lines.some((line) => line.startsWith("::error file=test/fixtures/invalid-many/releases/2025/2025-06-01 Sommerfest.md,line=6,title=media-missing::")));
  assert.match(result.stderr, /7 Fehler gefunden/, "the human report is printed as well");
});

test("check --annotations --json is a usage error: both would print to standard output", () => {
  const result = pressroom(["check", "--content", "test/fixtures/invalid-many", "--annotations", "--json"]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--json and --annotations cannot be combined/);
});
