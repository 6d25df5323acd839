"""The contact router in Chromium: live opening status, the player's time zone, deep links, no JS, keyboard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.demo.helpers import LANGUAGES, article_path, support_yaml

pytestmark = pytest.mark.browser

DATA = support_yaml()
PROBLEMS = [p["id"] for p in DATA["problems"]]
TUESDAY_3AM = datetime.fromisoformat("2026-12-01T03:00:00+04:00")  # Baku; phone opens at 09:00
TUESDAY_11AM = datetime.fromisoformat("2026-12-01T11:00:00+04:00")

# The routing, worked out by hand from support.yml: the first channel per problem type.
FIRST = {
    "login": "chat", "account-blocked": "chat", "deposit": "chat", "withdrawal": "chat", "payment-dispute": "email",
    "verification": "email", "bet-settlement": "chat", "technical": "chat", "complaint": "email",
    "responsible-gaming": "chat", "other": "faq", "chat-not-working": "email", "close-account": "chat",
    "login-code": "chat", "double-charge": "chat", "game-froze": "chat",
}
# Urgent: the open channel where a person answers fastest is live chat (1–5 minutes) for every type
# that lists it; when the chat is what does not work, the phone (2–15 minutes, open on Tuesday at 11:00).
FIRST_URGENT = {**dict.fromkeys(PROBLEMS, "chat"), "chat-not-working": "phone"}

OpenPage = Callable[..., Page]


@pytest.fixture
def open_page(browser: Browser, site_url: str) -> Iterator[OpenPage]:
    """Open a site path with a fixed clock, an emulated time zone, optionally without JavaScript."""
    contexts = []

    def opener(path: str, at: datetime = TUESDAY_11AM, timezone: str = "Asia/Baku", javascript: bool = True,
               scheme: str = "light", install: bool = False, base: str = site_url) -> Page:
        context = browser.new_context(timezone_id=timezone, java_script_enabled=javascript, color_scheme=scheme,
                                      viewport={"width": 412, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda error: page.errors.append(str(error)))  # type: ignore[attr-defined]
        if install:
            page.clock.install(time=at)
        else:
            page.clock.set_fixed_time(at)
        page.goto(base + path)
        return page

    yield opener
    for context in contexts:
        context.close()


def _contact(language: str = "en") -> str:
    return article_path(language, "contact")


def _router(page: Page):
    return page.locator("[data-contact-router]").first


def _channel_order(page: Page) -> list[str]:
    return _router(page).locator("[data-channel]").evaluate_all("els => els.map(e => e.dataset.channel)")


def test_each_problem_type_recommends_the_expected_channel(open_page):
    page = open_page(_contact())
    router = _router(page)
    urgent = router.get_by_label("It's urgent")
    for problem in PROBLEMS:
        router.locator('select[name="problem"]').select_option(problem)
        recommended = router.locator("[data-recommended-channel]")
        expect(recommended).to_have_count(1)
        assert recommended.get_attribute("data-recommended-channel") == FIRST[problem], problem
        data_order = next(p["channels"] for p in DATA["problems"] if p["id"] == problem)
        assert _channel_order(page) == data_order, problem  # the alternatives keep the data's order
        urgent.check()
        assert router.locator("[data-recommended-channel]").get_attribute("data-recommended-channel") == FIRST_URGENT[problem], problem
        assert _channel_order(page)[0] == FIRST_URGENT[problem]
        urgent.uncheck()
    assert not page.errors


def test_at_3am_the_phone_is_closed_and_opens_itself_by_11(open_page):
    page = open_page(_contact() + "?problem=login", at=TUESDAY_3AM, install=True)
    router = _router(page)
    phone = router.locator('[data-channel="phone"]')
    chat = router.locator('[data-channel="chat"]')
    expect(phone).to_have_attribute("data-channel-status", "closed")
    expect(chat).to_have_attribute("data-channel-status", "open")
    assert router.locator("[data-recommended-channel]").get_attribute("data-recommended-channel") == "chat"
    expect(phone.locator("[data-status]")).to_have_text("Closed now · opens Tue 09:00 Baku time, in 6 hours")
    # Eight hours later the page has refreshed its answer without a reload.
    page.clock.fast_forward("08:00:00")
    expect(phone).to_have_attribute("data-channel-status", "open")
    expect(phone.locator("[data-status]")).to_have_text("Open now")
    assert not page.errors


def test_at_11am_the_phone_is_open(open_page):
    page = open_page(_contact() + "?problem=login", at=TUESDAY_11AM)
    expect(_router(page).locator('[data-channel="phone"]')).to_have_attribute("data-channel-status", "open")


@pytest.mark.parametrize(("language", "timezone", "at", "expected"), [
    ("en", "Europe/Berlin", TUESDAY_3AM, "Closed now · opens Tue 09:00 Baku time — 06:00 your time, in 6 hours"),
    ("en", "America/New_York", TUESDAY_3AM, "Closed now · opens Tue 09:00 Baku time — 00:00 your time, in 6 hours"),
    ("en", "America/Los_Angeles", datetime.fromisoformat("2026-12-05T16:00:00+04:00"),
     "Closed now · opens Mon 09:00 Baku time — Sun 21:00 your time, in 41 hours"),
    ("en", "Europe/Berlin", datetime.fromisoformat("2026-12-30T19:00:00+04:00"),  # 31 Dec – 2 Jan closed, then Sunday
     "Closed now · opens Mon 09:00 Baku time — 06:00 your time, in 5 days"),
    ("en", "Europe/Berlin", datetime.fromisoformat("2026-12-01T08:35:00+04:00"),
     "Closed now · opens Tue 09:00 Baku time — 06:00 your time, in 25 minutes"),
    ("ru", "Europe/Berlin", TUESDAY_3AM, "Сейчас не работает · откроется вт 09:00 по бакинскому времени — по вашему времени 06:00, через 6 часов"),
    ("tr", "Europe/Istanbul", TUESDAY_3AM, "Şu anda kapalı · açılış: Sal 09:00 (Bakü saati) — yerel saatinizle 08:00, 6 saat sonra"),
    ("az", "Europe/Moscow", TUESDAY_3AM, "İndi bağlıdır · açılış: çərşənbə axşamı 09:00 (Bakı vaxtı) — sizin vaxtınızla 08:00, 6 saat sonra"),
    ("ru", "America/New_York", datetime.fromisoformat("2026-12-05T16:00:00+04:00"),
     "Сейчас не работает · откроется пн 09:00 по бакинскому времени — по вашему времени 00:00, через 41 час"),
])
def test_opening_time_is_shown_in_the_service_zone_and_the_players(open_page, language, timezone, at, expected):
    page = open_page(_contact(language) + "?problem=login", at=at, timezone=timezone)
    expect(_router(page).locator('[data-channel="phone"] [data-status]')).to_have_text(expected)


@pytest.mark.parametrize("language", LANGUAGES)
def test_deep_link_preselects_the_problem(open_page, language):
    page = open_page(_contact(language) + "?problem=withdrawal")
    router = _router(page)
    expect(router.locator('select[name="problem"]')).to_have_value("withdrawal")
    expect(router.locator("[data-problem]")).to_have_count(1)
    assert router.locator("[data-recommended-channel]").get_attribute("data-recommended-channel") == "chat"
    documents = router.locator("[data-documents] li[data-document]")
    expect(documents).to_have_count(3)
    assert documents.evaluate_all("els => els.map(e => e.dataset.document)") == ["identity-document", "payment-proof", "transaction-id"]
    levels = router.locator("[data-escalation] [data-level]")
    assert levels.evaluate_all("els => els.map(e => e.dataset.level)") == ["operator", "supervisor", "investigation"]
    expect(levels.first).to_be_visible()
    withdrawal = next(p for p in DATA["problems"] if p["id"] == "withdrawal")
    expect(router.locator("[aria-live]")).to_contain_text(withdrawal["label"][language])


def test_unknown_deep_link_leaves_the_choice_open(open_page):
    page = open_page(_contact() + "?problem=%3Cscript%3E")
    router = _router(page)
    expect(router.locator('select[name="problem"]')).to_have_value("")
    expect(router.locator("[data-channel]")).to_have_count(0)
    assert not page.errors


def test_still_need_help_leads_to_the_full_answer(open_page):
    page = open_page(article_path("en", "payments"))
    block = page.locator('[data-contact-router="compact"]')
    expect(block.locator('select[name="problem"]')).to_have_value("withdrawal")
    expect(block.locator("[data-recommended-channel]")).to_have_attribute("data-recommended-channel", "chat")
    expect(block.locator('[data-channel="phone"]')).to_have_attribute("data-channel-status", "open")
    block.locator('select[name="problem"]').select_option("payment-dispute")
    expect(block.locator("[data-recommended-channel]")).to_have_attribute("data-recommended-channel", "email")
    block.get_by_role("link", name="All channels, documents and next steps").click()
    page.wait_for_url("**/en/contact/?problem=payment-dispute#problem-payment-dispute")
    router = _router(page)
    expect(router.locator('select[name="problem"]')).to_have_value("payment-dispute")
    expect(router.locator("[data-documents] li[data-document]")).to_have_count(3)
    assert not page.errors


def test_every_answer_is_there_without_javascript(open_page):
    page = open_page(_contact(), javascript=False)
    router = _router(page)
    expect(router.locator('select[name="problem"]')).to_be_hidden()
    sections = router.locator("details[data-problem]")
    expect(sections).to_have_count(len(PROBLEMS))
    for index, problem in enumerate(DATA["problems"]):
        section = sections.nth(index)
        summary = section.locator("summary")
        expect(summary).to_have_text(problem["label"]["en"])
        summary.focus()
        page.keyboard.press("Enter")  # opens the <details>
        for channel in problem["channels"]:
            expect(section.locator(f'[data-channel="{channel}"] a.md-button')).to_be_visible()
        for document in problem["documents"]:
            expect(section.locator(f'[data-documents] li[data-document="{document}"]')).to_be_visible()
        expect(section.locator("[data-escalation] [data-level]")).to_have_count(3 if problem["escalation"] else 0)
    assert router.locator('[data-channel-status="closed"]').count() == 0  # no clock, no guess


def test_still_need_help_without_javascript(open_page):
    page = open_page(article_path("en", "payments"), javascript=False)
    first = page.locator('[data-contact-router="compact"] details[data-problem]').first
    expect(first).to_have_attribute("data-problem", "withdrawal")
    expect(first.locator('[data-channel="chat"] a.md-button')).to_be_visible()
    expect(first.get_by_role("link", name="All channels, documents and next steps")).to_be_visible()


def _tab_to(page: Page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only(open_page):
    page = open_page(_contact(), at=TUESDAY_3AM)
    router = _router(page)
    _tab_to(page, 'select[name="problem"]')
    for _ in range(4):
        page.keyboard.press("ArrowDown")  # "" -> login -> login-code -> account-blocked -> deposit
    expect(router.locator('select[name="problem"]')).to_have_value("deposit")
    expect(router.locator("[aria-live]")).to_have_text("My deposit hasn't arrived. Recommended: Live chat — Open now. First reply: 1–5 minutes")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "urgent"
    page.keyboard.press("Space")
    expect(router.get_by_label("It's urgent")).to_be_checked()
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.textContent, document.activeElement.closest('[data-channel]').dataset.channel]")
    assert focused == ["Start a chat", "chat"]  # straight to the recommended channel's action
    _tab_to(page, '[data-document="transaction-id"] input[type="checkbox"]')
    page.keyboard.press("Space")
    expect(router.locator('[data-document="transaction-id"] input')).to_be_checked()


def test_page_talks_only_to_its_own_server(open_page, site_url):
    hosts = set()
    page = open_page(_contact() + "?problem=deposit")
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.reload()
    _router(page).locator('select[name="problem"]').select_option("complaint")
    page.wait_for_load_state("networkidle")
    assert hosts == {"127.0.0.1"}


def test_the_minute_refresh_updates_status_and_keeps_focus(open_page):
    page = open_page(_contact() + "?problem=withdrawal", at=datetime.fromisoformat("2026-12-01T08:59:10+04:00"), install=True)
    router = _router(page)
    phone = router.locator('[data-channel="phone"]')
    expect(phone.locator("[data-status]")).to_have_text("Closed now · opens Tue 09:00 Baku time, in 1 minute")
    checkbox = router.locator('[data-document="payment-proof"] input')
    checkbox.focus()
    page.keyboard.press("Space")
    page.clock.run_for(60_000)  # the page's own once-a-minute refresh
    expect(phone).to_have_attribute("data-channel-status", "open")
    expect(checkbox).to_be_focused()
    expect(checkbox).to_be_checked()
    phone.locator("a.md-button").focus()
    page.clock.run_for(120_000)
    expect(phone.locator("a.md-button")).to_be_focused()
    assert not page.errors
