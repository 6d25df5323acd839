"""Plain dictionaries that the templates render: support data in one language."""

from __future__ import annotations

from collections.abc import Callable

from .formatting import format_duration, format_hours, format_percent_at_least, language_cell
from .support_model import Channel, SupportData
from .ui_strings import Strings

UrlFor = Callable[[str], str]  # article id -> URL relative to the current page


def contact_link(channel: Channel, language: str, strings: Strings, url_for: UrlFor) -> dict[str, str]:
    """The href and visible text that contact a channel; its kind decides which."""
    value = channel.contact_value
    if channel.kind == "email":
        return {"href": f"mailto:{value}", "text": value}
    if channel.kind == "phone":
        return {"href": tel_href(value), "text": value}
    if channel.kind == "faq":
        return {"href": url_for(value), "text": strings.get("open_article", language)}
    return {"href": value, "text": web_action_text(channel, language, strings)}


def tel_href(number: str) -> str:
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def web_action_text(channel: Channel, language: str, strings: Strings) -> str:
    """The button text of a channel reached by a web link: chat, messenger or another page."""
    if channel.kind == "messenger":
        return strings.get("open_messenger", language).format(name=channel.name[language])
    return strings.get("open_link" if channel.kind == "link" else "open_chat", language)


def channel_rows(data: SupportData, language: str, strings: Strings, url_for: UrlFor) -> list[dict[str, object]]:
    zone = data.timezone_label[language]
    return [
        {
            "id": c.id,
            "name": c.name[language],
            "hours": format_hours(c, language, strings, zone),
            "first_reply": format_duration(c.first_reply, language, strings),
            "best_for": c.best_for[language],
            "languages": language_cell(c.languages, language, strings.language_overrides(language)),
            "contact": contact_link(c, language, strings, url_for),
            "kind": c.kind,
            "icon": c.icon_path,
        }
        for c in data.channels
    ]


def target_rows(data: SupportData, language: str, strings: Strings) -> list[dict[str, str]]:
    return [
        {
            "id": t.id,
            "name": t.name[language],
            "value": format_duration(t.minutes, language, strings) if t.minutes else format_percent_at_least(t.percent_at_least or 0, language, strings),
            "meaning": t.meaning[language],
        }
        for t in data.targets
    ]


def document_rows(data: SupportData, language: str) -> list[dict[str, str]]:
    return [{"id": d.id, "name": d.name[language], "description": d.description[language]} for d in data.documents]


def level_rows(data: SupportData, language: str, strings: Strings) -> list[dict[str, str]]:
    return [
        {"id": lv.id, "name": lv.name[language], "role": lv.role[language], "timeframe": format_duration(lv.minutes, language, strings) if lv.minutes else ""}
        for lv in data.escalation
    ]
