"""One language's search file: documents, packed lunr index, rules and synonyms."""

from __future__ import annotations

from lunr import lunr
from lunr.index import Index

from helpcenter.search_index import SearchPage, build_search_file, pack_index, unpack_index
from helpcenter.search_query import query_units
from helpcenter.search_text import load_rules
from tests.search_reference import rank

RULES = load_rules()
PAGES = [
    SearchPage("en/payments/", "Deposits and withdrawals", '<p>Money matters.</p><h2 id="withdrawals">Withdrawals</h2><p>A withdrawal can take longer.</p>', "en", "payments"),
    SearchPage("en/faq/", "Sıx verilən suallar", '<h2 id="q">Pul çıxarışı gecikir?</h2><p>Əməliyyatın ID-si ilə yazın.</p>', "az", "faq"),
]


def test_documents_list_article_then_sections_with_fallback_language():
    payload = build_search_file("en", PAGES, RULES, ())
    assert payload["docs"] == [
        ["en/payments/", "Deposits and withdrawals", "Money matters.", -1, "payments", ""],
        ["en/payments/#withdrawals", "Withdrawals", "A withdrawal can take longer.", 0, "payments", ""],
        ["en/faq/", "Sıx verilən suallar", "", -1, "faq", "az"],
        ["en/faq/#q", "Pul çıxarışı gecikir?", "Əməliyyatın ID-si ilə yazın.", 2, "faq", "az"],
    ]


def test_file_carries_only_its_languages_rules():
    payload = build_search_file("ru", [], RULES, ((("вывод",), ("снят",)),))
    assert payload["language"] == "ru"
    assert payload["rules"]["language"] == RULES.raw["languages"]["ru"]
    assert payload["synonyms"] == [[["вывод"], ["снят"]]]
    assert set(payload) == {"format", "language", "rules", "synonyms", "docs", "ranking", "index"}


def test_fallback_pages_are_indexed_with_their_own_languages_rules():
    payload = build_search_file("en", PAGES, RULES, ())
    units = query_units("pul cixarisi", RULES.language("en"), RULES, ())
    assert [payload["docs"][article][0] for article, _, _ in rank(payload, units)] == ["en/faq/"]


def test_packing_loses_nothing():
    documents = [{"id": "0", "title": "one two", "body": "two three three"}, {"id": "1", "title": "three", "body": "four one"}]
    original = lunr(ref="id", fields=("title", "body"), documents=documents).serialize()
    packed = pack_index(original)
    restored = unpack_index(packed)
    assert restored["fields"] == original["fields"] and restored["pipeline"] == original["pipeline"]
    assert [term for term, _ in restored["invertedIndex"]] == [term for term, _ in original["invertedIndex"]]
    for query in ("one", "three", "tw*", "four one"):
        before = [(r["ref"], round(r["score"], 9)) for r in Index.load(original).search(query)]
        after = [(r["ref"], round(r["score"], 9)) for r in Index.load(restored).search(query)]
        assert before == after, query


def test_packed_index_is_smaller_than_lunrs_json():
    import json
    payload = build_search_file("en", PAGES * 20, RULES, ())
    packed = len(json.dumps(payload["index"]))
    assert packed < len(json.dumps(unpack_index(payload["index"]))) * 0.7
