/**
 * The project's documents against the code: docs/content.md names every
 * error code of the catalog and every field of the schemas, its complete
 * example is a site that checks and builds, and no Markdown file of the
 * project (README.md, docs/**) links a file that does not exist, a heading
 * that is not there, or anything outside the repository.
 */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, test } from "node:test";
import MarkdownIt from "markdown-it";
import { build } from "../src/build.ts";
import { checkContent } from "../src/check.ts";
import { contactSchema, departmentSchema, mediaSchema, releaseSchema, siteSchema } from "../src/content/schema.ts";
import { catalog, warnings } from "../src/errors/catalog.ts";
import { html, ROOT, scratchDirs } from "./helpers.ts";

const CONTENT_DOC = path.join(ROOT, "docs", "content.md");
const md = new MarkdownIt({ html: true });
type Token = ReturnType<typeof md.parse>[number];

/** The project's Markdown files, as paths from the repository root. */
function markdownFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return walk(rel);
      return entry.name.endsWith(".md") ? [rel] : [];
    });
  return ["README.md", ...walk("docs")];
}

/** Inline tokens flattened, so links inside lists and tables are found too. */
const flat = (tokens: readonly Token[]): Token[] => tokens.flatMap((t) => [t, ...flat(t.children ?? [])]);

/** Plain text of a heading's inline token, as GitHub reads it to make the anchor. */
const headingText = (inline: Token): string =>
  (inline.children ?? [])
    .filter((c) => c.type === "text" || c.type === "code_inline")
    .map((c) => c.content)
    .join("");

/** GitHub's anchor for a heading: lowercase, punctuation removed, spaces as hyphens. */
const anchorOf = (text: string): string =>
  text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "").replace(/ /g, "-");

