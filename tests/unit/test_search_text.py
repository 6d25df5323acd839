"""Search normalization (Python side): the shared vectors and the rules file's own consistency."""

from __future__ import annotations

import json
import unicodedata

import pytest

from helpcenter.search_query import query_units
from helpcenter.search_text import load_rules, parse_rules, terms, tokens, words
from tests.helpers import REPO

VECTORS = json.loads((REPO / "tests" / "search_vectors.json").read_text(encoding="utf-8"))
RULES = load_rules()


@pytest.mark.parametrize("case", VECTORS["text"], ids=lambda c: f"{c['language']}:{c['text']}")
def test_text_vectors(case):
    language = RULES.language(case["language"])
    assert words(case["text"], language, RULES) == case["words"]
    assert terms(case["text"], language, RULES) == case["terms"]


@pytest.mark.parametrize("case", VECTORS["query"], ids=lambda c: f"{c['language']}:{c['text']}")
def test_query_vectors(case):
    groups = tuple(tuple(tuple(phrase) for phrase in group) for group in case["groups"])
    units = query_units(case["text"], RULES.language(case["language"]), RULES, groups)
    assert [unit.as_json() for unit in units] == case["units"]


@pytest.mark.parametrize(("typed", "written", "language"), [
    ("canli sohbet", "canlı söhbət", "az"),
    ("senedler", "sənədlər", "az"),
    ("sikayet", "şikayət", "az"),
    ("hesabim bloklanib", "hesabım bloklanıb", "az"),
    ("istifadeci", "İstifadəçi", "az"),
    ("sikayet", "şikâyet", "tr"),
    ("odeme", "ÖDEME", "tr"),
    ("расчет", "расчёт", "ru"),
])
def test_typed_without_diacritics_gives_the_written_words_terms(typed, written, language):
    rules = RULES.language(language)
    assert terms(typed, rules, RULES) == terms(written, rules, RULES)


@pytest.mark.parametrize(("inflected", "base", "language"), [
    ("hesabım", "hesab", "az"), ("bloklanıb", "bloklanması", "az"), ("sənədlərin", "sənəd", "az"),
    ("engellendi", "engellemek", "tr"), ("hesabınız", "hesap", "tr"), ("talebiniz", "talep", "tr"),
    ("documents", "document", "en"), ("withdrawals", "withdrawal", "en"), ("blocked", "block", "en"),
    ("документы", "документов", "ru"), ("вывода", "вывод", "ru"), ("ставки", "ставка", "ru"),
])
def test_inflected_forms_share_a_term(inflected, base, language):
    rules = RULES.language(language)
    first, second = terms(inflected, rules, RULES)[0], terms(base, rules, RULES)[0]
    # A shared term, or the shorter one is a prefix of the longer (the query matches by prefix too).
    assert first.startswith(second) or second.startswith(first), (first, second)


def test_fold_map_maps_single_characters():
    # Both sides map the text one code point at a time: keys are single characters as NFKC leaves them.
    folds = [RULES.fold] + [spec.get("fold", {}) for spec in RULES.raw["languages"].values()]
    for key, value in (item for table in folds for item in table.items()):
        assert len(key) == 1 and unicodedata.normalize("NFKC", key) == key == key.lower(), key
        assert len(value) <= 1, value


def test_stop_words_alone_still_search():
    en = RULES.language("en")
    assert tokens("how do I", en, RULES) == ["how", "do", "i"]
    assert tokens("how do I log in", en, RULES) == ["log"]


def test_suffixes_are_stripped_longest_first_and_keep_min_stem():
    data = RULES.raw | {"languages": {"xx": {"stem": {"suffixes": ["s", "es", "ies"], "min_stem": 3, "passes": 2}}}}
    rules = parse_rules(data)
    xx = rules.language("xx")
    assert terms("ponies boxes cats gas", xx, rules) == ["pon", "box", "cat", "gas"]
