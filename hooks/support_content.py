"""MkDocs hook: load support.yml, check articles' front matter, expand placeholders.

Thin entry points; the logic lives in the `helpcenter` package beside this file.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpcenter import cached, error_tally
from helpcenter.build_date import today
from helpcenter.front_matter import FrontMatter, claimed_id, parse_front_matter
from helpcenter.generator_base import base_file, replaced_settings
from helpcenter.placeholders import PlaceholderError, expand
from helpcenter.project import read_config
from helpcenter.site_config import SiteConfig, site_config, text_language
from helpcenter.support_data import SupportDataError
from helpcenter.support_model import SupportData
from helpcenter.support_render import SupportRenderer, template_env
from helpcenter.ui_strings import Strings
from helpcenter.widgets import help_block, widget_renderers
from helpcenter.yaml_source import SourceError, read_source

log = get_plugin_logger("helpcenter")


class _Build:
    """State of the language build under way; reset by on_config."""

    site: SiteConfig
    data: SupportData
    articles: dict[str, File] = {}  # article id -> file, this language
    front: dict[str, FrontMatter] = {}  # src path -> front matter
    reported: set[str] = set()  # errors already shown in this run (all languages)
    default_ids: set[str] = set()  # article ids of the default language
    today: date | None = None  # the build's day (HELPCENTER_TODAY in tests): past closures are left out
    # language -> ids claimed by its files whose front matter has errors (None: a file whose id is unknown).
    # What depends on those articles is not reported again: one mistake, one error, at its cause.
    broken: dict[str, set[str | None]] = {}


_build = _Build()
# src path -> (mtime, problem ids checked against, result): each file is parsed once per
# edit, not once per language build; one entry per file, so `mkdocs serve` does not grow it.
_front_cache: dict[str, tuple[int, frozenset[str], tuple[FrontMatter | None, list[SourceError]], str | None]] = {}


def _report(error: SourceError | str) -> None:
    text = str(error)
    if text not in _build.reported:
        _build.reported.add(text)
        log.error(text)


def _check_inherited(config_file: str | None) -> None:
    """A site's mkdocs.yml must add to the generator's base configuration, not replace parts of it."""
    if not config_file:
        return
    path = Path(config_file)
    text = path.read_text(encoding="utf-8")
    base = base_file(text, path)
    if base is None or not base.is_file():
        return  # no INHERIT: a configuration of its own (MkDocs reports a missing base)
    shown = os.path.relpath(base, path.parent)
    errors = replaced_settings(text, path.name, read_config(base, shown), shown)
    for error in errors[:-1]:
        log.error(str(error))
    if errors:
        raise PluginError(str(errors[-1]))


@event_priority(-110)  # after mkdocs-static-i18n has set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_config(config)
    counter = error_tally.tally()
    if site.current == site.default:
        _build.reported, _build.broken = set(), {}
        counter.start_run()
        _check_inherited(config.config_file_path)
    counter.build = 0
    # Both files are checked before giving up, so staff see every missing text in one build.
    errors: list[object] = []
    try:
        data = cached.support_data(site.support_file, site.languages)
    except SupportDataError as e:
        errors += e.errors
    try:
        english = cached.strings(site.strings_file, site.languages).fallbacks(site.current)
    except SourceError as e:
        errors += getattr(e, "errors", [e])
    if errors:
        for error in errors[:-1]:
            log.error(str(error))
        raise PluginError(str(errors[-1])) from None
    if english:  # once per language: the generator has no default texts in it and the site has not written them
        log.info(f"Interface texts: {len(english)} still show in English in '{site.current}' ({', '.join(english)}). "
                 f"Write them in {os.path.basename(site.strings_file)} as `key: {{{site.current}: ...}}`.")
    try:
        _build.today = today()
    except ValueError as e:
        raise PluginError(str(e)) from None
    _build.site, _build.data = site, data
    _help_blocks.clear()  # data, strings or templates may have changed (mkdocs serve)
    config.site_name = Markup.escape(data.brand)  # Material prints site_name unescaped in the header and <title>: escaped once, here
    return config


@event_priority(-110)  # after mkdocs-static-i18n has picked this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    site, data = _build.site, _build.data
    problem_ids = frozenset(p.id for p in data.problems)
    articles: dict[str, File] = {}
    front: dict[str, FrontMatter] = {}
    for file in files.documentation_pages():
        parsed, errors, claimed = _front_matter(file, site, problem_ids)
        for error in errors:
            _report(error)
        if parsed is None:
            _build.broken.setdefault(file.src_uri.split("/", 1)[0], set()).add(claimed)
            continue
        address = posixpath.splitext(file.src_uri.split("/", 1)[-1])[0].split("/")[0]
        if site.current == site.default and file.src_uri.startswith(f"{site.default}/") and address in site.languages[1:]:
            _report(SourceError(_rel(file, site), parsed.lines.get("id"), f"this article would be served at /{address}/, the address of the '{address}' "
                                                                         f"site, whose home page would replace it. Rename the file and its id (e.g. {address}-help)."))
        front[file.src_uri] = parsed
        if parsed.id in articles:
            first = articles[parsed.id]
            _report(SourceError(_rel(file, site), parsed.lines.get("id"), f"id '{parsed.id}' is already used by '{_rel(first, site)}'. Give each article its own id."))
            _report(SourceError(_rel(first, site), front[first.src_uri].lines.get("id"), f"id '{parsed.id}' is already used by '{_rel(file, site)}'. Give each article its own id."))
            continue
        articles[parsed.id] = file
    if site.current == site.default:
        _build.default_ids = set(articles)
    else:
        for article_id, file in articles.items():
            if article_id not in _build.default_ids and file.src_uri.startswith(f"{site.current}/") and not _is_broken(site.default, article_id):
                _report(SourceError(_rel(file, site), front[file.src_uri].lines.get("id"), f"no '{site.default}' article has id '{article_id}'. A translation keeps the id of its original in docs/{site.default}/; fix the id or write the original first."))
    for ref in data.article_refs:
        if ref.article not in articles and not _is_broken(site.current, ref.article) and not _is_broken(site.default, ref.article):
            _report(SourceError(data.file, ref.line, f"{ref.path}: no article has id '{ref.article}' (language '{site.current}'). Use an existing article id or create the article."))
    _build.articles, _build.front = articles, front
    return files


def _is_broken(language: str, article_id: str) -> bool:
    """Whether `article_id` may be an article of `language` whose front matter has errors (already reported)."""
    broken = _build.broken.get(language, set())
    return article_id in broken or None in broken


@event_priority(-110)  # after mkdocs-static-i18n has built the other languages (in the default language's build)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Under --strict, stop with the number of messages really printed in all languages (see error_tally)."""
    if not config.strict:
        return
    counter = error_tally.tally()
    site = site_config(config)
    i18n = config.plugins["i18n"]
    nested = bool(getattr(i18n, "building", False))
    if error_tally.should_abort(sum(counter.run.values()), counter.build, nested, site.current == site.languages[-1]):
        raise Abort(f"Aborted with {counter.summary()} in strict mode!")


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    """A file that is not UTF-8 was reported by on_files (file, line, what to do): read it leniently
    instead of letting MkDocs fail with a UnicodeDecodeError traceback. Other files: MkDocs reads them."""
    path = page.file.abs_src_path
    if not path or _front_cache.get(path, (None, None, (None, []), None))[2][0] is not None:
        return None
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        raw.decode("utf-8-sig")
        return None
    except UnicodeDecodeError:
        return raw.decode("utf-8-sig", errors="replace")


