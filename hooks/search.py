"""MkDocs hook: per-language prebuilt search, served to Material's search UI by our worker.

Every language build hands its pages to this hook, which writes that
language's split index under `search/` at the end of the language's build;
after the last one (the default language's on_post_build) it empties the
root `search/search_index.json` that Material's page script fetches, so no
page downloads another language's text. Pages
point Material at `assets/javascripts/helpcenter/search-worker.<hash>.js#<file>`.
Thin entry points; the logic lives in `helpcenter.search_*`.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import time

from jinja2 import Environment
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter import cached
from helpcenter.formatting import language_name
from helpcenter.search_index import SearchPage, build_search_file
from helpcenter.search_split import split_search_file
from helpcenter.search_synonyms import Synonyms, SynonymsError, load_synonyms
from helpcenter.search_text import Rules, load_rules, terms
from helpcenter.site_config import SiteConfig, site_config, text_language

log = get_plugin_logger("helpcenter")

# The worker is served as one file: our text code, then the worker, named by its
# content's hash so browsers can keep it (no extra requests).
WORKER_SOURCES = ("assets/javascripts/helpcenter/search-text.js", "assets/javascripts/helpcenter/search-worker.js")
WORKER_DIR = "assets/javascripts/helpcenter"
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def search_file(language: str) -> str:
    return f"search/{language}.json"


class _Run:
    """State across the language builds of one `mkdocs build`; reset when the default language starts."""

    site: SiteConfig
    rules: Rules
    synonyms: Synonyms
    worker: tuple[str, str]  # site path of the bundled worker, its text
    worker_index: str  # this language's search file, relative to the worker
    pages: dict[str, list[SearchPage]] = {}  # language -> its pages, as built, until it is indexed
    written: set[str] = set()  # languages whose search files this build wrote
    sections, wall, cpu = 0, 0.0, 0.0  # totals for the log line


_run = _Run()


@event_priority(-110)  # after mkdocs-static-i18n has set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_config(config)
    if site.current == site.default:
        _run.pages, _run.written = {}, set()
        _run.sections, _run.wall, _run.cpu = 0, 0.0, 0.0
    _run.site, _run.rules = site, load_rules()
    _run.worker = _worker_bundle(config.theme.custom_dir or os.path.join(site.root, "overrides"))
    _run.worker_index = posixpath.relpath(search_file(site.current), posixpath.dirname(_run.worker[0]))
    settings = config.extra.get("helpcenter", {}) or {}
    path = os.path.join(site.root, settings.get("synonyms", "synonyms.yml"))
    try:
        _run.synonyms = _synonyms(path, site.languages)
    except SynonymsError as e:
        for error in e.errors[:-1]:
            log.error(str(error))
        raise PluginError(str(e.errors[-1])) from None
    return config


_synonyms_cache: dict[tuple, Synonyms] = {}


def _synonyms(path: str, languages: tuple[str, ...]) -> Synonyms:
    """Loaded once per change of the file, not once per language build."""
    key = (path, languages, os.stat(path).st_mtime_ns if os.path.exists(path) else -1)
    if key not in _synonyms_cache:
        _synonyms_cache.clear()
        _synonyms_cache[key] = load_synonyms(path, languages, load_rules())
    return _synonyms_cache[key]


def _worker_bundle(custom_dir: str) -> tuple[str, str]:
    parts = []
    for source in WORKER_SOURCES:
        with open(os.path.join(custom_dir, source), encoding="utf-8") as handle:
            parts.append(f"/* {source} */\n{handle.read().rstrip()}\n;\n")
    text = "".join(parts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"{WORKER_DIR}/search-worker.{digest}.js", text


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.filters["hc_search_worker"] = _with_worker
    env.globals["hc_search_worker_url"] = _worker_url
    env.globals["hc_search"] = True  # without this hook, pages keep Material's own search
    return env


def _worker_url(base_url: str) -> str:
    """This page's search worker: the bundled worker, relative to the page, with this language's file after the #."""
    return posixpath.join(base_url, _run.worker[0]) + "#" + _run.worker_index


