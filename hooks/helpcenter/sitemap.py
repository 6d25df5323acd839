"""Which URL is which article in which language: sitemap entries, hreflang, canonical.

Only real translations count as alternates: a page that falls back to the
default language's text is not "the Russian version", so it is left out of the
sitemap and its canonical URL is the original's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from babel import Locale
from babel.core import get_global

X_DEFAULT = "x-default"


@dataclass(frozen=True)
class PageRecord:
    language: str  # the language build that wrote the page
    article_id: str
    url: str  # absolute
    source_language: str  # language of the Markdown file (differs on fallback pages)
    last_reviewed: date | None = None

    @property
    def is_translation(self) -> bool:
        return self.language == self.source_language


def versions(records: Iterable[PageRecord]) -> dict[str, dict[str, PageRecord]]:
    """article id -> language -> page, real translations only, in first-seen order."""
    found: dict[str, dict[str, PageRecord]] = {}
    for record in records:
        if record.is_translation:
            found.setdefault(record.article_id, {})[record.language] = record
    return found


def alternates(pages: dict[str, PageRecord], languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """(hreflang, URL) for every language an article exists in, then x-default (the default language)."""
    links = [(language, pages[language].url) for language in languages if language in pages]
    if languages[0] in pages:
        links.append((X_DEFAULT, pages[languages[0]].url))
    return links


def sitemap_urls(records: Iterable[PageRecord], languages: tuple[str, ...]) -> list[dict]:
    """One entry per real page, each listing all versions of its article (itself included)."""
    entries = []
    by_article = versions(records)
    for language in languages:
        for pages in by_article.values():
            page = pages.get(language)
            if page is None:
                continue
            entries.append({
                "loc": page.url,
                "lastmod": page.last_reviewed.isoformat() if page.last_reviewed else None,
                "alternates": alternates(pages, languages),
            })
    return entries


def canonical_url(record: PageRecord, originals: dict[str, dict[str, PageRecord]]) -> str:
    """A fallback page points search engines at the page whose text it shows."""
    if record.is_translation:
        return record.url
    original = originals.get(record.article_id, {}).get(record.source_language)
    return original.url if original else record.url


@lru_cache(maxsize=64)  # babel's Locale.parse costs ~1 ms and every page asks for up to four
def og_locale(language: str) -> str:
    """Open Graph locale (language_TERRITORY) from CLDR's likely subtags, e.g. az -> az_AZ."""
    likely = get_global("likely_subtags").get(language, language)
    locale = Locale.parse(likely)
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language
