"""Service notices (support.yml `notices:`): checking them and deciding which are active.

A notice has a window in the service time zone; the page carries its start and
end as absolute instants, so the browser shows and hides it by the player's
clock (notices.js) without a rebuild. Without JavaScript, the notices active
when the site was built are the ones shown.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from .support_model import Localized

SEVERITIES = ("info", "warning", "outage")
NOW_VARIABLE = "HELPCENTER_NOW"  # YYYY-MM-DDTHH:MM in the service time zone: the build's moment (tests)


@dataclass(frozen=True)
class Notice:
    id: str
    severity: str
    title: Localized
    text: Localized
    start: datetime  # aware, in the service time zone
    end: datetime
    channels: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    def active_at(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    def affects(self, problem_id: str, problem_channels: Iterable[str]) -> bool:
        """On this problem's answer in the contact widget: named, or one of its channels is."""
        return problem_id in self.problems or any(c in self.channels for c in problem_channels)


def parse_local(text: str, zone: ZoneInfo) -> datetime:
    """'2026-12-02 14:00' (or with T) in the service time zone; ValueError if it is not one."""
    value = datetime.fromisoformat(str(text).strip().replace(" ", "T", 1))
    if value.tzinfo is not None:
        raise ValueError("has a UTC offset")
    return value.replace(tzinfo=zone)


def build_moment(zone: ZoneInfo, build_day: date, environ: dict[str, str] | None = None) -> datetime:
    """When the site is built, in the service zone: HELPCENTER_NOW, else now, else (HELPCENTER_TODAY) noon of that day."""
    env = os.environ if environ is None else environ
    if env.get(NOW_VARIABLE):
        try:
            return parse_local(env[NOW_VARIABLE], zone)
        except ValueError:
            raise ValueError(f"{NOW_VARIABLE}={env[NOW_VARIABLE]!r} is not a local time (YYYY-MM-DDTHH:MM).") from None
    now = datetime.now(zone)
    if now.date() == build_day:
        return now
    return datetime.combine(build_day, time(12, 0), zone)


def widget_moment(timezone: str, build_day: date | None) -> datetime:
    zone = ZoneInfo(timezone)
    return build_moment(zone, build_day or datetime.now(zone).date())


def notice_views(notices: Iterable[Notice], language: str, moment: datetime,
                 keep: Callable[[Notice], bool] = lambda n: True) -> list[dict[str, object]]:
    """What a template needs to show notices not yet over at build time, in one language."""
    return [
        {
            "id": n.id, "severity": n.severity, "title": n.title[language], "text": n.text[language],
            "start": n.start.isoformat(), "end": n.end.isoformat(), "active": n.active_at(moment),
        }
        for n in notices if n.end > moment and keep(n)
    ]
