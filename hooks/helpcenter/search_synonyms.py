"""Staff-maintained search synonyms (`synonyms.yml`): load, check, normalize.

A group is a list of words or phrases that mean the same to players. Each
phrase becomes its search terms (the same normalization as the index), so the
browser only compares terms; duplicates after normalization are merged.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .search_text import Rules, terms
from .yaml_source import SourceError, load_yaml, read_source

Phrase = tuple[str, ...]  # search terms of one word or phrase


class SynonymsError(Exception):
    def __init__(self, errors: list[SourceError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@dataclass(frozen=True)
class Synonyms:
    groups: dict[str, tuple[tuple[Phrase, ...], ...]]  # language -> groups of phrases

    def for_language(self, language: str) -> tuple[tuple[Phrase, ...], ...]:
        return self.groups.get(language, ())


EXAMPLE = "for example: en: [[cashout, withdrawal]]"


def load_synonyms(path: str, languages: tuple[str, ...], rules: Rules) -> Synonyms:
    """Read `path` (optional: no file, no synonyms); raise SynonymsError listing every mistake."""
    if not os.path.exists(path):
        return Synonyms({})
    name = os.path.basename(path)
    try:
        loaded = load_yaml(read_source(path, name), name)
    except SourceError as e:
        raise SynonymsError([e]) from None
    data = loaded.data
    if data is None:
        return Synonyms({})
    if not isinstance(data, dict):
        raise SynonymsError([SourceError(name, 1, f"expected one list of groups per language, {EXAMPLE}.")])
    errors: list[SourceError] = []
    groups: dict[str, tuple[tuple[Phrase, ...], ...]] = {}
    for language, items in data.items():
        line = loaded.line_of((language,))
        if language not in languages:
            errors.append(SourceError(name, line, f"unknown language '{language}'. Use one of the site's languages: {', '.join(languages)}."))
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            errors.append(SourceError(name, line, f"'{language}' must be a list of groups, one per line, e.g. - [cashout, withdrawal]."))
            continue
        found = []
        for index, group in enumerate(items):
            phrases = _group(group, (language, index), loaded, name, rules, language, errors)
            if phrases and len(phrases) > 1:
                found.append(phrases)
        groups[language] = tuple(found)
    if errors:
        raise SynonymsError(errors)
    return Synonyms(groups)


def _group(group, path, loaded, name, rules, language, errors) -> tuple[Phrase, ...]:
    line = loaded.line_of(path)
    if not isinstance(group, list) or len(group) < 2:
        errors.append(SourceError(name, line, f"{language}[{path[1]}]: a group is a list of at least two words or phrases in brackets, e.g. [cashout, withdrawal]."))
        return ()
    phrases: list[Phrase] = []
    for position, word in enumerate(group):
        if not isinstance(word, str) or not word.strip():
            errors.append(SourceError(name, loaded.line_of(path + (position,)) or line, f"{language}[{path[1]}][{position}]: {word!r} is not a word. Write words as text; put numbers in quotes."))
            continue
        phrase = tuple(terms(word, rules.language(language), rules))
        if not phrase:
            errors.append(SourceError(name, loaded.line_of(path + (position,)) or line, f"{language}[{path[1]}][{position}]: '{word}' has no letters or digits to search for."))
            continue
        if phrase not in phrases:
            phrases.append(phrase)
    return tuple(phrases)
