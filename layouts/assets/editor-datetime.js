/*
 * pressroom: Decap CMS's date and time field in the site's time zone.
 *
 * A release's date is local time in the site's zone ("2026-12-01 09:15" in
 * Europe/Berlin), whatever zone the computer that writes it is set to. Decap's
 * own field takes "Now" from the browser's clock in the browser's zone, and
 * turns a typed time into a Date of the browser's zone and back (which moves a
 * time that does not exist there, in its change to summer time). This field is
 * Decap's own with those two parts replaced: "Now" is the time in the site's
 * zone, and a typed time is saved as typed, as text.
 *
 * Loaded by admin/index.html after decap-cms.js, before Decap reads its
 * configuration; the zone comes from this script element's data-time-zone.
 */
(function () {
  "use strict";
  var cms = window.CMS;
  var zone = document.currentScript && document.currentScript.dataset.timeZone;
  var datetime = cms && cms.getWidget("datetime");
  if (!datetime || !zone) return;

  var TYPED = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)$/;
  var SAVED = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d)$/;
  var FORMAT = "YYYY-MM-DD HH:mm";

  /** The wall-clock time in the site's zone, as the browser's input writes it ("2026-12-01T09:15"). */
  function nowInZone() {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date())
      .forEach(function (part) {
        parts[part.type] = part.value;
      });
    return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute;
  }

  var Base = datetime.control;
  class SiteDateTime extends Base {
    constructor(props) {
      super(props);
      var decap = this.handleChange;
      // Decap's handler is set per instance: replaced here, for a field written as the site's own format.
      this.handleChange = function (value) {
        var typed = TYPED.exec(value);
        if (this.ownFormat() && typed) return this.props.onChange(typed[1] + " " + typed[2]);
        return decap(value);
      }.bind(this);
    }
    ownFormat() {
      return !this.isUtc && this.props.field.get("format") === FORMAT;
    }
    getNow() {
      return this.ownFormat() ? nowInZone() : super.getNow();
    }
    formatInputValue(value) {
      var saved = typeof value === "string" && SAVED.exec(value);
      return this.ownFormat() && saved ? saved[1] + "T" + saved[2] : super.formatInputValue(value);
    }
  }
  cms.registerWidget("datetime", SiteDateTime, datetime.preview, datetime.schema);
})();
