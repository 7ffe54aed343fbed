/** Listing pages counted from the oldest release: which releases each page holds, and that a new one moves none. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { pageWindow, stablePages } from "../../src/site/listings.ts";

const newestFirst = (n: number): number[] => Array.from({ length: n }, (_, i) => n - i);

test("the newest page holds the rest, size to twice the size less one; the others a size each, page 1 the oldest", () => {
  assert.deepEqual(stablePages([], 3), [{ number: 1, items: [] }]);
  assert.deepEqual(stablePages(newestFirst(2), 3), [{ number: 1, items: [2, 1] }]);
  assert.deepEqual(stablePages(newestFirst(5), 3), [{ number: 1, items: [5, 4, 3, 2, 1] }]);
  assert.deepEqual(stablePages(newestFirst(6), 3), [
    { number: 2, items: [6, 5, 4] },
    { number: 1, items: [3, 2, 1] },
  ]);
  assert.deepEqual(stablePages(newestFirst(8), 3), [
    { number: 2, items: [8, 7, 6, 5, 4] },
    { number: 1, items: [3, 2, 1] },
  ]);
  for (const n of [0, 1, 19, 20, 39, 40, 41, 10_001]) {
    const pages = stablePages(newestFirst(n), 20);
    assert.deepEqual(pages.flatMap((p) => p.items), newestFirst(n), `${n}: every release once, in order`);
    assert.deepEqual(pages.map((p) => p.number), newestFirst(pages.length), `${n}: numbered down to 1`);
    if (n >= 20) assert.ok(pages[0]!.items.length >= 20 && pages[0]!.items.length < 40, `${n}: newest page`);
  }
});

test("a release added or removed at the newest end leaves every numbered page as it was", () => {
  for (let n = 40; n < 100; n++) {
    const before = new Map(stablePages(newestFirst(n), 20).slice(1).map((p) => [p.number, p.items]));
    for (const page of stablePages(newestFirst(n + 1), 20).slice(1)) {
      if (before.has(page.number)) assert.deepEqual(page.items, before.get(page.number), `${n} → ${n + 1}, page ${page.number}`);
    }
  }
});

test("the pager links the newest page, the oldest and the neighbours, newest first", () => {
  assert.deepEqual(pageWindow(9, 9), [9, 8, 7, 1]);
  assert.deepEqual(pageWindow(5, 9), [9, 7, 6, 5, 4, 3, 1]);
  assert.deepEqual(pageWindow(1, 9), [9, 3, 2, 1]);
  assert.deepEqual(pageWindow(1, 1), [1]);
  // Far from the newest page, the window does not depend on how many pages there are.
  assert.deepEqual(pageWindow(10, 500).slice(1), pageWindow(10, 501).slice(1));
});
