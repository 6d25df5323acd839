"""One vocabulary per language: glossary.yml, and where a text uses a form it says to avoid.

Pure: `load_glossary` reads and validates the file (every mistake with its
line); `find_terms` finds the avoided forms in one text; the `check_*`
functions turn articles and data files into findings with file and line. The
build hook (hooks/glossary_check.py) decides how loudly to report them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .articles import Article
from .translation_status import Finding
from .yaml_source import LoadedYaml, SourceError, format_path, load_yaml, read_source

KIND = "Glossary"
ENTRY_KEYS = {"term", "avoid", "note", "whole_word"}
# Languages whose dotted and dotless i are two letters (İ/i, I/ı): casing must not mix them.
TURKIC_CASING = {"az", "tr", "crh", "gag", "tt"}
# Parts of Markdown that are not prose: fenced code, code spans, comments, placeholders,
# link targets, HTML tags. They are blanked (newlines kept) so line numbers stay right.
FENCED = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", re.DOTALL | re.MULTILINE)
NOT_PROSE = re.compile(r"<!--.*?-->|(`+).+?\1|\{\{.*?\}\}|\]\([^)]*\)|^ {0,3}\[[^\]]+\]:.*$|<[^>\n]+>", re.DOTALL | re.MULTILINE)


class GlossaryError(Exception):
    """glossary.yml cannot be used; `errors` holds every mistake found, each with its line."""

    def __init__(self, errors: list[SourceError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass(frozen=True)
class Entry:
    language: str
    term: str
    avoid: tuple[str, ...]
    note: str = ""
    whole_word: bool = False
    line: int | None = None  # in glossary.yml


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...] = ()

    def for_language(self, language: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.language == language)


@dataclass(frozen=True)
class Match:
    entry: Entry
    text: str  # the words as written
    start: int  # in the NFC text


def fold(text: str, language: str) -> tuple[str, list[int]]:
    """Case-folded `text` (Turkic İ/ı kept apart where the language needs it) and, for each
    folded character, the index of the character it came from."""
    turkic = language.split("-")[0] in TURKIC_CASING
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if turkic and char in "Iİ":
            folded = "ı" if char == "I" else "i"
        else:
            folded = char.casefold()
        out.append(folded)
        origin += [index] * len(folded)
    return "".join(out), origin


@lru_cache(maxsize=1024)  # the same forms are looked for in every text of a language
def _pattern(form: str, language: str, whole_word: bool) -> re.Pattern[str]:
    """Each word of the form at the start of a word (or as a whole word), any spaces between."""
    words = fold(unicodedata.normalize("NFC", form), language)[0].split()
    ending = r"(?!\w)" if whole_word else r"\w*"
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) + ending for word in words))


def find_terms(text: str, language: str, entries: Iterable[Entry]) -> list[Match]:
    """Every avoided form in `text`, in order; not where it is part of the entry's own term."""
    text = unicodedata.normalize("NFC", text)
    folded, origin = fold(text, language)
    found: list[Match] = []
    for entry in entries:
        preferred = [(m.start(), m.end()) for m in _pattern(entry.term, language, entry.whole_word).finditer(folded)]
        spans: list[tuple[int, int]] = []
        for form in entry.avoid:
            for m in _pattern(form, language, entry.whole_word).finditer(folded):
                if any(s <= m.start() < e for s, e in preferred) or any(s <= m.start() < e for s, e in spans):
                    continue
                spans.append((m.start(), m.end()))
        for start, end in spans:
            first, last = origin[start], origin[end - 1] + 1
            found.append(Match(entry, text[first:last], first))
    return sorted(found, key=lambda m: m.start)


def describe(match: Match) -> str:
    note = f" ({match.entry.note.rstrip('.')})" if match.entry.note else ""
    return f"\"{' '.join(match.text.split())}\": write \"{match.entry.term}\"{note}."


def check_text(glossary: Glossary, text: str, language: str, file: str, first_line: int | None) -> list[Finding]:
    """Findings for one text that starts at `first_line` of `file` (None: the file has no lines to name)."""
    entries = glossary.for_language(language)
    if not entries or not text:
        return []
    text = unicodedata.normalize("NFC", text)
    findings = []
    for match in find_terms(text, language, entries):
        line = first_line + text.count("\n", 0, match.start) if first_line is not None else None
        findings.append(Finding("info", KIND, file, line, describe(match)))
    return findings


def prose(markdown: str) -> str:
    """The Markdown with code, comments, placeholders, link targets and tags blanked out."""
    def blank(m: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))

    return NOT_PROSE.sub(blank, FENCED.sub(blank, markdown))


def check_article(glossary: Glossary, article: Article) -> list[Finding]:
    """Title, description and text of one article, in its own language."""
    found: list[Finding] = []
    for key in ("title", "description"):
        value = article.meta.get(key)
        if isinstance(value, str):
            found += check_text(glossary, value, article.language, article.file, article.line(key))
    found += check_text(glossary, prose(article.body), article.language, article.file, article.body_offset + 1)
    return found