def _with_worker(block: str, base_url: str) -> Markup:
    """Material's `__config` script with our worker (and this language's file) as its search worker."""
    match = CONFIG_SCRIPT.search(str(block))
    if not match:
        log.error("search: Material's __config script was not found in the page; the search would use Material's own worker.")
        return Markup(block)
    data = json.loads(match.group(2))
    data["search"] = _worker_url(base_url)
    text = str(block)
    # str() first: str + Markup would escape the str part.
    return Markup(text[: match.start(2)] + str(htmlsafe_json_dumps(data)) + text[match.end(2):])


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    search = page.meta.get("search") or {}
    if not (isinstance(search, dict) and search.get("exclude")):
        site = _run.site
        written_in = text_language(page, site.current)
        _run.pages.setdefault(site.current, []).append(
            SearchPage(url=page.url, title=page.title or "", html=html, text_language=written_in, article_id=page.meta.get("id"))
        )
    # Material's search plugin stays (mkdocs-static-i18n needs it) but would parse every
    # page again for a merged index no page loads: its own per-page switch skips that.
    page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
    return html


@event_priority(-200)  # after mkdocs-static-i18n: the default language's call comes last
def on_post_build(*, config: MkDocsConfig) -> None:
    # Each language is indexed at the end of its own build and its pages dropped, so the build
    # never holds every language's HTML at once (5,000 articles × 4: 1,141 → 1,124 MB peak; the
    # larger saving is hooks/release_pages.py). The default language's pages are built first but
    # indexed last: its call comes after the others'.
    site = _run.site  # set by this build's on_config
    if config.plugins["i18n"].building:
        _write_language(config.site_dir, site.current)
        return
    for language in site.languages:
        if language not in _run.written:
            _write_language(config.site_dir, language)
    _empty_material_index(os.path.join(config.site_dir, "search", "search_index.json"))
    with open(os.path.join(config.site_dir, _run.worker[0]), "w", encoding="utf-8") as handle:
        handle.write(_run.worker[1])
    log.info(f"search: {_run.sections} sections in {len(site.languages)} languages indexed in {_run.wall:.2f} s ({_run.cpu:.2f} s CPU)")


def _write_language(site_dir: str, language: str) -> None:
    started, cpu = time.perf_counter(), time.process_time()
    site = _run.site
    pages = sorted(_run.pages.pop(language, []), key=lambda p: p.url)
    payload = build_search_file(language, pages, _run.rules, _run.synonyms.for_language(language))
    del pages
    strings = cached.strings(site.strings_file, site.languages)
    payload["labels"] = {"fallback": strings.get("search_fallback", language).format(original=language_name(site.default, language))}
    out = os.path.join(site_dir, "search")
    for name, text in split_search_file(payload, _problems(site, language)).items():
        path = os.path.join(out, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    _run.written.add(language)
    _run.sections += len(payload["docs"])
    _run.wall += time.perf_counter() - started
    _run.cpu += time.process_time() - cpu


def _problems(site: SiteConfig, language: str) -> list[dict]:
    """Each problem type's id and the search terms of its label: the "nothing found" offer preselects the one a query names."""
    try:
        problems = cached.support_data(site.support_file, site.languages).problems
    except Exception:  # the data file's own checks report its mistakes; search just offers no preselection
        return []
    rules = _run.rules.language(language)
    return [{"id": p.id, "terms": sorted(set(terms(p.label.get(language, ""), rules, _run.rules)))} for p in problems]


def _write_json(path: str, data: dict) -> None:
    # json.dumps, not json.dump: dump streams through the pure-Python encoder (same bytes, slower).
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _empty_material_index(path: str) -> None:
    """Keep Material's search settings (the page's highlighter reads them), drop every language's text."""
    config = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            config = json.load(handle).get("config", {})
    _write_json(path, {"config": config, "docs": []})
