"""Generator test in the browser: a Kazakh page's search finds a Kazakh word typed as players type it."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import serve
from tests.browser.search_ui import WATCH, open_search, result_links, type_query
from tests.generator_site import Language, SiteSpec, build, write_site

CHAT = {"id": "desk", "kind": "chat", "contact": {"type": "url", "value": "https://desk.example/chat"}, "hours": "always",
        "first_reply_minutes": [1, 5]}
KAZAKH = Language("kk", "Қазақша", faq_question="Құпия сөзді ұмыттым, не істеймін?",
                  faq_answer="Кіру бетінде «Құпия сөзді қалпына келтіру» сілтемесін басыңыз.")
GEORGIAN = Language("ka", "ქართული", faq_question="პაროლი დამავიწყდა, რა ვქნა?", faq_answer="შესვლის გვერდზე დააჭირეთ ბმულს „პაროლის აღდგენა“.")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory) -> Iterator[str]:
    spec = SiteSpec("Orbis", "Asia/Almaty", [Language("en", "English"), KAZAKH, GEORGIAN], [CHAT])
    root = write_site(tmp_path_factory.mktemp("orbis"), spec)
    result = build(root)
    assert result.returncode == 0, result.output
    server, url = serve(root / "site")
    yield url
    server.shutdown()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.add_init_script(WATCH)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("language", "typed"), [
    ("kk", "құпия сөзді"),  # as written
    ("kk", "КУПИЯ СОЗДИ"),  # a Russian layout, in capitals
    ("ka", "პაროლი"),
])
def test_a_word_of_the_page_language_finds_its_faq(page, site_url, language, typed):
    page.goto(f"{site_url}{language}/contact/")
    open_search(page)
    type_query(page, typed)
    links = result_links(page)
    assert links and urlparse(links[0]).path == f"/{language}/faq/", links
