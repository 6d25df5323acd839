"""Generator tests: help centers unlike the demo (languages, brand, channels), built into tmp_path.

They use no demo content: each writes its own site (tests/generator_site.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from helpcenter.search_text import load_rules, terms
from production_server.check import check
from production_server.server import serve_in_background
from tests.generator_site import Language, SiteSpec, build, write_site
from tests.helpers import REPO, read_search_file

TELEGRAM = {"id": "telegram", "kind": "messenger", "icon": "fontawesome/brands/telegram",
            "contact": {"type": "url", "value": "https://t.me/novabet_support"}, "hours": "always", "first_reply_minutes": [5, 30]}
CHAT = {"id": "live", "kind": "chat", "contact": {"type": "url", "value": "https://novabet.example/chat"}, "hours": "always",
        "first_reply_minutes": [1, 5]}
HELP = {"id": "kb", "kind": "faq", "contact": {"type": "article", "value": "faq"}, "hours": "always", "first_reply_minutes": [0, 0]}
BONUS = {"id": "bonus", "channels": ["telegram", "live", "kb"], "documents": ["screenshots"], "escalation": True, "article": "faq"}

GERMAN = Language("de", "Deutsch", strings={"minute": {"one": "Minute", "other": "Minuten"}, "hour": {"one": "Stunde", "other": "Stunden"}})
KAZAKH_HOME = "{{ brand }} анықтама орталығына қош келдіңіз. Құпия сөзді ұмыттыңыз ба? Бонус есептелмеді."
NOVABET = SiteSpec("Novabet", "Europe/Istanbul",
                   [Language("tr", "Türkçe", home="{{ brand }} yardım merkezine hoş geldiniz."), Language("en", "English"),
                    Language("kk", "Қазақша", home=KAZAKH_HOME)],
                   [TELEGRAM, CHAT, HELP], [BONUS])


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def novabet(tmp_path_factory):
    """Turkish default, English and Kazakh (Material has no kk), a Telegram channel and a bonus problem."""
    root = write_site(tmp_path_factory.mktemp("novabet"), NOVABET)
    (root / "theme-strings").mkdir()
    (root / "theme-strings" / "kk.yml").write_text('search.placeholder: "Анықтамадан іздеу"\n', encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    return root, result


def test_each_language_is_served_under_its_prefix_with_its_lang(novabet):
    root, _ = novabet
    for path, lang in (("", "tr"), ("en", "en"), ("kk", "kk")):
        assert page(root / "site", path).html["lang"] == lang


def test_a_language_material_lacks_gets_its_theme_texts_from_the_project(novabet):
    root, result = novabet
    kk = page(root / "site", "kk")
    assert kk.select_one("input.md-search__input")["placeholder"] == "Анықтамадан іздеу"  # the team's text over the generator's default
    assert page(root / "site", "en").select_one("input.md-search__input")["placeholder"] == "Search"
    # The generator's kk defaults give every other key (tests/build/test_theme_texts.py has a language without them).
    assert [line for line in result.output.splitlines() if "Material has no 'kk' interface texts" in line] == []


def test_kazakh_words_are_found_in_the_kazakh_index(novabet):
    root, _ = novabet
    index = read_search_file(root / "site", "kk")
    rules = load_rules()
    stored = json.dumps(index["index"], ensure_ascii=False)
    for typed in ("құпия", "купия", "ҰМЫТТЫҢЫЗ"):  # as written, on a Russian layout, in capitals
        term = terms(typed, rules.language("kk"), rules)[0]
        assert f'"{term}"' in stored, term


def test_the_widget_recommends_telegram_for_a_bonus(novabet):
    root, _ = novabet
    route = page(root / "site", "en/contact").select_one('[data-problem="bonus"]')
    channels = route.select("li.hc-channel")
    assert [li["data-channel"] for li in channels] == ["telegram", "live", "kb"]
    assert channels[0]["data-recommended-channel"] == "telegram" and channels[0]["data-channel-kind"] == "messenger"
    action = channels[0].select_one(".hc-channel__action a")
    assert action["href"] == "https://t.me/novabet_support" and action.get_text() == "Message us on Telegram"
    assert channels[0].select_one(".hc-channel__icon svg")  # the icon it names (fontawesome/brands/telegram)
    assert channels[2].select_one(".hc-channel__action a")["href"] == "../faq/"
    assert route.select("[data-document]") and route.select("[data-escalation]")


def test_no_trace_of_the_demo(novabet):
    root, _ = novabet
    for file in (root / "site").rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        assert "Lumora" not in text and 'lang="az"' not in text and 'hreflang="ru"' not in text, file


def test_redirects_follow_the_languages(novabet):
    root, _ = novabet
    lines = (root / "site" / "_redirects").read_text(encoding="utf-8").splitlines()
    assert "/  /index.html  200!  Language=tr" in lines
    assert "/  /kk/  302!  Language=kk" in lines and "/kk/*  /kk/404.html  404" in lines
    assert not any("Language=az" in line for line in lines)


@pytest.fixture(scope="module")
def english_with_german(tmp_path_factory):
    spec = SiteSpec("Kinetic", "Europe/Berlin", [Language("en", "English"), GERMAN],
                    [{"id": "mail", "kind": "email", "contact": {"type": "email", "value": "help@kinetic.example"}, "hours": "always",
                      "first_reply_minutes": [5, 30]}])
    root = write_site(tmp_path_factory.mktemp("kinetic"), spec)
    return root


def test_an_english_default_is_served_at_the_root(english_with_german):
    root = english_with_german
    result = build(root)
    assert result.returncode == 0, result.output
    server, base = serve_in_background(root / "site", REPO / "netlify.toml")
    try:
        assert check(base, root / "site", REPO / "netlify.toml") == []
    finally:
        server.shutdown()
        server.server_close()


def test_a_skeleton_translation_shows_the_original_in_its_language(english_with_german):
    root = english_with_german
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "HELPCENTER_TODAY": "2026-11-26"}
    done = subprocess.run([sys.executable, "-m", "helpcenter", "new-article", "limits", "--title", "Deposit limits",
                           "--description", "How limits work.", "--group", "Help"], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    original = root / "docs" / "en" / "limits.md"
    original.write_text(original.read_text(encoding="utf-8") + "\nSet a limit; we reply within {{ reply:mail }}.\n", encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    de = page(root / "site", "de/limits")
    article = de.select_one("article")
    note = article.select_one("[data-translation-state]")
    assert note["data-translation-state"] == "missing"  # not "outdated" over an empty page
    assert "Englisch" in note.get_text()  # the original's language, named in the page's language (fixture text: the English one)
    assert "Azerbaijani" not in article.get_text()
    shown = article.select_one('div[lang="en"]')
    assert shown is not None and "Set a limit; we reply within 5–30\u00a0minutes" in shown.get_text(), article
    assert "Minuten" not in shown.get_text()


@pytest.mark.parametrize(("code", "name", "text", "typed"), [
    ("ka", "ქართული", "პაროლი დამავიწყდა. ანგარიში დაბლოკილია.", "ანგარიში"),
    ("el", "Ελληνικά", "Ξέχασα τον κωδικό. Ο λογαριασμός μου κλειδώθηκε.", "λογαριασμος"),
])
def test_a_non_latin_non_cyrillic_language_is_searchable(tmp_path, code, name, text, typed):
    spec = SiteSpec("Orbis", "Asia/Tbilisi", [Language(code, name, home=text, faq_question=text.split(".")[0] + "?", faq_answer=text),
                                              Language("en", "English")], [CHAT])
    root = write_site(tmp_path / "site-src", spec)
    result = build(root)
    assert result.returncode == 0, result.output
    assert page(root / "site", "").html["lang"] == code
    index = json.dumps(read_search_file(root / "site", code)["index"], ensure_ascii=False)
    rules = load_rules()
    assert f'"{terms(typed, rules.language(code), rules)[0]}"' in index



def test_a_missing_translation_fills_placeholders_in_the_originals_language(tmp_path):
    spec = SiteSpec("Kinetic", "Europe/Berlin", [Language("en", "English"), GERMAN],
                    [{"id": "mail", "kind": "email", "contact": {"type": "email", "value": "help@kinetic.example"}, "hours": "always",
                      "first_reply_minutes": [5, 30]}])
    root = write_site(tmp_path / "src", spec)
    (root / "docs" / "de" / "faq.md").unlink()
    result = build(root)
    assert result.returncode == 0, result.output
    article = page(root / "site", "de/faq").select_one("article")
    assert article.select_one("[data-translation-state]")["data-translation-state"] == "missing"
    shown = article.select_one('div[lang="en"]').get_text()
    assert "5–30\u00a0minutes" in shown and "Minuten" not in shown  # not "Telegram hattımız тәулік бойы açıktır"


def test_a_kind_that_does_not_fit_its_contact_is_one_clear_error(tmp_path):
    wrong = {**TELEGRAM, "kind": "phone"}
    root = write_site(tmp_path / "src", SiteSpec("Orbis", "Europe/Istanbul", [Language("en", "English")], [wrong]))
    result = build(root)
    assert result.returncode == 1
    errors = [line for line in result.output.splitlines() if "kind" in line and "support.yml" in line]
    assert len(errors) == 1, result.output
    assert "channels[0].kind: a channel of kind 'phone' needs a contact of type 'phone', not 'url'" in errors[0]
    assert "line " in errors[0] and "Traceback" not in result.output


def test_theme_texts_from_the_project_are_escaped(tmp_path):
    spec = SiteSpec("Orbis", "Asia/Almaty", [Language("kk", "Қазақша"), Language("en", "English")], [CHAT])
    root = write_site(tmp_path / "src", spec)
    (root / "theme-strings").mkdir()
    (root / "theme-strings" / "kk.yml").write_text('search.reset: "Тазалау\\" onmouseover=\\"alert(1)"\n', encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    home = page(root / "site", "")  # kk is the default here: its partial must exist before Material's search plugin reads it
    assert home.html["lang"] == "kk"
    button = home.select_one("button[type=reset].md-search__icon")
    assert button["title"] == 'Тазалау" onmouseover="alert(1)' and not button.has_attr("onmouseover")


def test_a_theme_texts_file_with_an_unknown_key_is_one_clear_error(tmp_path):
    spec = SiteSpec("Orbis", "Asia/Almaty", [Language("kk", "Қазақша"), Language("en", "English")], [CHAT])
    root = write_site(tmp_path / "src", spec)
    (root / "theme-strings").mkdir()
    (root / "theme-strings" / "kk.yml").write_text('search.placeholder: "Іздеу"\nsearch.placehodler: "Іздеу"\n', encoding="utf-8")
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "theme-strings/kk.yml', line 2: 'search.placehodler' is not one of Material's interface keys" in result.output
