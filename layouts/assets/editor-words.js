/*
 * pressroom: words of Decap CMS's interface, corrected where they fail a
 * press officer. The button for a new release reads "＋ Pressemitteilung"
 * with a full-width plus (U+FF0B), which many computers' fonts lack: it shows
 * as an empty box. The plain "+" is in every font.
 *
 * Loaded by admin/index.html after decap-cms.js, before Decap starts.
 */
(function () {
  "use strict";
  var cms = window.CMS;
  if (!cms || typeof cms.getLocale !== "function" || typeof cms.registerLocale !== "function") return;
  ["de", "en"].forEach(function (language) {
    var phrases = cms.getLocale(language);
    var top = phrases && phrases.collection && phrases.collection.collectionTop;
    if (!top || typeof top.newButton !== "string") return;
    var copy = JSON.parse(JSON.stringify(phrases));
    copy.collection.collectionTop.newButton = top.newButton.replace(/\uFF0B/g, "+");
    cms.registerLocale(language, copy);
  });
})();
