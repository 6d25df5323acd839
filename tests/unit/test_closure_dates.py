"""The widget's closure days: runs of consecutive days read as one span, in CLDR's forms per language."""

from __future__ import annotations

from datetime import date

import pytest

from helpcenter.contact_router import closure_dates, closure_spans

HOLIDAYS = [date(2027, 3, 21), date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 2), date(2027, 3, 20)]


def test_consecutive_days_become_one_span_across_a_year_end():
    assert closure_spans(HOLIDAYS) == [(date(2026, 12, 31), date(2027, 1, 2)), (date(2027, 3, 20), date(2027, 3, 21))]


def test_a_lone_day_and_a_repeated_day_stay_single():
    assert closure_spans([date(2027, 5, 9), date(2027, 5, 9), date(2027, 5, 11)]) == [(date(2027, 5, 9), date(2027, 5, 9)), (date(2027, 5, 11), date(2027, 5, 11))]


THIN = "\u2009"  # CLDR's spacing around the range dash, where the language uses one


@pytest.mark.parametrize(("language", "expected"), [
    ("az", f"31 dek{THIN}–{THIN}2 yan, 20–21 mar"),
    ("ru", "31 дек. – 2 янв., 20–21 мар."),
    ("en", f"Dec 31{THIN}–{THIN}Jan 2, Mar 20{THIN}–{THIN}21"),
    ("de", f"31. Dez.{THIN}–{THIN}2. Jan., 20.–21. März"),
])
def test_spans_read_in_the_pages_language(language, expected):
    assert closure_dates(HOLIDAYS, language) == expected


def test_closures_a_year_apart_or_more_keep_their_years():
    assert closure_dates([date(2030, 1, 1), date(2030, 5, 9), date(2031, 1, 1)], "en") == "1 January 2030, 9 May 2030, 1 January 2031"
