/** Did-you-mean hints (src/content/suggest.ts). */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { closest } from "../../src/content/suggest.ts";

const DEPARTMENTS = ["tiefbauamt", "umweltamt", "kulturamt", "ordnungsamt", "stadtplanungsamt"];

describe("closest", () => {
  it("finds the department behind a typo", () => {
    const found = closest("tiefbauammt", DEPARTMENTS);
    assert.equal(found[0], "tiefbauamt");
  });

  it("is case-insensitive and keeps the option as written", () => {
    assert.deepEqual(closest("Tiefbauamt", ["tiefbauamt", "umweltamt"]), ["tiefbauamt"]);
    assert.deepEqual(closest("tiefbauamt", ["Tiefbauamt"]), ["Tiefbauamt"]);
  });

  it("suggests nothing for far strings", () => {
    assert.deepEqual(closest("feuerwehr", DEPARTMENTS), []);
    assert.deepEqual(closest("xyzxyzxyz", DEPARTMENTS), []);
  });

  it("suggests nothing from no options", () => {
    assert.deepEqual(closest("tiefbauamt", []), []);
  });

  it("a prefix counts as close", () => {
    assert.deepEqual(closest("tiefbau", DEPARTMENTS), ["tiefbauamt"]);
  });

  it("puts the closest first and returns at most three", () => {
    const options = ["jaskowiak", "jaskowiek", "jaskowiik", "jaskowiakk", "mueller"];
    const found = closest("jaskowiak", options);
    assert.ok(found.length <= 3);
    assert.equal(found[0], "jaskowiak");
    assert.ok(!found.includes("mueller"));
    assert.equal(closest("jaskowiak", options, 1).length, 1);
  });

  it("orders equally close options alphabetically", () => {
    assert.deepEqual(closest("amt", ["bmt", "amx", "cmt"]), ["amx", "bmt", "cmt"]);
  });
});
