/** Old addresses that redirect to a release (src/content/alias.ts). */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { aliasOutputPath, normalizeAlias } from "../../src/content/alias.ts";

describe("normalizeAlias accepts", () => {
  const cases: [string, string][] = [
    ["/presse/archiv/12345.html", "/presse/archiv/12345.html"],
    ["/pm/radwege/", "/pm/radwege/"],
    ["/pm/radwege", "/pm/radwege"],
    ["  /pm/radwege/  ", "/pm/radwege/"],
    ["/Presse/Archiv/PM_2019-12.HTM", "/Presse/Archiv/PM_2019-12.HTM"],
    ["/a~b/c+d,e=f.html", "/a~b/c+d,e=f.html"],
    ["https://www.musterstadt.de/presse/archiv/12345.html", "/presse/archiv/12345.html"],
    ["http://www.musterstadt.de/pm/radwege/", "/pm/radwege/"],
    ["HTTPS://WWW.MUSTERSTADT.DE/Presse/x.html", "/Presse/x.html"],
    ["https://www.musterstadt.de:8080/presse/x.html", "/presse/x.html"],
  ];
  for (const [input, path] of cases) {
    it(`${JSON.stringify(input)} → ${path}`, () => assert.deepEqual(normalizeAlias(input), { ok: true, path }));
  }
});

describe("normalizeAlias rejects", () => {
  const cases = [
    "../x",
    "/a/../b",
    "/a/./b",
    "/..",
    "/a/..",
    "/a//b",
    "//evil.example/x",
    "presse/x.html",
    "x",
    "",
    "/x?id=1",
    "/x#y",
    "/",
    "/a\\b",
    "\\a\\b",
    "/a\\..\\..\\b",
    "/a b",
    "/a\tb",
    "/%2e%2e/x",
    "/%2E%2E/x",
    "/a/%2e%2e",
    "/a/%2f/b",
    "/über.html",
    "/a/<script>.html",
    "https://www.musterstadt.de/x?id=1",
    "https://www.musterstadt.de/",
    "https://www.musterstadt.de",
    "javascript:alert(1)",
    "ftp://host/x",
    "C:\\presse\\x.html",
  ];
  for (const input of cases) {
    it(JSON.stringify(input), () => {
      const result = normalizeAlias(input);
      assert.equal(result.ok, false, `${JSON.stringify(input)} was accepted as ${JSON.stringify(result)}`);
      if (!result.ok) assert.ok(result.reason.length > 0);
    });
  }

  it("explains why", () => {
    const reasonOf = (value: string): string => {
      const result = normalizeAlias(value);
      assert.equal(result.ok, false);
      return result.ok ? "" : result.reason;
    };
    assert.match(reasonOf("presse/x.html"), /start with \//);
    assert.match(reasonOf("/x?id=1"), /\?/);
    assert.match(reasonOf("/a//b"), /empty/);
    assert.match(reasonOf("/a/../b"), /\.\./);
    assert.match(reasonOf("/"), /home page/);
  });

  it("every accepted alias stays inside the output folder", () => {
    const inputs = [
      "/a/b", "/a/b/", "/a.b", "/...", "/.../x", "/a/.hidden", "https://x.example/a/../../b",
      "https://x.example/%2e%2e/x", "https://x.example/a/%2E%2E/%2e%2e/b",
    ];
    for (const input of inputs) {
      const result = normalizeAlias(input);
      if (!result.ok) continue;
      assert.ok(result.path.startsWith("/"), input);
      const segments = result.path.split("/").slice(1);
      assert.ok(!segments.includes("..") && !segments.includes("."), `${input} → ${result.path}`);
      assert.ok(!/%|\\/.test(result.path), `${input} → ${result.path}`);
    }
  });
});

describe("aliasOutputPath", () => {
  it("a file alias is written as that file", () => {
    assert.equal(aliasOutputPath("/presse/archiv/12345.html"), "presse/archiv/12345.html");
    assert.equal(aliasOutputPath("/alt.php"), "alt.php");
  });

  it("a folder alias with a trailing slash gets index.html", () => {
    assert.equal(aliasOutputPath("/pm/radwege/"), "pm/radwege/index.html");
  });

  it("a path without extension is treated as a folder", () => {
    assert.equal(aliasOutputPath("/pm/radwege"), "pm/radwege/index.html");
    assert.equal(aliasOutputPath("/presse.archiv/12345"), "presse.archiv/12345/index.html");
  });

  it("is relative (never starts with /)", () => {
    for (const alias of ["/a", "/a/", "/a/b.html"]) assert.ok(!aliasOutputPath(alias).startsWith("/"), alias);
  });
});
