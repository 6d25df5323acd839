"""lunr.py as the reference for the search worker's scores and ranking.

The worker (search-worker.js) scores queries on the packed index itself;
this unpacks the same file into lunr.py's serialized index, asks lunr.py's
own Index the same clauses and applies the same ranking, so a test can show
that both give the same articles with the same scores.
"""

from __future__ import annotations

from lunr.index import Index
from lunr.query import Query

from helpcenter.search_index import article_doc, unpack_index
from helpcenter.search_query import Unit


def unit_matches(unit: Unit, matched: list[str]) -> bool:
    last = unit.words[-1]
    return any(term.startswith(last) or term in unit.words or term in unit.synonyms for term in matched)


def rank(payload: dict, units: list[Unit]) -> list[tuple[int, float, float]]:
    """(article document number, article score, best section score), best first."""
    if not units:
        return []
    index = Index.load(unpack_index(payload["index"]))
    ranking = payload["ranking"]
    query = index.create_query()
    for unit in units:
        for word in unit.words:
            query.term(word, use_pipeline=False, boost=ranking["exact"])
        query.term(unit.words[-1], use_pipeline=False, boost=ranking["prefix"], wildcard=Query.WILDCARD_TRAILING)
        for term in unit.synonyms:
            query.term(term, use_pipeline=False, boost=ranking["synonym"])
    sections = []
    for result in index.query(query):
        matched = list(result["match_data"].metadata)
        covered = sum(unit_matches(unit, matched) for unit in units) / len(units)
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
    return sorted(scored, key=lambda a: (-a[1], a[0]))
