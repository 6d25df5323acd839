"""Chromium against the local production server: what players get from Netlify.

Every page of every language loads with the real Content-Security-Policy and
headers, without a violation, a console error, a failed request or a request to
another host; the home page follows the browser's language once and then the
reader's own choice; missing pages answer in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page

from production_server.server import serve_in_background
from tests.demo.helpers import ARTICLE_IDS, LANGUAGES, article_path
from tests.helpers import REPO, ui_texts

pytestmark = pytest.mark.browser

STRINGS = ui_texts()
# Reports CSP violations of the page to the console, where the watcher sees them.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) =>
  console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`));
"""


@pytest.fixture(scope="module")
def site_url(demo_build) -> Iterator[str]:
    server, base = serve_in_background(demo_build.site, REPO / "netlify.toml")
    yield base
    server.shutdown()
    server.server_close()


@dataclass
class Watch:
    """Everything a page did that a player should never cause."""

    origin: str
    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    statuses: list[tuple[int, str]] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", lambda m: m.type in ("error", "warning") and self.console.append(f"{m.type}: {m.text}"))
        context.on("weberror", lambda e: self.console.append(f"uncaught: {e.error}"))
        context.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        context.on("request", self._request)
        context.on("response", lambda r: r.status >= 400 and self.statuses.append((r.status, r.url)))

    def _request(self, request) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != self.origin:
            self.foreign.append(request.url)

    def problems(self) -> dict[str, list]:
        found = {"console": self.console, "failed": self.failed, "other hosts": self.foreign, "status >= 400": self.statuses}
        return {k: list(v) for k, v in found.items() if v}

    def clear(self) -> None:
        for items in (self.console, self.failed, self.foreign, self.statuses):
            items.clear()


@pytest.fixture
def context_for(browser, site_url) -> Iterator:
    contexts = []

    def make(accept_language: str) -> tuple[BrowserContext, Watch]:
        context = browser.new_context(extra_http_headers={"Accept-Language": accept_language}, locale=accept_language.split(",")[0])
        watch = Watch(urlsplit(site_url).netloc)
        watch.attach(context)
        contexts.append(context)
        return context, watch

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_loads_clean_under_the_production_headers(context_for, site_url, language):
    context, watch = context_for(language)
    page = context.new_page()
    for article_id in ARTICLE_IDS:
        path = "/" + article_path(language, article_id)
        response = page.goto(site_url + path, wait_until="networkidle")
        assert response.status == 200 and urlsplit(page.url).path == path, (path, page.url)
        assert "default-src 'self'" in response.headers["content-security-policy"]
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").first.is_visible()
        assert not watch.problems(), (path, watch.problems())


