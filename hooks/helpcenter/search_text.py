"""Search text normalization: the build-time twin of `search-text.js`.

Both read the same rules (`search_rules.json`) and must give the same tokens
for the same text; `tests/search_vectors.json` checks both sides.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

RULES_FILE = os.path.join(os.path.dirname(__file__), "search_rules.json")
DIGITS = re.compile(r"^[0-9]+$")


@dataclass(frozen=True, eq=False)
class Stemmer:
    suffixes: tuple[str, ...]  # longest first
    min_stem: int
    passes: int
    max_length: int  # 0: no cut
    final: dict[str, str]  # last letter -> replacement

    def __call__(self, token: str) -> str:
        if DIGITS.match(token):
            return token
        for _ in range(self.passes):
            for suffix in self.suffixes:
                if token.endswith(suffix) and len(token) - len(suffix) >= self.min_stem:
                    token = token[: len(token) - len(suffix)]
                    break
            else:
                break
        if self.max_length:
            token = token[: self.max_length]
        if token and token[-1] in self.final:
            token = token[:-1] + self.final[token[-1]]
        return token


@dataclass(frozen=True, eq=False)
class Language:
    code: str
    turkic: bool
    stopwords: frozenset[str]
    stem: Stemmer
    stems: dict[str, str] = field(default_factory=dict)  # token -> stem, remembered: texts repeat words


@dataclass(frozen=True, eq=False)
class Rules:
    separator: re.Pattern[str]
    fold: dict[str, str]
    languages: dict[str, Language]
    raw: dict  # the file's content, shipped to the browser as is

    @cached_property
    def fold_table(self) -> dict[int, str]:
        """The folding map for str.translate (the same character-by-character mapping, in C)."""
        return str.maketrans(self.fold)

    def language(self, code: str) -> Language:
        if code not in self.languages:
            raise KeyError(f"search_rules.json has no rules for language '{code}'")
        return self.languages[code]


def parse_rules(data: dict) -> Rules:
    languages = {}
    for code, spec in data["languages"].items():
        stem = spec["stem"]
        suffixes = tuple(sorted(stem["suffixes"], key=lambda s: (-len(s), s)))
        languages[code] = Language(
            code=code,
            turkic=spec["casing"] == "turkic",
            stopwords=frozenset(spec["stopwords"]),
            stem=Stemmer(suffixes, int(stem["min_stem"]), int(stem["passes"]), int(stem["max_length"]), dict(stem.get("final", {}))),
        )
    return Rules(re.compile(data["separator"]), dict(data["fold"]), languages, data)


@lru_cache(maxsize=2)
def load_rules(path: str = RULES_FILE) -> Rules:
    with open(path, encoding="utf-8") as handle:
        return parse_rules(json.load(handle))


def fold(text: str, language: Language, rules: Rules) -> str:
    """NFC, language-aware lower-casing, then the folding map."""
    text = unicodedata.normalize("NFC", text)
    if language.turkic:
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower().translate(rules.fold_table)


def words(text: str, language: Language, rules: Rules) -> list[str]:
    """Folded words, stop words included."""
    return [word for word in rules.separator.split(fold(text, language, rules)) if word]


def tokens(text: str, language: Language, rules: Rules) -> list[str]:
    """Folded words without stop words (all of them if every word is one)."""
    found = words(text, language, rules)
    kept = [word for word in found if word not in language.stopwords]
    return kept if kept else found


def terms(text: str, language: Language, rules: Rules) -> list[str]:
    """What the index stores and what a query looks up: stemmed tokens."""
    stems = language.stems
    out = []
    for token in tokens(text, language, rules):
        stem = stems.get(token)
        if stem is None:
            stem = stems[token] = language.stem(token)
        out.append(stem)
    return out
