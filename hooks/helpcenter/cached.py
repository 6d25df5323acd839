"""Load the data and interface strings once per change, not once per language build.

mkdocs-static-i18n runs every hook once per language; these caches key on the
file's modification time so `mkdocs serve` still picks up edits.
"""

from __future__ import annotations

import os
from functools import lru_cache

from .support_data import load_support_data
from .support_model import SupportData
from .ui_strings import Strings, load_strings


def _stamp(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def support_data(path: str, languages: tuple[str, ...]) -> SupportData:
    return _support_data(path, languages, _stamp(path))


def strings(path: str, languages: tuple[str, ...]) -> Strings:
    return _strings(path, languages, _stamp(path))


@lru_cache(maxsize=4)
def _support_data(path: str, languages: tuple[str, ...], stamp: int) -> SupportData:
    return load_support_data(path, languages)


@lru_cache(maxsize=4)
def _strings(path: str, languages: tuple[str, ...], stamp: int) -> Strings:
    return load_strings(path, languages)
