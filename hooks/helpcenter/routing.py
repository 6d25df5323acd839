"""Which channel a player should use for a problem, now: pure decisions over support data.

The browser runs the same rules (overrides/assets/javascripts/contact-router.js);
tests/routing_cases.json holds the cases both sides must agree on.

Rules:
- a channel is open when `at` falls in one of its weekly ranges, read in the
  service time zone (daylight saving included: wall times go through zoneinfo,
  a time that does not exist or exists twice uses the offset before the change,
  like `fold=0`); an overnight range belongs to the day it opens;
- a date in `closed_on` cancels the ranges that open on that date (a range that
  opened the evening before still runs to its end);
- the recommendation is the first open channel in the data's order; when urgent,
  the open channel where a person replies fastest (longest first reply, then
  shortest, then the data's order); when nothing is open, the channel that opens
  soonest. A closed channel is never first while an allowed channel is open;
- the other channels follow in the data's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .support_model import Channel

HORIZON_DAYS = 380  # how far ahead to look for the next opening (a year of closures)


@dataclass(frozen=True)
class ChannelState:
    id: str
    open: bool
    next_open: datetime | None = None  # UTC; None when open now or never opening


def wall_time(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """`minutes` after midnight of `day` in `zone`, as a UTC instant (fold=0)."""
    naive = datetime.combine(day, time()) + timedelta(minutes=minutes)
    return naive.replace(tzinfo=zone).astimezone(UTC)


def channel_state(channel: Channel, at: datetime, zone: ZoneInfo) -> ChannelState:
    """Open or closed at `at` (aware), and if closed when it opens next."""
    if channel.always_open:
        return ChannelState(channel.id, True)
    now = at.astimezone(UTC)
    today = now.astimezone(zone).date()
    closed = set(channel.closed_on)
    next_open: datetime | None = None
    for offset in range(-1, HORIZON_DAYS):
        day = today + timedelta(days=offset)
        if day in closed:
            continue
        for opening in channel.openings:
            if day.weekday() not in opening.days:
                continue
            start = wall_time(day, opening.open, zone)
            end = wall_time(day + timedelta(days=1 if opening.overnight else 0), opening.close, zone)
            if start <= now < end:
                return ChannelState(channel.id, True)
            if start > now and (next_open is None or start < next_open):
                next_open = start
        if next_open is not None:  # later days only open later
            break
    return ChannelState(channel.id, False, next_open)


def _replies_in_person(channel: Channel) -> bool:
    return channel.person  # by kind: the FAQ (self-service) is never the urgent choice, whatever its id


def route(channels: Sequence[Channel], timezone: str, at: datetime, urgent: bool = False) -> list[ChannelState]:
    """The channels of one problem type, recommended first, then the rest in the data's order."""
    zone = ZoneInfo(timezone)
    states = [channel_state(c, at, zone) for c in channels]
    order = range(len(channels))
    open_ = [i for i in order if states[i].open]
    best: int | None = None
    if urgent:
        fast = [i for i in open_ if _replies_in_person(channels[i])]
        if fast:
            best = min(fast, key=lambda i: (channels[i].first_reply[1], channels[i].first_reply[0], i))
    if best is None and open_:
        best = open_[0]
    if best is None:
        never = datetime.max.replace(tzinfo=UTC)
        best = min(order, key=lambda i: (states[i].next_open or never, i))
    return [states[best]] + [states[i] for i in order if i != best]


def route_without_clock(channels: Sequence[Channel]) -> list[str]:
    """The order when the time is unknown (the page without JavaScript): only 24/7 is surely open."""
    ids = [c.id for c in channels]
    best = next((c.id for c in channels if c.always_open), ids[0])
    return [best] + [i for i in ids if i != best]


def schedule_json(channel: Channel) -> dict[str, object]:
    """What the browser script needs to route a channel (see contact-router.js `state`)."""
    hours: object = "always" if channel.always_open else [
        {"days": list(o.days), "open": o.open, "close": o.close, "overnight": o.overnight} for o in channel.openings
    ]
    return {
        "hours": hours,
        "closed_on": [d.isoformat() for d in channel.closed_on],
        "reply": list(channel.first_reply),
        "person": _replies_in_person(channel),
    }