def _rel(file: File, site: SiteConfig) -> str:
    return os.path.relpath(file.abs_src_path or file.src_uri, site.root)


def _front_matter(file: File, site: SiteConfig, problem_ids: frozenset[str]) -> tuple[FrontMatter | None, list[SourceError], str | None]:
    """The front matter or its errors, and the id the file claims (for a file with errors)."""
    path = file.abs_src_path or ""
    stamp = os.stat(path).st_mtime_ns
    hit = _front_cache.get(path)
    if hit is None or hit[0] != stamp or hit[1] != problem_ids:
        try:
            text = read_source(path, _rel(file, site))
            result, claimed = parse_front_matter(text, _rel(file, site), set(problem_ids)), claimed_id(text)
        except SourceError as e:
            result, claimed = (None, [e]), None
        hit = _front_cache[path] = (stamp, problem_ids, result, claimed)
    return (*hit[2], hit[3])


def _renderer(page: Page, language: str | None = None) -> SupportRenderer:
    """Renders in `language`, by default the language of the page's text."""
    site = _build.site

    def url_for(article_id: str) -> str:
        target = _build.articles.get(article_id)
        return get_relative_url(target.url, page.url) if target else "#"

    return SupportRenderer(
        data=_build.data,
        strings=cached.strings(site.strings_file, site.languages),
        env=_env(site),
        language=language or text_language(page, site.current),  # a fallback page's placeholders speak its text's language
        url_for=url_for,
        today=_build.today,
    )


