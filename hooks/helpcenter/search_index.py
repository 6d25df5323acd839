"""Build one language's search file: a prebuilt lunr index plus what results show.

The file holds everything the browser's search worker needs and nothing
from other languages: the normalization rules of the language, its
synonyms (already as search terms), the documents (location, title, plain
text) and the lunr index built here, whose refs are document numbers.

The index is packed without loss: lunr's JSON repeats every term's postings,
which follow from the field vectors, so the file keeps the sorted terms and
each document's field vectors, and the worker rebuilds lunr's JSON
(`unpack_index` is the reference for that) before `lunr.Index.load`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lunr import __TARGET_JS_VERSION__
from lunr.builder import Builder

from .search_sections import split_sections
from .search_synonyms import Phrase
from .search_text import Rules, terms

FORMAT = 1
# Field boosts: the article title counts on every section of the article, so a
# section under a matching title outranks a lookalike elsewhere.
FIELDS = (("title", 6), ("heading", 3), ("text", 1))
# Query-time ranking, shipped in the file so the worker and the benchmarks agree:
# clause boosts for the typed term, its prefix expansion and synonyms; `coverage`
# multiplies a section's score by 1 + coverage * (share of query words matched)^2;
# `spread` adds that share of an article's other matching sections to its best one.
RANKING = {"exact": 1, "prefix": 0.5, "synonym": 0.8, "coverage": 3, "spread": 0.2}


@dataclass(frozen=True)
class SearchPage:
    """One built page, as the search hook saw it."""

    url: str  # site-relative, e.g. "en/payments/"
    title: str
    html: str  # the page's content (Markdown already rendered)
    text_language: str  # the language it is written in (the default one on fallback pages)
    article_id: str | None = None


def build_search_file(language: str, pages: list[SearchPage], rules: Rules, groups: tuple[tuple[Phrase, ...], ...]) -> dict:
    """The search file of `language` for its `pages`."""
    docs: list[list] = []
    builder = Builder()
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for page in pages:
        text_rules = rules.language(page.text_language)
        title_terms = terms(page.title, text_rules, rules)
        article = len(docs)
        fallback = page.text_language != language
        for section in split_sections(page.html, page.title):
            is_article = not section.anchor
            location = page.url if is_article else f"{page.url}#{section.anchor}"
            docs.append([location, section.title, section.text, -1 if is_article else article, page.article_id or "", page.text_language if fallback else ""])
            builder.add({
                "ref": str(len(docs) - 1),
                "title": title_terms,
                "heading": [] if is_article else terms(section.title, text_rules, rules),
                "text": terms(section.text, text_rules, rules),
            })
    if docs:
        index = pack_index(builder.build().serialize())
    else:  # lunr.py cannot build an empty index (it divides by the number of documents)
        index = {"version": __TARGET_JS_VERSION__, "fields": [name for name, _ in FIELDS], "pipeline": [], "terms": [], "vectors": []}
    spec = rules.raw["languages"][language]
    return {
        "format": FORMAT,
        "language": language,
        "rules": {"separator": rules.raw["separator"], "fold": rules.raw["fold"], "language": spec},
        "synonyms": [[list(phrase) for phrase in group] for group in groups],
        "docs": docs,
        "ranking": RANKING,
        "index": index,
    }


def pack_index(serialized: dict) -> dict:
    """lunr's serialized index (refs: document numbers 0..n-1) -> sorted terms + per-document field vectors."""
    fields = serialized["fields"]
    terms_sorted = [term for term, _ in serialized["invertedIndex"]]
    position = {posting["_index"]: number for number, (_, posting) in enumerate(serialized["invertedIndex"])}
    vectors: dict[int, list[list[float]]] = {}
    for field_ref, elements in serialized["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        pairs = sorted((position[int(elements[i])], elements[i + 1]) for i in range(0, len(elements), 2))
        flat: list[float] = [value for pair in pairs for value in pair]
        vectors.setdefault(int(ref), [[] for _ in fields])[fields.index(field)] = flat
    return {
        "version": serialized["version"],
        "fields": fields,
        "pipeline": serialized["pipeline"],
        "terms": terms_sorted,
        "vectors": [vectors[ref] for ref in range(len(vectors))],
    }


def unpack_index(packed: dict) -> dict:
    """The inverse of pack_index, as lunr.Index.load reads it (terms numbered in sorted order)."""
    fields = packed["fields"]
    inverted = [[term, {"_index": number, **{field: {} for field in fields}}] for number, term in enumerate(packed["terms"])]
    field_vectors = []
    for ref, per_field in enumerate(packed["vectors"]):
        for field, flat in zip(fields, per_field, strict=True):
            field_vectors.append([f"{field}/{ref}", flat])
            for i in range(0, len(flat), 2):
                inverted[int(flat[i])][1][field][str(ref)] = {}
    return {"version": packed["version"], "fields": fields, "fieldVectors": field_vectors, "invertedIndex": inverted, "pipeline": packed["pipeline"]}
