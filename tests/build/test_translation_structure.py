"""Structural equivalence on a help center of its own (uz original, uk and de translations):
a translation marked current that differs in structure is 'diverged', everywhere staff and players look."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from helpcenter.articles import source_hash
from tests.helpers import ui_texts
from tests.own_site import OwnSite

TITLE = "Toʻlovlar kechikmoqda"
ORIGINAL = """Toʻlov kechiksa, {{ reply:chat }} ichida javob beramiz.

## Pul yechish

1. Tarixni oching.
2. ID raqamini toping.
3. Chatga yozing.

- bank;
- karta.

## Hujjatlar

| Hujjat | Nima uchun |
|---|---|
| Pasport | shaxsni tasdiqlaydi |
| Chek | toʻlovni tasdiqlaydi |

{{ widget:contact-router }}

Batafsil: [savollar](questions.md).
"""
TRANSLATION = """Якщо виплата затримується, відповідаємо за {{ reply:chat }}.

## Виведення коштів

1. Відкрийте історію.
2. Знайдіть ID.
3. Напишіть у чат.

- банк;
- картка.

## Документи

| Документ | Навіщо |
|---|---|
| Паспорт | підтверджує особу |
| Чек | підтверджує платіж |

{{ widget:contact-router }}

Докладніше: [питання](questions.md).
"""
QUESTIONS = {"uz": "## Qanday yozaman?\n\nChatga.\n\n## Qachon?\n\nHar doim.\n",
             "uk": "## Як написати?\n\nУ чат.\n\n## Коли?\n\nЗавжди.\n",
             "de": "## Wie schreibe ich?\n\nIm Chat.\n\n## Wann?\n\nImmer.\n"}

# kind -> (change to the uk translation, the words `make status` must say)
DIFFERENCES = {
    "headings": (("## Документи", "### Документи"), 'heading 2 ("Hujjatlar") is level 2 in uz, "Документи" is level 3 in uk'),
    "steps": (("3. Напишіть у чат.\n", ""), 'section 1 ("Pul yechish") (list 1) has 3 steps in uz, 2 in uk'),
    "list items": (("- картка.\n", "- картка;\n- гаманець.\n"), 'section 1 ("Pul yechish") (list 2) has 2 list items in uz, 3 in uk'),
    "tables": (("| Чек | підтверджує платіж |\n", ""), 'section 2 ("Hujjatlar"): table has 2 rows and 2 columns in uz, 1 rows and 2 columns in uk'),
    "placeholders": (("за {{ reply:chat }}", "швидко"), "placeholder {{ reply:chat }} is in uz only"),
    "widgets": (("{{ widget:contact-router }}\n", ""), "widget {{ widget:contact-router }}: 1 in uz, 0 in uk"),
    "links": (("[питання](questions.md)", "[головна](index.md)"), "the link to article 'questions' is in uz only"),
}


def _site(root, uk_body: str = TRANSLATION, uk_questions: str = QUESTIONS["uk"]) -> OwnSite:
    site = OwnSite(root)
    site.article("uz", "payouts", TITLE, ORIGINAL)
    site.article("uz", "questions", "Savollar", QUESTIONS["uz"])
    payouts, questions = source_hash(TITLE, f"{TITLE}.", ORIGINAL), source_hash("Savollar", "Savollar.", QUESTIONS["uz"])
    site.article("uk", "payouts", "Виплати затримуються", uk_body, payouts)
    site.article("de", "payouts", "Auszahlung verspätet", TRANSLATION.replace("Якщо", "Wenn"), payouts)
    site.article("uk", "questions", "Питання", uk_questions, questions)
    site.article("de", "questions", "Fragen", QUESTIONS["de"], questions)
    return site


def _cli(site: OwnSite, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site.root / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "helpcenter", "--today", "2026-11-26", *args], cwd=site.root, env=env,
                          capture_output=True, text=True, timeout=120)


def _states(site: OwnSite) -> dict[tuple[str, str], dict]:
    done = _cli(site, "status", "--json")
    assert done.returncode == 0, done.stderr
    return {(p["article"], p["language"]): p for p in json.loads(done.stdout)["pages"]}


def test_same_structure_is_current(tmp_path):
    states = _states(_site(tmp_path))
    assert {states[(a, lang)]["state"] for a in ("payouts", "questions") for lang in ("uk", "de")} == {"current"}
    assert states[("payouts", "uk")]["differences"] == []


@pytest.mark.parametrize("kind", DIFFERENCES)
def test_each_kind_of_difference_is_diverged_and_named(tmp_path, kind):
    (old, new), words = DIFFERENCES[kind]
    assert old in TRANSLATION
    site = _site(tmp_path, TRANSLATION.replace(old, new))
    states = _states(site)
    assert states[("payouts", "uk")]["state"] == "diverged"
    differences = states[("payouts", "uk")]["differences"]
    assert words in differences
    assert len(differences) == {"headings": 2, "links": 2}.get(kind, 1), differences
    assert states[("payouts", "de")]["state"] == "current"
    table = _cli(site, "status")
    assert f"    - {words}" in table.stdout and "1 diverged" in table.stdout
    assert _cli(site, "status", "--check").returncode == 1
    refused = _cli(site, "mark-current", "payouts", "uk")
    said = "missing {{ widget:contact-router }}" if kind == "widgets" else words  # the tables-and-widgets check speaks first
    assert refused.returncode == 2 and said in refused.stderr and "Traceback" not in refused.stderr
    assert "source_hash" in (site.root / "docs/uk/payouts.md").read_text(encoding="utf-8")


def test_faq_questions_count(tmp_path):
    site = _site(tmp_path, uk_questions=QUESTIONS["uk"].replace("## Коли?", "## Коли працює чат"))
    assert _states(site)[("questions", "uk")]["differences"] == ["2 FAQ questions in uz, 1 in uk"]


def test_diverged_in_the_build_log_report_and_players_note(tmp_path):
    site = _site(tmp_path, TRANSLATION.replace("3. Напишіть у чат.\n", ""))
    result = site.build()
    assert result.returncode == 0, result.output
    assert any(line.startswith("INFO") and "Diverged translation in 'docs/uk/payouts.md', line 6: it is marked current but does not match "
               "'docs/uz/payouts.md' in structure: section 1 (\"Pul yechish\") (list 1) has 3 steps in uz, 2 in uk." in line
               for line in result.output.splitlines()), result.output
    assert "Translations: 3 current, 2 outdated, 1 diverged, 0 missing" in result.output  # the home pages record no source_hash
    report = json.loads((result.site / "translation-status.json").read_text(encoding="utf-8"))
    assert report["summary"]["diverged"] == 1
    strings = ui_texts(site.root)  # the generator's defaults under the site's own texts, as the build shows them
    page = BeautifulSoup((result.site / "uk/payouts/index.html").read_text(encoding="utf-8"), "html.parser")
    note = page.select_one("article .hc-translation-note")
    assert note is not None and note["data-translation-state"] == "diverged"
    before, after = strings["translation_outdated"]["uk"].split("{original}")  # the default language's name is filled in
    assert before in note.get_text(" ") and after in note.get_text(" ")
    de = BeautifulSoup((result.site / "de/payouts/index.html").read_text(encoding="utf-8"), "html.parser")
    assert de.select_one("article .hc-translation-note") is None


def test_diverged_fails_the_build_under_outdated_strict(tmp_path):
    site = _site(tmp_path, TRANSLATION.replace("3. Напишіть у чат.\n", ""))
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8").replace("review_days: 365", "review_days: 365, outdated_strict: true")
    site.write("mkdocs.yml", config)
    result = site.build()
    assert result.returncode != 0
    assert any(line.startswith("WARNING") and "Diverged translation in 'docs/uk/payouts.md'" in line for line in result.output.splitlines())
