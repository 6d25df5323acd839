"""MkDocs hook: check articles, data labels and navigation titles against glossary.yml.

Once per build (in the default language's pass). Findings are notices (INFO)
by default and errors under `glossary_strict: true`; a mistake in glossary.yml
itself stops the build. Logic: helpcenter.glossary.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from helpcenter import cached
from helpcenter.glossary import GlossaryError, check_article, check_data_file, check_nav, load_glossary
from helpcenter.site_config import site_config
from helpcenter.yaml_source import SourceError, load_yaml

log = get_plugin_logger("helpcenter")


@event_priority(-110)  # after mkdocs-static-i18n has set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_config(config)
    if site.current != site.default:
        return config
    settings = config.extra.get("helpcenter", {}) or {}
    strict = settings.get("glossary_strict", False)
    if not isinstance(strict, bool):
        raise PluginError(str(SourceError("mkdocs.yml", None, f"extra.helpcenter.glossary_strict: {strict!r} must be true or false.")))
    path = os.path.join(site.root, settings.get("glossary", "glossary.yml"))
    if not os.path.exists(path):
        if "glossary" in settings:
            raise PluginError(str(SourceError("mkdocs.yml", None, f"extra.helpcenter.glossary: '{settings['glossary']}' does not exist. "
                                                                  f"Create it (see the README, \"Glossary\") or remove the setting.")))
        return config  # a help center without a glossary checks nothing
    if path not in config.watch:
        config.watch.append(path)  # `mkdocs serve` rebuilds on a glossary edit (not in mkdocs.yml: a team may have no glossary)
    try:
        glossary = load_glossary(path, site.languages)
    except GlossaryError as e:
        for error in e.errors[:-1]:
            log.error(str(error))
        raise PluginError(str(e.errors[-1])) from None
    except SourceError as e:
        raise PluginError(str(e)) from None
    if not glossary.entries:
        return config
    findings = []
    articles = cached.articles(site.root, config.docs_dir, site.languages)
    for language in site.languages:
        for article in articles.by_language.get(language, {}).values():
            findings += check_article(glossary, article)
    for data_file in (site.support_file, site.strings_file):
        if os.path.exists(data_file):
            try:
                loaded = load_yaml(open(data_file, encoding="utf-8").read(), os.path.basename(data_file))
            except (OSError, UnicodeDecodeError, SourceError):
                continue  # reported by the hook that loads the file
            findings += check_data_file(glossary, loaded, os.path.relpath(data_file, site.root), site.languages)
    config_file = config.config_file_path
    i18n = config.plugins["i18n"].config
    translations = {lang.locale: dict(lang.nav_translations or {}) for lang in i18n.languages if lang.locale in site.languages}
    with open(config_file, encoding="utf-8") as handle:
        config_text = handle.read()
    findings += check_nav(glossary, config_text, os.path.relpath(config_file, site.root), site.default, config.nav or [], translations)
    report = log.error if strict else log.info
    for finding in findings:
        report(str(finding))
    files = len({f.file for f in findings})
    log.info(f"Glossary: {len(glossary.entries)} term(s) in {len({e.language for e in glossary.entries})} language(s); "
             f"{len(findings)} finding(s) in {files} file(s)" + ("." if not findings or strict else " (notices: `glossary_strict: true` makes them errors)."))
    return config
