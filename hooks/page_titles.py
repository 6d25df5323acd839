"""MkDocs hook: titles reach the HTML escaped once (Material prints them as they are).

Late on purpose: until every page is read (on_env), our hooks and the search
index take titles as the plain text the team wrote; only the templates get HTML.
The logic lives in `helpcenter.page_titles`.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from helpcenter.page_titles import escape_meta_title, escape_nav, escaped


class _Run:
    nav: Navigation | None = None


_run = _Run()


@event_priority(-200)  # after mkdocs-static-i18n's nav_translations (-100)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    _run.nav = nav
    return nav


@event_priority(-200)  # after every other hook's on_env: they read plain titles
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        page.title = escaped(page.title)  # weak_property: the value set here is the page's title from now on
        escape_meta_title(page.meta)
    if _run.nav is not None:
        escape_nav(_run.nav.items)
    return env
