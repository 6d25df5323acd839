"""The contact widget in Chromium on the suite's own help center (tests/browser/own_center.py):
routing by the clock, the player's time zone, deep links, the article block, no JS, no other host.

The expected channels are worked out by hand from own_center.py's data (Berlin time, December: UTC+1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.own_center import LABELS, PROBLEMS, ZONE, path

pytestmark = pytest.mark.browser

TUESDAY_3AM = datetime.fromisoformat("2026-12-01T03:00:00+01:00")  # the hotline opens at 09:00
TUESDAY_11AM = datetime.fromisoformat("2026-12-01T11:00:00+01:00")
SATURDAY_4PM = datetime.fromisoformat("2026-12-05T16:00:00+01:00")  # the hotline opens on Monday

# The first open channel in the data's order; urgent: the open channel where a person replies fastest.
FIRST = {"refund": "post", "locked-out": "hotline", "bonus": "tg", "other": "kb"}
FIRST_URGENT = {"refund": "desk", "locked-out": "hotline", "bonus": "desk", "other": "post"}

OpenPage = Callable[..., Page]


@pytest.fixture
def open_page(browser: Browser, center_url: str) -> Iterator[OpenPage]:
    """Open a path of the own site with a fixed clock, an emulated time zone, optionally without JavaScript."""
    contexts = []

    def opener(url_path: str, at: datetime = TUESDAY_11AM, timezone: str = ZONE, javascript: bool = True, install: bool = False) -> Page:
        context = browser.new_context(timezone_id=timezone, java_script_enabled=javascript, viewport={"width": 412, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda error: page.errors.append(str(error)))  # type: ignore[attr-defined]
        if install:
            page.clock.install(time=at)
        else:
            page.clock.set_fixed_time(at)
        page.goto(center_url + url_path)
        return page

    yield opener
    for context in contexts:
        context.close()


def _router(page: Page):
    return page.locator("[data-contact-router]").first


def _order(page: Page) -> list[str]:
    return _router(page).locator("[data-channel]").evaluate_all("els => els.map(e => e.dataset.channel)")


def _recommended(page: Page) -> str | None:
    return _router(page).locator("[data-recommended-channel]").get_attribute("data-recommended-channel")


def test_each_problem_type_recommends_its_channel_and_urgent_the_fastest_person(open_page):
    page = open_page(path("en", "contact"))
    router = _router(page)
    urgent = router.get_by_label("This is urgent")  # the project's own text
    for problem in PROBLEMS:
        router.locator('select[name="problem"]').select_option(problem["id"])
        expect(router.locator("[data-recommended-channel]")).to_have_count(1)
        assert _recommended(page) == FIRST[problem["id"]], problem["id"]
        assert _order(page) == problem["channels"], problem["id"]  # every channel of the type, in the data's order
        urgent.check()
        assert _recommended(page) == FIRST_URGENT[problem["id"]], problem["id"]
        assert _order(page)[0] == FIRST_URGENT[problem["id"]]
        urgent.uncheck()
    assert not page.errors


def test_a_closed_phone_gives_way_and_opens_itself(open_page):
    page = open_page(path("en", "contact") + "?problem=locked-out", at=TUESDAY_3AM, install=True)
    router = _router(page)
    hotline = router.locator('[data-channel="hotline"]')
    expect(hotline).to_have_attribute("data-channel-status", "closed")
    assert _recommended(page) == "desk"
    expect(hotline.locator("[data-status]")).to_have_text("Closed at the moment · opens Tue 09:00 (Berlin time), in 6 hours")
    page.clock.fast_forward("06:30:00")
    expect(hotline).to_have_attribute("data-channel-status", "open")
    expect(hotline.locator("[data-status]")).to_have_text("Open right now")
    expect(router.locator("[data-recommended-channel]")).to_have_attribute("data-recommended-channel", "hotline")
    assert not page.errors


@pytest.mark.parametrize(("timezone", "at", "expected"), [
    ("America/New_York", TUESDAY_3AM, "Closed at the moment · opens Tue 09:00 (Berlin time) — 03:00 where you are, in 6 hours"),
    ("America/New_York", SATURDAY_4PM, "Closed at the moment · opens Mon 09:00 (Berlin time) — 03:00 where you are, in 41 hours"),
    ("Asia/Tokyo", TUESDAY_3AM, "Closed at the moment · opens Tue 09:00 (Berlin time) — 17:00 where you are, in 6 hours"),
    ("Pacific/Honolulu", SATURDAY_4PM, "Closed at the moment · opens Mon 09:00 (Berlin time) — Sun 22:00 where you are, in 41 hours"),
])
def test_the_opening_is_told_in_the_service_zone_and_the_players(open_page, timezone, at, expected):
    page = open_page(path("en", "contact") + "?problem=locked-out", at=at, timezone=timezone)
    expect(_router(page).locator('[data-channel="hotline"] [data-status]')).to_have_text(expected)


@pytest.mark.parametrize(("language", "open_text", "closed_text"), [
    ("de", "Jetzt erreichbar", "Gerade nicht erreichbar"), ("uk", "Зараз працює", "Зараз не працює"),
])
def test_each_language_shows_its_own_status_texts(open_page, language, open_text, closed_text):
    page = open_page(path(language, "contact") + "?problem=locked-out", at=TUESDAY_3AM)
    router = _router(page)
    expect(router.locator('[data-channel="desk"] [data-status]')).to_have_text(open_text)
    expect(router.locator('[data-channel="hotline"] [data-status]')).to_contain_text(closed_text)
    assert page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["en", "de", "uk"])
def test_a_deep_link_preselects_the_problem(open_page, language):
    page = open_page(path(language, "contact") + "?problem=bonus")
    router = _router(page)
    expect(router.locator('select[name="problem"]')).to_have_value("bonus")
    expect(router.locator("[data-problem]")).to_have_count(1)
    assert _recommended(page) == "tg"
    documents = router.locator("[data-documents] li[data-document]")
    assert documents.evaluate_all("els => els.map(e => e.dataset.document)") == ["screenshots"]
    levels = router.locator("[data-escalation] [data-level]")
    assert levels.evaluate_all("els => els.map(e => e.dataset.level)") == ["agent", "lead"]
    expect(router.locator("[aria-live]")).to_contain_text(LABELS["bonus"])
    assert not page.errors


def test_the_messenger_channel_opens_its_link(open_page):
    page = open_page(path("en", "contact") + "?problem=bonus")
    button = _router(page).locator('[data-channel="tg"] a.md-button')
    expect(button).to_have_attribute("href", "https://t.me/harbor_care")
    expect(button).to_contain_text("Write to us on")


def test_an_unknown_deep_link_leaves_the_choice_open(open_page):
    page = open_page(path("en", "contact") + "?problem=%3Cscript%3E")
    router = _router(page)
    expect(router.locator('select[name="problem"]')).to_have_value("")
    expect(router.locator("[data-channel]")).to_have_count(0)
    assert not page.errors


def test_the_article_block_routes_its_problems_and_leads_to_the_full_answer(open_page):
    page = open_page(path("en", "bonuses"), at=TUESDAY_3AM)
    block = page.locator('[data-contact-router="compact"]')
    expect(block.locator('select[name="problem"]')).to_have_value("bonus")  # the first of the article's problems
    expect(block.locator("[data-recommended-channel]")).to_have_attribute("data-recommended-channel", "tg")
    block.locator('select[name="problem"]').select_option("refund")
    expect(block.locator("[data-recommended-channel]")).to_have_attribute("data-recommended-channel", "post")
    block.get_by_role("link", name="Every way to reach us").click()
    page.wait_for_url("**/contact/?problem=refund#problem-refund")
    router = _router(page)
    expect(router.locator('select[name="problem"]')).to_have_value("refund")
    assert router.locator("[data-documents] li[data-document]").evaluate_all("els => els.map(e => e.dataset.document)") == ["receipt", "screenshots"]
    assert not page.errors


def test_every_answer_is_there_without_javascript(open_page):
    page = open_page(path("en", "contact"), javascript=False)
    router = _router(page)
    expect(router.locator('select[name="problem"]')).to_be_hidden()
    sections = router.locator("details[data-problem]")
    expect(sections).to_have_count(len(PROBLEMS))
    for index, problem in enumerate(PROBLEMS):
        section = sections.nth(index)
        expect(section.locator("summary")).to_have_text(LABELS[problem["id"]])
        section.locator("summary").focus()
        page.keyboard.press("Enter")  # opens the <details>
        for channel in problem["channels"]:
            expect(section.locator(f'[data-channel="{channel}"] a.md-button')).to_be_visible()
        for document in problem["documents"]:
            expect(section.locator(f'[data-documents] li[data-document="{document}"]')).to_be_visible()
        expect(section.locator("[data-escalation] [data-level]")).to_have_count(2 if problem["escalation"] else 0)
    assert router.locator('[data-channel-status="closed"]').count() == 0  # no clock, no guess


def test_the_page_talks_only_to_its_own_server(open_page):
    hosts = set()
    page = open_page(path("uk", "contact") + "?problem=refund")
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.reload()
    _router(page).locator('select[name="problem"]').select_option("bonus")
    page.wait_for_load_state("networkidle")
    assert hosts == {"127.0.0.1"}
