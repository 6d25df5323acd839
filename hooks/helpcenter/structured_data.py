"""JSON-LD for search engines: the FAQ page's questions, the contact page's channels.

Plain dictionaries; the page template serializes them with `tojson`, which
escapes `<`, `>` and `&` so nothing in the data can end the script element.
"""

from __future__ import annotations

from collections.abc import Callable

from .faq import FaqEntry
from .formatting import format_clock
from .support_model import WEEKDAYS, Channel, SupportData

SCHEMA = "https://schema.org"
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
assert len(DAY_NAMES) == len(WEEKDAYS)


def faq_page(entries: list[FaqEntry], url: str, language: str) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "FAQPage",
        "url": url,
        "inLanguage": language,
        "mainEntity": [
            {"@type": "Question", "name": e.question, "acceptedAnswer": {"@type": "Answer", "text": e.answer}}
            for e in entries
        ],
    }


def contact_page(data: SupportData, language: str, url: str, home_url: str, article_url: Callable[[str], str | None]) -> dict:
    """The platform as an Organization with one ContactPoint per channel in support.yml."""
    return {
        "@context": SCHEMA,
        "@type": "ContactPage",
        "url": url,
        "inLanguage": language,
        "mainEntity": {
            "@type": "Organization",
            "name": data.brand,
            "url": home_url,
            "contactPoint": [contact_point(c, language, article_url) for c in data.channels],
        },
    }


def contact_point(channel: Channel, language: str, article_url: Callable[[str], str | None]) -> dict:
    point: dict = {"@type": "ContactPoint", "name": channel.name[language], "contactType": "customer support"}
    if channel.kind == "email":
        point["email"] = channel.contact_value
    elif channel.kind == "phone":
        point["telephone"] = channel.contact_value
    elif channel.contact_type == "article":
        url = article_url(channel.contact_value)
        if url:
            point["url"] = url
    else:
        point["url"] = channel.contact_value
    point["availableLanguage"] = list(channel.languages)
    point["hoursAvailable"] = opening_hours(channel)
    return point


def opening_hours(channel: Channel) -> list[dict]:
    """schema.org OpeningHoursSpecification: weekly hours, then closed days (opens = closes = 00:00)."""
    if channel.always_open:
        weekly = [_hours(range(7), "00:00", "23:59")]
    else:
        weekly = [_hours(o.days, format_clock(o.open), _closes(o.close)) for o in channel.openings]
    closed = [
        {"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00", "validFrom": day.isoformat(), "validThrough": day.isoformat()}
        for day in channel.closed_on
    ]
    return weekly + closed


def _hours(days, opens: str, closes: str) -> dict:
    return {"@type": "OpeningHoursSpecification", "dayOfWeek": [f"{SCHEMA}/{DAY_NAMES[d]}" for d in days], "opens": opens, "closes": closes}


def _closes(minutes: int) -> str:
    return "23:59" if minutes >= 24 * 60 else format_clock(minutes)
