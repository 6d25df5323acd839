"""The demo's search: a file per demo language holding its articles, its queries scored like lunr.py, its fallback label
(the generator's search build: tests/build/test_search_build.py)."""

from __future__ import annotations

import json
import math

import pytest
import yaml

from helpcenter.search_index import location
from helpcenter.search_query import query_units
from helpcenter.search_synonyms import load_synonyms
from helpcenter.search_text import load_rules
from tests.demo.helpers import ARTICLE_IDS, LANGUAGES, article_path
from tests.helpers import REPO, read_search_file
from tests.search_reference import expanded, rank
from tests.unit.test_search_js import node

RULES = load_rules()
QUERIES = yaml.safe_load((REPO / "bench" / "search_queries.yml").read_text(encoding="utf-8"))
# Typos, wrong layout and transliteration: Python's expand_query and the worker must agree on these too.
MISSPELT = {
    "az": ["hesbim bloklanib", "senedlr", "eskalasya"],
    "en": ["widthdrawal", "verifciation", "acount blocked"],
    "ru": ["ljrevtyns", "dokumenty", "vyvod sredstv", "вывд средств", "Dsdjl chtlcnd", "eskalatsiya"],
    "tr": ["hesabm engellendi", "itirz", "eskalasyn"],
}


def prefix(language: str) -> str:
    return article_path(language, "home")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_search_file(demo_build, language):
    data = read_search_file(demo_build.site, language)
    assert data["language"] == language
    others = tuple(prefix(other) for other in LANGUAGES if other != language and prefix(other))
    locations = [location(data, number) for number in range(len(data["docs"]))]
    assert locations and all(url.startswith(prefix(language)) and not url.startswith(others) for url in locations)
    ids = {page[1] for page in data["pages"]}
    assert ids == set(ARTICLE_IDS) - {"home"}  # the home page is where searching starts, not a result
    assert all(page[2] == "" for page in data["pages"])  # every demo article is translated


def test_build_reports_indexing(demo_build):
    assert "search: " in demo_build.output and " sections in 4 languages indexed in " in demo_build.output


@pytest.mark.parametrize("language", LANGUAGES)
def test_worker_scores_like_lunr_py(demo_build, language, tmp_path):
    """The real worker (node) and lunr.py's own Index on the same file give the same articles and scores."""
    synonyms = load_synonyms(str(REPO / "synonyms.yml"), LANGUAGES, RULES).for_language(language)
    queries = [item["q"] for item in QUERIES[language]] + MISSPELT[language]
    (tmp_path / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    file = demo_build.site / "search" / f"{language}.json"
    results = node(str(REPO / "tests" / "js" / "worker_run.cjs"), str(file), str(tmp_path / "queries.json"))["results"]
    payload = read_search_file(demo_build.site, language)
    for query, result in zip(queries, results, strict=True):
        expected = rank(payload, expanded(payload, query, RULES, synonyms))
        groups = result["data"]["items"]
        assert [group[0]["location"].split("#")[0] for group in groups] == [location(payload, article) for article, _, _ in expected], query
        for group, (_, _, best) in zip(groups, expected, strict=True):
            assert math.isclose(group[0]["score"], best, rel_tol=1e-9), query


def test_untranslated_article_is_found_in_the_default_language_and_says_so(project):
    (project.root / "docs" / "tr" / "escalation.md").unlink()
    result = project.build()
    assert result.returncode == 0, result.output
    data = read_search_file(result.site, "tr")
    pages = [page for page in data["pages"] if page[1] == "escalation"]
    assert pages == [["tr/escalation/", "escalation", "az"]]
    assert data["labels"]["fallback"] == "Henüz çevrilmedi (Azerbaycan dili)"  # {original}: the default language's name in Turkish
    # Typed in Turkish, found in the Azerbaijani text: "eskalasyon" shares its start with "eskalasiya".
    units = query_units("eskalasyon", RULES.language("tr"), RULES, ())
    assert location(data, rank(data, units)[0][0]) == "tr/escalation/"
    # The other languages keep their own translation.
    assert all(page[2] == "" for page in read_search_file(result.site, "en")["pages"])
