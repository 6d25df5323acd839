"""How support data reads in each language."""

from __future__ import annotations

import pytest

from helpcenter.formatting import NBSP, capitalize_first, format_duration, format_percent_at_least, language_cell, language_list
from helpcenter.placeholders import Placeholder
from helpcenter.support_model import Channel, SupportData
from helpcenter.support_render import SupportRenderer
from helpcenter.ui_strings import Strings
from helpcenter.views import channel_rows

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
    ((1, 5), "en", "1–5\u00a0minutes"),
    ((1, 1), "en", "1\u00a0minute"),
    ((60, 1440), "en", "1–24\u00a0hours"),
    ((1, 5), "ru", "1–5\u00a0минут"),
    ((1, 1), "ru", "1\u00a0минута"),
    ((60, 1440), "ru", "1–24\u00a0часа"),
    ((60, 300), "ru", "1–5\u00a0часов"),
    ((1, 2), "ru", "1–2\u00a0минуты"),
    ((1440, 4320), "az", "24–72\u00a0saat"),
    ((2, 15), "tr", "2–15\u00a0dakika"),
    ((0, 0), "en", "instant"),
    ((0, 0), "az", "dərhal"),
    ((30, 120), "en", "30\u00a0minutes – 2\u00a0hours"),
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


def test_no_line_break_between_a_number_and_its_unit():
    assert format_duration((1440, 4320), "ru", STRINGS).split(NBSP) == ["24–72", "часа"]


# Language names: the case CLDR gives mid-sentence (ru, az lower-case; en, tr capitalised), only the
# first letter of a list that starts a table cell upper-cased, and a language's own spelling on top.
@pytest.mark.parametrize(("codes", "language", "overrides", "cell", "prose"), [
    (("az", "en", "ru"), "ru", {}, "Азербайджанский, английский, русский", "азербайджанский, английский и русский"),
    (("en", "ru"), "az", {}, "İngilis, rus", "ingilis və rus"),
    (("az", "ru", "en"), "az", {"az": "Azərbaycan"}, "Azərbaycan, rus, ingilis", "Azərbaycan, rus və ingilis"),
    (("tr", "en"), "tr", {}, "Türkçe, İngilizce", "Türkçe ve İngilizce"),
    (("ru", "en"), "en", {}, "Russian, English", "Russian and English"),
])
def test_language_names_keep_their_case_inside_a_list(codes, language, overrides, cell, prose):
    assert language_cell(codes, language, overrides) == cell
    assert language_list(codes, language, overrides) == prose


# What a channel row needs besides durations: its hours and its button.
ROW_STRINGS = Strings({**STRINGS.table, "always_open": {"ru": "круглосуточно"}, "open_chat": {"ru": "Открыть чат"}})


def _channel(languages: tuple[str, ...]) -> SupportData:
    channel = Channel(id="desk", name={"ru": "Стойка"}, contact_type="url", contact_value="https://example.org/desk",
                      always_open=True, openings=(), closed_on=(), first_reply=(1, 5), languages=languages, best_for={"ru": "Всё"})
    return SupportData(file="support.yml", brand="Example", timezone="UTC", timezone_label={"ru": "UTC"},
                       channels=(channel,), targets=(), documents=(), escalation=(), problems=())


def test_the_channel_table_capitalises_only_the_first_language():
    # Each name used to be capitalised: "Английский, Русский" mid-list.
    row = channel_rows(_channel(("en", "ru", "kk")), "ru", ROW_STRINGS, lambda article: article)[0]
    assert row["languages"] == "Английский, русский, казахский"


def test_the_languages_placeholder_writes_a_channel_s_languages_as_prose():
    strings = Strings({**ROW_STRINGS.table, "language_names": {"ru": {"kk": "казахский язык"}}})
    render = SupportRenderer(_channel(("en", "ru", "kk")), strings, env=None, language="ru", url_for=lambda article: article)
    assert render(Placeholder("languages", "desk", 1, "{{ languages:desk }}")) == "английский, русский и казахский язык"
