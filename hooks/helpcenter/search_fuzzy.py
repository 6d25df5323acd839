"""Forgiving queries: the twin of `expandQuery` in search-worker.js (tests/search_reference.py uses it).

A query unit that the index does not hold as typed (no exact term, no term
starting with its last word, no synonym) gets alternatives, ranked below what
was typed:

1. rewrites of the whole query through the language's maps in
   search_rules.json (`query_rewrites`: a wrong keyboard layout, a
   transliteration): the rewritten query's unit at the same place, if the
   index holds it (boost `ranking.rewrite`);
2. if still nothing: typo candidates of the typed word (and of its rewrites),
   index terms within one edit (insert, delete, substitute, swap of
   neighbours) of the word's start for words of 5+ letters, two for 9+
   (boost `ranking.typo`). Candidates start with the word's first or second
   letter: the worker fetches only those letters' dictionaries.
"""

from __future__ import annotations

from collections.abc import Callable

MIN_PREFIX = 3  # a word shorter than this is looked up exactly, never as a start of words (1-2 letters start most of the index)
MAX_TYPOS = 3  # candidates kept per word
MIN_CANDIDATE = 4  # letters of a candidate term


def rewrite(text: str, mapping: dict[str, str]) -> str:
    """`text` lower-cased, each run of the map's characters rewritten, longest key first."""
    text = text.lower()
    keys = sorted(mapping, key=lambda k: (-len(k), k))
    alphabet = set("".join(mapping))
    out, i = [], 0
    while i < len(text):
        if text[i] not in alphabet:
            out.append(text[i])
            i += 1
            continue
        for key in keys:
            if text.startswith(key, i):
                out.append(mapping[key])
                i += len(key)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def max_edits(token: str) -> int:
    return 2 if len(token) >= 9 else 1 if len(token) >= 5 else 0


def prefix_distance(term: str, word: str, limit: int) -> int:
    """The least edit distance (optimal string alignment) between `term` and a start of `word`, capped at limit + 1."""
    n, m = len(term), min(len(word), len(term) + limit)
    previous2: list[int] | None = None
    previous = list(range(m + 1))
    for i in range(1, n + 1):
        row = [i] + [0] * m
        for j in range(1, m + 1):
            cost = 0 if term[i - 1] == word[j - 1] else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and term[i - 1] == word[j - 2] and term[i - 2] == word[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    low = max(0, n - limit)
    return min(min(previous[low:m + 1], default=limit + 1), limit + 1)


def typo_candidates(token: str, dictionary: Callable[[str], list[str]]) -> list[str]:
    """Index terms a misspelt `token` may have meant, closest and longest first."""
    limit = max_edits(token)
    if not limit:
        return []
    scored = []
    for letter in dict.fromkeys(token[:2]):
        for term in dictionary(letter):
            if len(term) >= MIN_CANDIDATE and abs(len(term) - len(token)) <= len(token):
                distance = prefix_distance(term, token, limit)
                if distance <= limit:
                    scored.append((distance, -len(term), term))
    return [term for _, _, term in sorted(set(scored))[:MAX_TYPOS]]


def expand_query(query, language, rules, groups, rewrites, has_term, has_prefix, dictionary):
    """[(unit, [(term, boost key, prefix?)...])]: each unit of `query` with the alternatives it needs.

    `has_term(term)`, `has_prefix(prefix)`: whether the index holds the term, or a term starting
    with it; `dictionary(letter)`: the index terms starting with that letter.
    """
    from .search_query import query_units
    from .search_text import tokens

    units = query_units(query, language, rules, groups)
    typed = tokens(query, language, rules)
    variants = []
    for spec in rewrites:
        text = rewrite(query, spec["map"])
        variants.append((query_units(text, language, rules, groups), tokens(text, language, rules)))
    out, start = [], 0
    for number, unit in enumerate(units):
        extras: list[tuple[str, str, bool]] = []

        def holds(words, synonyms=()):
            return (any(has_term(w) for w in words) or any(has_term(s) for s in synonyms)
                    or (len(words[-1]) >= MIN_PREFIX and has_prefix(words[-1])))

        if not holds(unit.words, unit.synonyms):
            for alt_units, _ in variants:
                if len(alt_units) == len(units) and holds(alt_units[number].words):
                    for word in alt_units[number].words:
                        extras.append((word, "rewrite", False))
                    if len(alt_units[number].words[-1]) >= MIN_PREFIX:
                        extras.append((alt_units[number].words[-1], "prefix", True))
            if not extras and len(unit.words) == 1 and len(typed) == len(units):
                seen = [typed[number]] + [alt_tokens[number] for alt_units, alt_tokens in variants if len(alt_tokens) == len(typed)]
                for token in dict.fromkeys(seen):
                    for term in typo_candidates(token, dictionary):
                        if all(term != e[0] for e in extras):
                            extras.append((term, "typo", False))
        out.append((unit, extras))
        start += len(unit.words)
    return out
