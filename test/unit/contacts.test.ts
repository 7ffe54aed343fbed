/** Press contacts (src/content/contacts.ts). */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { toContact } from "../../src/content/contacts.ts";
import type { Problem } from "../../src/errors/problem.ts";

const at = (field: string) => ({ file: "contacts.yaml", line: 3, field: `x.${field}` });

function contact(data: { name: string; role?: string; phone?: string; email?: string }, id?: string) {
  const problems: Problem[] = [];
  const result = toContact(data, id, at, problems);
  return { result, codes: problems.map((p) => p.code), problems };
}

describe("toContact", () => {
  it("keeps the phone as written and makes a tel: address of digits", () => {
    const { result, codes } = contact({ name: "Birgit Jaskowiak", phone: "0251 492-6609" }, "jaskowiak");
    assert.deepEqual(codes, []);
    assert.equal(result.id, "jaskowiak");
    assert.equal(result.phone, "0251 492-6609");
    assert.equal(result.phoneHref, "02514926609");
  });

  it("keeps a leading +", () => {
    for (const phone of ["+49 251 492-6609", "+49 (0251) 492/6609"]) {
      const { result, codes } = contact({ name: "x", phone });
      assert.deepEqual(codes, [], phone);
      assert.match(result.phoneHref!, /^\+49/);
      assert.match(result.phoneHref!, /^\+\d+$/);
    }
  });

  it("an inline contact has no id", () => {
    const { result } = contact({ name: "Max" });
    assert.equal("id" in result, false);
  });

  it("refuses a phone with letters", () => {
    const { codes, problems } = contact({ name: "x", phone: "0251 PRESSE" });
    assert.deepEqual(codes, ["invalid-phone"]);
    assert.equal(problems[0]!.field, "x.phone");
  });

  it("refuses a phone that is a script", () => {
    const { result, codes } = contact({ name: "x", phone: "javascript:alert(1)" });
    assert.deepEqual(codes, ["invalid-phone"]);
    assert.equal(result.phoneHref, undefined);
  });

  it("accepts a plain e-mail address and refuses others", () => {
    assert.deepEqual(contact({ name: "x", email: "presse@musterstadt.de" }).codes, []);
    for (const email of ["presse(at)musterstadt.de", "presse@", "a b@c.de", '"><script>@x.de', "mailto:presse@musterstadt.de"]) {
      assert.deepEqual(contact({ name: "x", email }).codes, ["invalid-email"], email);
    }
  });
});
