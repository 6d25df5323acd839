"""What our hook gives templates: article URLs relative to each page, UI strings."""

from __future__ import annotations

import json

from tests.demo.helpers import ARTICLE_IDS
from tests.helpers import ui_texts


def test_templates_get_article_urls_relative_to_the_page(project):
    project.replace("overrides/main.html", "{% block extrahead %}\n  {{ super() }}",
                    "{% block extrahead %}\n  {{ super() }}\n"
                    "  {% if article_urls is defined %}\n"  # the 404 page has no page context
                    '  <meta name="test:payments" content="{{ article_urls[\'payments\'] }}">\n'
                    '  <meta name="test:has-faq" content="{{ \'faq\' in article_urls }}">\n'
                    '  <meta name="test:has-nothing" content="{{ \'no-such-article\' in article_urls }}">\n'
                    '  <meta name="test:count" content="{{ article_urls | length }}">\n'
                    "  {% endif %}")
    result = project.build()
    assert result.returncode == 0, result.output
    for path, expected in [("", "payments/"), ("en/account-security/", "../payments/"), ("ru/payments/", "./")]:
        page = result.page(path)
        assert page.find("meta", attrs={"name": "test:payments"})["content"] == expected, path
        assert page.find("meta", attrs={"name": "test:has-faq"})["content"] == "True"
        assert page.find("meta", attrs={"name": "test:has-nothing"})["content"] == "False"
        assert page.find("meta", attrs={"name": "test:count"})["content"] == str(len(ARTICLE_IDS))  # the home page has an id too


def test_still_need_help_speaks_the_page_language_and_stays_out_of_the_search_index(project):
    """The block sits after the text: an untranslated page's `lang` wrapper does not cover it,
    and Material's search does not index the same block on every article."""
    (project.root / "docs" / "ru" / "payments.md").unlink()
    result = project.build()
    assert result.returncode == 0, result.output
    page = result.page("ru/payments/")
    block = page.select_one('[data-contact-router="compact"]')
    assert block is not None
    assert page.select_one('article [lang="az"]') is not None  # the untranslated text
    assert block.find_parent(attrs={"lang": "az"}) is None
    assert block.parent is page.select_one("article")
    strings = ui_texts(project.root)
    index = json.loads((result.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert all(strings["help_title"][language] not in texts for language in ("az", "en", "ru", "tr"))
