/* Remember the language a reader picks in the language selector.
 *
 * On a first visit, Netlify sends "/" to the browser's preferred language
 * (netlify.toml, `Language` conditions). Netlify reads the nf_lang cookie
 * before the browser's languages, so once a reader has picked a language in
 * the selector, "/" never redirects them away from it again.
 */
(function () {
  "use strict";
  var LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
  var YEAR = 60 * 60 * 24 * 365;

  function remember(language) {
    var cookie = "nf_lang=" + language + "; Path=/; Max-Age=" + YEAR + "; SameSite=Lax";
    if (location.protocol === "https:") cookie += "; Secure";
    document.cookie = cookie;
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest(".md-select a[hreflang]");
    if (!link) return;
    var language = link.getAttribute("hreflang");
    if (LANGUAGE.test(language)) remember(language);
  });
})();
