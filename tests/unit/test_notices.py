"""Service notices in support.yml: checked like the rest of the file, active by the service clock."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from helpcenter.notices import build_moment, notice_views
from helpcenter.support_data import SupportDataError, load_support_data

# A service unlike the demo: two languages, another zone, one channel and one problem.
BASE = """\
brand: Quokka Games
timezone: Europe/Berlin
timezone_label: {de: Berliner Zeit, fr: heure de Berlin}
channels:
  - id: mail
    name: {de: E-Mail, fr: Courriel}
    contact: {type: email, value: "help@quokka.example"}
    hours: always
    first_reply_minutes: [30, 600]
    languages: [de, fr]
    best_for: {de: Alles, fr: Tout}
  - id: hotline
    name: {de: Hotline, fr: Hotline}
    contact: {type: phone, value: "+49 30 1234 5678"}
    hours: [{days: [mon, tue, wed, thu, fri], open: "09:00", close: "17:00"}]
    first_reply_minutes: [0, 5]
    languages: [de]
    best_for: {de: Eiliges, fr: Urgences}
targets:
  - id: reply
    name: {de: Antwort, fr: Réponse}
    minutes: [30, 600]
    meaning: {de: Erste Antwort, fr: Première réponse}
documents:
  - id: receipt
    name: {de: Beleg, fr: Reçu}
    description: {de: Der Kaufbeleg, fr: Le reçu d'achat}
escalation:
  - id: agent
    name: {de: Team, fr: Équipe}
    role: {de: Hilft, fr: Aide}
    minutes: [1, 60]
problems:
  - id: refund
    label: {de: Erstattung, fr: Remboursement}
    channels: [mail]
    documents: []
    escalation: false
    article: refunds
  - id: login
    label: {de: Anmeldung, fr: Connexion}
    channels: [hotline]
    documents: []
    escalation: false
    article: login
"""

NOTICE = """\
notices:
  - id: refunds-slow
    severity: outage
    title: {de: Erstattungen verzögert, fr: Remboursements retardés}
    text: {de: "Bis 18:00 Berliner Zeit.", fr: "Jusqu'à 18 h, heure de Berlin."}
    start: 2027-03-01 14:00
    end: 2027-03-01 18:00
    problems: [refund]
"""


def load(tmp_path, text):
    path = tmp_path / "support.yml"
    path.write_text(text, encoding="utf-8")
    return load_support_data(path, ("de", "fr"))


def errors(tmp_path, text) -> list[str]:
    with pytest.raises(SupportDataError) as caught:
        load(tmp_path, text)
    return [str(e) for e in caught.value.errors]


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


def test_a_notice_is_read_in_the_service_time_zone(tmp_path):
    data = load(tmp_path, BASE + NOTICE)
    (notice,) = data.notices
    zone = ZoneInfo("Europe/Berlin")
    assert notice.start == datetime(2027, 3, 1, 14, 0, tzinfo=zone)
    assert notice.start.isoformat() == "2027-03-01T14:00:00+01:00"
    assert notice.affects("refund", ["mail"]) and not notice.affects("login", ["hotline"])


def test_views_leave_out_past_notices_and_mark_the_active_one(tmp_path):
    data = load(tmp_path, BASE + NOTICE)
    zone = ZoneInfo("Europe/Berlin")
    before = notice_views(data.notices, "fr", datetime(2027, 3, 1, 13, 59, tzinfo=zone))
    during = notice_views(data.notices, "fr", datetime(2027, 3, 1, 14, 0, tzinfo=zone))
    after = notice_views(data.notices, "fr", datetime(2027, 3, 1, 18, 0, tzinfo=zone))
    assert [v["active"] for v in before] == [False] and before[0]["title"] == "Remboursements retardés"
    assert [v["active"] for v in during] == [True]
    assert after == []


def test_the_build_moment_comes_from_the_environment():
    zone = ZoneInfo("Europe/Berlin")
    assert build_moment(zone, date(2027, 3, 1), {"HELPCENTER_NOW": "2027-03-01T15:30"}) == datetime(2027, 3, 1, 15, 30, tzinfo=zone)
    assert build_moment(zone, date(2001, 1, 2), {}) == datetime(2001, 1, 2, 12, 0, tzinfo=zone)
    with pytest.raises(ValueError, match="HELPCENTER_NOW='soon'"):
        build_moment(zone, date(2027, 3, 1), {"HELPCENTER_NOW": "soon"})


def test_an_end_before_the_start_is_an_error_at_its_line(tmp_path):
    text = BASE + NOTICE.replace("end: 2027-03-01 18:00", "end: 2027-03-01 13:00")
    assert errors(tmp_path, text) == [
        f"Error in 'support.yml', line {line_of(text, '    end: 2027-03-01 13:00')}: notices[0].end: ends (2027-03-01 13:00) "
        "before or when it starts (2027-03-01 14:00). Put the end after the start."
    ]


def test_unknown_problems_and_channels_are_named(tmp_path):
    text = BASE + NOTICE.replace("problems: [refund]", "problems: [refnd]\n    channels: [chat]")
    found = errors(tmp_path, text)
    assert found == [
        f"Error in 'support.yml', line {line_of(text, '    problems: [refnd]')}: notices[0].problems[0]: unknown problem 'refnd'. Use one of: login, refund.",
        f"Error in 'support.yml', line {line_of(text, '    channels: [chat]')}: notices[0].channels[0]: unknown channel 'chat'. Use one of: hotline, mail.",
    ]


def test_every_language_needs_its_text(tmp_path):
    text = BASE + NOTICE.replace('fr: "Jusqu\'à 18 h, heure de Berlin."}', "}").replace('"Bis 18:00 Berliner Zeit.", }', '"Bis 18:00 Berliner Zeit."}')
    line = line_of(text, '    text: {de: "Bis 18:00 Berliner Zeit."}')
    assert errors(tmp_path, text) == [
        f"Error in 'support.yml', line {line}: notices[0].text: no text for language 'fr'. "
        "Add `fr: ...` (every site language needs one)."
    ]


@pytest.mark.parametrize(("old", "new", "message"), [
    ("severity: outage", "severity: panic", "notices[0].severity: \"panic\" is not one of info, warning, outage."),
    ("start: 2027-03-01 14:00", "start: tomorrow", "notices[0].start: \"tomorrow\" is not a local time in the service time zone, written YYYY-MM-DD HH:MM."),
    ("start: 2027-03-01 14:00", "start: 2027-02-30 14:00", "notices[0].start: '2027-02-30 14:00' is not a real date and time. Write YYYY-MM-DD HH:MM in Europe/Berlin time."),
])
def test_bad_values_get_one_error_each(tmp_path, old, new, message):
    text = BASE + NOTICE.replace(old, new)
    assert errors(tmp_path, text) == [f"Error in 'support.yml', line {line_of(text, '    ' + new)}: {message}"]
