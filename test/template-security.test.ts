/**
 * A city's template overrides cannot run code or read files (issue: overrides
 * run code). The attacks of the security review, each in a site of its own,
 * with a canary the code would write and a secret in the environment, a git
 * token in the working folder's .git/config and an embargoed release that
 * must appear nowhere: `check` refuses each with its file and line, `build`
 * refuses it and writes nothing. Then a corpus of published Nunjucks
 * injection payloads, each refused; the loader that renders reads pressroom's
 * templates only, even past the check; and a tampered copy in the cache is
 * made again, never used.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { readOverrides } from "../src/eleventy/overrides.ts";
import { LAYOUTS_DIR } from "../src/eleventy/layouts.ts";
import { listFiles, pressroom, ROOT, scratchDirs } from "./helpers.ts";

const scratch = scratchDirs();
const NOW = "2026-11-28T12:00:00+01:00";
const SECRET = "AKIA-CANARY-SECRET-7731";
const GIT_TOKEN = "ghs_CanaryTokenFromGitConfig4242";
const EMBARGOED = "Geheimer Sperrfrist-Text 5150";

/** JavaScript that, run during a build, writes the environment's secret into the canary file. */
const CODE = "process.getBuiltinModule('fs').writeFileSync(process.env.PRESSROOM_CANARY, 'ran:' + process.env.AWS_SECRET_ACCESS_KEY)";
/** The same code with every character escaped: Nunjucks reads a name up to the next space or operator. */
const HEX = [...CODE].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");
const payload = (line: string): string => line.replaceAll("@CODE@", CODE).replaceAll("@HEX@", HEX);

