/*
 * pressroom: a translation is saved only as a translation.
 *
 * Decap lists every .md file of a release folder in the collection of
 * releases, translations (index.en.md, index.de-x-ls.md) too: its collections
 * cannot leave files out by name. Saved there, a translation would get the
 * original's fields (date, department), which a translation may not set. This
 * refuses that save with a message naming where translations are edited (their
 * collection of their language); Decap shows it and keeps the form as it is.
 *
 * Loaded by admin/index.html after decap-cms.js, only for a site with
 * languages: in site.yaml; the message comes from this script element's
 * data-message.
 */
(function () {
  "use strict";
  var cms = window.CMS;
  var message = document.currentScript && document.currentScript.dataset.message;
  if (!cms || typeof cms.registerEventListener !== "function" || !message) return;
  var TRANSLATION = /\/index\.[a-z]{2,3}(?:-[a-z0-9]{1,8})*\.md$/i;
  cms.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event && event.entry;
      var path = entry && entry.get("path");
      if (entry && entry.get("collection") === "releases" && typeof path === "string" && TRANSLATION.test(path)) throw new Error(message);
    },
  });
})();
