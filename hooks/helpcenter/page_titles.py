"""Page, section and link titles as HTML, escaped once.

Material prints titles unescaped (MkDocs' Jinja environment does not autoescape):
the header, the navigation (sidebar, tabs, path, footer) and `<title>`. A title a
team writes (front matter `title:`, a nav entry, `nav_translations`) is plain
text, so it is turned into `Markup` here: Jinja prints it as it is, `| e` leaves
it alone, and escaping again is a no-op, so "Fees & limits" becomes
"Fees &amp; limits" exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from typing import Any

from markupsafe import Markup


def escaped(title: Any) -> Any:
    """A plain-text title as HTML; `None`, non-strings and titles already HTML stay as they are."""
    if isinstance(title, Markup) or not isinstance(title, str):
        return title
    return Markup.escape(title)


def escape_meta_title(meta: MutableMapping[str, Any]) -> None:
    """Front matter's `title:` (Material prints `page.meta.title` in the header and `<title>`)."""
    if "title" in meta:
        meta["title"] = escaped(meta["title"])


def escape_nav(items: Iterable[Any]) -> None:
    """Every section, link and page title of a navigation tree, children included."""
    for item in items:
        if getattr(item, "title", None) is not None:
            item.title = escaped(item.title)
        escape_nav(getattr(item, "children", None) or [])
