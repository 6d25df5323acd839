"""Every built page of every language, as a phone shows it: nothing scrolls sideways.

One walk over the site (one browser context, one tab, each page loaded once and
resized through the phone sizes) feeds all the checks, so they add little time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.helpers import LANGUAGES

pytestmark = pytest.mark.browser

# Portrait phones (small Android, iPhone SE/mini, iPhone 12-15, large Android), then two landscapes.
SIZES = [(320, 640), (360, 640), (375, 667), (390, 844), (414, 896), (640, 360), (844, 390)]
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


@dataclass
class Walk:
    pages: list[str] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)  # "<path> at <w>x<h>: <n> px too wide"


def built_pages(site: Path) -> list[str]:
    """Site paths of every HTML page of the build (articles, homes, 404s), 'ru/contact/' style."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        paths.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return paths


def walk(browser: Browser, base: str, site: Path, sizes: list[tuple[int, int]], javascript: bool = True) -> Walk:
    result = Walk(built_pages(site))
    context = browser.new_context(viewport={"width": sizes[0][0], "height": sizes[0][1]}, java_script_enabled=javascript)
    page = context.new_page()
    try:
        for path in result.pages:
            page.set_viewport_size({"width": sizes[0][0], "height": sizes[0][1]})
            page.goto(base + path)
            for width, height in sizes:
                page.set_viewport_size({"width": width, "height": height})
                extra = page.evaluate(OVERFLOW)
                if extra > 0:
                    result.overflow.append(f"/{path} at {width}x{height}: {extra} px too wide")
    finally:
        context.close()
    return result


@pytest.fixture(scope="module")
def demo_walk(browser, site_url, demo_build) -> Walk:
    return walk(browser, site_url, demo_build.site, SIZES)


def test_the_walk_covers_every_language(demo_walk):
    for language in LANGUAGES[1:]:
        assert f"{language}/contact/" in demo_walk.pages
    assert "contact/" in demo_walk.pages and "404.html" in demo_walk.pages


def test_no_page_scrolls_sideways_on_a_phone(demo_walk):
    assert demo_walk.overflow == []


def test_no_page_scrolls_sideways_without_javascript(browser, site_url, demo_build):
    # Without JavaScript Material neither wraps tables in its scroll box nor hides header items.
    assert walk(browser, site_url, demo_build.site, SIZES[:1], javascript=False).overflow == []


def test_wide_table_scrolls_inside_its_own_box(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + "ru/contact-channels/")
    box = page.locator('[data-support-table="channels"]')
    sizes = box.evaluate("el => [el.scrollWidth, el.clientWidth, getComputedStyle(el).overflowX]")
    context.close()
    assert sizes[0] > sizes[1] and sizes[2] == "auto", sizes
