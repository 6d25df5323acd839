"""MkDocs hook: the home page's most asked questions and its way to contact support
(`hc_home`, shown by overrides/partials/helpcenter/home.html). Pages are all rendered before
any template, so the FAQ's headings are known when the home is laid out. Logic in `helpcenter.home`."""

from __future__ import annotations

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpcenter.home import SETTING, faq_questions, questions_setting

HOME, CONTACT = "home", "contact"  # article ids with a role (as in hooks/seo.py)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if page.meta.get("id") != HOME:
        return context
    try:
        setting = questions_setting((config.extra.get("helpcenter") or {}).get("home_questions"))
    except ValueError as e:
        raise PluginError(f"Error in 'mkdocs.yml': {e}") from None
    pages = {p.meta.get("id"): p for p in nav.pages}

    def href(target: Page, anchor: str = "") -> str:
        return get_relative_url(target.url, page.url) + anchor

    questions: list[dict[str, str]] = []
    missing = [a for a in ((setting.source,) if setting.source else setting.articles) if a not in pages]
    # A page without an id has front matter that could not be read: that error is reported at
    # its cause, and the article missing here may be that one (one mistake, one error).
    unreadable = any(not p.meta.get("id") for p in nav.pages)
    if missing and setting.required and not unreadable:
        raise PluginError(f"Error in 'mkdocs.yml', {SETTING}: no article with id '{missing[0]}'. "
                          "Name an article's `id:` from its front matter, or remove the setting.")
    if setting.source and setting.source in pages:
        faq = pages[setting.source]
        questions = [{"title": title, "href": href(faq, anchor)} for title, anchor in faq_questions(faq.toc, setting.count)]
    elif setting.articles:
        questions = [{"title": str(escape(pages[a].title)), "href": href(pages[a])} for a in setting.articles]  # HTML, as headings are
    context["hc_home"] = {"questions": questions, "contact": href(pages[CONTACT]) if CONTACT in pages else None}
    return context
