"""Routing decisions in Python over the shared case table, and the data the page embeds for the script."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from helpcenter.contact_router import embed_json
from helpcenter.routing import route, route_without_clock, schedule_json
from tests.unit.routing_table import CASES, SCHEDULES, Case


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_routing_case(case: Case):
    zone, channels = SCHEDULES[case.schedule]
    states = route([channels[i] for i in case.channels], zone, case.at, urgent=case.urgent)
    assert [(s.id, s.open, s.next_open) for s in states] == list(case.expect)


def test_the_table_covers_what_the_issue_names():
    names = " ".join(c.name for c in CASES)
    for topic in ("overnight", "holiday", "spring forward", "fall back", "sunday into monday", "urgent", "new york"):
        assert topic in names.lower(), topic
    assert len(CASES) >= 30


def test_the_answer_does_not_depend_on_how_the_instant_is_written():
    zone, channels = SCHEDULES["baku"]
    local = datetime.fromisoformat("2026-12-01T03:00:00+04:00")
    utc = local.astimezone(UTC)
    picked = [channels["phone"], channels["chat"]]
    assert route(picked, zone, local) == route(picked, zone, utc)


def test_without_a_clock_a_24_7_channel_goes_first():
    _, channels = SCHEDULES["baku"]
    assert route_without_clock([channels["phone"], channels["email"], channels["chat"]]) == ["email", "phone", "chat"]
    assert route_without_clock([channels["chat"], channels["phone"]]) == ["chat", "phone"]
    _, night = SCHEDULES["night"]
    assert route_without_clock([night["night-desk"], night["day-desk"]]) == ["night-desk", "day-desk"]


def test_schedule_json_carries_hours_closures_and_reply_times():
    _, channels = SCHEDULES["night"]
    assert schedule_json(channels["night-desk"]) == {
        "hours": [{"days": [4, 5, 6], "open": 22 * 60, "close": 2 * 60, "overnight": True}],
        "closed_on": ["2026-12-25", "2026-12-27"],
        "reply": [5, 30],
        "person": True,
    }
    _, baku = SCHEDULES["baku"]
    assert schedule_json(baku["faq"])["person"] is False
    assert schedule_json(baku["chat"])["hours"] == "always"


@pytest.mark.parametrize("hostile", ["</script><script>alert(1)</script>", "<!--", "a & b", "<b>x</b>", "\u2028'\""])
def test_embedded_json_cannot_close_the_script_element(hostile):
    text = str(embed_json({"name": hostile}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": hostile}
