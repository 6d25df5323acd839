"""axe-core finds nothing on the own help center's contact page and article block (tests/browser/own_center.py),
in each of its languages and palettes, with and without JavaScript; every page fits 320 px."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.own_center import PROBLEMS, ZONE, path

pytestmark = pytest.mark.browser

AXE = Axe()
TUESDAY_3AM = datetime.fromisoformat("2026-12-01T03:00:00+01:00")  # the hotline is closed, so both statuses show


@pytest.fixture
def page_in(browser: Browser, center_url: str) -> Iterator:
    contexts = []

    def opener(url_path: str, scheme: str = "light", javascript: bool = True, width: int = 1280) -> Page:
        context = browser.new_context(timezone_id=ZONE, color_scheme=scheme, viewport={"width": width, "height": 800})
        contexts.append(context)
        page = context.new_page()
        page.clock.set_fixed_time(TUESDAY_3AM)
        if not javascript:
            # axe cannot run in a context with JavaScript off (it hangs), so serve the page without its scripts.
            page.route(center_url + url_path, _without_scripts)
        page.goto(center_url + url_path)
        return page

    yield opener
    for context in contexts:
        context.close()


def _without_scripts(route: Route) -> None:
    soup = BeautifulSoup(route.fetch().text(), "html.parser")
    for script in soup.find_all("script"):
        if script.get("type") != "application/json":
            script.decompose()
    route.fulfill(body=str(soup), content_type="text/html; charset=utf-8")


def _violations(page: Page) -> list[str]:
    result = AXE.run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]} {v['nodes'][0].get('failureSummary', '')[:200]}"
            for v in result.response["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "de", "uk"])
def test_contact_page_has_no_axe_violations(page_in, language, scheme):
    page = page_in(path(language, "contact") + "?problem=locked-out", scheme)
    page.locator('[data-contact-router] [data-channel-status="closed"]').wait_for()
    assert _violations(page) == []
    page.locator('select[name="problem"]').select_option("refund")  # another answer, with documents and escalation
    assert _violations(page) == []


@pytest.mark.parametrize("language", ["en", "uk"])
def test_contact_page_without_javascript_has_no_axe_violations(page_in, language):
    page = page_in(path(language, "contact"), javascript=False)
    expect(page.locator('[data-contact-router] select[name="problem"]')).to_be_hidden()  # the no-JS page
    expect(page.locator("[data-contact-router] details[data-problem]")).to_have_count(len(PROBLEMS))
    assert _violations(page) == []


def test_article_with_still_need_help_has_no_axe_violations(page_in):
    page = page_in(path("de", "bonuses"), "dark")
    page.locator('[data-contact-router="compact"] [data-recommended-channel]').wait_for()
    assert _violations(page) == []


@pytest.mark.parametrize("url_path", [path("en", "home"), path("uk", "contact") + "?problem=refund", path("de", "bonuses"), path("en", "faq")])
def test_every_kind_of_page_fits_320_px(page_in, url_path):
    page = page_in(url_path, width=320)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
