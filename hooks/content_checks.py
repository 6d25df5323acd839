"""MkDocs hook: links that lead into another language, to no article, or to no heading.

MkDocs' `validation:` settings warn about broken links and anchors too, but
without a line and without saying why a link that works in the original breaks
on a page shown untranslated. This hook names the file, the line and the fix.
Links into another language are checked once per build from the sources; links
and anchors against the built pages, at the end of each language's build.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from helpcenter import cached
from helpcenter.articles import Article, ArticleSet
from helpcenter.links import Link, alternatives, destination, extract_links, html_ids, relative_link
from helpcenter.site_config import language_pages, site_config
from helpcenter.yaml_source import SourceError

log = get_plugin_logger("helpcenter")


class _Build:
    articles: ArticleSet | None = None
    site_url: str = ""
    pages: dict[str, dict[str, str]] = {}  # language -> article path -> built HTML file
    ids: dict[str, set[str]] = {}  # built HTML file -> ids in its content


_build = _Build()


@event_priority(-110)  # after mkdocs-static-i18n has set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_config(config)
    if site.current != site.default:
        return config
    _build.articles = cached.articles(site.root, config.docs_dir, site.languages)
    _build.site_url, _build.pages, _build.ids = config.site_url or "", {}, {}
    for error in _cross_language(_build.articles, _build.site_url):
        log.error(str(error))
    return config


@event_priority(-110)  # after mkdocs-static-i18n has picked this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    language = site_config(config).current
    _build.pages[language] = {path: file.abs_dest_path for path, file in language_pages(files).items()}
    return files


@event_priority(-110)  # late, after other hooks have added their markup
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    _build.ids[page.file.abs_dest_path] = html_ids(html)  # the anchors a link may name, as MkDocs' own check sees them
    return html


def on_post_build(*, config: MkDocsConfig) -> None:
    # Default priority: inside this language's own build, before mkdocs-static-i18n (-100) starts
    # the next language and before a strict build stops on MkDocs' own link warnings.
    if _build.articles is None:
        return
    language = site_config(config).current
    for error in _broken_links(_build.articles, language):
        log.error(str(error))


def _links(article: Article) -> list[Link]:
    return extract_links(article.body, article.body_offset + 1)


class _OneAdvice(logging.Filter):
    """Drops MkDocs' own warning about a link this hook has reported with its line and its advice
    (MkDocs suggested '../ru/faq.md' where ours says 'faq.md', or said 'not found' beside our error):
    one piece of advice, not two."""

    reported: set[tuple[str, str]] = set()  # (MkDocs' src_uri, link)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(message.startswith((f"Doc file '{src}' contains an absolute link '{link}',", f"Doc file '{src}' contains a link '{link}', but"))
                       for src, link in self.reported)


_one_advice = _OneAdvice()
logging.getLogger("mkdocs.structure.pages").addFilter(_one_advice)


def _cross_language(articles: ArticleSet, site_url: str) -> list[SourceError]:
    errors = []
    _one_advice.reported = set()
    for language in articles.languages:
        for article in articles.by_language.get(language, {}).values():
            for link in _links(article):
                where = destination(link.target, language, article.path, articles.languages, site_url)
                if where is None or where.path is None or (where.language == language and not (where.absolute and link.target.startswith("/"))):
                    continue
                if where.absolute and not any(articles.get(where.language, p) or articles.get(articles.default, p) for p in alternatives(where.path)):
                    continue  # not an article (an asset, a file MkDocs checks itself)
                same = relative_link(article.path, where.path, where.fragment)
                _one_advice.reported.add((f"{language}/{article.path}", link.target.split("#")[0]))
                _one_advice.reported.add((f"{language}/{article.path}", link.target))
                if where.language == language:
                    errors.append(SourceError(article.file, link.line, f"link '{link.target}' is an address, not a file. Link to the file instead "
                                                                       f"('{same}'): the build then checks it, and it works wherever the site is served."))
                    continue
                errors.append(SourceError(article.file, link.line, f"link '{link.target}' leads into the '{where.language}' site. "
                                                                   f"Link to the page in this language instead ('{same}'); players change language with the language menu."))
    return errors


def _broken_links(articles: ArticleSet, language: str) -> list[SourceError]:
    """Relative .md links and #anchors, checked against what the language's site really contains."""
    errors: list[SourceError] = []
    pages = _build.pages.get(language, {})
    for path in pages:
        article = articles.get(language, path) or articles.get(articles.default, path)
        if article is None:
            continue
        shown_untranslated = article.language != language
        for link in _links(article):
            where = destination(link.target, article.language, article.path, articles.languages)
            if where is None or where.absolute or where.language != article.language:
                continue  # external, absolute or cross-language: reported elsewhere
            target_path = where.path or path
            target_built = pages.get(target_path)
            context = (f" The '{language}' site shows this page untranslated, so its links lead to '{language}' pages."
                       if shown_untranslated else "")
            if target_built is None:
                if shown_untranslated:
                    continue  # the original's own language build reports it
                errors.append(SourceError(article.file, link.line, f"link '{link.target}' leads to no article: there is no "
                                                                   f"'docs/{language}/{target_path}' (nor an original to show instead). "
                                                                   f"Check the file name; link to articles by their file name, e.g. faq.md."))
                continue
            if not where.fragment or where.fragment in _ids(target_built):
                continue
            target_file = _shown_file(articles, language, target_path)
            errors.append(SourceError(article.file, link.line, f"link '{link.target}' points to '#{where.fragment}', a heading that "
                                                               f"'{target_file}' does not have.{context} Use an anchor the page has (the ¶ sign "
                                                               f"next to a heading links to it), or link to the page without '#{where.fragment}'."))
    return errors


def _shown_file(articles: ArticleSet, language: str, path: str) -> str:
    article = articles.get(language, path) or articles.get(articles.default, path)
    return article.file if article else path


def _ids(built: str) -> set[str]:
    if built not in _build.ids:
        try:
            with open(built, encoding="utf-8") as handle:
                _build.ids[built] = html_ids(handle.read())
        except OSError:
            _build.ids[built] = set()
    return _build.ids[built]
