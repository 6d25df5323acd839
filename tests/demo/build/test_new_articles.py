"""The articles written for the questions no article answered (issue 14): in four languages, current,
in the navigation and the router, their figures only from support.yml, found by players' words."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from tests.demo.helpers import LANGUAGES, REPO, article_path, support_yaml
from tests.unit.test_search_js import node

NEW = ("withdrawal-times", "verification", "where-to-find-ids", "chat-not-working", "close-account", "safer-gambling",
       "login-code", "deposit-charged-twice", "game-froze", "support-languages",
       "complaint-final-decision", "document-privacy")
DATA = support_yaml()
PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}")
# What players type (no ə/ş/ç/ğ/ı/ö/ü, other word forms, their own words), and the article that answers.
QUERIES = {
    "az": {"pul cixarilmasi uzun cekir": "withdrawal-times", "kyc ne qeder cekir": "verification",
           "emeliyyat id harada": "where-to-find-ids", "sohbet acilmir": "chat-not-working",
           "hesabimi silmek": "close-account", "ozunu kenarlasdirma": "safer-gambling",
           "sms kod gelmir": "login-code", "pul iki defe cixilib": "deposit-charged-twice",
           "oyun dondu merc": "game-froze",
           "destek hansi dillerde": "support-languages",
           "qerarla razi deyilem sikayet": "complaint-final-decision",
           "senedlerim nece saxlanilir": "document-privacy"},
    "en": {"withdrawal taking long": "withdrawal-times", "how long is kyc": "verification",
           "where is my request number": "where-to-find-ids", "chat not loading": "chat-not-working",
           "delete my account": "close-account", "self exclusion": "safer-gambling",
           "sms code not received": "login-code", "charged twice": "deposit-charged-twice",
           "game froze during bet": "game-froze",
           "phone support languages": "support-languages",
           "complain about the final decision": "complaint-final-decision",
           "are my documents safe": "document-privacy"},
    "ru": {"долго идет вывод": "withdrawal-times", "сколько длится верификация": "verification",
           "где номер обращения": "where-to-find-ids", "не открывается чат": "chat-not-working",
           "удалить аккаунт": "close-account", "самоисключение": "safer-gambling",
           "не приходит смс код": "login-code", "деньги списали дважды": "deposit-charged-twice",
           "игра зависла": "game-froze",
           "на каком языке поддержка": "support-languages",
           "куда пожаловаться": "complaint-final-decision",
           "как хранятся документы": "document-privacy"},
    "tr": {"para cekme uzun suruyor": "withdrawal-times", "kyc ne kadar surer": "verification",
           "talep numarasi nerede": "where-to-find-ids", "canli destek acilmiyor": "chat-not-working",
           "hesabimi silmek": "close-account", "kendimi oyundan uzaklastirmak": "safer-gambling",
           "sms kodu gelmiyor": "login-code", "iki kez cekildi": "deposit-charged-twice",
           "oyun dondu": "game-froze",
           "telefon destegi turkce": "support-languages",
           "nereye sikayet edebilirim": "complaint-final-decision",
           "belgelerim nasil saklaniyor": "document-privacy"},
}


def _front(language: str, article_id: str) -> tuple[dict, str]:
    _, head, body = (REPO / "docs" / language / f"{article_id}.md").read_text(encoding="utf-8").split("---", 2)
    return yaml.safe_load(head), body


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("article_id", NEW)
def test_each_new_article_is_built_in_each_language_and_in_its_navigation(demo_build, language, article_id):
    front, _ = _front(language, article_id)
    page = demo_build.page(article_path(language, article_id))
    assert page.html["lang"] == language
    assert page.select_one("article h1").get_text(strip=True) == front["title"]
    assert page.select_one("article .hc-translation-note") is None
    active = page.select_one("nav.md-nav--primary .md-nav__link--active")
    assert active is not None and active.get_text(strip=True) == front["title"]


def test_every_translation_of_the_new_articles_is_current(demo_build):
    report = json.loads((demo_build.site / "translation-status.json").read_text(encoding="utf-8"))
    states = {(e["article"], e["language"]): e for e in report["pages"]}
    for article_id in NEW:
        for language in LANGUAGES[1:]:
            entry = states[(article_id, language)]
            assert entry["state"] == "current" and not entry.get("differences"), (article_id, language, entry)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("article_id", NEW)
def test_no_figure_is_typed_by_hand(language, article_id):
    """Every number the player reads comes from support.yml through a placeholder."""
    _, body = _front(language, article_id)
    prose = re.sub(r"(?m)^\s*\d+\.\s", "", PLACEHOLDER.sub("", body))  # numbered steps' markers are no figure
    assert not re.findall(r"\d", prose), (language, article_id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_withdrawal_and_help_tables_show_support_yml(demo_build, language):
    policies = DATA["policies"]
    table = demo_build.page(article_path(language, "withdrawal-times")).select_one('[data-support-table="withdrawal"]')
    assert [th.get_text() for th in table.select("thead th")] == [policies["withdrawal"]["columns"][k][language] for k in ("label", "value")]
    labelled = {k: v for k, v in policies["withdrawal"]["items"].items() if "label" in v}
    rows = table.select("tr[data-policy]")
    assert [tr["data-policy"] for tr in rows] == list(labelled)
    for tr, (key, item) in zip(rows, labelled.items(), strict=True):
        low, high = next(v for k, v in item.items() if k != "label")
        assert tr.th.get_text() == item["label"][language] and tr.td.get_text().startswith(f"{low}–{high}\u00a0"), key
    links = [a["href"] for a in demo_build.page(article_path(language, "safer-gambling")).select('[data-support-table="help"] a')]
    assert links == [item["link"]["url"] for item in policies["help"]["items"].values()]


@pytest.mark.parametrize("problem, article", [("withdrawal", "withdrawal-times"), ("verification", "verification"),
                                              ("responsible-gaming", "safer-gambling"), ("chat-not-working", "chat-not-working"),
                                              ("close-account", "close-account"), ("login-code", "login-code"),
                                              ("double-charge", "deposit-charged-twice"), ("game-froze", "game-froze")])
def test_the_router_sends_each_problem_to_its_article(demo_build, problem, article):
    section = demo_build.page(article_path("en", "contact")).select_one(f'[data-problem="{problem}"]')
    assert section is not None
    assert any(a["href"].rstrip("/").endswith(f"/{article}") for a in section.select("a[href]")), problem


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_the_new_articles_by_players_words(demo_build, language, tmp_path):
    queries = list(QUERIES[language])
    (tmp_path / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    results = node(str(REPO / "tests" / "js" / "worker_run.cjs"), str(demo_build.site / "search" / f"{language}.json"),
                   str(tmp_path / "queries.json"))["results"]
    missed = []
    for query, result in zip(queries, results, strict=True):
        found = [group[0]["location"].split("#")[0] for group in result["data"]["items"]][:3]
        wanted = article_path(language, QUERIES[language][query])
        if not any(url.rstrip("/").endswith(wanted.rstrip("/")) for url in found):
            missed.append((query, found))
    assert not missed, missed


def test_the_turkish_languages_article_promises_turkish_on_the_phone_only_if_support_yml_lists_it(demo_build):
    """The review found a Turkish article promising Turkish on the phone; the languages now come from the data."""
    channels = {c["id"]: c for c in DATA["channels"]}
    items = {li.strong.get_text(strip=True).rstrip(":"): li.get_text(" ", strip=True)
             for li in demo_build.page(article_path("tr", "support-languages")).select("article li") if li.strong}
    assert ("Türkçe" in items["Telefon"]) == ("tr" in channels["phone"]["languages"]), items["Telefon"]
    assert ("Türkçe" in items["Canlı destek"]) == ("tr" in channels["chat"]["languages"]), items["Canlı destek"]
