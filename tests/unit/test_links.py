"""Links found in Markdown, with lines, and where they lead."""

from __future__ import annotations

import pytest

from helpcenter.links import Destination, destination, extract_links, html_ids, relative_link

LANGUAGES = ("az", "en", "ru", "tr")
SITE = "https://help.kvitka.example/"


def test_links_with_their_lines():
    body = "\n".join([
        "See [fees](payments.md#fees) and ![logo](logo.png).",       # 10
        "[ref]: <faq.md#how-do-i> 'Title'",                           # 11
        '<a href="contact.md">contact</a> and <a href=\'#top\'>up</a>',  # 12
        "Code `[not](a-link.md)` here, then [yes](escalation.md \"t\").",  # 13
        "```",                                                         # 14
        "[inside](fence.md)",                                         # 15
        "```",                                                         # 16
        "Escaped &amp; [a](x.md?v=1&amp;w=2) {{ contact:chat }} [p]({{ x }})",  # 17
    ])
    found = [(link.target, link.line) for link in extract_links(body, 10)]
    assert found == [
        ("payments.md#fees", 10), ("logo.png", 10), ("faq.md#how-do-i", 11), ("contact.md", 12), ("#top", 12),
        ("escalation.md", 13), ("x.md?v=1&w=2", 17),
    ]


@pytest.mark.parametrize(("link", "language", "path", "expected"), [
    ("faq.md", "en", "payments.md", Destination("en", "faq.md", "", False)),
    ("faq.md#how-do-i", "ru", "payments.md", Destination("ru", "faq.md", "how-do-i", False)),
    ("../ru/faq.md", "en", "payments.md", Destination("ru", "faq.md", "", False)),
    ("../../tr/faq.md", "en", "guides/payments.md", Destination("tr", "faq.md", "", False)),
    ("../faq.md", "en", "guides/payments.md", Destination("en", "faq.md", "", False)),
    ("#%D0%B2%D1%8B%D0%B2%D0%BE%D0%B4", "ru", "payments.md", Destination("ru", None, "вывод", False)),
    ("/ru/faq/", "en", "payments.md", Destination("ru", "faq.md", "", True)),
    ("/faq/#x", "en", "payments.md", Destination("az", "faq.md", "x", True)),
    ("/en/", "tr", "faq.md", Destination("en", "index.md", "", True)),
    ("https://help.kvitka.example/tr/faq/index.html", "en", "faq.md", Destination("tr", "faq.md", "", True)),
    ("https://other.example/ru/faq/", "en", "faq.md", None),
    ("mailto:help@kvitka.example", "en", "faq.md", None),
    ("logo.png", "en", "faq.md", None),
    ("payments/", "en", "faq.md", None),  # URL-style: MkDocs' own validation reports it
    ("../../outside.md", "en", "faq.md", None),
])
def test_destination(link, language, path, expected):
    assert destination(link, language, path, LANGUAGES, SITE) == expected


def test_relative_link_and_ids():
    assert relative_link("payments.md", "faq.md", "how") == "faq.md#how"
    assert relative_link("guides/payments.md", "faq.md") == "../faq.md"
    page = '<h2 id="şifrə">Ş</h2><a name="old"></a><p id=\'x&amp;y\'></p><div data-id="no">'
    assert html_ids(page) == {"şifrə", "old", "x&y"}
