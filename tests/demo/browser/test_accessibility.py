"""axe-core finds nothing on the contact page (and an article with "Still need help?") in any language or palette."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, Route, expect

from tests.demo.helpers import LANGUAGES, article_path, support_yaml

pytestmark = pytest.mark.browser

AXE = Axe()
TUESDAY_3AM = datetime.fromisoformat("2026-12-01T03:00:00+04:00")  # some channels closed, so both statuses show


@pytest.fixture
def page_in(browser: Browser, site_url: str) -> Iterator:
    contexts = []

    def opener(path: str, scheme: str = "light", javascript: bool = True) -> Page:
        context = browser.new_context(timezone_id="Europe/Berlin", color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.clock.set_fixed_time(TUESDAY_3AM)
        if not javascript:
            # axe cannot run in a context with JavaScript off (it hangs), so serve the page without its scripts.
            page.route(site_url + path, _without_scripts)
        page.goto(site_url + path)
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
@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_page_has_no_axe_violations(page_in, language, scheme):
    page = page_in(article_path(language, "contact") + "?problem=withdrawal", scheme)
    page.locator('[data-contact-router] [data-channel-status="closed"]').wait_for()
    assert _violations(page) == []
    page.locator('select[name="problem"]').select_option("login")  # another answer, with no documents
    assert _violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_page_without_javascript_has_no_axe_violations(page_in, language):
    page = page_in(article_path(language, "contact"), javascript=False)
    expect(page.locator('[data-contact-router] select[name="problem"]')).to_be_hidden()  # the no-JS page
    expect(page.locator("[data-contact-router] details[data-problem]")).to_have_count(len(support_yaml()["problems"]))  # one per problem type
    assert _violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_article_with_still_need_help_has_no_axe_violations(page_in, scheme):
    page = page_in(article_path("ru", "payments"), scheme)
    page.locator('[data-contact-router="compact"] [data-channel-status="closed"]').wait_for()
    assert _violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["ru/contact/", ""])
def test_phone_navigation_drawer_has_no_axe_violations(browser: Browser, site_url, path, scheme):
    # The drawer's section titles were 4.41:1 (light) and 4.05:1 (dark) on Material's grey band.
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path)
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport()
    page.wait_for_timeout(300)  # the drawer slides in: axe measures colours once it is still
    violations = _violations(page)
    context.close()
    assert violations == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_has_no_axe_violations(page_in, language):
    assert _violations(page_in(article_path(language, "home"))) == []
