"""tests/routing_cases.json as Python objects: the schedules as support-data channels, the cases as rows."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from helpcenter.channel_kinds import KINDS
from helpcenter.support_model import WEEKDAYS, Channel, Opening
from tests.helpers import REPO

CASES_FILE = REPO / "tests" / "routing_cases.json"
TABLE = json.loads(CASES_FILE.read_text(encoding="utf-8"))


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def channel(raw: dict) -> Channel:
    always = raw["hours"] == "always"
    openings = () if always else tuple(
        Opening(tuple(WEEKDAYS.index(d) for d in o["days"]), _minutes(o["open"]), _minutes(o["close"]), o.get("overnight", False))
        for o in raw["hours"]
    )
    return Channel(
        id=raw["id"], name={"en": raw["id"]}, contact_type=KINDS[raw["kind"]].contact, kind=raw["kind"], contact_value="x", always_open=always, openings=openings,
        closed_on=tuple(date.fromisoformat(d) for d in raw.get("closed_on", [])), first_reply=tuple(raw["first_reply"]),
        languages=("en",), best_for={"en": ""},
    )


SCHEDULES: dict[str, tuple[str, dict[str, Channel]]] = {
    name: (s["timezone"], {c["id"]: channel(c) for c in s["channels"]}) for name, s in TABLE["schedules"].items()
}


@dataclass(frozen=True)
class Case:
    name: str
    schedule: str
    channels: tuple[str, ...]
    urgent: bool
    at: datetime
    expect: tuple[tuple[str, bool, datetime | None], ...]  # id, open, next opening


def _expected(row: list) -> tuple[str, bool, datetime | None]:
    if row[1] == "open":
        return row[0], True, None
    return row[0], False, datetime.fromisoformat(row[2]) if row[2] else None


CASES = [
    Case(c["name"], c["schedule"], tuple(c["channels"]), c["urgent"], datetime.fromisoformat(c["at"]), tuple(_expected(r) for r in c["expect"]))
    for c in TABLE["cases"]
]
