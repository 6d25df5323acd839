"""How support data reads in each language."""

from __future__ import annotations

import pytest

from helpcenter.formatting import capitalize_first, format_duration, format_percent_at_least
from helpcenter.ui_strings import Strings

# The texts these functions are given (a project's ui-strings.yml): the plural forms and order are theirs.
STRINGS = Strings({
    "instant": {"en": "instant", "ru": "мгновенно", "az": "dərhal", "tr": "anında"},
    "minute": {"en": {"one": "minute", "other": "minutes"}, "ru": {"one": "минута", "few": "минуты", "many": "минут", "other": "минуты"},
               "az": {"other": "dəqiqə"}, "tr": {"other": "dakika"}},
    "hour": {"en": {"one": "hour", "other": "hours"}, "ru": {"one": "час", "few": "часа", "many": "часов", "other": "часа"},
             "az": {"other": "saat"}, "tr": {"other": "saat"}},
    "percent_at_least": {"en": "{n}%+", "tr": "%{n}+"},
})


@pytest.mark.parametrize(("minutes", "language", "expected"), [
    ((1, 5), "en", "1–5 minutes"),
    ((1, 1), "en", "1 minute"),
    ((60, 1440), "en", "1–24 hours"),
    ((1, 5), "ru", "1–5 минут"),
    ((1, 1), "ru", "1 минута"),
    ((60, 1440), "ru", "1–24 часа"),
    ((60, 300), "ru", "1–5 часов"),
    ((1, 2), "ru", "1–2 минуты"),
    ((1440, 4320), "az", "24–72 saat"),
    ((2, 15), "tr", "2–15 dakika"),
    ((0, 0), "en", "instant"),
    ((0, 0), "az", "dərhal"),
    ((30, 120), "en", "30 minutes – 2 hours"),
])
def test_durations_read_naturally(minutes, language, expected):
    assert format_duration(minutes, language, STRINGS) == expected


def test_turkish_puts_the_percent_sign_first():
    assert format_percent_at_least(85, "tr", STRINGS) == "%85+"
    assert format_percent_at_least(85, "en", STRINGS) == "85%+"


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("ingilis", "az", "İngilis"), ("ingilizce", "tr", "İngilizce"), ("english", "en", "English"), ("ırmak", "tr", "Irmak"),
])
def test_capitalization_follows_the_language(text, language, expected):
    assert capitalize_first(text, language) == expected

