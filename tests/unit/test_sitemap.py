"""Which URL is which article in which language."""

from __future__ import annotations

from datetime import date

import pytest

from helpcenter.sitemap import PageRecord, alternates, canonical_url, og_locale, sitemap_urls, versions

LANGS = ("az", "en", "ru")
SITE = "https://help.example/"


def record(language: str, article: str, source: str | None = None, reviewed: date | None = None) -> PageRecord:
    prefix = "" if language == "az" else f"{language}/"
    return PageRecord(language, article, f"{SITE}{prefix}{article}/", source or language, reviewed)


# "faq" exists in az and en; ru falls back to the Azerbaijani text.
RECORDS = [
    record("az", "faq", reviewed=date(2026, 11, 20)), record("az", "pay"),
    record("en", "faq"), record("en", "pay"),
    record("ru", "faq", source="az"), record("ru", "pay"),
]


def test_fallback_pages_are_not_translations():
    found = versions(RECORDS)
    assert set(found["faq"]) == {"az", "en"}
    assert set(found["pay"]) == {"az", "en", "ru"}


def test_alternates_list_every_language_then_x_default():
    assert alternates(versions(RECORDS)["pay"], LANGS) == [
        ("az", f"{SITE}pay/"), ("en", f"{SITE}en/pay/"), ("ru", f"{SITE}ru/pay/"), ("x-default", f"{SITE}pay/"),
    ]


def test_sitemap_has_each_real_page_once_with_symmetric_alternates():
    urls = sitemap_urls(RECORDS, LANGS)
    locs = [u["loc"] for u in urls]
    assert locs == [f"{SITE}faq/", f"{SITE}pay/", f"{SITE}en/faq/", f"{SITE}en/pay/", f"{SITE}ru/pay/"]
    for url in urls:
        links = dict(url["alternates"])
        assert url["loc"] in links.values()
        for other in urls:
            if other["loc"] in links.values():
                assert dict(other["alternates"]) == links
    assert urls[0]["lastmod"] == "2026-11-20" and urls[1]["lastmod"] is None


def test_a_fallback_page_is_canonical_to_the_text_it_shows():
    originals = versions(RECORDS)
    assert canonical_url(RECORDS[4], originals) == f"{SITE}faq/"
    assert canonical_url(RECORDS[5], originals) == f"{SITE}ru/pay/"


@pytest.mark.parametrize(("language", "expected"), [("az", "az_AZ"), ("en", "en_US"), ("ru", "ru_RU"), ("tr", "tr_TR")])
def test_open_graph_locales(language, expected):
    assert og_locale(language) == expected
