"""The translation note in a real browser on the own help center: accessible in both palettes, reachable by
keyboard, no JavaScript needed; its link leads to the original in the default language."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
PAGES = {"outdated": "de/bonuses/", "missing": "uk/limits/"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", PAGES)
def test_note_has_no_accessibility_violations(browser, center_url, state, scheme):
    page = browser.new_page(color_scheme=scheme)
    page.goto(center_url + PAGES[state])
    note = page.locator(".hc-translation-note")
    assert note.get_attribute("data-translation-state") == state and note.is_visible()
    results = Axe().run(page, context={"include": [[".hc-translation-note"]]})
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
    assert violations == [], violations
    page.close()


def test_note_link_is_reachable_by_keyboard_and_opens_the_original(browser, center_url):
    page = browser.new_page()
    page.goto(center_url + PAGES["missing"])
    assert page.locator("article [lang='en'] h1").inner_text() == "Deposit limits"  # the original, marked as English
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.hc-translation-note') !== null"):
            break
    else:
        raise AssertionError("Tab never reached the note's link")
    page.keyboard.press("Enter")
    page.wait_for_url(center_url + "limits/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.close()


def test_note_needs_no_javascript(browser, center_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(center_url + PAGES["outdated"])
    assert page.locator(".hc-translation-note a").is_visible()
    context.close()
