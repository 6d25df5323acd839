"""The translation note in a real browser: accessible in both palettes, reachable by keyboard, no JavaScript needed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import serve
from tests.demo.helpers import Project

pytestmark = pytest.mark.browser
PAGES = {"outdated": "en/payments/", "missing": "ru/service-quality/"}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    project = Project(tmp_path_factory.mktemp("note") / "project")
    project.replace("docs/az/payments.md", "## Depozit balansa düşməyib", "## Depozit balansınıza düşməyib")
    (project.root / "docs/ru/service-quality.md").unlink()
    result = project.build()
    assert result.returncode == 0, result.output
    server, url = serve(result.site)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", PAGES)
def test_note_has_no_accessibility_violations(browser, base_url, state, scheme):
    page = browser.new_page(color_scheme=scheme)
    page.goto(base_url + PAGES[state])
    note = page.locator(".hc-translation-note")
    assert note.get_attribute("data-translation-state") == state and note.is_visible()
    results = Axe().run(page, context={"include": [[".hc-translation-note"]]})
    violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]
    assert violations == [], violations
    page.close()


def test_note_link_is_reachable_by_keyboard(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + PAGES["missing"])
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.hc-translation-note') !== null"):
            break
    else:
        raise AssertionError("Tab never reached the note's link")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "service-quality/")
    assert page.locator("html").get_attribute("lang") == "az"
    page.close()


def test_note_needs_no_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGES["outdated"])
    assert page.locator(".hc-translation-note a").is_visible()
    context.close()
