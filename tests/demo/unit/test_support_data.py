"""support.yml semantics the schema cannot express: hours, references, languages."""

from __future__ import annotations

import pytest

from helpcenter.support_data import SupportDataError, load_support_data
from tests.demo.helpers import LANGUAGES
from tests.helpers import REPO

BASE = (REPO / "support.yml").read_text(encoding="utf-8")
PHONE_HOURS = '''      - {days: [mon, tue, wed, thu, fri], open: "09:00", close: "18:00"}
      - {days: [sat], open: "10:00", close: "15:00"}'''


def load_with_hours(tmp_path, hours: str):
    path = tmp_path / "support.yml"
    path.write_text(BASE.replace(PHONE_HOURS, hours), encoding="utf-8")
    return load_support_data(path, LANGUAGES)


def test_demo_data_loads():
    data = load_support_data(REPO / "support.yml", LANGUAGES)
    assert [c.id for c in data.channels] == ["chat", "email", "phone", "faq"]


@pytest.mark.parametrize("hours", [
    '      - {days: [fri, sat], open: "22:00", close: "02:00", overnight: true}',
    '      - {days: [mon], open: "00:00", close: "24:00"}\n      - {days: [tue], open: "00:00", close: "12:00"}',
    '      - {days: [sun], open: "20:00", close: "06:00", overnight: true}\n      - {days: [mon], open: "09:00", close: "17:00"}',
])
def test_valid_hours_are_accepted(tmp_path, hours):
    assert load_with_hours(tmp_path, hours).channel("phone").openings


@pytest.mark.parametrize(("hours", "message"), [
    ('      - {days: [mon], open: "22:00", close: "02:00"}', "add `overnight: true`"),
    ('      - {days: [mon], open: "09:00", close: "17:00", overnight: true}', "Remove `overnight: true`"),
    ('      - {days: [sun], open: "20:00", close: "06:00", overnight: true}\n      - {days: [mon], open: "05:00", close: "17:00"}', "overlaps hours[0] on mon"),
    ('      - {days: [mon, tue], open: "08:00", close: "20:00"}\n      - {days: [tue], open: "09:00", close: "10:00"}', "overlaps hours[0] on tue"),
    ('      - {days: [mon], open: "9:00", close: "17:00"}', "is not a time as HH:MM"),
    ('      - {days: [monday], open: "09:00", close: "17:00"}', "channels[2].hours[0].days[0]"),
])
def test_bad_hours_are_refused_with_their_line(tmp_path, hours, message):
    with pytest.raises(SupportDataError) as caught:
        load_with_hours(tmp_path, hours)
    error = caught.value.errors[0]
    assert message in error.message
    first_line = BASE[:BASE.index(PHONE_HOURS)].count("\n") + 1
    assert error.line in range(first_line, first_line + hours.count("\n") + 1)
