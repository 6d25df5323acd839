/* Service notices: show each [data-hc-notice] between its data-start and data-end by the
   reader's clock, so a notice appears and goes on time without a rebuild. The build already
   showed the notices active when it ran (for readers without JavaScript). */
(function () {
  "use strict";

  function update() {
    var now = Date.now();
    document.querySelectorAll("[data-hc-notice]").forEach(function (el) {
      var start = Date.parse(el.getAttribute("data-start")), end = Date.parse(el.getAttribute("data-end"));
      el.hidden = !(now >= start && now < end);
    });
  }

  // The contact widget moves answers in and out of the page: check again when it changes.
  document.addEventListener("change", function () { setTimeout(update, 0); });
  if (window.document$) window.document$.subscribe(update);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update);
  else update();
  setInterval(update, 15000);
})();
