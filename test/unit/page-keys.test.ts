/**
 * A page's key is made of its data with a release's body as the body's hash: pages with the same data have the
 * same key, a change of the body (or of anything else) gives another, and the body's text itself is not part of
 * what is hashed for each key.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { bodyHashOf, keyText } from "../../src/site/pages.ts";

const view = (bodyHtml: string, title = "Radwege am Ring") => ({ path: "/2025/03/14/radwege/", title, bodyHtml, departments: [{ text: "Tiefbauamt" }] });

test("the same data gives the same key text, a body as its sha256", () => {
  const body = "<p>Die Stadt saniert die Radwege am Ring.</p>";
  assert.equal(keyText(view(body)), keyText(view(body)));
  assert.equal(bodyHashOf(view(body)), createHash("sha256").update(body).digest("hex"));
  assert.ok(!keyText(view(body)).includes("saniert"));
  assert.ok(keyText(view(body)).includes(bodyHashOf(view(body))));
});

test("a change of the body or of another field changes the key text", () => {
  const body = "<p>Die Stadt saniert die Radwege am Ring.</p>";
  assert.notEqual(keyText(view(body)), keyText(view(`${body}<p>Ab Montag.</p>`)));
  assert.notEqual(keyText(view(body)), keyText(view(body, "Radwege am Ring, zweiter Abschnitt")));
});

test("a page without a body (a listing) is keyed by all of its data", () => {
  const listing = { path: "/archiv/2025/", items: [{ title: "Radwege am Ring" }] };
  assert.equal(keyText(listing), JSON.stringify(listing));
});
