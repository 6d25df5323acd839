"""Generator test: the language menu of every page made from a template (not-found, feedback thanks) leads to each language's home.

Issue 12, case 9: the i18n plugin leaves the menu of the last page it rendered on the 404
pages, so choosing English on /ru/no-such-page/ landed on /en/<last article>/. The thank-you
pages had the same fault whenever MkDocs rendered them before the 404 page: the order of its
templates is a set's, so it changes with the hash seed; the site is built with two seeds that
give the two orders.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.generator_site import Language, SiteSpec, build, write_site

MAIL = {"id": "mail", "kind": "email", "contact": {"type": "email", "value": "help@kvitka.example"}, "hours": "always",
        "first_reply_minutes": [30, 120]}
SITE = SiteSpec("Kvitka", "Europe/Kyiv", [Language("uk", "Українська"), Language("de", "Deutsch"), Language("ka", "ქართული")],
                [MAIL], site_url="https://kvitka.example/help/")
HOMES = {"uk": "/help/", "de": "/help/de/", "ka": "/help/ka/"}


@pytest.fixture(scope="module", params=["0", "2"], ids=["404 first", "thanks first"])
def site(tmp_path_factory, request):
    root = write_site(tmp_path_factory.mktemp("kvitka"), SITE)
    for language in HOMES:  # an article that sorts last, whose page the menu used to keep
        (root / "docs" / language / "zz-last.md").write_text(
            f"---\nid: zz-last\ntitle: Last\ndescription: Last.\nlast_reviewed: 2026-11-20\n---\n\nLast page {language}.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8").replace("      - faq.md\n", "      - faq.md\n      - zz-last.md\n"),
                                     encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PYTHONHASHSEED", request.param)  # the build's subprocess takes it
        result = build(root)
    assert result.returncode == 0, result.output
    return root / "site"


@pytest.mark.parametrize("not_found", ["404.html", "de/404.html", "ka/404.html"])
def test_the_language_menu_of_a_not_found_page_leads_to_each_home(site, not_found):
    html = BeautifulSoup((site / not_found).read_text(encoding="utf-8"), "html.parser")
    menu = {link["hreflang"]: link["href"] for link in html.select("a.md-select__link")}
    assert menu == HOMES


@pytest.mark.parametrize("thanks", ["feedback-thanks/index.html", "de/feedback-thanks/index.html", "ka/feedback-thanks/index.html"])
def test_the_language_menu_of_a_thank_you_page_leads_to_each_home(site, thanks):
    html = BeautifulSoup((site / thanks).read_text(encoding="utf-8"), "html.parser")
    menu = {link["hreflang"]: link["href"] for link in html.select("a.md-select__link")}
    assert menu == HOMES


def test_an_article_keeps_its_own_language_menu(site):
    """The fix must not touch real pages: theirs lead to the same article in each language."""
    html = BeautifulSoup((site / "de" / "zz-last" / "index.html").read_text(encoding="utf-8"), "html.parser")
    menu = {link["hreflang"]: link["href"] for link in html.select("a.md-select__link")}
    assert menu == {"uk": "../../zz-last/", "de": "./", "ka": "../../ka/zz-last/"}
