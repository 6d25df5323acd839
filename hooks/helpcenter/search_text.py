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
from functools import lru_cache

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


def _ranges(pairs: list[list[str]]) -> tuple[tuple[int, int], ...]:
    return tuple((int(low, 16), int(high, 16)) for low, high in pairs)


def _within(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


class CharacterMap(dict):
    """str.translate's table for one language, filled on first sight of each character.

    A character maps to itself, to its fold, to " " (it separates words), to
    " c " (an ideograph: a word of its own) or to itself without its marks;
    `search-text.js` `mapChar` does the same for the browser.
    """

    def __init__(self, fold: dict[str, str], keep: frozenset[str], marks: tuple[tuple[int, int], ...], each: tuple[tuple[int, int], ...]):
        super().__init__()
        self.fold, self.keep, self.marks, self.each = fold, keep, marks, each

    def __missing__(self, code: int) -> str:
        self[code] = value = self.map_char(chr(code))
        return value

    def map_char(self, char: str) -> str:
        if char in self.fold:
            return self.fold[char]
        code = ord(char)
        if _within(code, self.each):
            return f" {char} "
        if unicodedata.category(char)[0] not in "LMN":
            return " "
        if char in self.keep:
            return char
        decomposed = unicodedata.normalize("NFD", char)
        bare = "".join(c for c in decomposed if not _within(ord(c), self.marks))
        return char if bare == decomposed else unicodedata.normalize("NFC", bare)


@dataclass(frozen=True, eq=False)
class Language:
    code: str
    turkic: bool
    stopwords: frozenset[str]
    stem: Stemmer
    table: CharacterMap
    spec: dict  # casing, stopwords, stem as the browser gets them (defaults filled in)
    stems: dict[str, str] = field(default_factory=dict)  # token -> stem, remembered: texts repeat words


@dataclass(frozen=True, eq=False)
class Rules:
    data: dict  # the file's content
    languages: dict[str, Language] = field(default_factory=dict)  # filled on first use of each language

    @property
    def raw(self) -> dict:
        return self.data

    @property
    def fold(self) -> dict[str, str]:
        return self.data["fold"]

    def language(self, code: str) -> Language:
        """The rules of `code`: its entry in the file over the defaults; a language with no entry gets the defaults."""
        if code not in self.languages:
            self.languages[code] = _language(code, self.data)
        return self.languages[code]

    def has_own_rules(self, code: str) -> bool:
        return code in self.data["languages"]

    def rewrites(self, code: str) -> list[dict]:
        """The query rewrites of `code` ({name, map}), tried in order; a map `like` another starts as a copy of it."""
        specs = self.data.get("query_rewrites", {}).get(code, [])
        maps: dict[str, dict[str, str]] = {}
        out = []
        for spec in specs:
            mapping = {**maps.get(spec.get("like", ""), {}), **spec.get("map", {})}
            maps[spec["name"]] = mapping
            out.append({"name": spec["name"], "map": mapping})
        return out

    def for_browser(self, code: str) -> dict:
        """What one language's search file carries for search-text.js `compile`."""
        language = self.language(code)
        return {key: self.data[key] for key in ("marks", "keep", "each_character")} | {"fold": language.table.fold, "language": language.spec}


def _language(code: str, data: dict) -> Language:
    own = data["languages"].get(code, {})
    spec = {key: value for key, value in (data["defaults"] | own).items() if not key.endswith("_note") and key != "fold"}
    spec["stem"] = stem = data["defaults"]["stem"] | spec["stem"]
    folds = data["fold"] | own.get("fold", {})
    suffixes = tuple(sorted(stem["suffixes"], key=lambda s: (-len(s), s)))
    return Language(
        code=code,
        turkic=spec["casing"] == "turkic",
        stopwords=frozenset(spec["stopwords"]),
        stem=Stemmer(suffixes, int(stem["min_stem"]), int(stem["passes"]), int(stem["max_length"]), dict(stem["final"])),
        table=CharacterMap(folds, frozenset(data["keep"]), _ranges(data["marks"]), _ranges(data["each_character"])),
        spec=spec,
    )


def parse_rules(data: dict) -> Rules:
    rules = Rules(data)
    for code in data["languages"]:
        rules.language(code)
    return rules


@lru_cache(maxsize=2)
def load_rules(path: str = RULES_FILE) -> Rules:
    with open(path, encoding="utf-8") as handle:
        return parse_rules(json.load(handle))


def fold(text: str, language: Language, rules: Rules) -> str:
    """NFKC, language-aware lower-casing, then each character through the language's map (words end up between spaces)."""
    text = unicodedata.normalize("NFKC", text)
    if language.turkic:
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower().translate(language.table)


def words(text: str, language: Language, rules: Rules) -> list[str]:
    """Folded words, stop words included."""
    return fold(text, language, rules).split()


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