def localized_texts(loaded: LoadedYaml, languages: tuple[str, ...]) -> Iterator[tuple[str, str, int | None]]:
    """(language, text, line) for every string under a language key (`name: {az: ..., en: ...}`),
    including plural forms (`minute: {ru: {one: ..., few: ...}}`)."""
    def walk(value: Any, path: tuple, language: str | None) -> Iterator[tuple[str, str, int | None]]:
        if isinstance(value, dict):
            for key, child in value.items():
                inner = language if language is not None else (key if key in languages else None)
                yield from walk(child, path + (key,), inner)
        elif isinstance(value, list):
            for index, child in enumerate(value):
                yield from walk(child, path + (index,), language)
        elif isinstance(value, str) and language is not None:
            yield language, value, loaded.line_of(path)

    yield from walk(loaded.data, (), None)


def check_data_file(glossary: Glossary, loaded: LoadedYaml, file: str, languages: tuple[str, ...]) -> list[Finding]:
    found: list[Finding] = []
    for language, text, line in localized_texts(loaded, languages):
        found += check_text(glossary, text, language, file, line)
    return found


def nav_titles(nav: Any) -> Iterator[str]:
    """Section and page titles written in a MkDocs `nav:`."""
    if isinstance(nav, list):
        for item in nav:
            yield from nav_titles(item)
    elif isinstance(nav, dict):
        for title, child in nav.items():
            yield str(title)
            yield from nav_titles(child)


def check_nav(glossary: Glossary, config_text: str, file: str, default: str, nav: Any,
              translations: dict[str, dict[str, str]]) -> list[Finding]:
    """The navigation's titles (default language) and their `nav_translations` per language."""
    lines = config_text.split("\n")
    found: list[Finding] = []
    for title in nav_titles(nav):
        found += check_text(glossary, title, default, file, _line_of(lines, title, 0))
    for language, table in translations.items():
        start = next((i for i, line in enumerate(lines) if re.search(rf"locale:\s*['\"]?{re.escape(language)}['\"]?\s*(?:$|[,}}])", line)), 0)
        for title in (table or {}).values():
            found += check_text(glossary, str(title), language, file, _line_of(lines, f": {title}", start) or _line_of(lines, str(title), start))
    return found


def _line_of(lines: list[str], text: str, start: int) -> int | None:
    for index in range(start, len(lines)):
        if text in lines[index]:
            return index + 1
    return None


def load_glossary(path: str | Path, languages: tuple[str, ...]) -> Glossary:
    """Read and check glossary.yml; GlossaryError lists every mistake with its line."""
    name = Path(path).name
    loaded = load_yaml(read_source(path, name), name)
    if loaded.data is None:
        return Glossary()
    errors: list[SourceError] = []

    def error(where: tuple, message: str) -> None:
        errors.append(SourceError(name, loaded.line_of(where), message))

    if not isinstance(loaded.data, dict):
        raise GlossaryError([SourceError(name, 1, "expected one list of entries per language, e.g. `en:` then `- term: ...`.")])
    entries: list[Entry] = []
    for language, items in loaded.data.items():
        if language not in languages:
            error((language,), f"'{language}' is not a site language ({', '.join(languages)}). Use a language code from mkdocs.yml.")
            continue
        if not isinstance(items, list):
            error((language,), f"{language}: expected a list of entries (`- term: ...`, `avoid: [...]`).")
            continue
        for index, item in enumerate(items):
            entry = _entry(language, index, item, loaded, error)
            if entry is not None:
                entries.append(entry)
    if errors:
        raise GlossaryError(errors)
    return Glossary(tuple(entries))


def _entry(language: str, index: int, item: Any, loaded: LoadedYaml, error: Any) -> Entry | None:
    where = (language, index)
    label = format_path(where)
    if not isinstance(item, dict):
        error(where, f"{label}: an entry is a mapping with `term:` and `avoid:`.")
        return None
    for key in item:
        if key not in ENTRY_KEYS:
            error(where + (key,), f"{label}: unknown key '{key}'. An entry has {', '.join(sorted(ENTRY_KEYS))}.")
    term = item.get("term")
    if not isinstance(term, str) or not term.strip():
        error(where, f"{label}: `term:` (the preferred term) is missing or empty.")
        return None
    avoid = item.get("avoid")
    if isinstance(avoid, str):
        avoid = [avoid]
    if not isinstance(avoid, list) or not avoid or not all(isinstance(a, str) and a.strip() for a in avoid):
        error(where + ("avoid",), f"{label}: `avoid:` must list the forms to avoid, e.g. `avoid: [{term} ..., ...]`.")
        return None
    folded_term = " ".join(fold(term, language)[0].split())
    same = [a for a in avoid if " ".join(fold(a, language)[0].split()) == folded_term]
    if same:
        error(where + ("avoid",), f"{label}: '{same[0]}' is the preferred term itself; remove it from `avoid:`.")
    note = item.get("note", "")
    if not isinstance(note, str):
        error(where + ("note",), f"{label}: `note:` must be text.")
        note = ""
    whole_word = item.get("whole_word", False)
    if not isinstance(whole_word, bool):
        error(where + ("whole_word",), f"{label}: `whole_word:` must be true or false.")
        whole_word = False
    return Entry(language, term.strip(), tuple(a.strip() for a in avoid), note.strip(), whole_word, loaded.line_of(where))
