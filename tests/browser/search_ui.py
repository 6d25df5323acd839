"""Drive Material's search box as a player does, and know when its results are in.

`WATCH` wraps the page's Worker (the one Material's page script starts) to count
the QUERY messages it sends and the RESULT messages it gets back, to note when
the first non-empty result arrived, and to count the workers the page creates
(noting whether the first came before Material's page script was in the page). The search itself is untouched: typing
goes through the real input, results through the real worker and renderer.
Used by the browser tests and by bench/search_quality.py and bench/search_speed.py.
"""

from __future__ import annotations

from playwright.sync_api import Page

WATCH = """
(() => {
  const Native = window.Worker
  const state = window.__searchWatch = {
    sent: 0, received: 0, lastQuery: null, firstResultAt: null, readyAt: null, createdAt: null, created: 0, beforeMaterial: null,
  }
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options)
      state.created += 1
      if (state.createdAt === null) {
        state.createdAt = performance.now()
        state.beforeMaterial = !document.querySelector("script[src*='/bundle.']")
      }
      this.addEventListener("message", event => {
        const message = event.data || {}
        if (message.type === 1 && state.readyAt === null) state.readyAt = performance.now()
        if (message.type === 3) {
          state.received += 1
          if (state.firstResultAt === null && message.data.items.length) state.firstResultAt = performance.now()
        }
      })
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { state.sent += 1; state.lastQuery = message.data }
      return super.postMessage(message, ...rest)
    }
  }
})()
"""

QUERY_INPUT = "input[data-md-component=search-query]"


def open_search(page: Page) -> None:
    """Put the cursor in the header's search box (a click in it, or on the magnifier on narrow screens)."""
    field = page.locator(QUERY_INPUT)
    if not field.is_visible():
        page.locator(".md-header label[for=__search]").first.click()
    field.click()


def type_query(page: Page, text: str, delay: float = 20) -> None:
    """Type into the focused search input key by key (Material listens to keyup), then wait for its results."""
    page.locator(QUERY_INPUT).press_sequentially(text, delay=delay)
    wait_for_results(page, text)


def wait_for_results(page: Page, text: str, timeout: float = 15000) -> None:
    page.wait_for_function(
        "text => { const s = window.__searchWatch; return s && s.lastQuery === text && s.sent === s.received }",
        arg=text, timeout=timeout,
    )


def result_links(page: Page) -> list[str]:
    """The article link of each result group, in order (the first link of each group item)."""
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "items => items.map(item => { const a = item.querySelector('a.md-search-result__link'); return a ? a.href : '' })",
    )
