/*
 * Glue around Material's search UI (one file, no dependencies):
 * - search boxes in pages (home, contact; [data-hc-search-open]) open Material's
 *   search dialog, the same search as the header's, with the cursor in its input;
 *   focusing inside the click brings up the keyboard on phones. Without
 *   JavaScript the box is hidden (CSS).
 * - Material searches on keyup only. Phone keyboards with word prediction, voice
 *   input, pasting and non-Latin layouts change the text without a keyup, so each
 *   input event is passed on as one (Material ignores repeats of the same text).
 * - nothing found: the worker's RESULT says so (data.helpcenter, announced by
 *   partials/helpcenter/search-start.html as "hc-search-result"); the results show
 *   the page's "nothing found" text and a link to the contact page, with the
 *   query's likely problem type as ?problem=. The signal for other scripts: the
 *   results container ([data-md-component=search-result]) carries
 *   data-hc-search-empty="<the query>" while nothing is found, and no such
 *   attribute otherwise.
 */
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element && event.target.closest("[data-hc-search-open]")
  if (!button) return
  var input = document.querySelector("[data-md-component=search-query]")
  var toggle = document.getElementById("__search")
  if (!input || !toggle) return
  if (!toggle.checked) toggle.click()
  input.focus()
  input.select()
})

document.addEventListener("input", function (event) {
  var input = event.target
  if (!(input instanceof HTMLInputElement) || !input.matches("[data-md-component=search-query]")) return
  input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
})

// The nothing-found offer's link exists only while the offer shows (see partials/search.html).
function hcUnlink(slot) {
  var link = slot.querySelector("a")
  if (link) slot.textContent = link.textContent
}

function hcLinkTo(slot, href) {
  var link = slot.querySelector("a")
  if (!link) {
    link = document.createElement("a")
    link.textContent = slot.textContent
    slot.textContent = ""
    slot.appendChild(link)
  }
  link.href = href
}

document.addEventListener("hc-search-result", function (event) {
  var result = document.querySelector("[data-md-component=search-result]")
  var offer = result && result.querySelector("[data-hc-search-nothing]")
  if (!result) return
  var nothing = event.detail && event.detail.helpcenter
  var slot = offer && offer.querySelector("[data-hc-search-contact]")
  if (!nothing || (event.detail.items && event.detail.items.length)) {
    result.removeAttribute("data-hc-search-empty")
    if (offer) { offer.hidden = true; hcUnlink(slot) }
    return
  }
  result.setAttribute("data-hc-search-empty", nothing.nothing)
  if (!offer) return
  var href = new URL(slot.getAttribute("data-hc-search-contact"), location.href)
  if (nothing.problem) href.searchParams.set("problem", nothing.problem)
  else href.searchParams.delete("problem")
  hcLinkTo(slot, href.href)
  offer.hidden = false
})
