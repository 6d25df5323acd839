"""Generator test in the browser: a help center's own synonyms and multi-word queries, through the split index.

A site unlike the demo (its own brand, languages, articles and synonyms.yml),
split into many small term shards so that a query's words and their synonyms
live in different shards, searched by typing into Material's box in Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import serve
from tests.browser.search_ui import WATCH, open_search, result_links, type_query
from tests.generator_site import Language, SiteSpec, build, page, write_site

pytestmark = pytest.mark.browser

DESK = {"id": "desk", "kind": "chat", "contact": {"type": "url", "value": "https://desk.example/chat"}, "hours": "always",
        "first_reply_minutes": [1, 5]}
ARTICLES = {
    # No article says "withdrawal" or "cash out": only the synonyms lead there.
    "payouts": ("Payouts", "## When it arrives\n\nYour payout reaches the card within a day. A payout over the limit waits for a check."),
    # Each of these holds one word of "phone number" as often as the other holds its own:
    # which comes first must not depend on the order the two words are typed in.
    "hotline": ("Hotline", "## Calls\n\nThe phone is answered at night. Keep the phone close; the phone rings twice."),
    "tickets": ("Tickets", "## Your ticket\n\nEach ticket gets a number. Quote the number; the number finds it."),
}
SYNONYMS = "en:\n  - [payout, withdrawal, cash out]\nuz:\n  - [yechib olish, payout]\n"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory) -> Iterator[str]:
    spec = SiteSpec("Kestrel", "Asia/Tashkent", [Language("uz", "Oʻzbekcha"), Language("en", "English")], [DESK])
    root = write_site(tmp_path_factory.mktemp("kestrel"), spec)
    (root / "synonyms.yml").write_text(SYNONYMS, encoding="utf-8")
    for code in ("uz", "en"):
        for article_id, (title, body) in ARTICLES.items():
            (root / "docs" / code / f"{article_id}.md").write_text(page(article_id, title, body), encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("      - faq.md\n", "      - faq.md\n" + "".join(f"      - {a}.md\n" for a in ARTICLES)),
                                     encoding="utf-8")
    # Shards of a few hundred bytes: a word, its prefix's terms and its synonyms come from different files.
    split = root / "hooks" / "helpcenter" / "search_split.py"
    split.write_text(re.sub(r"(?m)^SHARD_BYTES = [\d_]+", "SHARD_BYTES = 200", split.read_text(encoding="utf-8")), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    assert len(list((root / "site" / "search" / "en").glob("t*.json"))) > 5
    server, url = serve(root / "site")
    yield url
    server.shutdown()


@pytest.fixture
def page_(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.add_init_script(WATCH)
    yield context.new_page()
    context.close()


def articles(page: Page, site_url: str, language: str, typed: str) -> list[str]:
    page.goto(f"{site_url}{'' if language == 'uz' else language + '/'}faq/")  # uz: the default language, at the root
    open_search(page)
    type_query(page, typed)
    return [urlparse(link).path for link in result_links(page)]


@pytest.mark.parametrize("typed", ["withdrawal", "cash out", "Cash out"])
def test_a_synonym_of_the_sites_own_finds_the_article(page_, site_url, typed):
    assert articles(page_, site_url, "en", typed)[:1] == ["/en/payouts/"]


def test_synonyms_are_per_language(page_, site_url):
    # The uz pages carry the same (untranslated) text; only uz's own group leads to the article there.
    assert articles(page_, site_url, "uz", "yechib olish")[:1] == ["/payouts/"]
    assert articles(page_, site_url, "uz", "cash out") == []


def test_the_order_of_the_words_does_not_change_the_first_result(page_, site_url):
    one = articles(page_, site_url, "en", "phone number")
    other = articles(page_, site_url, "en", "number phone")
    assert one[:2] == other[:2] and set(one[:2]) == {"/en/hotline/", "/en/tickets/"}, (one, other)
