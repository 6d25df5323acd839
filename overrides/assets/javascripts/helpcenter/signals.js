/* What players look for and do not find: a search that shows no result, and the problem type
   picked in the contact widget, are posted to the "search-signals" Netlify form. Only when the
   page says so ([data-hc-signals], off with `record_searches: false`); at most once per query
   per page view; digits and e-mail-like words are removed and the length is capped first.
   It watches the search UI from outside (the "nothing found" state), not the search worker. */
(function () {
  "use strict";

  var MAX_LENGTH = 60, SETTLE_MS = 1200;
  var sent = {};

  function clean(query) {
    return query
      .replace(/\S*@\S*/g, " ")
      .replace(/[\p{N}]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .toLocaleLowerCase(document.documentElement.lang || undefined)
      .slice(0, MAX_LENGTH)
      .trim();
  }

  function post(fields) {
    var key = JSON.stringify(fields);
    if (sent[key]) return;
    sent[key] = true;
    var body = new URLSearchParams({ "form-name": "search-signals", language: document.documentElement.lang || "" });
    Object.keys(fields).forEach(function (name) { body.set(name, fields[name]); });
    fetch(location.pathname, {
      method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body.toString(), credentials: "omit", keepalive: true
    }).catch(function () { /* a lost signal is not worth bothering the reader */ });
  }

  // "Nothing found": the search UI's own signal if it gives one (an element with data-search-empty,
  // shown), else Material's state: a query typed, the meta line filled, no result item.
  function nothingFound(root) {
    if (root.hasAttribute("data-hc-search-empty")) return true;  // our search UI says so (search-ui.js)
    var flagged = root.querySelector("[data-search-empty]");
    if (flagged) return !flagged.hidden;
    // Material's result items only: a "nothing found" offer added to the list is not a result.
    var meta = root.querySelector(".md-search-result__meta");
    return !!meta && meta.textContent.trim() !== "" && !root.querySelector(".md-search-result__item:not([data-search-empty])");
  }

  function watchSearch() {
    var input = document.querySelector(".md-search__input"), root = document.querySelector(".md-search-result");
    if (!input || !root || root.hasAttribute("data-hc-watched")) return;
    root.setAttribute("data-hc-watched", "");
    var timer = null;
    function check() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var query = clean(input.value);
        if (query.length >= 2 && nothingFound(root)) post({ kind: "no-results", query: query });
      }, SETTLE_MS);
    }
    new MutationObserver(check).observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    input.addEventListener("input", check);
  }

  function watchWidget() {
    document.querySelectorAll("[data-contact-router] select[name=problem]").forEach(function (select) {
      if (select.hasAttribute("data-hc-watched")) return;
      select.setAttribute("data-hc-watched", "");
      select.addEventListener("change", function () {
        if (select.value) post({ kind: "problem", problem: select.value });
      });
    });
  }

  window.helpcenterSignals = { clean: clean };  // for the tests

  function mountAll() {
    if (!document.querySelector("[data-hc-signals]")) return;
    watchSearch();
    watchWidget();
  }
  if (window.document$) window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
