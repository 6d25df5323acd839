"""The real worker (node) on the built demo's split files: what it fetches, typos, wrong keyboards, nothing found."""

from __future__ import annotations

import json

import pytest

from tests.helpers import REPO
from tests.unit.test_search_js import node


def run(site, language: str, queries: list[str], tmp_path) -> dict:
    (tmp_path / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    return node(str(REPO / "tests" / "js" / "worker_run.cjs"), str(site / "search" / f"{language}.json"), str(tmp_path / "queries.json"))


def first_article(result: dict) -> str:
    items = result["data"]["items"]
    return items[0][0]["location"].split("#")[0] if items else ""


@pytest.mark.parametrize(("language", "query", "spelt", "articles"), [
    # A query typed wrong finds what the same words typed right find, and that answers it.
    ("ru", "ljrevtyns", "документы", {"ru/required-documents/", "ru/verification/"}),  # документы typed on a Latin layout
    ("ru", "dokumenty", "документы", {"ru/required-documents/", "ru/verification/"}),  # transliterated
    ("ru", "vyvod sredstv", "вывод средств", {"ru/payments/"}),
    ("ru", "eskalatsiya", "эскалация", {"ru/escalation/"}),  # transliterated, э written as e
    ("ru", "вывд средств", "вывод средств", {"ru/payments/"}),  # a letter missing
    ("en", "widthdrawal", "withdrawal", {"en/payments/"}),  # a letter inserted
    ("en", "verifciation", "verification", {"en/required-documents/", "en/verification/"}),  # two letters swapped
    ("az", "hesbim bloklanib", "hesabım bloklanıb", {"account-access/"}),
])
def test_misspelt_and_wrong_layout_queries_find_the_article(demo_build, language, query, spelt, articles, tmp_path):
    typed, right = run(demo_build.site, language, [query, spelt], tmp_path)["results"]
    assert first_article(typed) == first_article(right), [g[0]["location"] for g in typed["data"]["items"]]
    assert first_article(typed) in articles, [g[0]["location"] for g in typed["data"]["items"]]


def test_typo_matches_rank_below_exact_ones(demo_build, tmp_path):
    out = run(demo_build.site, "en", ["withdrawal", "widthdrawal"], tmp_path)
    exact, typo = (r["data"]["items"] for r in out["results"])
    assert first_article(out["results"][0]) == first_article(out["results"][1])
    assert typo[0][0]["score"] < exact[0][0]["score"]


def test_first_query_fetches_only_its_shards_and_shown_pages_then_caches(demo_build, tmp_path):
    out = run(demo_build.site, "en", ["escalation", "escalation delayed", "escalation"], tmp_path)
    first, second, third = out["requests"]
    assert first[0] == "file"  # the manifest
    shards = [r for r in first if "/t" in r]
    chunks = [r for r in first if "/p" in r]
    every = list((demo_build.site / "search" / "en").glob("t*.json"))
    assert len(shards) == 1 and len(every) > 1  # the one shard that holds its word (no synonyms), of several
    assert 0 < len(chunks) <= 10
    assert "file" not in second and not set(second) & set(first)  # nothing fetched twice
    assert third == []  # the same query again: answered from what was kept


def test_nothing_found_is_said_in_the_result(demo_build, tmp_path):
    out = run(demo_build.site, "ru", ["вывод", "qqqzzz xxxyyy"], tmp_path)
    found, unknown = out["results"]
    assert found["data"]["items"] and "helpcenter" not in found["data"]
    assert unknown["data"]["items"] == []
    assert unknown["data"]["helpcenter"] == {"nothing": "qqqzzz xxxyyy", "problem": None}


@pytest.mark.parametrize(("language", "query", "article"), [
    ("en", "cashout", "en/payments/"),  # a synonym only
    ("en", "how long to get a reply", "en/response-times/"),  # passes again with 14a's titles
])
def test_demo_queries_find_their_article_first(demo_build, language, query, article, tmp_path):
    result = run(demo_build.site, language, [query], tmp_path)["results"][0]
    assert first_article(result) == article, [g[0]["location"] for g in result["data"]["items"]]


def test_two_words_in_one_heading_or_section_outrank_one_word_in_a_title(demo_build, tmp_path):
    """"phone number": support's phone number (contact-channels' Phone section, "Phone number: …") or a player's
    changed number (login-code's "If your number has changed or you don't have your phone"): both hold both
    words in one section and come first; where-to-find-ids, whose title has "number" only, comes after them.
    Each word weighs the same wherever it stands (the last one was worth 1.5 times the others)."""
    result = run(demo_build.site, "en", ["phone number"], tmp_path)["results"][0]
    shown = [group[0]["location"].split("#")[0] for group in result["data"]["items"]]
    assert set(shown[:2]) == {"en/contact-channels/", "en/login-code/"}, shown
    assert "en/where-to-find-ids/" in shown[2:], shown
