"""Every article file of every language, read from docs/<lang>/ with its lines.

The translation report, the cross-language checks and the authoring commands
all need the whole site at once, not one language build: this reads the files
directly, leniently (a broken front matter is reported by the build's own
front matter check, here it only makes the article unknown).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .front_matter import front_matter_problem, split_front_matter
from .yaml_source import SourceError, load_yaml, read_source

HASH_LENGTH = 12
HASH = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}$")


@dataclass(frozen=True)
class Article:
    """One Markdown file: docs/<language>/<path>."""

    language: str
    path: str  # inside the language folder, with '/' ('payments.md', 'index.md')
    file: str  # relative to the project root, for messages ('docs/en/payments.md')
    meta: dict
    lines: dict[str, int] = field(default_factory=dict)  # front matter key -> line in the file
    body: str = ""
    body_offset: int = 0  # lines before the body

    @property
    def id(self) -> str | None:
        value = self.meta.get("id")
        return value if isinstance(value, str) else None

    @property
    def title(self) -> str | None:
        value = self.meta.get("title")
        return value if isinstance(value, str) else None

    @property
    def last_reviewed(self) -> date | None:
        value = self.meta.get("last_reviewed")
        return value if isinstance(value, date) else None

    @property
    def recorded_hash(self) -> str | None:
        """The source_hash written by `mark-current` (None when absent)."""
        value = self.meta.get("source_hash")
        return None if value in (None, "") else str(value)

    def line(self, key: str) -> int:
        return self.lines.get(key, 1)

    def source_hash(self) -> str:
        return source_hash(self.meta.get("title"), self.meta.get("description"), self.body)


def normalize_text(text: str) -> str:
    """Whitespace-insensitive form of a text: NFC, no trailing spaces, single blank lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def source_hash(title: object, description: object, body: str) -> str:
    """Short fingerprint of what a translator translates: title, description and text.

    `last_reviewed`, `problems` and other settings are not part of it, so
    reviewing an article or re-tagging it does not make its translations outdated.
    """
    parts = [normalize_text(str(title or "")), normalize_text(str(description or "")), normalize_text(body)]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def read_article(text: str, language: str, path: str, file: str) -> Article | None:
    """Parse one Markdown file; None when its front matter cannot be read at all."""
    return read_article_checked(text, language, path, file)[0]


def read_article_checked(text: str, language: str, path: str, file: str) -> tuple[Article | None, SourceError | None]:
    """Parse one Markdown file: the article, or why its front matter cannot be read at all."""
    if text.startswith("\ufeff"):
        text = text[1:]
    yaml_text, offset = split_front_matter(text)
    if yaml_text is None:
        return None, front_matter_problem(text, file)
    try:
        loaded = load_yaml(yaml_text, file, first_line=2)
    except SourceError as e:
        return None, e
    if not isinstance(loaded.data, dict):
        return None, SourceError(file, 2, "front matter must be `key: value` lines.")
    lines = {}
    for key in loaded.data:
        found = loaded.line_of((key,))
        lines[str(key)] = found + 1 if found else 1  # +1: the opening '---'
    body = "\n".join(text.split("\n")[offset:])
    return Article(language, path, file, dict(loaded.data), lines, body, offset), None


@dataclass(frozen=True)
class ArticleSet:
    """All articles, per language (default first), keyed by path inside the language folder."""

    languages: tuple[str, ...]
    by_language: dict[str, dict[str, Article]]
    unreadable: tuple[str, ...] = ()  # files whose front matter could not be read
    read_errors: tuple[SourceError, ...] = ()  # why, one per unreadable file

    def is_unreadable(self, language: str, path: str) -> bool:
        """Whether docs/<language>/<path> exists but could not be read (its own error says why)."""
        return any(file.endswith(f"/{language}/{path}") for file in self.unreadable)

    @property
    def default(self) -> str:
        return self.languages[0]

    def get(self, language: str, path: str) -> Article | None:
        return self.by_language.get(language, {}).get(path)

    def paths(self) -> list[str]:
        """Every article path, originals first in file order, then paths that exist only in translations."""
        seen = list(self.by_language.get(self.default, {}))
        for language in self.languages[1:]:
            seen += [p for p in self.by_language.get(language, {}) if p not in seen]
        return seen

    def find(self, article_id: str) -> str | None:
        """The path of the article whose original has `article_id`."""
        for path, article in self.by_language.get(self.default, {}).items():
            if article.id == article_id:
                return path
        return None


def scan_articles(root: str | Path, docs_dir: str | Path, languages: tuple[str, ...]) -> ArticleSet:
    """Read docs_dir/<language>/**/*.md for every language."""
    by_language: dict[str, dict[str, Article]] = {}
    unreadable: list[str] = []
    errors: list[SourceError] = []
    for language in languages:
        folder = Path(docs_dir) / language
        found: dict[str, Article] = {}
        for full in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            relative = full.relative_to(folder).as_posix()
            if any(part.startswith(".") for part in relative.split("/")):
                continue  # MkDocs skips dot files too
            file = os.path.relpath(full, root)
            try:
                article, error = read_article_checked(read_source(full, file), language, relative, file)
            except SourceError as e:
                article, error = None, e
            except OSError as e:
                article, error = None, SourceError(file, None, f"cannot be read ({e.strerror}).")
            if article is None:
                unreadable.append(file)
                errors.append(error or SourceError(file, 1, "cannot be read."))
                continue
            found[relative] = article
        by_language[language] = found
    return ArticleSet(tuple(languages), by_language, tuple(unreadable), tuple(errors))
