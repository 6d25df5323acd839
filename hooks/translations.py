"""MkDocs hook: translation status and review dates.

Once per build (in the default language's pass) it reads every language's
articles, reports outdated translations, overdue reviews and cross-language
mistakes; on each page shown untranslated or from an outdated translation it
puts a localized note with a link to the original; at the end it writes
`translation-status.json` into the site for CI. Logic: helpcenter.translation_status.
"""

from __future__ import annotations

import json
import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from helpcenter import cached
from helpcenter.build_date import today
from helpcenter.formatting import language_name
from helpcenter.site_config import TEXT_LANGUAGE, language_pages, site_config, source_path
from helpcenter.translation_status import ERROR, MISSING, OUTDATED, WARNING, Report, build_report, policy_from
from helpcenter.yaml_source import SourceError

log = get_plugin_logger("helpcenter")
REPORT_FILE = "translation-status.json"


class _Build:
    report: Report | None = None
    urls: dict[str, dict[str, str]] = {}  # language -> article path -> page URL in that language's build


_build = _Build()


@event_priority(-110)  # after mkdocs-static-i18n has set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_config(config)
    if site.current != site.default:
        return config  # the whole site was checked in the default language's pass
    i18n = config.plugins["i18n"].config
    policy, problems = policy_from(config.extra.get("helpcenter"), fallback=bool(i18n.fallback_to_default))
    for problem in problems:
        log.error(str(SourceError("mkdocs.yml", None, problem)))
    try:
        on = today()
    except ValueError as e:
        raise PluginError(str(e)) from None
    report = build_report(cached.articles(site.root, config.docs_dir, site.languages), policy, on)
    for finding in report.findings:
        {ERROR: log.error, WARNING: log.warning}.get(finding.level, log.info)(str(finding))
    counts = report.counts()
    log.info(f"Translations: {counts['current']} current, {counts['outdated']} outdated, {counts['missing']} missing "
             f"(shown in '{site.default}'); {counts['overdue']} review(s) overdue. Details: `make status`, or {REPORT_FILE} in the site.")
    _build.report, _build.urls = report, {}
    return config


@event_priority(-110)  # after mkdocs-static-i18n has picked this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    language = site_config(config).current
    _build.urls[language] = {path: file.url for path, file in language_pages(files).items()}
    return files


@event_priority(100)  # before the placeholders are filled (hooks/support_content.py) in the text's language
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A translation with no text yet (new-article's skeleton) shows the original's text, as a missing one does."""
    site = site_config(config)
    if _build.report is None or site.current == site.default:
        return markdown
    path = source_path(page.file)
    status = _build.report.page(path, site.current)
    if status is None or status.state != MISSING or status.translation is None:
        return markdown
    original = cached.articles(site.root, config.docs_dir, site.languages).get(site.default, path)
    if original is None:
        return markdown
    page.meta[TEXT_LANGUAGE] = site.default
    return original.body


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    site = site_config(config)
    context["hc_translation"] = None
    if _build.report is None or site.current == site.default:
        return context
    path = source_path(page.file)
    status = _build.report.page(path, site.current)
    if status is None or status.state not in (MISSING, OUTDATED):
        return context
    original = _build.urls.get(site.default, {}).get(path)
    strings = cached.strings(site.strings_file, site.languages)
    original_name = language_name(site.default, site.current)  # the notes follow the default language, whichever it is
    context["hc_translation"] = {
        "state": status.state,
        "text": strings.get(f"translation_{status.state}", site.current).format(original=original_name),
        "link_text": strings.get("translation_original_link", site.current).format(original=original_name),
        "original_url": get_relative_url(original, page.url) if original is not None else None,
        "original_language": site.default,
    }
    return context


@event_priority(-200)  # last: after every language is built
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building or _build.report is None:
        return  # a language build nested in the default one; the outermost call comes last
    target = os.path.join(config.site_dir, REPORT_FILE)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(_build.report.as_json(), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