/** Every anchor a Markdown text offers: its headings (repeated ones numbered, as GitHub does) and HTML ids. */
function anchorsOf(text: string): Set<string> {
  const tokens = md.parse(text, {});
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  tokens.forEach((token, i) => {
    if (token.type === "heading_open") {
      const base = anchorOf(headingText(tokens[i + 1]!));
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
  });
  for (const token of flat(tokens)) {
    if (token.type !== "html_block" && token.type !== "html_inline") continue;
    for (const m of token.content.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

/** The link and image targets of a Markdown text (code blocks and code spans are not links). */
function linksOf(text: string): string[] {
  const out: string[] = [];
  for (const token of flat(md.parse(text, {}))) {
    if (token.type === "link_open") out.push(String(token.attrGet("href") ?? ""));
    else if (token.type === "image") out.push(String(token.attrGet("src") ?? ""));
    else if (token.type === "html_block" || token.type === "html_inline") {
      for (const m of token.content.matchAll(/\b(?:href|src)="([^"]*)"/g)) out.push(m[1]!);
    }
  }
  return out;
}

/**
 * What is wrong with the links of the Markdown file `file` (a path from the
 * repository root) whose text is `text`: targets that do not exist, lie
 * outside the repository, or name a heading that is not there.
 */
function brokenLinks(file: string, text: string): string[] {
  const problems: string[] = [];
  for (const href of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) continue;
    const [rawPath = "", fragment] = href.split("#", 2) as [string, string | undefined];
    const target = decodeURIComponent(rawPath.replace(/\?.*$/, ""));
    if (target === "") {
      if (fragment !== undefined && !anchorsOf(text).has(decodeURIComponent(fragment))) problems.push(`${file}: ${href} names no heading`);
      continue;
    }
    const resolved = target.startsWith("/") ? path.join(ROOT, target) : path.resolve(ROOT, path.dirname(file), target);
    const relative = path.relative(ROOT, resolved);
    if (relative.startsWith("..") || path.isAbsolute(relative)) {
      problems.push(`${file}: ${href} points outside the repository`);
      continue;
    }
    if (!existsSync(resolved)) {
      problems.push(`${file}: ${href} does not exist`);
      continue;
    }
    if (fragment !== undefined && resolved.endsWith(".md")) {
      const anchors = anchorsOf(readFileSync(resolved, "utf8"));
      if (!anchors.has(decodeURIComponent(fragment))) problems.push(`${file}: ${href} names no heading of ${relative}`);
    }
  }
  return problems;
}

/** The Markdown of one `## heading` section of a text, up to the next heading of that level or higher. */
function section(text: string, heading: string): string {
  const lines = text.split("\n");
  // A line of a fenced code block is never a heading.
  let fenced = false;
  const levels = lines.map((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    return fenced ? 0 : (/^(#{1,6}) /.exec(line)?.[1]!.length ?? 0);
  });
  const start = lines.findIndex((line, i) => levels[i]! > 0 && line.replace(/^#+ /, "") === heading);
  assert.notEqual(start, -1, `no heading "${heading}"`);
  const end = levels.findIndex((level, i) => i > start && level > 0 && level <= levels[start]!);
  return lines.slice(start + 1, end === -1 ? undefined : end).join("\n");
}

/** The codes a list section documents: lines "- `code` — …". */
const codesIn = (text: string): string[] => [...text.matchAll(/^- `([a-z0-9-]+)` — \S/gm)].map((m) => m[1]!);

const sorted = (items: Iterable<string>): string[] => [...items].sort();

describe("the link checker", () => {
  test("finds missing files, missing headings and links out of the repository, and ignores code", () => {
    const text = [
      "# Title",
      "",
      "[ok](content.md) [ok too](../README.md#pressroom) [self](#title) [web](https://example.org/x.md) [no](#untitled)",
      "[gone](nowhere.md) [bad anchor](content.md#no-such-heading) [out](../../etc/passwd)",
      '<img src="missing.png" alt="">',
      "",
      "    [in an indented block](indented.md)",
      "",
      "```",
      "[in a fence](fenced.md)",
      "```",
      "",
      "`[in code](span.md)`",
    ].join("\n");
    assert.deepEqual(brokenLinks("docs/sample.md", text), [
      "docs/sample.md: #untitled names no heading",
      "docs/sample.md: nowhere.md does not exist",
      "docs/sample.md: content.md#no-such-heading names no heading of docs/content.md",
      "docs/sample.md: ../../etc/passwd points outside the repository",
      "docs/sample.md: missing.png does not exist",
    ]);
  });

  test("makes GitHub's anchors", () => {
    const anchors = anchorsOf("## site.yaml\n\n### `updated` and `change_note`\n\n## Notes\n\n## Notes\n");
    assert.deepEqual(sorted(anchors), ["notes", "notes-1", "siteyaml", "updated-and-change_note"]);
  });
});

describe("the project's Markdown files", () => {
  const files = markdownFiles();

  test("include the content reference, linked from the README", () => {
    assert.ok(files.includes("docs/content.md"), files.join(", "));
    assert.ok(linksOf(readFileSync(path.join(ROOT, "README.md"), "utf8")).includes("docs/content.md"));
  });

  test("link only files and headings of the repository", () => {
    const problems = files.flatMap((file) => brokenLinks(file, readFileSync(path.join(ROOT, file), "utf8")));
    assert.deepEqual(problems, []);
  });

  test("never mention the product contract or the folder beside the repository", () => {
    const mentions = files.filter((file) => /\.\.\/shared|SPEC\.md/.test(readFileSync(path.join(ROOT, file), "utf8")));
    assert.deepEqual(mentions, []);
  });
});

describe("docs/content.md", () => {
  const doc = readFileSync(CONTENT_DOC, "utf8");

  test("lists every error code of the catalog, and no other", () => {
    assert.deepEqual(sorted(codesIn(section(doc, "Errors"))), sorted(Object.keys(catalog)));
  });

  test("lists every warning of the catalog, and no other", () => {
    assert.deepEqual(sorted(codesIn(section(doc, "Warnings"))), sorted(Object.keys(warnings)));
  });

  test("names every field of every file in that file's section", () => {
    const sections: [string, object][] = [
      ["site.yaml", siteSchema.shape],
      ["departments.yaml", departmentSchema.shape],
      ["contacts.yaml", contactSchema.shape],
      ["Release fields", { ...releaseSchema.shape, ...mediaSchema.shape }],
    ];
    const missing = sections.flatMap(([heading, shape]) => {
      const text = section(doc, heading);
      return Object.keys(shape)
        .filter((field) => !text.includes(`\`${field}\``))
        .map((field) => `${heading}: ${field}`);
    });
    assert.deepEqual(missing, []);
  });
});

describe("the complete example of docs/content.md", () => {
  const fresh = scratchDirs();
  const doc = readFileSync(CONTENT_DOC, "utf8");
  const example = section(doc, "A complete example");
  let content: string;
  let out: string;

  before(() => {
    content = fresh();
    const files = [...example.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)];
    assert.deepEqual(
      files.map((m) => m[1]),
      ["site.yaml", "departments.yaml", "contacts.yaml", "releases/2026/2026-11-27-radwege-am-ring/index.md"],
    );
    for (const [, file, text] of files) {
      mkdirSync(path.dirname(path.join(content, file!)), { recursive: true });
      writeFileSync(path.join(content, file!), `${text}\n`);
    }
    // The photo and the PDF the release names, taken from the example site.
    const from = path.join(ROOT, "content", "releases", "2025", "2025-03-14-radwege-am-ring");
    const folder = path.join(content, "releases", "2026", "2026-11-27-radwege-am-ring");
    copyFileSync(path.join(from, "baustelle-ring.jpg"), path.join(folder, "baustelle.jpg"));
    copyFileSync(path.join(from, "lageplan.pdf"), path.join(folder, "lageplan.pdf"));
  });

  test("passes the check without a problem or warning", async () => {
    const result = await checkContent(content);
    assert.deepEqual(result.problems.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`), []);
    assert.deepEqual(result.warnings.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`), []);
  });

  test("builds into the page and the redirect the text promises", async () => {
    out = fresh();
    await build({ contentDir: content, outDir: out, now: "2026-12-01 12:00", cacheDir: path.join(fresh(), "cache") });
    const promised = "https://presse.musterstadt.de/2026/11/27/radwege-am-ring/";
    assert.ok(example.includes(promised));
    const $ = html(out, "2026/11/27/radwege-am-ring/index.html");
    assert.equal($("h1").text().trim(), "Radwege am Ring werden breiter");
    assert.equal($('img[alt^="Bagger auf dem"]').length > 0, true);
    assert.equal($('a[href$="lageplan.pdf"]').length, 1);
    assert.deepEqual(
      sorted($('a[href^="tel:"]').map((_, a) => $(a).attr("href")).get()),
      ["tel:+492514926702", "tel:02514926612"],
    );
    assert.match($("body").text(), /Beginn der Bauarbeiten korrigiert/);
    const redirect = html(out, "presse/archiv/12345.html");
    assert.match(redirect('meta[http-equiv="refresh"]').attr("content") ?? "", /\/2026\/11\/27\/radwege-am-ring\/$/);
    assert.ok(existsSync(path.join(out, "themen", "radverkehr", "index.html")));
  });
});
