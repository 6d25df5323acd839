"""Block widgets that articles place with {{ widget:NAME }}."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .views import channel_rows, document_rows, level_rows

if TYPE_CHECKING:
    from .support_render import SupportRenderer


def widget_renderers(renderer: SupportRenderer, page_id: str | None) -> dict[str, Callable[[], str]]:
    return {"contact-router": lambda: contact_router(renderer), "search": lambda: search_box(renderer)}


def search_box(r: SupportRenderer) -> str:
    """The site search, as on the home page: one partial for both."""
    return r._render("search-box.html")


def contact_router(r: SupportRenderer) -> str:
    """Every problem type with its channels, documents and escalation."""
    channels = {row["id"]: row for row in channel_rows(r.data, r.language, r.strings, r.url_for)}
    documents = {row["id"]: row for row in document_rows(r.data, r.language)}
    problems = [
        {
            "id": p.id,
            "label": p.label[r.language],
            "channels": [channels[c] for c in p.channels],
            "documents": [documents[d] for d in p.documents],
            "escalation": p.escalation,
            "article": r.url_for(p.article),
        }
        for p in r.data.problems
    ]
    return r._render("contact-router.html", problems=problems, levels=level_rows(r.data, r.language, r.strings))
