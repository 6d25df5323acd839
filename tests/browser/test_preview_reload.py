"""Generator test in Chromium: the live preview shows a broken build by itself and comes back by itself.

A real `mkdocs serve` over an own site in tmp_path; the test never reloads the page: MkDocs'
reload script on the article, then the one on the errors page, must do it (issue 12, case 8).
"""

from __future__ import annotations

from tests.build.test_preview_errors import HOSTILE, SITE, break_front_matter
from tests.generator_site import write_site
from tests.live_server import live_server

REBUILD_MS = 120_000  # on a loaded machine


def test_the_open_page_shows_the_errors_then_the_fixed_page(browser, tmp_path):
    with live_server(write_site(tmp_path / "vela", SITE)) as server:
        page = browser.new_page(viewport={"width": 320, "height": 640})
        try:
            page.goto(server.base + "hy/faq/")
            page.wait_for_selector("article h1")
            good = break_front_matter(server.root)
            page.wait_for_selector("[data-preview-errors]", timeout=REBUILD_MS)  # reloaded by itself
            first = page.locator("[data-preview-error]", has_text="docs/it/faq.md").first
            assert first.locator("[data-line]").inner_text() == "6"
            assert HOSTILE in first.locator("[data-message]").inner_text()  # shown as text
            assert page.evaluate("document.documentElement.scrollWidth") <= 320  # no sideways scroll on a phone
            (server.root / "docs" / "it" / "faq.md").write_text(good, encoding="utf-8")
            page.wait_for_selector("article h1", timeout=REBUILD_MS)  # back by itself
            assert page.locator("[data-preview-errors]").count() == 0
        finally:
            page.close()
