"""MkDocs hook: "Was this helpful?" under articles, its thank-you pages, and service notices.

Thin entry points; the logic is in helpcenter.notices and helpcenter.feedback_pages.
Settings (mkdocs.yml, extra.helpcenter): `record_searches: false` stops recording
searches without results and problem types picked in the contact widget.
"""

from __future__ import annotations

import os
from datetime import datetime
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from helpcenter import cached
from helpcenter.build_date import today
from helpcenter.feedback_pages import THANKS_TEMPLATE, home_path, takes_feedback, thanks_path, thanks_relative
from helpcenter.notices import build_moment, notice_views
from helpcenter.site_config import SiteConfig, site_config


class _State:
    site: SiteConfig
    moment: datetime
    record_searches: bool = True
    thanks: dict[str, str] = {}  # language -> rendered thank-you page


_state = _State()


@event_priority(-110)  # after mkdocs-static-i18n has set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_config(config)
    if site.current == site.default:
        _state.thanks = {}
    data = cached.support_data(site.support_file, site.languages)  # hooks/support_content.py reports its errors
    try:
        _state.moment = build_moment(ZoneInfo(data.timezone), today())
    except ValueError as e:
        raise PluginError(str(e)) from None
    settings = config.extra.get("helpcenter", {}) or {}
    _state.site, _state.record_searches = site, settings.get("record_searches", True) is not False
    config.theme.static_templates.add(THANKS_TEMPLATE)
    return config


def _common(context: dict, base_url: str) -> dict:
    site = _state.site
    data = cached.support_data(site.support_file, site.languages)
    context["hc_notices"] = notice_views(data.notices, site.current, _state.moment)
    context["hc_record_searches"] = _state.record_searches
    return context


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    site = _state.site
    article_id = page.meta.get("id")
    if takes_feedback(article_id):
        context["hc_feedback"] = {"action": thanks_path(config.site_url, site.current, site.default),
                                  "article": article_id, "language": site.current}
    return _common(context, config.site_url or "/")


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name not in ("404.html", THANKS_TEMPLATE):
        return context
    site = _state.site
    if template_name == THANKS_TEMPLATE:
        strings = cached.strings(site.strings_file, site.languages).for_language(site.current)
        context["hc_strings"] = strings
        context["hc_feedback_home"] = home_path(config.site_url, site.current, site.default)
        context["hc_feedback_thanks"] = thanks_path(config.site_url, site.current, site.default)
        context["hc_seo"] = {"description": strings["feedback_thanks"], "og_url": urljoin(config.site_url or "", context["hc_feedback_thanks"]) or None, "json_ld": []}
        # Rendered as a static template at the site's root, then moved to <lang>/feedback-thanks/:
        # its asset and link URLs must be relative to where it ends up.
        context["base_url"] = "/".join([".."] * thanks_relative(site.current, site.default).count("/"))
    return _common(context, config.site_url or "/")


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == THANKS_TEMPLATE:
        _state.thanks[_state.site.current] = output
    return output


@event_priority(-200)  # after every language is built (runs last for the default language)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Each language build wrote feedback-thanks.html over the last one: put each in its place."""
    if config.plugins["i18n"].building:
        return
    stray = os.path.join(config.site_dir, THANKS_TEMPLATE)
    if os.path.exists(stray):
        os.remove(stray)
    for language, html in _state.thanks.items():
        path = os.path.join(config.site_dir, thanks_relative(language, _state.site.default))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(html)
