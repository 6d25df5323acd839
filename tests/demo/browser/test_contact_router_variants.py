"""A help center that changed its settings: Material's instant navigation on, a service zone with
daylight saving (Europe/Berlin), the phone first for login problems, a two-week summer closure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import serve
from tests.demo.helpers import Project, article_path

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def variant_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = Project(tmp_path_factory.mktemp("variant") / "project")
    # Material's instant navigation follows only links its sitemap lists, matching them by protocol and
    # host but not port: the site must be built for the very address it is served from.
    server, url = serve(project.root / "site")
    project.replace("mkdocs.yml", "site_url: https://help.lumora.example/", f"site_url: {url}")
    project.replace("generator/mkdocs.base.yml", "strict: true", "strict: false")  # see the warning below
    project.replace("generator/mkdocs.base.yml", "    - navigation.tracking\n", "    - navigation.instant\n    - navigation.tracking\n")
    project.replace("support.yml", "timezone: Asia/Baku", "timezone: Europe/Berlin")
    project.replace("support.yml", "az: Bakı vaxtı", "az: Berlin vaxtı")
    project.replace("support.yml", "en: Baku time", "en: Berlin time")
    project.replace("support.yml", "channels: [chat, phone, email]", "channels: [phone, chat, email]")  # login
    summer = ", ".join(f'"2027-08-{day:02d}"' for day in range(2, 14))
    project.replace("support.yml", '"2027-03-21"]', f'"2027-03-21", {summer}]')
    # mkdocs-static-i18n warns that its language switcher cannot keep the page under instant navigation;
    # that is the only warning allowed here.
    result = project.build(strict=False)
    assert result.returncode == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert all("not compatible with theme.features = navigation.instant" in line for line in warnings), warnings
    yield url
    server.shutdown()


@pytest.fixture
def open_at(browser: Browser, variant_url: str) -> Iterator:
    contexts = []

    def opener(path: str, at: datetime, timezone: str = "Asia/Baku") -> Page:
        context = browser.new_context(timezone_id=timezone)
        contexts.append(context)
        page = context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda error: page.errors.append(str(error)))  # type: ignore[attr-defined]
        page.clock.set_fixed_time(at)
        page.goto(variant_url + path)
        return page

    yield opener
    for context in contexts:
        context.close()


SATURDAY_AFTERNOON = datetime.fromisoformat("2027-03-27T14:00:00Z")  # 15:00 in Berlin, winter time; summer time from Sunday


def test_instant_navigation_mounts_the_widget_with_the_deep_link(open_at):
    page = open_at(article_path("az", "payments"), SATURDAY_AFTERNOON)
    expect(page.locator('[data-contact-router="compact"] select[name="problem"]')).to_have_value("withdrawal")
    page.evaluate("window.__sameDocument = true")
    page.locator('[data-contact-router="compact"] .hc-route__more a').first.click()
    page.wait_for_url(lambda url: urlparse(url).path == "/contact/" and urlparse(url).query == "problem=withdrawal")
    assert page.evaluate("window.__sameDocument === true"), "Material's instant navigation did not handle the link"
    router = page.locator("[data-contact-router]")
    expect(router.locator('select[name="problem"]')).to_have_value("withdrawal")
    expect(router.locator("[data-recommended-channel]")).to_have_attribute("data-recommended-channel", "chat")
    # Monday 09:00 in Berlin is summer time by then: 07:00 UTC, 11:00 in Baku (12:00 if DST were ignored).
    expect(router.locator('[data-channel="phone"] [data-status]')).to_have_text(
        "İndi bağlıdır · açılış: bazar ertəsi 09:00 (Berlin vaxtı) — sizin vaxtınızla 11:00, 41 saat sonra")
    router.locator('select[name="problem"]').select_option("login")
    expect(router.locator("[data-recommended-channel]")).to_have_attribute("data-recommended-channel", "chat")
    assert router.locator("[data-channel]").evaluate_all("els => els.map(e => e.dataset.channel)") == ["chat", "phone", "email"]
    assert not page.errors


def test_the_phone_goes_first_for_login_while_it_is_open(open_at):
    page = open_at(article_path("en", "contact") + "?problem=login", datetime.fromisoformat("2027-03-29T08:00:00Z"))  # 10:00 CEST
    router = page.locator("[data-contact-router]")
    expect(router.locator("[data-recommended-channel]")).to_have_attribute("data-recommended-channel", "phone")
    assert router.locator("[data-channel]").evaluate_all("els => els.map(e => e.dataset.channel)") == ["phone", "chat", "email"]


def test_a_long_closure_names_the_date_of_the_next_opening(open_at):
    page = open_at(article_path("en", "contact") + "?problem=login", datetime.fromisoformat("2027-07-31T14:00:00Z"))  # Sat 16:00 CEST
    expect(page.locator('[data-contact-router] [data-channel="phone"] [data-status]')).to_have_text(
        "Closed now · opens Sat 14 August 10:00 Berlin time — 12:00 your time, in 14 days")
