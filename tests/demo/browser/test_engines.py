"""The key player paths in the three engines players use (Chromium, WebKitGTK, Firefox ESR), on the
demo served by the production server (real headers, Content-Security-Policy): every page loads with
no script error, failed load or CSP violation and no sideways scroll at 390 px; search finds the
article; the contact widget recommends, shows statuses, documents and escalation for a fixed clock;
the language switch leads to the same article in another language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from production_server.server import serve_in_background
from tests.browser.engines import ENGINES, PROBE_PATH, PlaywrightTab, Tab, open_firefox, open_webkit, probed_copy, wait_for
from tests.demo.browser.test_every_page import built_pages
from tests.helpers import REPO

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 390, 844
TIMEZONE = "Europe/Berlin"
TUESDAY_3AM = "2026-12-01T03:00:00%2B04:00"  # Baku: chat and email open, the phone opens at 09:00
LOADED = "return document.readyState === 'complete' && !!window.__hcErrors"


@pytest.fixture(scope="module")
def served(demo_build, tmp_path_factory) -> Iterator[tuple[str, list[str]]]:
    site = probed_copy(demo_build.site, tmp_path_factory.mktemp("engines") / "site")
    # A page that does everything the probe must catch (not in `pages`: written after the listing).
    (site / "__engines" / "throws.js").write_text("undefinedFunction()\n", encoding="utf-8")
    (site / "__engines" / "broken.html").write_text(
        f'<!doctype html><html><head><script src="/{PROBE_PATH}"></script><script src="/__engines/throws.js"></script></head>'
        '<body><script>document.title = "inline"</script><img src="/__engines/missing.png" alt=""></body></html>', encoding="utf-8")
    server, base = serve_in_background(site, REPO / "netlify.toml")
    pages = [path for path in built_pages(site) if not path.startswith("__engines/")]
    yield base + "/", pages
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module", params=ENGINES)
def tab(request, browser) -> Iterator[Tab]:
    """One tab per engine, shared by its tests (starting an engine costs seconds)."""
    if request.param == "chromium":
        opened: Tab = PlaywrightTab(browser, WIDTH, HEIGHT, TIMEZONE)
    elif request.param == "webkit":
        opened = open_webkit(WIDTH, HEIGHT, TIMEZONE)
    else:
        opened = open_firefox(WIDTH, HEIGHT, TIMEZONE)
    yield opened
    opened.close()


def _open(tab: Tab, url: str) -> None:
    tab.goto(url)
    assert wait_for(tab, LOADED), f"{tab.name}: {url} did not load"


def test_the_viewport_is_a_phones(tab, served):
    base, _ = served
    _open(tab, base + "en/")
    assert tab.js("return [innerWidth, innerHeight]") == [WIDTH, HEIGHT]


def test_the_probe_catches_errors_failed_loads_and_csp_violations(tab, served):
    base, _ = served
    _open(tab, base + "__engines/broken.html")
    errors = " | ".join(wait_for(tab, "return window.__hcErrors.length >= 3 && window.__hcErrors"))
    assert "undefinedFunction" in errors and "missing.png" in errors and "CSP violation: script-src" in errors, (tab.name, errors)


def test_every_page_loads_cleanly_and_fits_the_phone(tab, served):
    base, pages = served
    problems = []
    for path in pages:
        _open(tab, base + path)
        errors, extra = tab.js("return [window.__hcErrors.slice(), document.documentElement.scrollWidth - innerWidth]")
        problems += [f"/{path}: {error}" for error in errors]
        if extra > 0:
            problems.append(f"/{path}: {extra} px wider than the screen")
    assert len(pages) > 40
    assert problems == [], tab.name


def test_search_finds_the_article(tab, served):
    base, _ = served
    _open(tab, base + "ru/")
    tab.click(".hc-search-box__button")
    assert wait_for(tab, "return document.activeElement && document.activeElement.matches('[data-md-component=search-query]')")
    tab.type("[data-md-component=search-query]", "снятие средств")
    hrefs = wait_for(tab, "var links = [...document.querySelectorAll('.md-search-result__item > a')].slice(0, 3).map(a => a.pathname);"
                          "return links.length ? links : null", timeout=15)
    assert hrefs and "/ru/payments/" in hrefs, (tab.name, hrefs)
    assert tab.js("return window.__hcErrors") == []


def test_contact_widget_for_a_fixed_clock(tab, served):
    base, _ = served
    _open(tab, base + f"en/contact/?problem=withdrawal&hc-now={TUESDAY_3AM}")
    router = "[data-contact-router]"
    assert wait_for(tab, f"return document.querySelector('{router} [data-recommended-channel]')")
    state = tab.js(f"""
      var router = document.querySelector('{router}')
      return {{
        problem: router.querySelector('select[name=problem]').value,
        recommended: router.querySelector('[data-recommended-channel]').dataset.recommendedChannel,
        phone: router.querySelector('[data-channel=phone] [data-status]').textContent.trim(),
        chat: router.querySelector('[data-channel=chat] [data-status]').textContent.trim(),
        documents: [...router.querySelectorAll('[data-documents] li[data-document]')].map(e => e.dataset.document),
        levels: [...router.querySelectorAll('[data-escalation] [data-level]')].map(e => e.dataset.level),
      }}""")
    assert state == {
        "problem": "withdrawal",
        "recommended": "chat",
        "phone": "Closed now · opens Tue 09:00 Baku time — 06:00 your time, in 6 hours",
        "chat": "Open now",
        "documents": ["identity-document", "payment-proof", "transaction-id"],
        "levels": ["operator", "supervisor", "investigation"],
    }, tab.name
    assert tab.js("return window.__hcErrors") == []


def test_language_switch_opens_the_same_article(tab, served):
    base, _ = served
    _open(tab, base + "en/payments/")
    tab.click(".md-header .md-select > button")
    assert wait_for(tab, "var link = document.querySelector('.md-select__link[hreflang=ru]'); return link && link.getBoundingClientRect().height > 0 && getComputedStyle(link.closest('.md-select__inner')).opacity === '1'")
    tab.click(".md-select__link[hreflang=ru]")
    assert wait_for(tab, "return location.pathname === '/ru/payments/' && document.readyState === 'complete'")
    assert tab.js("return document.documentElement.lang") == "ru"
