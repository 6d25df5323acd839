"""Build one language's search file: a prebuilt lunr index plus what results show.

The file holds everything the browser's search worker needs and nothing
from other languages: the normalization rules of the language, its
synonyms (already as search terms), the documents (location, title, plain
text) and the lunr index collected here with lunr.py's Builder, whose refs
are document numbers.

The index travels packed: lunr's JSON stores a BM25 weight (a 3-decimal
number) for every term of every section, which compresses badly; the file
stores what those weights are computed from: each term's postings with
their term frequencies, and the field lengths. `unpack_index` turns that
back into exactly lunr.py's serialized index (the tests check it); the
browser's worker reads the packed form directly and computes the same
weight for each posting it reads, as lunr scores a query: no tokenizing,
counting or index building in the browser.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from lunr import __TARGET_JS_VERSION__
from lunr.builder import Builder
from lunr.field_ref import FieldRef

from .search_sections import split_sections
from .search_synonyms import Phrase
from .search_text import Rules, terms

FORMAT = 2
# Field boosts: the article title counts on every section of the article, so a
# section under a matching title outranks a lookalike elsewhere.
FIELDS = (("title", 6), ("heading", 3), ("text", 1))
# Query-time ranking, shipped in the file so the worker and the benchmarks agree:
# clause boosts for the typed term, its prefix expansion and synonyms; `coverage`
# multiplies a section's score by 1 + coverage * (share of query words matched)^2;
# `spread` adds that share of an article's other matching sections to its best one.
# `rewrite` and `typo`: alternatives of a word the index does not hold as typed (search_fuzzy.py).
RANKING = {"exact": 1, "prefix": 0.5, "synonym": 0.8, "rewrite": 0.9, "typo": 0.4, "coverage": 3, "spread": 0.2}


@dataclass(frozen=True)
class SearchPage:
    """One built page, as the search hook saw it."""

    url: str  # site-relative, e.g. "en/payments/"
    title: str
    html: str  # the page's content (Markdown already rendered)
    text_language: str  # the language it is written in (the default one on fallback pages)
    article_id: str | None = None


def build_search_file(language: str, pages: list[SearchPage], rules: Rules, groups: tuple[tuple[Phrase, ...], ...]) -> dict:
    """The search file of `language` for its `pages`.

    `pages`: [url, article id, language of the text if it is a fallback ("" if not)];
    `docs`: [page number, anchor ("" for the page's own text, listed first), title, text];
    a document's number is its ref in the index.
    """
    page_rows: list[list[str]] = []
    docs: list[list] = []
    builder = TermsBuilder()
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for page in pages:
        text_rules = rules.language(page.text_language)
        title_terms = terms(page.title, text_rules, rules)
        page_rows.append([page.url, page.article_id or "", page.text_language if page.text_language != language else ""])
        for section in split_sections(page.html, page.title):
            docs.append([len(page_rows) - 1, section.anchor, section.title, section.text])
            builder.add_terms(str(len(docs) - 1), {
                "title": title_terms,
                "heading": terms(section.title, text_rules, rules) if section.anchor else [],
                "text": terms(section.text, text_rules, rules),
            })
    index = builder.pack()
    return {
        "format": FORMAT,
        "language": language,
        "rules": rules.for_browser(language) | {"rewrites": rules.rewrites(language)},
        "synonyms": [[list(phrase) for phrase in group] for group in groups],
        "pages": page_rows,
        "docs": docs,
        "ranking": RANKING,
        "index": index,
    }


def location(payload: dict, doc: int) -> str:
    """Where a document is, relative to the site root: the page's URL, plus #anchor for a section."""
    page, anchor = payload["docs"][doc][0], payload["docs"][doc][1]
    url = payload["pages"][page][0]
    return f"{url}#{anchor}" if anchor else url


def article_doc(payload: dict, doc: int) -> int:
    """The number of the document holding its page's own text (the page's first)."""
    page = payload["docs"][doc][0]
    while doc > 0 and payload["docs"][doc - 1][0] == page:
        doc -= 1
    return doc


class TermsBuilder(Builder):
    """lunr.py's Builder fed with ready-made terms, packed without building.

    `add_terms` records what `Builder.add` records for a document whose fields
    are lists of terms and whose pipeline is empty (our normalization already
    made the terms), without lunr's per-token Token objects and metadata
    copies, which took most of the indexing time. `pack` then writes the
    packed index straight from those counts: `build()` would compute field
    vectors, a token trie and a serialized copy of every posting that the
    packed file drops (the browser computes the weights as it reads), which
    was most of the rest. The tests check `pack()` against lunr.py's own
    `Builder.add`, `build()` and `serialize()` on the same documents.
    """

    def add_terms(self, ref: str, fields: dict[str, list[str]]) -> None:
        self._documents[ref] = {}
        self.document_count += 1
        for field_name in self._fields:
            field_terms = fields[field_name]
            field_ref = str(FieldRef(ref, field_name))
            counts = Counter(field_terms)  # in order of first appearance, like Builder.add
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = len(field_terms)
            for term in counts:
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][ref] = {}

    def pack(self) -> dict:
        """What `pack_index(self.build().serialize(), self)` returns, from the counts alone.

        Documents must have been added in the order of their refs, 0, 1, 2 ...
        (each posting list is then written in one pass, already sorted).
        """
        fields = list(self._fields)
        column = {name: number for number, name in enumerate(fields)}
        lengths = [[0] * self.document_count for _ in fields]
        postings: dict[str, tuple[list[list[int]], list[int]]] = {}  # term -> (flat list per field, last ref per field)
        expected = 0
        for field_ref, counts in self.field_term_frequencies.items():
            name, _, ref_text = field_ref.partition("/")
            f, ref = column[name], int(ref_text)
            if ref != expected and ref != expected - 1:
                raise ValueError(f"documents must be added in the order of their refs: {ref} after {expected - 1}")
            expected = ref + 1
            lengths[f][ref] = self.field_lengths[field_ref]
            for term, frequency in counts.items():
                entry = postings.get(term)
                if entry is None:
                    entry = postings[term] = ([[] for _ in fields], [0] * len(fields))
                flat, last = entry
                flat[f] += (ref - last[f], frequency)
                last[f] = ref
        terms = sorted(postings)
        return {
            "version": __TARGET_JS_VERSION__,
            "fields": fields,
            "pipeline": self.search_pipeline.serialize(),
            "boosts": [self._fields[field].boost for field in fields],
            "k1": self._k1,
            "b": self._b,
            "terms": terms,
            "postings": [postings[term][0] for term in terms],
            "lengths": lengths,
        }


def pack_index(serialized: dict, builder: Builder) -> dict:
    """lunr's serialized index and the builder that made it -> the packed form.

    `postings[t][f]` is flat: the gap from the previous document number, then the
    term's frequency in that document's field f; `lengths[f][d]` is the number of
    terms in field f of document d. Refs must be the document numbers 0..n-1.
    """
    fields = serialized["fields"]
    count = builder.document_count
    postings = []
    for term, posting in serialized["invertedIndex"]:
        per_field = []
        for field in fields:
            flat: list[int] = []
            previous = 0
            for ref in sorted(posting[field], key=int):
                flat += [int(ref) - previous, builder.field_term_frequencies[f"{field}/{ref}"][term]]
                previous = int(ref)
            per_field.append(flat)
        postings.append(per_field)
    return {
        "version": serialized["version"],
        "fields": fields,
        "pipeline": serialized["pipeline"],
        "boosts": [builder._fields[field].boost for field in fields],
        "k1": builder._k1,
        "b": builder._b,
        "terms": [term for term, _ in serialized["invertedIndex"]],
        "postings": postings,
        "lengths": [[builder.field_lengths[f"{field}/{ref}"] for ref in range(count)] for field in fields],
    }


def unpack_index(packed: dict) -> dict:
    """The inverse of pack_index: lunr's serialized index, terms numbered in sorted order.

    The weights are lunr.py's Builder._create_field_vectors, operation for operation:
    idf over all fields' postings, BM25 with the field's average length, the field
    boost, rounded to 3 decimals. search-worker.js does the same in JavaScript.
    """
    fields, k1, b = packed["fields"], packed["k1"], packed["b"]
    lengths = packed["lengths"]
    count = len(lengths[0]) if lengths else 0
    averages = [sum(per_doc) / count if count else 0 for per_doc in lengths]
    vectors: list[list[list[float]]] = [[[] for _ in fields] for _ in range(count)]
    inverted = []
    for number, (term, per_field) in enumerate(zip(packed["terms"], packed["postings"], strict=True)):
        posting: dict = {"_index": number}
        documents = sum(len(flat) // 2 for flat in per_field)
        term_idf = math.log(1 + abs((count - documents + 0.5) / (documents + 0.5)))
        for f, (field, flat) in enumerate(zip(fields, per_field, strict=True)):
            refs = posting[field] = {}
            ref = 0
            for i in range(0, len(flat), 2):
                ref += flat[i]
                tf = flat[i + 1]
                score = term_idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (lengths[f][ref] / averages[f])) + tf)
                score *= packed["boosts"][f]
                vectors[ref][f] += [number, round(score, 3)]
                refs[str(ref)] = {}
        inverted.append([term, posting])
    field_vectors = [[f"{field}/{ref}", vectors[ref][f]] for ref in range(count) for f, field in enumerate(fields)]
    return {"version": packed["version"], "fields": fields, "fieldVectors": field_vectors, "invertedIndex": inverted, "pipeline": packed["pipeline"]}
