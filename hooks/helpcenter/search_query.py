"""From what a player typed to what the index is asked: the twin of `queryUnits` in search-text.js.

A query becomes units: one per typed word, or one per synonym phrase typed
in a row. A unit matches a section when any of its terms does: its own
terms, the terms of its synonyms, or an index term that starts with its last
term (the player may still be typing it, or typed only the start of a word).
Ranking favours sections that match every unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from .search_synonyms import Phrase
from .search_text import Language, Rules, terms


@dataclass(frozen=True)
class Unit:
    words: tuple[str, ...]  # the typed terms
    synonyms: tuple[str, ...]  # terms of the other phrases of matching groups

    def as_json(self) -> dict:
        return {"words": list(self.words), "synonyms": list(self.synonyms)}


def query_units(text: str, language: Language, rules: Rules, groups: tuple[tuple[Phrase, ...], ...]) -> list[Unit]:
    typed = terms(text, language, rules)
    table = phrase_table(groups)
    units: list[Unit] = []
    index = 0
    while index < len(typed):
        for phrase, extra in table:
            if tuple(typed[index:index + len(phrase)]) == phrase:
                units.append(Unit(phrase, extra))
                index += len(phrase)
                break
        else:
            units.append(Unit((typed[index],), ()))
            index += 1
    return units


def phrase_table(groups: tuple[tuple[Phrase, ...], ...]) -> list[tuple[Phrase, tuple[str, ...]]]:
    """Every phrase with the terms of the other phrases in its groups; longest phrases first."""
    table: dict[Phrase, list[str]] = {}
    for group in groups:
        for phrase in group:
            extra = table.setdefault(phrase, [])
            for other in group:
                for term in other:
                    if other != phrase and term not in extra and term not in phrase:
                        extra.append(term)
    ordered = sorted(table, key=lambda p: (-len(p), p))
    return [(phrase, tuple(table[phrase])) for phrase in ordered]
