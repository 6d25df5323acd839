"""The home page on a phone: the search box is on the first screen (360x640) in every language,
opens the site search, and the page keeps its questions, topics and contact link without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.demo.helpers import LANGUAGES, article_path

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_box_is_on_the_first_phone_screen(browser: Browser, site_url, language):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(site_url + article_path(language, "home"))
    box = page.locator(".hc-search-box__button").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 640, box
    page.locator(".hc-search-box__button").click()
    page.locator("[data-md-component=search-query]").fill("")
    assert page.locator("[data-md-component=search-query]").evaluate("el => el === document.activeElement")
    context.close()


def test_home_without_javascript_lists_questions_topics_and_contact(browser: Browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + article_path("ru", "home"))
    assert page.locator(".hc-home__questions a").count() > 0
    assert page.locator(".hc-topic a").count() > 0
    page.locator(".hc-home__contact a").click()
    assert page.url.endswith("/ru/contact/")
    context.close()