def _title_for(article_id: str) -> str:
    """An article's title in the language being built (its id if there is none)."""
    target = _build.articles.get(article_id)
    front = _build.front.get(target.src_uri) if target else None
    return front.title if front else article_id


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = _build.site
    front = _build.front.get(page.file.src_uri)
    renderer = _renderer(page)
    renderer.extra_blocks = widget_renderers(renderer, page_id=front.id if front else None, title_for=_title_for)
    try:
        return expand(markdown, renderer)
    except PlaceholderError as e:
        offset = front.body_offset if front else 0
        _report(SourceError(_rel(page.file, site), e.line + offset, e.message))
        return markdown


def _still_need_help(page: Page) -> Markup | None:
    """"Still need help?" for an article whose front matter names problem types.

    main.html places it at the end of the article, after the page's content
    rather than inside it: it is the same on many pages, so it has no place in
    the search index (Material's parsed it on every article: 9% of a 500-article
    build) nor in the `lang` of an untranslated page's text, since it speaks
    the page's language.
    """
    front = _build.front.get(page.file.src_uri)
    if not front or not front.problems or "data-contact-router" in (page.content or ""):
        return None
    # The block differs only by language, problem types and (through relative links)
    # the page's folder: render it once per combination, not once per article.
    key = (_build.site.current, front.problems, posixpath.dirname(page.url.rstrip("/")))
    block = _help_blocks.get(key)
    if block is None:
        block = _help_blocks[key] = help_block(_renderer(page, _build.site.current), front.problems, _title_for)
    return Markup(block)


_help_blocks: dict[tuple[str, tuple[str, ...], str], str] = {}


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    site = _build.site
    # Lazy: a page looks up the few URLs it links to; computing every article's URL
    # for every page made the build quadratic in the number of articles.
    context["article_urls"] = ArticleUrls(_build.articles, page.url)
    context["hc_strings"] = _strings_for(cached.strings(site.strings_file, site.languages), site.current)
    context["hc_help_block"] = _still_need_help(page)
    return context


class ArticleUrls(Mapping[str, str]):
    """Article id -> URL relative to one page, computed when a template asks."""

    def __init__(self, articles: dict[str, File], page_url: str) -> None:
        self._articles, self._page_url = articles, page_url

    def __getitem__(self, article_id: str) -> str:
        return get_relative_url(self._articles[article_id].url, self._page_url)

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles


_strings_cache: dict[str, tuple[Strings, dict[str, object]]] = {}


def _strings_for(strings: Strings, language: str) -> dict[str, object]:
    """One language's interface strings, built once per language (and edit), not once per page."""
    cached_entry = _strings_cache.get(language)
    if cached_entry is None or cached_entry[0] is not strings:
        cached_entry = _strings_cache[language] = (strings, strings.for_language(language))
    return cached_entry[1]


_envs: dict[str, object] = {}


def _env(site: SiteConfig):
    if site.templates_dir not in _envs:
        _envs[site.templates_dir] = template_env(site.templates_dir)
    return _envs[site.templates_dir]