/** A working folder as CI has it: a git checkout with a token, the content folder with an embargoed release. */
function workspace(overrides: Record<string, string>): { work: string; content: string; canary: string; env: NodeJS.ProcessEnv } {
  const work = scratch();
  mkdirSync(path.join(work, ".git"));
  writeFileSync(path.join(work, ".git", "config"), `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${GIT_TOKEN}\n`);
  const content = path.join(work, "content");
  mkdirSync(path.join(content, "releases", "2031", "2031-01-01-geheim"), { recursive: true });
  writeFileSync(
    path.join(content, "site.yaml"),
    "title: Stadt Testheim\nurl: https://presse.testheim.example/\nlanguage: de\ntimezone: Europe/Berlin\n" +
      "footer:\n  imprint: https://www.testheim.example/impressum\n  privacy: https://www.testheim.example/datenschutz\n",
  );
  writeFileSync(path.join(content, "departments.yaml"), "presseamt:\n  name: Presseamt\n  contact: presse\n");
  writeFileSync(path.join(content, "contacts.yaml"), "presse:\n  name: Pressestelle\n  phone: 0123 4567\n");
  writeFileSync(
    path.join(content, "releases", "2026-11-20-markt.md"),
    "---\ntitle: Wochenmarkt zieht um\ndate: 2026-11-20 10:00\ndepartment: presseamt\n---\n\nDer Markt ist ab Montag am Hafen.\n",
  );
  writeFileSync(
    path.join(content, "releases", "2031", "2031-01-01-geheim", "index.md"),
    `---\ntitle: Noch geheim\ndate: 2031-01-01 10:00\ndepartment: presseamt\n---\n\n${EMBARGOED}\n`,
  );
  for (const [name, text] of Object.entries(overrides)) {
    const file = path.join(content, "layouts", ...name.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const canary = path.join(work, "canary.txt");
  return { work, content, canary, env: { AWS_SECRET_ACCESS_KEY: SECRET, PRESSROOM_CANARY: canary } };
}

/** Every file below `dir` that holds one of the secrets. */
function leaks(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return listFiles(dir).filter((file) => {
    const text = readFileSync(path.join(dir, file), "latin1");
    return [SECRET, GIT_TOKEN, EMBARGOED].some((secret) => text.includes(secret));
  });
}

/** check and build in the workspace as CI runs them; both must refuse with layout-unsafe at `where`, and nothing may run or leak. */
function refusedEverywhere(overrides: Record<string, string>, where: string): void {
  const { work, canary, env } = workspace(overrides);
  const checked = pressroom(["check", "--content", "content", "--now", NOW, "--lang", "en"], { cwd: work, env });
  assert.equal(checked.status, 1, checked.stdout + checked.stderr);
  assert.match(checked.stdout + checked.stderr, /layout-unsafe/);
  assert.ok((checked.stdout + checked.stderr).includes(where), `${where} in:\n${checked.stdout}${checked.stderr}`);
  const built = pressroom(["build", "--content", "content", "--out", "dist", "--now", NOW], { cwd: work, env });
  assert.equal(built.status, 1, built.stdout + built.stderr);
  assert.equal(existsSync(canary), false, "the template's code ran");
  assert.equal(existsSync(path.join(work, "dist")), false, "a refused build wrote output");
  assert.deepEqual(leaks(work).filter((f) => !f.startsWith(".git/") && !f.startsWith("content/")), []);
  assert.ok(!(checked.stdout + checked.stderr + built.stdout + built.stderr).includes(SECRET));
}

describe("the attacks of the security review", () => {
  test("a filter name that Nunjucks pastes into its JavaScript is refused, never run", () => {
    refusedEverywhere(
      { "pages/404.njk": `{% extends "base.njk" %}{% block main %}\n<p>{{ pressroom.t.notFoundText | safe"&&Function\`${HEX}\`\`\`&&"safe }}</p>\n{% endblock %}\n` },
      "layouts/pages/404.njk:2",
    );
  });

  test("code in a hidden file of layouts/ brought in by include is refused, never run", () => {
    refusedEverywhere(
      {
        ".x.njk": `{{ range.constructor("${CODE}")() }}\n`,
        "pages/404.njk": `{% extends "base.njk" %}{% block main %}\n{% include "content/layouts/.x.njk" %}\n{% endblock %}\n`,
      },
      "layouts/pages/404.njk:2",
    );
  });

  test("an include of the repository's .git/config is refused", () => {
    refusedEverywhere({ "pages/404.njk": `{% extends "base.njk" %}{% block main %}\n{% include ".git/config" %}\n{% endblock %}\n` }, "layouts/pages/404.njk:2");
  });

  test("an include of an embargoed release's source is refused", () => {
    refusedEverywhere(
      { "pages/404.njk": `{% extends "base.njk" %}{% block main %}\n\n{% include "content/releases/2031/2031-01-01-geheim/index.md" %}\n{% endblock %}\n` },
      "layouts/pages/404.njk:3",
    );
  });

  test("a hidden file in layouts/ is checked like any other", async () => {
    const { content } = workspace({ ".x.njk": "<p>nichts</p>\n" });
    const { problems } = await checkContent(content);
    assert.deepEqual(
      problems.map((p) => [p.code, p.file]),
      [["layout-unknown", "layouts/.x.njk"]],
    );
  });
});

describe("templates that bring themselves in", () => {
  test("a circle of includes is refused by check, and build stops with it instead of overflowing the stack", () => {
    // The city's base.njk includes the 404 page, which extends base.njk; and a page that includes itself.
    const { work, env } = workspace({
      "base.njk": '<!doctype html><title>x</title>\n{% include "pages/404.njk" %}\n{% block main %}{% endblock %}\n',
      "pages/contacts.njk": '{% extends "base.njk" %}{% block main %}{% include "pages/contacts.njk" %}{% endblock %}\n',
    });
    const checked = pressroom(["check", "--content", "content", "--now", NOW, "--lang", "en"], { cwd: work, env });
    assert.equal(checked.status, 1, checked.stdout + checked.stderr);
    const report = checked.stdout + checked.stderr;
    assert.match(report, /layouts\/base\.njk brings itself in again through the templates it includes or extends \(base\.njk → pages\/404\.njk → base\.njk\)/);
    assert.match(report, /layouts\/pages\/contacts\.njk brings itself in again .*\(pages\/contacts\.njk → pages\/contacts\.njk\)/);
    const built = pressroom(["build", "--content", "content", "--out", "dist", "--now", NOW], { cwd: work, env });
    assert.equal(built.status, 1, built.stdout + built.stderr);
    assert.doesNotMatch(built.stdout + built.stderr, /RangeError|Maximum call stack|at .*\.js:\d+/);
  });
});

describe("published Nunjucks injection payloads", () => {
  const lines = readFileSync(path.join(ROOT, "test", "hostile", "nunjucks-ssti.txt"), "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"));

  test(`each of the ${lines.length} is refused by check with layout-unsafe`, () => {
    assert.ok(lines.length >= 60);
    const { content } = workspace({});
    const file = path.join(content, "layouts", "pages", "404.njk");
    mkdirSync(path.dirname(file), { recursive: true });
    const passed: string[] = [];
    for (const line of lines) {
      writeFileSync(file, `{% extends "base.njk" %}{% block main %}\n${payload(line)}\n{% endblock %}\n`);
      const { problems, templates } = readOverrides(content);
      const unsafe = problems.filter((p) => p.code === "layout-unsafe");
      if (unsafe.length === 0 || templates.size > 0 || unsafe.some((p) => p.line !== 2 || p.file !== "layouts/pages/404.njk")) passed.push(line);
    }
    assert.deepEqual(passed, []);
  });

  test("a build with all of them in its templates runs none of them", () => {
    const pages = lines.map(payload).join("\n");
    refusedEverywhere({ "pages/404.njk": `{% extends "base.njk" %}{% block main %}\n${pages}\n{% endblock %}\n` }, "layouts/pages/404.njk:");
  });

  test("pressroom's own templates are still allowed, with what a city's template may use", async () => {
    const { content } = workspace({
      "pages/404.njk":
        '{% extends "base.njk" %}\n{% from "pager.njk" import nothing %}{% block main %}\n{% set words = ["Seite", "fehlt"] %}' +
        "<h1>{{ words | join(' ') | upper }}</h1>{% for w in words | sort %}{{ loop.index }}{{ w | lower | truncate(3) }}{% endfor %}" +
        "{% if pressroom.site.title is string %}<p>{{ pressroom.site.title | replace('Stadt', 'Gemeinde') }}</p>{% endif %}\n{% endblock %}\n",
    });
    const { problems } = readOverrides(content);
    assert.deepEqual(problems, []);
  });
});

describe("what renders reads only pressroom's templates", () => {
  test("even a template that was never checked cannot include a file of the working folder", async () => {
    // A copy of pressroom's templates with one changed behind the check's back: pressroom's own package.json
    // is in the working folder (the test runs in the repository), which Eleventy's own loader would search.
    const layouts = path.join(scratch(), "layouts");
    cpSync(LAYOUTS_DIR, layouts, { recursive: true });
    writeFileSync(path.join(layouts, "_includes", "pages", "404.njk"), '{% extends "base.njk" %}{% block main %}{% include "package.json" %}{% endblock %}\n');
    assert.ok(existsSync(path.join(process.cwd(), "package.json")));
    const { content } = workspace({});
    const out = path.join(scratch(), "out");
    await assert.rejects(build({ contentDir: content, outDir: out, now: NOW, cacheDir: path.join(scratch(), "cache"), layoutsDir: layouts }), (error: unknown) => {
      // Eleventy wraps Nunjucks' error: the cause names the template the loader would not give.
      const messages: string[] = [];
      for (let e: unknown = error; e instanceof Error; e = (e as Error & { originalError?: unknown }).originalError ?? e.cause) messages.push(e.message);
      assert.match(messages.join("\n"), /template not found: package\.json/, messages.join("\n"));
      assert.ok(!messages.join("\n").includes('"name": "pressroom"'));
      return true;
    });
    assert.equal(existsSync(path.join(out, "404.html")), false);
  });

  test("a copy of the templates in the cache that was changed is made again, never used", async () => {
    const { content } = workspace({ "pages/404.njk": '{% extends "base.njk" %}{% block main %}<h1>Seite nicht da</h1>{% endblock %}\n' });
    const cache = path.join(scratch(), "cache");
    const first = path.join(scratch(), "out");
    await build({ contentDir: content, outDir: first, now: NOW, cacheDir: cache });
    const copies = readdirSync(cache).filter((name) => name.startsWith("layouts-"));
    assert.equal(copies.length, 1);
    const copy = path.join(cache, copies[0]!);
    // Poisoned as a restored CI cache could be: a template changed and a page added.
    writeFileSync(path.join(copy, "_includes", "pages", "404.njk"), '{% extends "base.njk" %}{% block main %}<h1>POISONED</h1>{% endblock %}\n');
    writeFileSync(path.join(copy, "evil.njk"), "---\npermalink: evil.html\n---\nPOISONED\n");
    const second = path.join(scratch(), "out");
    await build({ contentDir: content, outDir: second, now: NOW, cacheDir: cache });
    assert.match(readFileSync(path.join(second, "404.html"), "utf8"), /Seite nicht da/);
    assert.equal(existsSync(path.join(second, "evil.html")), false);
    assert.deepEqual(listFiles(second), listFiles(first));
    assert.equal(readFileSync(path.join(second, "404.html"), "utf8"), readFileSync(path.join(first, "404.html"), "utf8"));
  });
});
