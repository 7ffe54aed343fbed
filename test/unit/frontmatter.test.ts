/** Front matter (src/content/frontmatter.ts) and failsafe YAML (src/content/yaml.ts). */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { splitRelease } from "../../src/content/frontmatter.ts";
import { parseYaml, toYaml, type YamlValue } from "../../src/content/yaml.ts";

const FILE = "releases/2026/2026-11-27-radwege.md";

const lines = (...l: string[]): string => l.join("\n");

/** Split and return the front matter mapping, failing on any problem. */
function fields(text: string): Record<string, YamlValue> {
  const split = splitRelease(text, FILE);
  assert.deepEqual(split.problems, []);
  const value = split.data?.value;
  assert.ok(value !== undefined && typeof value === "object" && !Array.isArray(value), "front matter is a mapping");
  return value;
}

const g = globalThis as { pwned?: unknown };

/** Parsed YAML mappings have no prototype; compare them as plain data. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe("failsafe YAML: values stay as written", () => {
  it("an unquoted phone number keeps its leading zero", () => {
    assert.equal(fields("---\nphone: 02514926609\n---\n").phone, "02514926609");
  });

  it("a phone with spaces and a hyphen stays as written", () => {
    assert.equal(fields("---\nphone: 0251 492-6609\n---\n").phone, "0251 492-6609");
  });

  it("1.10 stays the text 1.10", () => {
    assert.equal(fields("---\nversion: 1.10\n---\n").version, "1.10");
  });

  it("a local date-time stays a string", () => {
    const f = fields("---\ndate: 2026-11-27 10:30\nday: 2026-11-27\niso: 2026-11-27T10:30:00+01:00\n---\n");
    assert.equal(f.date, "2026-11-27 10:30");
    assert.equal(f.day, "2026-11-27");
    assert.equal(f.iso, "2026-11-27T10:30:00+01:00");
  });

  it("booleans, nulls, octals and hex stay text", () => {
    const f = fields("---\ndraft: true\nno: no\nnothing: null\ntilde: ~\noctal: 0o17\nhex: 0x1F\nexp: 1e3\n---\n");
    assert.deepEqual(
      { ...f },
      { draft: "true", no: "no", nothing: "null", tilde: "~", octal: "0o17", hex: "0x1F", exp: "1e3" },
    );
  });

  it("lists and nested mappings hold text", () => {
    const f = fields("---\ntags: [Verkehr, 2026, 1.0]\nmedia:\n  - file: a.jpg\n    alt: 42\n---\n");
    assert.deepEqual(f.tags, ["Verkehr", "2026", "1.0"]);
    assert.deepEqual(plain(f.media), [{ file: "a.jpg", alt: "42" }]);
  });

  it("a key named __proto__ does not touch any prototype", () => {
    const f = fields("---\n__proto__:\n  polluted: yes\ntitle: x\n---\n");
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
    assert.equal(f.title, "x");
  });
});

describe("executable front matter is refused", () => {
  it("---js is refused with front-matter-not-yaml and runs no code", () => {
    delete g.pwned;
    const text = lines("---js", "{ title: (globalThis.pwned = 'js', 'Radwege') }", "---", "Body");
    const split = splitRelease(text, FILE);
    assert.deepEqual(
      split.problems.map((p) => [p.code, p.file, p.line]),
      [["front-matter-not-yaml", FILE, 1]],
    );
    assert.match(split.problems[0]!.message, /"js"/);
    assert.equal(split.data, undefined);
    assert.equal(g.pwned, undefined);
  });

  for (const opener of ["---javascript", "---coffee", "--- js", "---json", "---toml", "---JS"]) {
    it(`${opener} is refused and runs no code`, () => {
      delete g.pwned;
      const text = lines(opener, "globalThis.pwned = 1", "---", "Body");
      const split = splitRelease(text, FILE);
      assert.deepEqual(
        split.problems.map((p) => p.code),
        ["front-matter-not-yaml"],
      );
      assert.equal(g.pwned, undefined);
    });
  }

  it("---yaml is plain YAML", () => {
    assert.equal(fields("---yaml\ntitle: x\n---\nBody\n").title, "x");
  });

  it("!!js/function gives yaml-tag and runs no code", () => {
    delete g.pwned;
    const text = lines("---", "title: x", "date: !!js/function 'function () { globalThis.pwned = 1 }'", "---", "Body");
    const split = splitRelease(text, FILE);
    assert.deepEqual(
      split.problems.map((p) => [p.code, p.file, p.line]),
      [["yaml-tag", FILE, 3]],
    );
    assert.match(split.problems[0]!.message, /!!js\/function/);
    assert.equal(g.pwned, undefined);
  });

  for (const tag of ["!!js/undefined", "!!js/regexp", "!!python/object", "!!int", "!!bool", "!!float", "!custom"]) {
    it(`${tag} gives yaml-tag`, () => {
      const split = splitRelease(`---\ntitle: ${tag} x\n---\n`, FILE);
      assert.deepEqual(split.problems.map((p) => p.code), ["yaml-tag"]);
    });
  }

  it("!!str is allowed and gives text", () => {
    assert.equal(fields("---\nphone: !!str 0251\n---\n").phone, "0251");
  });

  it("the YAML 1.1 tags !!binary, !!timestamp, !!set, !!omap, !!pairs give yaml-tag (not a silently converted value)", () => {
    const notRefused: string[] = [];
    for (const [tag, value] of [
      ["!!binary", "SGFsbG8="],
      ["!!timestamp", "2026-11-27"],
      ["!!set", "{ a, b }"],
      ["!!omap", "[ a: 1 ]"],
      ["!!pairs", "[ a: 1 ]"],
    ] as const) {
      const split = splitRelease(`---\ntitle: x\ndate: ${tag} ${value}\n---\n`, FILE);
      const codes = split.problems.map((p) => `${p.code}@${p.line}`);
      if (codes.join() !== "yaml-tag@3") {
        notRefused.push(`${tag} → problems [${codes.join(", ")}], date ${JSON.stringify(plain((split.data?.value as Record<string, YamlValue> | undefined)?.date))}`);
      }
    }
    assert.deepEqual(notRefused, []);
  });
});

describe("splitRelease: structure problems", () => {
  it("a file without front matter", () => {
    const split = splitRelease("Nur Text.\n", FILE);
    assert.deepEqual(split.problems.map((p) => [p.code, p.line]), [["no-front-matter", 1]]);
    assert.equal(split.body, "Nur Text.\n");
  });

  it("front matter that is never closed", () => {
    const split = splitRelease("---\ntitle: x\n\nBody\n", FILE);
    assert.deepEqual(split.problems.map((p) => p.code), ["yaml-syntax"]);
    assert.equal(split.data, undefined);
  });

  it("a duplicate key names its line", () => {
    const split = splitRelease("---\ntitle: a\ndate: 2026-11-27\ntitle: b\n---\n", FILE);
    assert.deepEqual(split.problems.map((p) => [p.code, p.file, p.line]), [["yaml-syntax", FILE, 4]]);
  });

  it("broken YAML names a line inside the front matter", () => {
    const split = splitRelease("---\ntitle: a\ndate: [2026\n---\nBody\n", FILE);
    assert.ok(split.problems.length > 0);
    for (const p of split.problems) {
      assert.equal(p.code, "yaml-syntax");
      assert.equal(p.file, FILE);
      assert.ok(p.line !== undefined && p.line >= 2 && p.line <= 4, `line ${p.line}`);
    }
  });

  it("empty front matter has no value and no problem", () => {
    const split = splitRelease("---\n---\nBody\n", FILE);
    assert.deepEqual(split.problems, []);
    assert.equal(split.data?.value, undefined);
    assert.equal(split.body, "Body\n");
    assert.equal(split.bodyLine, 3);
  });
});

describe("lineOf: file line numbers", () => {
  const text = lines(
    "---", //                                     1
    "title: Radwege am Ring werden breiter", //   2
    "date: 2026-11-27 10:30", //                  3
    "department: [tiefbauamt, umweltamt]", //     4
    "contact:", //                                5
    "  name: Max Muster", //                      6
    "  phone: 0251 1234", //                      7
    "media:", //                                  8
    "  - file: baustelle.jpg", //                 9
    "    alt: Bagger", //                         10
    "  - file: lageplan.pdf", //                  11
    "    alt: Plan", //                           12
    "    title: Lageplan", //                     13
    "tags:", //                                   14
    "  - Verkehr", //                             15
    "  - Radverkehr", //                          16
    "---", //                                     17
    "", //                                        18
    "Erster Absatz.", //                          19
  );
  const split = splitRelease(text, FILE);
  const lineOf = (path: (string | number)[], key?: boolean): number | undefined => split.data!.lineOf(path, key);

  it("parses without problems", () => assert.deepEqual(split.problems, []));

  it("top-level fields", () => {
    assert.equal(lineOf(["title"]), 2);
    assert.equal(lineOf(["date"]), 3);
    assert.equal(lineOf(["department"]), 4);
    assert.equal(lineOf(["media"], true), 8);
    assert.equal(lineOf(["tags"], true), 14);
  });

  it("nested fields", () => {
    assert.equal(lineOf(["contact", "name"]), 6);
    assert.equal(lineOf(["contact", "phone"]), 7);
    assert.equal(lineOf(["media", 0]), 9);
    assert.equal(lineOf(["media", 0, "alt"]), 10);
    assert.equal(lineOf(["media", 1]), 11);
    assert.equal(lineOf(["media", 1, "file"]), 11);
    assert.equal(lineOf(["media", 1, "alt"]), 12);
    assert.equal(lineOf(["media", 1, "title"]), 13);
    assert.equal(lineOf(["tags", 1]), 16);
    assert.equal(lineOf(["department", 1]), 4);
  });

  it("a missing nested field points at its closest existing parent", () => {
    assert.equal(lineOf(["media", 0, "caption"]), 9);
  });

  it("body and bodyLine", () => {
    assert.equal(split.body, "\nErster Absatz.");
    assert.equal(split.bodyLine, 18);
    const bodyLines = split.body.split("\n");
    const fileLines = text.split("\n");
    bodyLines.forEach((line, i) => assert.equal(fileLines[split.bodyLine - 1 + i], line));
  });

  it("bodyLine when the body follows the closing --- directly", () => {
    const direct = splitRelease("---\ntitle: x\n---\nErste Zeile\nZweite\n", FILE);
    assert.equal(direct.body, "Erste Zeile\nZweite\n");
    assert.equal(direct.bodyLine, 4);
  });

  it("an empty body", () => {
    const empty = splitRelease("---\ntitle: x\n---\n", FILE);
    assert.deepEqual(empty.problems, []);
    assert.equal(empty.body.trim(), "");
  });

  it("a body containing --- lines keeps them", () => {
    const split2 = splitRelease("---\ntitle: x\n---\nA\n\n---\n\nB\n", FILE);
    assert.equal(split2.body, "A\n\n---\n\nB\n");
    assert.equal(split2.data?.value && (split2.data.value as Record<string, YamlValue>).title, "x");
  });
});

describe("parseYaml for settings files", () => {
  it("uses the line offset", () => {
    const parsed = parseYaml("a: 1\nb:\n  c: 2\n", { file: "x.yaml", lineOffset: 0 });
    assert.equal(parsed.lineOf(["b", "c"]), 3);
    const shifted = parseYaml("a: 1\nb:\n  c: 2\n", { file: "x.yaml", lineOffset: 10 });
    assert.equal(shifted.lineOf(["b", "c"]), 13);
  });

  it("an empty file has no value", () => {
    const parsed = parseYaml("", { file: "contacts.yaml", lineOffset: 0 });
    assert.equal(parsed.value, undefined);
    assert.deepEqual(parsed.problems, []);
  });

  it("a YAML alias (*name) is refused, naming its line", () => {
    const parsed = parseYaml("a: &x [1]\nb: *x\n", { file: "x.yaml", lineOffset: 0 });
    assert.equal(parsed.value, undefined);
    assert.deepEqual(parsed.problems.map((p) => [p.code, p.line]), [["yaml-syntax", 2]]);
  });

  it("an alias bomb is refused quickly", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      bomb.push(`${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`);
    }
    const started = Date.now();
    const parsed = parseYaml(bomb.join("\n"), { file: "x.yaml", lineOffset: 0 });
    assert.equal(parsed.value, undefined);
    assert.ok(parsed.problems.length > 0);
    assert.ok(Date.now() - started < 2000);
  });

  it("toYaml round-trips text, keeping leading zeros", () => {
    const values = { title: "Radwege: breiter", date: "2026-11-27 10:30", phone: "02514926609", draft: "true" };
    const parsed = parseYaml(toYaml(values), { file: "x", lineOffset: 0 });
    assert.deepEqual(plain(parsed.value), values);
  });
});
