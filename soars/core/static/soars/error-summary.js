// After a failed submit, take the keyboard and screen reader to the form's error summary
// (the GOV.UK pattern). Served as a file: the CSP allows no inline script. Without this
// script the summary is still the first thing in the form, and the title still says "Error:".
(function () {
  "use strict";

  function focusSummary() {
    var summary = document.querySelector("[data-error-summary]");
    var active = document.activeElement;
    if (!summary || (active && active !== document.body && active.id !== "main-content")) {
      return; // nothing to show, or the person has already moved on (this file may run once per form)
    }
    summary.focus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }
})();
