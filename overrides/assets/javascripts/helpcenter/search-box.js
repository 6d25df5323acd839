/*
 * Search boxes in pages (home, contact): open Material's search dialog, the same
 * search as the header's, with the cursor in its input. Focusing inside the click
 * brings up the keyboard on phones. Without JavaScript the box is hidden (CSS).
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
