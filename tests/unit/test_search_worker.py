"""The real search worker, run by node on a search file built here: Material's message shapes, escaping, fallback notes."""

from __future__ import annotations

import json

import pytest

from helpcenter.search_index import SearchPage, build_search_file
from helpcenter.search_split import split_search_file
from helpcenter.search_text import load_rules
from tests.helpers import REPO
from tests.unit.test_search_js import node

RULES = load_rules()
PAGES = [
    SearchPage("tr/account-access/", "Hesaba erişim ve blokaj", (
        "<p>Giriş sorunları için bu sayfayı okuyun.</p>"
        '<h2 id="bloke">Hesabınız bloke edildiyse<a class="headerlink" href="#bloke">¶</a></h2>'
        "<p>Hesaplar çoğunlukla güvenlik nedeniyle bloke edilir. Canlı desteğe yazın.</p>"
        '<h2 id="limit">Limitler</h2><p>Para yatırma limiti koyabilirsiniz.</p>'
    ), "tr", "account-access"),
    SearchPage("tr/payments/", "Para çekme", (
        '<p>Çekim talebiniz gecikirse &lt;img src=x onerror=alert(1)&gt; yazmayın &amp; bekleyin.</p>'
        '<h2 id="durum">Talebin durumu</h2><p>Durumu işlem geçmişinde görürsünüz.</p>'
    ), "tr", "payments"),
    SearchPage("tr/faq/", "Tez-tez verilən suallar", (
        '<h2 id="blok">Hesabım niyə bloklanıb?</h2><p>Şübhəli giriş cəhdləri səbəb ola bilər.</p>'
    ), "az", "faq"),
]
GROUPS = ((("engel",), ("bloke",), ("bloka",)),)
QUERIES = ["hesabım engellendi", "Hesabim bloke", "cekim", "img onerror", "bloklanib", "   ", "limit xyzzy", "durum"]


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("worker")
    payload = build_search_file("tr", PAGES, RULES, GROUPS)
    payload["labels"] = {"fallback": "Henüz çevrilmedi: Azerbaycanca"}
    for name, text in split_search_file(payload).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "queries.json").write_text(json.dumps(QUERIES), encoding="utf-8")
    out = node(str(REPO / "tests" / "js" / "worker_run.cjs"), str(folder / "tr.json"), str(folder / "queries.json"))
    assert out["ready"] == {"type": 1}
    return {query: result for query, result in zip(QUERIES, out["results"], strict=True)}


def locations(result: dict) -> list[list[str]]:
    return [[item["location"] for item in group] for group in result["data"]["items"]]


def test_results_are_material_result_messages(results):
    result = results["hesabım engellendi"]
    assert result["type"] == 3
    groups = locations(result)
    assert groups[0][0] == "tr/account-access/#bloke"  # the best section first
    for group in groups:
        # Material renders a group around its article: it must be there (location without '#').
        articles = [location for location in group if "#" not in location]
        assert len(articles) == 1
        assert all(location.startswith(articles[0]) for location in group)
    first = result["data"]["items"][0][0]
    assert set(first) >= {"location", "title", "text", "score", "terms"}
    scores = [item["score"] for item in result["data"]["items"][0]]
    assert scores[0] == max(scores)


def test_synonyms_and_folding_find_the_article(results):
    # "engellendi" is a synonym of "bloke"; "Hesabim" is "Hesabım" without the dotless ı.
    assert locations(results["hesabım engellendi"])[0][0].startswith("tr/account-access/")
    assert locations(results["Hesabim bloke"])[0][0].startswith("tr/account-access/")
    assert locations(results["cekim"])[0][0].startswith("tr/payments/")


def test_matched_words_are_marked_and_offered_for_page_highlighting(results):
    first = results["Hesabim bloke"]["data"]["items"][0][0]
    assert "<mark>Hesabınız</mark>" in first["title"] and "<mark>bloke</mark>" in first["title"]
    assert first["terms"]["Hesabınız"] is True and first["terms"]["bloke"] is True


def test_document_text_is_escaped(results):
    items = [item for group in results["img onerror"]["data"]["items"] for item in group]
    text = " ".join(item["text"] + item["title"] for item in items)
    assert "<img" not in text and "&lt;" in text and "onerror" in text
    assert "&amp;" in text


def test_fallback_article_says_so(results):
    groups = results["bloklanib"]["data"]["items"]
    faq = next(group for group in groups if group[0]["location"].startswith("tr/faq/"))
    article = next(item for item in faq if item["location"] == "tr/faq/")
    assert '<span class="hc-search-fallback">Henüz çevrilmedi: Azerbaycanca</span>' in article["title"]
    others = [item for group in groups for item in group if not item["location"].startswith("tr/faq/")]
    assert all("hc-search-fallback" not in item["title"] for item in others)


def test_missing_words_are_reported_as_typed(results):
    first = results["limit xyzzy"]["data"]["items"][0][0]
    assert first["terms"].get("xyzzy") is False


def test_empty_query_gives_no_results(results):
    assert results["   "]["data"]["items"] == []


def test_results_do_not_include_sections_that_match_nothing(results):
    groups = locations(results["durum"])
    assert groups == [["tr/payments/#durum", "tr/payments/"]]


def test_worker_fetches_only_the_shards_and_pages_a_query_needs(tmp_path):
    payload = build_search_file("tr", PAGES, RULES, GROUPS)
    files = split_search_file(payload, shard_bytes=60)  # many small shards
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    manifest = json.loads(files["tr.json"])
    shards = manifest["shards"]
    assert len(shards) > 5
    (tmp_path / "queries.json").write_text(json.dumps(["durum", "durum", "limit"]), encoding="utf-8")
    out = node(str(REPO / "tests" / "js" / "worker_run.cjs"), str(tmp_path / "tr.json"), str(tmp_path / "queries.json"))
    first, again, other = out["requests"]
    holding = [name for start, name in shards if start <= "durum"][-1]
    assert first == ["file", holding, f"tr/p1.{manifest['texts']}.json"]  # manifest, the term's shard, the one page shown
    assert again == []
    assert "file" not in other and all(name not in first for name in other) and other
    assert [[i["location"] for i in g] for g in out["results"][0]["data"]["items"]] == [["tr/payments/#durum", "tr/payments/"]]


def test_nothing_found_names_the_problem_type_whose_label_shares_a_word(tmp_path):
    payload = build_search_file("tr", PAGES, RULES, GROUPS)
    problems = [{"id": "login", "terms": ["giris", "yapam"]}, {"id": "withdrawal", "terms": ["gecik", "islem", "para", "zzzyx"]}]
    for name, text in split_search_file(payload, problems).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "queries.json").write_text(json.dumps(["zzzyx qqqq", "qqqq wwww"]), encoding="utf-8")
    out = node(str(REPO / "tests" / "js" / "worker_run.cjs"), str(tmp_path / "tr.json"), str(tmp_path / "queries.json"))
    named, unknown = (r["data"] for r in out["results"])
    assert named == {"items": [], "helpcenter": {"nothing": "zzzyx qqqq", "problem": "withdrawal"}}
    assert unknown == {"items": [], "helpcenter": {"nothing": "qqqq wwww", "problem": None}}
