"""The contact-routing widget and the "Still need help?" block as plain data for their templates.

The build renders every problem type in full (the page works without JavaScript);
`router_model` is the JSON the browser script routes with (see routing.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from urllib.parse import quote

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from markupsafe import Markup

from .formatting import weekday_names
from .routing import route_without_clock, schedule_json
from .support_model import Channel, Problem, SupportData
from .ui_strings import Strings
from .views import UrlFor, channel_rows, document_rows, level_rows, tel_href, web_action_text

TitleFor = Callable[[str], str]  # article id -> its title in this language

# Interface text the browser script needs (the rest is already in the page).
SCRIPT_STRINGS = ("router_open_now", "router_closed_now", "router_opens", "router_your_time", "router_recommended")
SCRIPT_PLURALS = {"minute": "router_in_minutes", "hour": "router_in_hours", "day": "router_in_days"}


def embed_json(value: object) -> Markup:
    """JSON as inert page text (in a <template>): with no "<", ">" or "&" left, it can neither open nor close a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def mail_subject(problem: Problem, language: str, strings: Strings) -> str:
    return strings.get("router_mail_subject", language).format(problem=problem.label[language])


def channel_action(channel: Channel, problem: Problem, language: str, strings: Strings, url_for: UrlFor, title_for: TitleFor) -> dict[str, str]:
    """The link that contacts a channel about this problem, by its kind: chat or messenger link, mailto with a subject, tel:, or an article."""
    value = channel.contact_value
    if channel.kind == "email":
        subject = quote(mail_subject(problem, language, strings), safe="")
        return {"href": f"mailto:{value}?subject={subject}", "text": strings.get("router_write_to", language).format(address=value)}
    if channel.kind == "phone":
        return {"href": tel_href(value), "text": strings.get("router_call", language).format(number=value)}
    if channel.kind == "faq":
        return {"href": url_for(value), "text": title_for(value)}
    return {"href": value, "text": web_action_text(channel, language, strings)}


def closures_text(channel: Channel, language: str, strings: Strings, since: date | None = None) -> str:
    """The days a channel is closed, from `since` on: a player has no use for last year's holidays."""
    days = [day for day in channel.closed_on if since is None or day >= since]
    if not days:
        return ""
    return strings.get("router_closed_dates", language).format(dates=closure_dates(days, language))


def closure_spans(days: Sequence[date]) -> list[tuple[date, date]]:
    """Consecutive days as one span: a phone screen has no room for five dates in a row."""
    spans: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        if spans and (day - spans[-1][1]).days == 1:
            spans[-1] = (spans[-1][0], day)
        else:
            spans.append((day, day))
    return spans


def closure_dates(days: Sequence[date], language: str) -> str:
    """Days and runs of days with CLDR's short month and range forms, e.g. az "31 dek – 2 yan, 20–21 mar".
    Only the coming closures are shown, so the year is left out unless they reach a year or more ahead."""
    spans = closure_spans(days)
    if spans and (spans[-1][1] - spans[0][0]).days >= 365:
        def full(day: date) -> str:
            return format_date(day, "d MMMM y", locale=language)
        return ", ".join(full(start) if start == end else f"{full(start)} – {full(end)}" for start, end in spans)
    return ", ".join(format_skeleton("MMMd", start, locale=language) if start == end else format_interval(start, end, "MMMd", locale=language)
                     for start, end in spans)


def problem_views(
    data: SupportData, problem_ids: Sequence[str], language: str, strings: Strings, url_for: UrlFor, title_for: TitleFor,
    since: date | None = None,
) -> list[dict[str, object]]:
    """Each problem type with its channels (recommended first), documents, escalation and article."""
    rows = {row["id"]: row for row in channel_rows(data, language, strings, url_for)}
    documents = {row["id"]: row for row in document_rows(data, language)}
    levels = level_rows(data, language, strings)
    contact = url_for("contact")
    views = []
    for problem_id in problem_ids:
        problem = data.problem(problem_id)
        channels = [data.channel(c) for c in problem.channels]
        order = route_without_clock(channels)
        views.append({
            "id": problem.id,
            "label": problem.label[language],
            "channels": [
                {
                    **rows[c.id],
                    "always_open": c.always_open,
                    "closures": closures_text(c, language, strings, since),
                    "action": channel_action(c, problem, language, strings, url_for, title_for),
                }
                for c in sorted(channels, key=lambda c: order.index(c.id))
            ],
            "documents": [documents[d] for d in problem.documents],
            "levels": levels if problem.escalation else [],
            "article": {"href": url_for(problem.article), "title": title_for(problem.article)},
            "contact_href": f"{contact}?problem={quote(problem.id)}#problem-{quote(problem.id)}",
        })
    return views


def router_model(data: SupportData, problem_ids: Sequence[str], language: str, strings: Strings) -> dict[str, object]:
    """The routing data and text the browser script reads from the page."""
    problems = {p: list(data.problem(p).channels) for p in problem_ids}
    used = {c for ids in problems.values() for c in ids}
    text: dict[str, object] = {key.removeprefix("router_"): strings.get(key, language) for key in SCRIPT_STRINGS}
    text["in"] = {unit: strings.table[key][language] for unit, key in SCRIPT_PLURALS.items()}
    return {
        "lang": language,
        "tz": data.timezone,
        "zone": data.timezone_label[language],
        "days": weekday_names(language, strings),
        "months": [Locale.parse(language).months["format"]["wide"][m] for m in range(1, 13)],
        "problems": problems,
        "channels": {c.id: schedule_json(c) for c in data.channels if c.id in used},
        "t": text,
    }
