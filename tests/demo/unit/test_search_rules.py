"""search_rules.json covers the demo's languages, and their stop words are written as normalization leaves them."""

from __future__ import annotations

import pytest

from helpcenter.search_text import load_rules, words
from tests.demo.helpers import LANGUAGES

RULES = load_rules()


def test_every_site_language_has_rules():
    assert set(LANGUAGES) <= set(RULES.languages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_stop_words_are_written_as_the_normalization_leaves_them(language):
    rules = RULES.language(language)
    for word in rules.stopwords:
        assert words(word, rules, RULES) == [word], word
