"""Search in the real site, in Chromium: typed as players type, in every language, only that language's index."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import serve
from tests.browser.search_ui import QUERY_INPUT, WATCH, open_search, result_links, type_query, wait_for_results
from tests.demo.helpers import LANGUAGES, article_path

pytestmark = pytest.mark.browser

# Typed the way players type: no ə/ş/ı/ö/ü, inflected, everyday words (several from the issue).
QUERIES = [
    ("az", "canli sohbet", "contact-channels"),
    ("az", "senedler", "required-documents"),
    ("az", "sikayet", "faq"),
    ("az", "hesabim bloklanib", "account-access"),
    ("az", "pul cixarisi gecikir", "payments"),
    ("en", "cashout", "payments"),
    ("en", "account blocked", "account-access"),
    ("en", "hacked account", "account-security"),
    ("en", "proof of payment", "required-documents"),
    ("ru", "документы для вывода", "required-documents"),
    ("ru", "аккаунт заблокировали", "account-access"),
    ("ru", "снятие средств", "payments"),
    ("ru", "расчет ставки", "disputes-evidence"),
    ("tr", "hesabım engellendi", "account-access"),
    ("tr", "hesabim engellendi", "account-access"),
    ("tr", "canli destek", "contact-channels"),
    ("tr", "sikayet", "escalation"),
    ("tr", "itiraz", "disputes-evidence"),
]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
    yield page
    context.close()


def article_of(url: str) -> str:
    return urlparse(url).path


def search_files(page: Page, base: str) -> set[str]:
    return {urlparse(url).path for url in page.requests if url.startswith(base) and "/search/" in urlparse(url).path}  # type: ignore[attr-defined]


def only_its_language(files: set[str], language: str) -> bool:
    """Material's emptied root index, the language's manifest, and pieces of that language only."""
    return {"/search/search_index.json", f"/search/{language}.json"} <= files and all(
        f in ("/search/search_index.json", f"/search/{language}.json") or f.startswith(f"/search/{language}/") for f in files)


@pytest.mark.parametrize(("language", "query", "expected"), QUERIES, ids=[f"{q[0]}:{q[1]}" for q in QUERIES])
def test_typed_query_finds_the_article_in_the_top_three(page, site_url, language, query, expected):
    page.goto(site_url + article_path(language, "faq"))
    open_search(page)
    type_query(page, query)
    top = [article_of(url) for url in result_links(page)[:3]]
    assert "/" + article_path(language, expected) in top, top


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_loads_only_its_languages_index(page, site_url, language):
    page.goto(site_url + article_path(language, "payments"))
    open_search(page)
    type_query(page, "a")
    files = search_files(page, site_url)
    assert only_its_language(files, language), files
    scripts = [urlparse(url).path for url in page.requests if url.endswith(".js")]  # type: ignore[attr-defined]
    assert any(re.fullmatch(r"/assets/javascripts/helpcenter/search-worker\.[0-9a-f]+\.js", path) for path in scripts), scripts
    # One worker file: no Material worker, no lunr language files, no separate imports.
    assert not any("/workers/search." in path or "/lunr/" in path or path.endswith("/search-text.js") for path in scripts), scripts


def test_results_appear_while_typing_and_keyboard_opens_one(page, site_url):
    page.goto(site_url + article_path("az", "faq"))
    open_search(page)
    page.locator(QUERY_INPUT).press_sequentially("hesab", delay=20)
    wait_for_results(page, "hesab")  # no Enter: results for the word typed so far
    assert result_links(page)
    page.locator(QUERY_INPUT).press_sequentially("im bloklanib", delay=20)
    wait_for_results(page, "hesabim bloklanib")
    first = page.locator(".md-search-result__item").first
    assert first.locator("mark").count() > 0  # the matching words are highlighted
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.href")
    assert urlparse(focused).path == "/" + article_path("az", "account-access")
    page.keyboard.press("Enter")
    page.wait_for_url("**/account-access/**")
    assert parse_qs(urlparse(page.url).query)["h"][0]  # the target page highlights what matched
    assert page.locator("mark[data-md-highlight]").count() > 0


def test_share_link_reopens_the_same_search(page, site_url):
    page.goto(site_url + article_path("ru", "faq"))
    open_search(page)
    type_query(page, "снятие средств")
    shared = page.locator("[data-md-component=search-share]").get_attribute("href")
    assert parse_qs(urlparse(shared).query)["q"] == ["снятие средств"]
    page.goto(shared)
    wait_for_results(page, "снятие средств")
    assert article_of(result_links(page)[0]) == "/" + article_path("ru", "payments")


def test_a_page_nobody_searches_downloads_no_index(page, site_url):
    """The index is fetched when the player goes to search, not on every page load (page weight, issue 7)."""
    page.goto(site_url + article_path("ru", "payments"))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # Material's worker has started and said READY by now
    assert "/search/ru.json" not in search_files(page, site_url)
    # The cursor entering the box starts the download, before the first letter (a phone's slow network).
    with page.expect_request(lambda request: urlparse(request.url).path == "/search/ru.json"):
        open_search(page)
    assert page.locator(QUERY_INPUT).input_value() == ""
    type_query(page, "вывод")
    assert result_links(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_search_link_starts_the_search_before_materials_script(browser, site_url, language):
    """A page opened with ?q= starts its one worker from the head and downloads the index at once; others don't."""
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlparse(request.url).path))
    query, expected = {"az": ("senedler", "required-documents"), "en": ("cashout", "payments"),
                       "ru": ("снятие средств", "payments"), "tr": ("itiraz", "disputes-evidence")}[language]
    page.goto(site_url + article_path(language, "faq") + "?q=" + query)
    wait_for_results(page, query)
    assert "/" + article_path(language, expected) in [article_of(link) for link in result_links(page)[:3]]
    assert page.evaluate("[window.__searchWatch.created, window.__searchWatch.beforeMaterial]") == [1, True]
    assert len([path for path in requested if "/search-worker." in path]) == 1
    assert only_its_language({path for path in requested if path.startswith("/search/")}, language)
    # Without a search in the address, the page's own files go first: Material starts the worker as usual.
    page.goto(site_url + article_path(language, "faq"))
    page.wait_for_function("() => window.__searchWatch.readyAt !== null")
    assert page.evaluate("[window.__searchWatch.created, window.__searchWatch.beforeMaterial]") == [1, False]
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("article_id", ["home", "contact"])
def test_search_box_on_home_and_contact_opens_the_same_search(page, site_url, language, article_id):
    page.goto(site_url + article_path(language, article_id))
    box = page.locator(".md-content [data-hc-search-open]")
    box.focus()
    page.keyboard.press("Enter")  # a keyboard user; a tap works the same way
    assert page.evaluate("document.activeElement.matches('input[data-md-component=search-query]')")
    assert page.locator("#__search").is_checked()
    page.keyboard.type("kyc")
    wait_for_results(page, "kyc")
    assert result_links(page)
    assert only_its_language(search_files(page, site_url), language)


