"""One language's search file: documents, packed lunr index, rules and synonyms."""

from __future__ import annotations

import pytest
from lunr.index import Index

from helpcenter.search_index import SearchPage, article_doc, build_search_file, location, pack_index, unpack_index
from helpcenter.search_query import query_units
from helpcenter.search_text import load_rules
from tests.search_reference import rank

RULES = load_rules()
PAGES = [
    SearchPage("en/payments/", "Deposits and withdrawals", '<p>Money matters.</p><h2 id="withdrawals">Withdrawals</h2><p>A withdrawal can take longer.</p>', "en", "payments"),
    SearchPage("en/faq/", "Sıx verilən suallar", '<h2 id="q">Pul çıxarışı gecikir?</h2><p>Əməliyyatın ID-si ilə yazın.</p>', "az", "faq"),
]


def test_pages_and_documents_with_fallback_language():
    payload = build_search_file("en", PAGES, RULES, ())
    assert payload["pages"] == [["en/payments/", "payments", ""], ["en/faq/", "faq", "az"]]
    assert payload["docs"] == [
        [0, "", "Deposits and withdrawals", "Money matters."],
        [0, "withdrawals", "Withdrawals", "A withdrawal can take longer."],
        [1, "", "Sıx verilən suallar", ""],
        [1, "q", "Pul çıxarışı gecikir?", "Əməliyyatın ID-si ilə yazın."],
    ]
    assert [location(payload, number) for number in range(4)] == ["en/payments/", "en/payments/#withdrawals", "en/faq/", "en/faq/#q"]
    assert [article_doc(payload, number) for number in range(4)] == [0, 0, 2, 2]


def test_file_carries_only_its_languages_rules():
    payload = build_search_file("ru", [], RULES, ((("вывод",), ("снят",)),))
    assert payload["language"] == "ru"
    assert payload["rules"]["language"] == RULES.raw["languages"]["ru"]
    assert payload["synonyms"] == [[["вывод"], ["снят"]]]
    assert set(payload) == {"format", "language", "rules", "synonyms", "pages", "docs", "ranking", "index"}


def test_fallback_pages_are_indexed_with_their_own_languages_rules():
    payload = build_search_file("en", PAGES, RULES, ())
    units = query_units("pul cixarisi", RULES.language("en"), RULES, ())
    assert [location(payload, article) for article, _, _ in rank(payload, units)] == ["en/faq/"]


def test_packing_loses_nothing():
    """Packed and unpacked again, the index is lunr.py's own: same weights, same search results."""
    from lunr.builder import Builder
    documents = [
        {"ref": "0", "title": "one two", "body": "two three three"},
        {"ref": "1", "title": "three", "body": "four one one one five"},
        {"ref": "2", "title": "", "body": "two two four"},
    ]
    builder = Builder()  # lunr.py's own builder and arithmetic, not TermsBuilder
    builder.ref("ref")
    builder.field("title", boost=6)
    builder.field("body")
    for document in documents:
        builder.add(document)
    original = builder.build().serialize()
    restored = unpack_index(pack_index(original, builder))
    assert restored["fields"] == original["fields"] and restored["pipeline"] == original["pipeline"]
    names = {posting["_index"]: term for term, posting in original["invertedIndex"]}
    renamed = {posting["_index"]: term for term, posting in restored["invertedIndex"]}

    def weights(serialized, name_of):
        return {ref: [(name_of[int(v[i])], v[i + 1]) for i in range(0, len(v), 2)] for ref, v in serialized["fieldVectors"]}
    assert {ref: sorted(pairs) for ref, pairs in weights(restored, renamed).items()} == {ref: sorted(pairs) for ref, pairs in weights(original, names).items()}
    for query in ("one", "three", "tw*", "four one"):
        before = [(r["ref"], r["score"]) for r in Index.load(original).search(query)]
        after = [(r["ref"], r["score"]) for r in Index.load(restored).search(query)]
        assert before == after, query


def test_packed_index_is_much_smaller_than_lunrs_json():
    import gzip
    import json
    payload = build_search_file("en", PAGES * 20, RULES, ())
    packed = gzip.compress(json.dumps(payload["index"]).encode())
    assert len(packed) < len(gzip.compress(json.dumps(unpack_index(payload["index"])).encode())) * 0.5


def test_terms_builder_builds_what_lunrs_own_builder_builds():
    import random

    from lunr.builder import Builder

    from helpcenter.search_index import TermsBuilder
    rng = random.Random(4)
    vocabulary = [f"w{n}" for n in range(60)]
    documents = [{"title": rng.choices(vocabulary, k=rng.randint(0, 6)), "text": rng.choices(vocabulary, k=rng.randint(0, 40))} for _ in range(80)]
    ours, theirs = TermsBuilder(), Builder()
    for builder in (ours, theirs):
        builder.ref("ref")
        builder.field("title", boost=6)
        builder.field("text")
    for number, fields in enumerate(documents):
        ours.add_terms(str(number), fields)
        theirs.add({"ref": str(number), **fields})
    # The hook's path: packed straight from the counts, without lunr's build().
    assert ours.pack() == pack_index(theirs.build().serialize(), theirs)
    assert ours.build().serialize() == theirs.build().serialize()


def test_packing_an_empty_language_gives_an_empty_index():
    payload = build_search_file("tr", [], RULES, ())
    assert payload["index"]["terms"] == [] and payload["index"]["lengths"] == [[], [], []]


def test_packing_needs_documents_in_the_order_of_their_refs():
    from helpcenter.search_index import TermsBuilder
    builder = TermsBuilder()
    builder.ref("ref")
    builder.field("text")
    builder.add_terms("1", {"text": ["a"]})
    builder.add_terms("0", {"text": ["a"]})
    with pytest.raises(ValueError, match="order of their refs"):
        builder.pack()
