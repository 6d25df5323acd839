"""Load the data and interface strings once per change, not once per language build.

mkdocs-static-i18n runs every hook once per language; these caches key on the
file's modification time so `mkdocs serve` still picks up edits.
"""

from __future__ import annotations

import os
from functools import lru_cache

from .articles import ArticleSet, scan_articles
from .support_data import load_support_data
from .support_model import SupportData
from .ui_strings import Strings, default_files, load_strings


def _stamp(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def support_data(path: str, languages: tuple[str, ...]) -> SupportData:
    return _support_data(path, languages, _stamp(path))


def articles(root: str, docs_dir: str, languages: tuple[str, ...]) -> ArticleSet:
    """Every article of every language, read once per change of any of them.

    Several hooks need the whole site in the default language's pass; each used
    to read and parse every file again. Callers must not change what they get.
    """
    stamp = _tree_stamp(docs_dir, languages)
    key = (root, docs_dir, languages)
    if _articles.get(key, (None,))[0] != stamp:
        _articles.clear()
        _articles[key] = (stamp, scan_articles(root, docs_dir, languages))
    return _articles[key][1]


_articles: dict[tuple, tuple[tuple, ArticleSet]] = {}


def _tree_stamp(docs_dir: str, languages: tuple[str, ...]) -> tuple:
    """Path, modification time and size of every Markdown file of the languages' folders."""
    found = []
    for language in languages:
        for folder, _, names in os.walk(os.path.join(docs_dir, language)):
            for name in names:
                if name.endswith(".md"):
                    path = os.path.join(folder, name)
                    stat = os.stat(path)
                    found.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(found))


def strings(path: str, languages: tuple[str, ...]) -> Strings:
    """The site's ui-strings.yml over the generator's defaults; read again when either changes."""
    defaults = tuple(_stamp(str(file)) for file in default_files(languages).values())
    return _strings(path, languages, (_stamp(path), defaults))


@lru_cache(maxsize=4)
def _support_data(path: str, languages: tuple[str, ...], stamp: int) -> SupportData:
    return load_support_data(path, languages)


@lru_cache(maxsize=4)
def _strings(path: str, languages: tuple[str, ...], stamp: tuple) -> Strings:
    return load_strings(path, languages)
