"""Every built page of every language, as a phone shows it: nothing scrolls sideways, and the
interface text read out by screen readers (aria-label, title, placeholder, alt) is in the page's language.

One walk over the site (one browser context, one tab, each page loaded once and
resized through the phone sizes) feeds all the checks, so they add little time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import material
import pytest
import yaml
from playwright.sync_api import Browser

from tests.demo.helpers import LANGUAGES, support_yaml
from tests.helpers import REPO

pytestmark = pytest.mark.browser

# Portrait phones (small Android, iPhone SE/mini, iPhone 12-15, large Android), then two landscapes.
SIZES = [(320, 640), (360, 640), (375, 667), (390, 844), (414, 896), (640, 360), (844, 390)]
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
# Attributes whose text an assistive technology reads, from the live page (scripts add some).
# A hidden form (Netlify's registration copy) is never shown or read.
INTERFACE_TEXT = """() => {
  const out = []
  for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt], [aria-description], [aria-roledescription]")) {
    if (el.closest("form[hidden]")) continue
    for (const name of ["aria-label", "title", "placeholder", "alt", "aria-description", "aria-roledescription"]) {
      const value = el.getAttribute(name)
      if (value && /\\p{L}/u.test(value)) out.push([name, value.trim()])
    }
  }
  return out
}"""


@dataclass
class Walk:
    pages: list[str] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)  # "<path> at <w>x<h>: <n> px too wide"
    texts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # path -> (attribute, text)


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
            result.texts[path] = [tuple(pair) for pair in page.evaluate(INTERFACE_TEXT)]
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


def language_of(path: str) -> str:
    first = path.split("/")[0]
    return first if first in LANGUAGES[1:] else LANGUAGES[0]


def known_strings(languages: tuple[str, ...]) -> dict[str, set[str]]:
    """Each language's interface texts: the generator's defaults, the site's ui-strings.yml and
    Material's translation of its own controls."""
    known: dict[str, set[str]] = {language: set() for language in languages}

    def add(language: str, text: object) -> None:
        forms = text.values() if isinstance(text, dict) else [text]
        known.setdefault(language, set()).update(str(form) for form in forms)

    for language in languages:
        defaults = REPO / "generator" / "ui-strings" / f"{language}.yml"
        for text in (yaml.safe_load(defaults.read_text(encoding="utf-8")) or {}).values():
            add(language, text)
    for values in (yaml.safe_load((REPO / "ui-strings.yml").read_text(encoding="utf-8")) or {}).values():
        for language, text in values.items():
            add(language, text)
    partials = Path(material.__file__).parent / "templates" / "partials" / "languages"
    for language in languages:
        source = (partials / f"{language}.html").read_text(encoding="utf-8")
        known[language].update(json.loads(f'"{text}"') for text in re.findall(r'^\s*"[\w.]+": "((?:[^"\\]|\\.)*)"', source, re.M))
    return known


def foreign_texts(texts: dict[str, list[tuple[str, str]]], known: dict[str, set[str]], names: set[str]) -> list[str]:
    """Texts of another language on a page: one that is another language's interface text and not
    this language's, or one that is the same on the pages of every language (one text configured
    for all of them) and is not a name."""
    by_text: dict[str, set[str]] = {}
    for path, pairs in texts.items():
        for _, text in pairs:
            by_text.setdefault(text, set()).add(language_of(path))
    found = set()
    for path, pairs in texts.items():
        here = language_of(path)
        for attribute, text in pairs:
            others = [lang for lang in known if lang != here and text in known[lang]]
            if others and text not in known[here]:
                found.add(f"/{path} {attribute}={text!r}: {', '.join(others)} text on a {here} page")
            elif len(by_text[text]) == len(known) and text not in names:
                found.add(f"/{path} {attribute}={text!r}: the same on the pages of every language")
    return sorted(found)


def test_interface_text_is_in_the_pages_language(demo_walk):
    names = {support_yaml()["brand"]}
    assert sum(len(pairs) for pairs in demo_walk.texts.values()) > 10 * len(demo_walk.pages)
    assert foreign_texts(demo_walk.texts, known_strings(LANGUAGES), names) == []
