/*
 * Glue around Material's search UI (one file, no dependencies):
 * - search boxes in pages (home, contact; [data-hc-search-open]) open Material's
 *   search dialog, the same search as the header's, with the cursor in its input;
 *   focusing inside the click brings up the keyboard on phones. Without
 *   JavaScript the box is hidden (CSS).
 * - Material searches on keyup only. Phone keyboards with word prediction, voice
 *   input, pasting and non-Latin layouts change the text without a keyup, so each
 *   input event is passed on as one (Material ignores repeats of the same text).
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
