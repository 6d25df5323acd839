"""lunr.py as the reference for the search worker's scores and ranking.

The worker (search-worker.js) scores queries on the packed index itself;
this unpacks the same file into lunr.py's serialized index, asks lunr.py's
own Index the same clauses and applies the same ranking, so a test can show
that both give the same articles with the same scores.
"""

from __future__ import annotations

from lunr.index import Index
from lunr.query import Query

from helpcenter.search_fuzzy import MIN_PREFIX
from helpcenter.search_index import article_doc, unpack_index
from helpcenter.search_query import Unit


def unit_matches(unit: Unit, matched: list[str], extras=()) -> bool:
    last = unit.words[-1]
    others = [e[0] for e in extras]
    prefixes = [e[0] for e in extras if e[2]]
    return any(term.startswith(last) or term in unit.words or term in unit.synonyms or term in others
               or any(term.startswith(p) for p in prefixes) for term in matched)


def expanded(payload: dict, query: str, rules, groups) -> list:
    """search_fuzzy.expand_query on the whole file: what the worker asks for `query`."""
    from helpcenter.search_fuzzy import expand_query

    terms = payload["index"]["terms"]
    known = set(terms)
    by_letter: dict[str, list[str]] = {}
    for term in terms:
        by_letter.setdefault(term[0], []).append(term)
    language = rules.language(payload["language"])
    return expand_query(query, language, rules, groups, payload["rules"].get("rewrites", []), known.__contains__,
                        lambda prefix: any(t.startswith(prefix) for t in terms), lambda letter: by_letter.get(letter, []))


def rank(payload: dict, units: list, limit: int | None = 10) -> list[tuple[int, float, float]]:
    """(article document number, article score, best section score), best first.

    `units`: Units, or (unit, extras) pairs from `expanded`; the worker lists the best 10 articles.
    """
    units = [u if isinstance(u, tuple) else (u, []) for u in units]
    if not units:
        return []
    index = Index.load(unpack_index(payload["index"]))
    ranking = payload["ranking"]
    query = index.create_query()
    for unit, extras in units:
        for word in unit.words:
            query.term(word, use_pipeline=False, boost=ranking["exact"])
        # Every unit's last word as a start of words too; a word too short for that gets the weight itself.
        wildcard = Query.WILDCARD_TRAILING if len(unit.words[-1]) >= MIN_PREFIX else Query.WILDCARD_NONE
        query.term(unit.words[-1], use_pipeline=False, boost=ranking["prefix"], wildcard=wildcard)
        for term in unit.synonyms:
            query.term(term, use_pipeline=False, boost=ranking["synonym"])
        for term, boost, prefix in extras:
            query.term(term, use_pipeline=False, boost=ranking[boost], wildcard=Query.WILDCARD_TRAILING if prefix else Query.WILDCARD_NONE)
    sections = []
    for result in index.query(query):
        matched = list(result["match_data"].metadata)
        covered = sum(unit_matches(unit, matched, extras) for unit, extras in units) / len(units)
        ref = int(result["ref"])
        sections.append((result["score"] * (1 + ranking["coverage"] * covered * covered), ref, article_doc(payload, ref)))
    sections.sort(key=lambda s: (-s[0], s[1]))
    articles: dict[int, list[float]] = {}
    for score, _, article in sections:
        if article not in articles:
            articles[article] = [score, 0.0]
        else:
            articles[article][1] += score
    scored = [(article, best + ranking["spread"] * rest, best) for article, (best, rest) in articles.items()]
    return sorted(scored, key=lambda a: (-a[1], a[0]))[:limit]
