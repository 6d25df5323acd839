"""Block widgets that articles place with {{ widget:NAME }}, and the "Still need help?" block."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .contact_router import TitleFor, embed_json, problem_views, router_model
from .notices import notice_views, widget_moment

if TYPE_CHECKING:
    from .support_render import SupportRenderer

def search_box(r: SupportRenderer) -> str:
    """The site search, as on the home page: one partial for both."""
    return r._render("search-box.html")


def widget_renderers(renderer: SupportRenderer, page_id: str | None, title_for: TitleFor) -> dict[str, Callable[[], str]]:
    return {"contact-router": lambda: contact_router(renderer, title_for), "search": lambda: search_box(renderer)}


def _link(r: SupportRenderer, title_for: TitleFor, role: str) -> dict[str, str] | None:
    """The article support.yml names for `role` under `articles:` (none: no link)."""
    article_id = r.data.linked_articles.get(role)
    if article_id is None:
        return None
    href = r.url_for(article_id)
    return None if href == "#" else {"href": href, "title": title_for(article_id)}


def contact_router(r: SupportRenderer, title_for: TitleFor) -> str:
    """The full widget: every problem type answered, plus the data the script routes with."""
    ids = [p.id for p in r.data.problems]
    return r._render(
        "contact-router.html",
        problems=_with_notices(r, problem_views(r.data, ids, r.language, r.strings, r.url_for, title_for, r.today)),
        documents_link=_link(r, title_for, "documents"),
        escalation_link=_link(r, title_for, "escalation"),
        model=embed_json(router_model(r.data, ids, r.language, r.strings)),
    )


def _with_notices(r: SupportRenderer, views: list[dict[str, object]]) -> list[dict[str, object]]:
    """Each problem's answer carries the notices about it or its channels (support.yml `notices:`)."""
    moment = widget_moment(r.data.timezone, r.today)
    for view in views:
        problem = r.data.problem(str(view["id"]))
        view["notices"] = notice_views(r.data.notices, r.language, moment, lambda n, p=problem: n.affects(p.id, p.channels))
        view["notice_label"] = r.strings.get("notice_label", r.language)
    return views


def help_block(r: SupportRenderer, problem_ids: Sequence[str], title_for: TitleFor) -> str:
    """The compact block for an article's problem types, the first one pre-set."""
    return r._render(
        "contact-help.html",
        problems=_with_notices(r, problem_views(r.data, problem_ids, r.language, r.strings, r.url_for, title_for, r.today)),
        model=embed_json(router_model(r.data, problem_ids, r.language, r.strings)),
    )
