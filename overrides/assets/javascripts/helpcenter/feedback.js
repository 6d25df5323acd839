/* "Was this helpful?": post the Netlify form in the background (urlencoded, to this page's path,
   as Netlify documents for forms sent by script) and thank the reader in place. Without
   JavaScript the same form posts normally and lands on the language's thank-you page. */
(function () {
  "use strict";

  function mount(form) {
    if (form.hasAttribute("data-hc-mounted")) return;
    form.setAttribute("data-hc-mounted", "");
    var status = form.querySelector("[data-hc-feedback-status]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var body = new URLSearchParams(new FormData(form, event.submitter));
      if (event.submitter && !event.submitter.name) body.delete("answer");
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      fetch(location.pathname, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: body.toString(),
        credentials: "omit"
      }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        form.querySelectorAll("fieldset, details").forEach(function (el) { el.hidden = true; });
        status.textContent = form.getAttribute("data-thanks");
        status.focus && status.setAttribute("tabindex", "-1");
      }).catch(function () {
        form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
        status.textContent = form.getAttribute("data-failed");
      });
    });
  }

  function mountAll() { document.querySelectorAll("form[data-hc-feedback]").forEach(mount); }
  if (window.document$) window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