@pytest.fixture(scope="module")
def fallback_site(tmp_path_factory) -> Iterator[str]:
    """The demo with the Turkish escalation article missing: Turkish pages serve the Azerbaijani one."""
    from tests.helpers import Project
    project = Project(tmp_path_factory.mktemp("fallback") / "project")
    (project.root / "docs" / "tr" / "escalation.md").unlink()
    result = project.build()
    assert result.returncode == 0, result.output
    server, url = serve(result.site)
    yield url
    server.shutdown()


def test_untranslated_article_says_so_in_the_results(page, fallback_site):
    page.goto(fallback_site + article_path("tr", "faq"))
    open_search(page)
    type_query(page, "eskalasiya")
    item = page.locator(".md-search-result__item").first
    assert article_of(item.locator("a").first.get_attribute("href")) == "/" + article_path("tr", "escalation")
    assert item.locator(".hc-search-fallback").inner_text() == "Henüz çevrilmedi (Azerbaycan dili)"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_box_and_results_pass_axe(browser, site_url, scheme):
    from axe_playwright_python.sync_playwright import Axe
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(WATCH)
    page = context.new_page()
    try:
        page.goto(site_url + article_path("az", "home"))
        box = Axe().run(page, context=".hc-search-box").response["violations"]
        assert box == [], box
        page.locator(".md-content [data-hc-search-open]").click()
        page.keyboard.type("hesabim bloklanib")
        wait_for_results(page, "hesabim bloklanib")
        # Contrast is measured on the settled page, not halfway through Material's fade-in.
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        results = Axe().run(page, context=".md-search-result").response["violations"]
        assert results == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in results]
    finally:
        context.close()


@pytest.mark.parametrize(("language", "query", "expected"), [
    ("ru", "ljrevtyns", "required-documents"), ("ru", "vyvod sredstv", "payments"), ("en", "widthdrawal", "payments"),
])
def test_typo_and_wrong_layout_find_the_article(page, site_url, language, query, expected):
    page.goto(site_url + article_path(language, "faq"))
    open_search(page)
    type_query(page, query)
    assert "/" + article_path(language, expected) in [article_of(url) for url in result_links(page)[:3]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_found_offers_the_contact_page_and_marks_the_results(page, site_url, language):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + article_path(language, "faq"))
    assert page.locator("[data-hc-search-nothing] a").count() == 0  # no link without an address while hidden
    open_search(page)
    type_query(page, "qqqzzx wwwvvx")
    result = page.locator("[data-md-component=search-result]")
    page.wait_for_function("() => document.querySelector('[data-md-component=search-result]').hasAttribute('data-hc-search-empty')")
    assert result.get_attribute("data-hc-search-empty") == "qqqzzx wwwvvx"
    offer = page.locator("[data-hc-search-nothing]")
    assert offer.is_visible()
    href = offer.locator("a").get_attribute("href")
    assert href is not None
    assert urlparse(href).path == "/" + article_path(language, "contact")
    # Typing something that is found hides the offer and drops the signal.
    page.locator(QUERY_INPUT).fill("")
    type_query(page, "kyc")
    assert not offer.is_visible() and result.get_attribute("data-hc-search-empty") is None
    assert offer.locator("a").count() == 0
    assert result_links(page) and errors == []