def test_search_works_under_the_policy(context_for, site_url):
    # The search worker, its scripts and the index all come from the site itself.
    context, watch = context_for("en")
    page = context.new_page()
    page.goto(site_url + "/en/", wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("password", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    assert not watch.problems(), watch.problems()


def test_the_themes_inline_scripts_run_by_their_hashes(context_for, site_url):
    # Material's inline scripts (storage helpers, palette restore) run on every page; were one
    # missing from the policy, the violation or the bundle's failure would show in the console.
    context, watch = context_for("en")
    page = context.new_page()
    page.goto(site_url + "/en/payments/", wait_until="networkidle")
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator('form[data-md-component="palette"] label:visible').click()
    chosen = body.get_attribute("data-md-color-scheme")
    assert chosen != before
    page.goto(site_url + "/ru/faq/", wait_until="networkidle")
    assert body.get_attribute("data-md-color-scheme") == chosen
    assert not watch.problems(), watch.problems()


def test_the_policy_is_enforced_not_just_sent(context_for, site_url):
    context, watch = context_for("en")
    page = context.new_page()
    page.goto(site_url + "/en/faq/", wait_until="networkidle")
    # An injected inline script (what an XSS would add) does not run.
    with page.expect_console_message(lambda m: m.text == "CSP violation: script-src-elem blocked inline"):
        injected = page.evaluate("""() => {
            const s = document.createElement("script");
            s.textContent = "window.__injected = true";
            document.head.append(s);
            return window.__injected === true;
        }""")
    assert injected is False
    # Nor does anything load from another host (here an image, as a phishing overlay would).
    with page.expect_console_message(lambda m: m.text == "CSP violation: img-src blocked https://example.com/pixel.png"):
        loaded = page.evaluate("""() => new Promise((done) => {
            const img = new Image();
            img.onload = () => done("loaded"); img.onerror = () => done("blocked");
            img.src = "https://example.com/pixel.png";
        })""")
    assert loaded == "blocked"
    assert watch.failed == ["https://example.com/pixel.png (csp)"]  # stopped inside the browser


def test_browser_language_leads_from_the_home_page_once(context_for, site_url):
    context, watch = context_for("ru-RU,ru;q=0.9,en;q=0.8")
    page = context.new_page()
    response = page.goto(site_url + "/", wait_until="networkidle")
    assert urlsplit(page.url).path == "/ru/"
    chain = []
    request = response.request.redirected_from
    while request:
        chain.append((request.url, request.redirected_to.url))
        request = request.redirected_from
    assert chain == [(site_url + "/", site_url + "/ru/")]  # one hop, no loop
    assert page.locator("html").get_attribute("lang") == "ru"
    # Only "/" is redirected: an Azerbaijani article opened directly stays Azerbaijani.
    page.goto(site_url + "/payments/", wait_until="networkidle")
    assert urlsplit(page.url).path == "/payments/" and page.locator("html").get_attribute("lang") == "az"
    assert not watch.problems(), watch.problems()


def test_a_browser_asking_for_azerbaijani_first_stays_home(context_for, site_url):
    context, watch = context_for("az-AZ,az;q=0.9,ru;q=0.8,en;q=0.7")
    page = context.new_page()
    response = page.goto(site_url + "/", wait_until="networkidle")
    assert response.request.redirected_from is None and urlsplit(page.url).path == "/"
    assert page.locator("html").get_attribute("lang") == "az"
    assert not watch.problems(), watch.problems()


def _choose_language(page: Page, language: str) -> None:
    """Open the language selector in the header and pick a language, as a reader does."""
    page.locator(".md-header .md-select").hover()
    page.locator(f'.md-header .md-select a[hreflang="{language}"]').click()
    page.wait_for_load_state("networkidle")


def test_an_explicit_choice_of_azerbaijani_sticks(context_for, site_url):
    context, watch = context_for("ru-RU,ru;q=0.9")
    page = context.new_page()
    page.goto(site_url + "/", wait_until="networkidle")
    assert urlsplit(page.url).path == "/ru/"
    _choose_language(page, "az")
    assert urlsplit(page.url).path == "/" and page.locator("html").get_attribute("lang") == "az"
    # Back to the home page later, by the logo or by typing the address: still Azerbaijani.
    page.goto(site_url + "/contact/", wait_until="networkidle")
    page.locator(".md-header a.md-logo").click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == "/" and page.locator("html").get_attribute("lang") == "az"
    page.goto(site_url + "/", wait_until="networkidle")
    assert urlsplit(page.url).path == "/"
    # A later choice replaces the earlier one.
    _choose_language(page, "tr")
    assert urlsplit(page.url).path == "/tr/"
    page.goto(site_url + "/", wait_until="networkidle")
    assert urlsplit(page.url).path == "/tr/"
    assert not watch.problems(), watch.problems()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_answers_in_the_readers_language(context_for, site_url, language):
    context, watch = context_for(language)
    page = context.new_page()
    prefix = "" if language == LANGUAGES[0] else f"/{language}"
    response = page.goto(f"{site_url}{prefix}/no/such/page/", wait_until="networkidle")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == STRINGS["not_found_title"][language]
    page.get_by_role("link", name=STRINGS["not_found_home"][language]).click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == (prefix or "") + "/"
    # The only error is the missing page itself (Chromium logs its 404 status).
    problems = watch.problems()
    assert problems.pop("status >= 400") == [(404, f"{site_url}{prefix}/no/such/page/")]
    assert problems.pop("console") == ["error: Failed to load resource: the server responded with a status of 404 (Not Found)"]
    assert not problems, problems
