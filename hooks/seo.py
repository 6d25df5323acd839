"""MkDocs hook: what search engines and link previews read.

Per page: canonical URL, description, Open Graph, JSON-LD (FAQPage on the FAQ,
ContactPoints on the contact page). Per site: sitemap.xml with hreflang
alternates and x-default (overrides/sitemap.xml), robots.txt, and one localized
404 page per language (the i18n plugin leaves only the last language's).
Thin entry points; the logic lives in `helpcenter.sitemap`, `.faq` and
`.structured_data`; the markup in overrides/.
"""

from __future__ import annotations

import os
from copy import deepcopy
from datetime import date
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from helpcenter import cached
from helpcenter.faq import faq_entries
from helpcenter.site_config import SiteConfig, site_config
from helpcenter.sitemap import PageRecord, canonical_url, og_locale, sitemap_urls, versions
from helpcenter.structured_data import contact_page, faq_page

log = get_plugin_logger("helpcenter")


class _Site:
    """Pages of every language built so far in this run; reset with the default language."""

    site: SiteConfig
    records: list[PageRecord] = []
    not_found: dict[str, str] = {}  # language -> rendered 404 page
    by_article: dict[str, dict[str, PageRecord]] = {}  # article id -> language -> page, so far
    here: dict[str, PageRecord] = {}  # article id -> page, language being built


_state = _Site()


# Article ids with a role: the FAQ's questions and the contact page's channels become JSON-LD.
HOME, CONTACT, FAQ = "home", "contact", "faq"


@event_priority(-110)  # after mkdocs-static-i18n has set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_config(config)
    if site.current == site.default:
        _state.records, _state.not_found, _state.by_article, _state.here = [], {}, {}, {}
    _state.site = site
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Every page of this language has been read: remember where each article lives."""
    language = _state.site.current
    for file in files.documentation_pages():
        page = file.page
        article_id = page.meta.get("id") if page else None
        if not isinstance(article_id, str):
            continue  # hooks/support_content.py reports bad front matter
        reviewed = page.meta.get("last_reviewed")
        _state.records.append(PageRecord(
            language=language,
            article_id=article_id,
            url=urljoin(config.site_url or "/", file.url),
            source_language=getattr(file, "locale", None) or language,
            last_reviewed=reviewed if isinstance(reviewed, date) else None,
        ))
    _state.by_article = versions(_state.records)
    _state.here = {r.article_id: r for r in _state.records if r.language == language}
    return env


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    site = _state.site
    record = _state.here.get(page.meta.get("id"))  # type: ignore[arg-type]
    if record is None:
        return context
    json_ld = []
    if record.article_id == FAQ:
        entries = faq_entries(page.content or "")
        if not entries:
            log.warning(f"{page.file.src_uri}: no questions for the FAQ's structured data. Write each question as a '## ' heading ending with '?'.")
        json_ld.append(faq_page(entries, record.url, site.current))
    if record.article_id == CONTACT:
        data = cached.support_data(site.support_file, site.languages)
        home = urljoin(config.site_url or "/", nav.homepage.url) if nav.homepage else record.url
        urls = {article_id: r.url for article_id, r in _state.here.items()}  # here only: per page it scanned every article
        json_ld.append(contact_page(data, site.current, record.url, home, urls.get))
    description = page.meta.get("description")
    context["hc_seo"] = {
        "canonical": canonical_url(record, _state.by_article),
        "description": description if isinstance(description, str) and description else config.site_description,
        "og_locale": og_locale(site.current),
        "og_alternates": [og_locale(lang) for lang in _translated_into(page) if lang != site.current],
        "json_ld": json_ld,
    }
    return context


def _translated_into(page: Page) -> list[str]:
    """Languages with a real translation of this page (the i18n plugin knows them all up front)."""
    found = getattr(page.file, "alternates", {}) or {}
    return [lang for lang in _state.site.languages if lang in found and getattr(found[lang], "locale", lang) == lang]


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    # Pages made from a template (404, feedback thanks) belong to no article: the i18n plugin would
    # leave them the language menu of the last page it rendered; theirs leads to each language's home.
    homes = getattr(config.plugins.get("i18n"), "extra_alternate", None)
    if homes:
        config.extra.alternate = deepcopy(homes)  # an attribute, as the plugin sets it (and Jinja reads it first)
    if template_name == "sitemap.xml":
        # Rendered after every language build; the last one has seen all languages.
        context["hc_sitemap_urls"] = sitemap_urls(_state.records, _state.site.languages)
    elif template_name == "404.html":
        site = _state.site
        strings = cached.strings(site.strings_file, site.languages).for_language(site.current)
        context["hc_strings"] = strings
        # Served under any path, so its links are absolute paths; a preview of a broken link points at the home.
        paths = {article_id: urlsplit(r.url).path for article_id, r in _state.here.items()}
        home = _state.here[HOME].url if HOME in _state.here else (config.site_url or None)
        context["hc_seo"] = {"description": strings["not_found_text"], "og_locale": og_locale(site.current), "og_url": home, "json_ld": []}
        context["hc_not_found"] = {"home": paths.get(HOME, urlsplit(config.site_url or "/").path), "contact": paths.get(CONTACT)}
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _state.not_found[_state.site.current] = output
    return output


@event_priority(-200)  # after every language is built (runs last for the default language)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Each language build wrote its 404 page over the last one: put each in its place."""
    if config.plugins["i18n"].building:
        return
    for language, html in _state.not_found.items():
        relative = "404.html" if language == _state.site.default else f"{language}/404.html"
        path = os.path.join(config.site_dir, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(html)
