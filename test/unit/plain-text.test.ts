/** The text the search index holds of a body: words without markup, entities read back, no download labels. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { plainText, sanitizedHtml } from "../../src/markdown/render.ts";

test("a body's words, blocks on lines of their own, entities read back", () => {
  const html = sanitizedHtml("Die **Baustelle** & mehr <b>fett</b> 1 < 2\n\n- eins\n- zwei\n\n<script>alert(1)</script>");
  assert.equal(plainText(html), "Die Baustelle & mehr fett 1 < 2\neins\nzwei");
});

test("a placed photo gives its caption, not its download link", () => {
  const html =
    '<p>Text</p><figure class="photo"><picture><img src="/img/x.jpg" alt="a &gt; b"></picture>' +
    '<figcaption><span class="caption">Bagger am Ring</span><a class="download" href="/x.jpg" download>Originaldatei (JPEG, 2 MB)</a></figcaption></figure>';
  assert.equal(plainText(html), "Text\nBagger am Ring");
});
