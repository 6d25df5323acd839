"""Translation status on the tests' own help center: current, outdated and missing translations, what
players see (notes in each language, the original shown as itself) and what staff see (build log,
translation-status.json, `helpcenter status`).

The site: Tannenwald, German default with Ukrainian and Georgian. Its translations are marked current
with `helpcenter mark-current`, then the original of `konto` changes; `bonus` exists only in German.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from urllib.parse import urljoin

import pytest

from tests.generator_site import Language, SiteSpec, build, page, write_site

TODAY = "2026-11-26"
TRANSLATIONS = ("uk", "ka")
# The notes in the site's own words; {original} is German as CLDR names it in the page's language.
NOTES = {
    "uk": {"translation_outdated": "Оригінал ({original}) змінився після перекладу.", "translation_missing": "Цю статтю ще не перекладено ({original} оригінал).",
           "translation_original_link": "Читати оригінал"},
    "ka": {"translation_outdated": "ორიგინალი ({original}) შეიცვალა თარგმნის შემდეგ.", "translation_missing": "სტატია ჯერ არ არის თარგმნილი ({original} ორიგინალი).",
           "translation_original_link": "ორიგინალის წაკითხვა"},
}
GERMAN = {"uk": "німецька", "ka": "გერმანული"}
SPEC = SiteSpec("Tannenwald", "Europe/Zurich",
                [Language("de", "Deutsch", home="Willkommen bei {{ brand }}.", contact="Wählen Sie Ihr Anliegen.", faq_question="Wie erreiche ich Sie?",
                          faq_answer="Schreiben Sie uns; die erste Antwort kommt in {{ reply:%s }}."),
                 Language("uk", "Українська", home="Вітаємо в {{ brand }}.", contact="Оберіть своє питання.", faq_question="Як з вами зв'язатися?",
                          faq_answer="Напишіть нам; перша відповідь надійде за {{ reply:%s }}.", strings=NOTES["uk"]),
                 Language("ka", "ქართული", home="კეთილი იყოს თქვენი მობრძანება {{ brand }}-ში.", contact="აირჩიეთ თქვენი საკითხი.",
                          faq_question="როგორ დაგიკავშირდეთ?", faq_answer="მოგვწერეთ; პირველი პასუხი მოვა {{ reply:%s }}-ში.", strings=NOTES["ka"])],
                [{"id": "post", "kind": "email", "contact": {"type": "email", "value": "hilfe@tannenwald.example"}, "hours": "always",
                  "first_reply_minutes": [30, 240]}])
KONTO = {"de": ("Ihr Konto", "## Anmelden\n\nMelden Sie sich mit Ihrer E-Mail an.\n\n## Passwort\n\nSetzen Sie es über den Link zurück."),
         "uk": ("Ваш обліковий запис", "## Вхід\n\nУвійдіть за допомогою електронної пошти.\n\n## Пароль\n\nСкиньте його за посиланням."),
         "ka": ("თქვენი ანგარიში", "## შესვლა\n\nშედით ელფოსტით.\n\n## პაროლი\n\nაღადგინეთ ბმულით.")}
BONUS = ("Boni", "## Wann ein Bonus kommt\n\nInnerhalb eines Tages.")


def _path(language: str, article_id: str) -> str:
    prefix = "" if language == "de" else f"{language}/"
    return prefix if article_id == "home" else f"{prefix}{article_id}/"


def _cli(root, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("HELPCENTER_TODAY", None)
    return subprocess.run([sys.executable, "-m", "helpcenter", "--today", TODAY, *args], cwd=root, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("status") / "tannenwald", SPEC)
    for language, (title, body) in KONTO.items():
        (root / "docs" / language / "konto.md").write_text(page("konto", title, body), encoding="utf-8")
    (root / "docs" / "de" / "bonus.md").write_text(page("bonus", *BONUS), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      - faq.md\n", "      - faq.md\n      - konto.md\n      - bonus.md\n"), encoding="utf-8")
    for article_id in ("home", "contact", "faq", "konto"):
        marked = _cli(root, "mark-current", "--keep-date", article_id)
        assert marked.returncode == 0, marked.stdout + marked.stderr
    original = root / "docs" / "de" / "konto.md"
    original.write_text(original.read_text(encoding="utf-8").replace("mit Ihrer E-Mail", "mit Ihrer E-Mail-Adresse"), encoding="utf-8")
    home = root / "docs" / "uk" / "index.md"
    home.write_text(home.read_text(encoding="utf-8").replace("last_reviewed: 2026-11-20", "last_reviewed: 2025-06-01"), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HELPCENTER_TODAY", TODAY)
        result = build(root)
    assert result.returncode == 0, result.output
    return root, result


def _note(html):
    return html.select_one("article .hc-translation-note")


def test_lenient_policy_reports_without_failing(fixture_site):
    _, result = fixture_site
    rows = result.output.splitlines()
    assert not [r for r in rows if r.startswith(("WARNING", "ERROR"))], result.output
    info = [r for r in rows if r.startswith("INFO") and "helpcenter: " in r]
    for language in TRANSLATIONS:
        assert any(f"Outdated translation in 'docs/{language}/konto.md', line " in r for r in info), info
    # 2025-06-01 to 2026-11-26: 365 days to 2026-06-01, then 29 + 31 + 31 + 30 + 31 + 26.
    assert any("Review overdue in 'docs/uk/index.md', line 5: last reviewed 2025-06-01, 543 days ago" in r for r in info), info
    assert any("Translations: 6 current, 2 outdated, 0 diverged, 2 missing" in r for r in info), info


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_current_translation_has_no_note(fixture_site, language):
    _, result = fixture_site
    html = result.page(_path(language, "home"))
    assert _note(html) is None and html.html["lang"] == language


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_outdated_translation_says_so_in_its_language_and_links_the_original(fixture_site, language):
    _, result = fixture_site
    html = result.page(_path(language, "konto"))
    note = _note(html)
    assert note is not None and note["data-translation-state"] == "outdated" and note.get("role") == "note"
    expected = NOTES[language]["translation_outdated"].format(original=GERMAN[language]) + " " + NOTES[language]["translation_original_link"]
    assert " ".join(note.get_text(" ").split()) == expected
    link = note.find("a")
    assert urljoin("/" + _path(language, "konto"), link["href"]) == "/konto/" and link["hreflang"] == "de"
    assert html.select_one("article div[lang]") is None  # the text is this language's
    assert KONTO[language][0] in html.select_one("article h1").get_text()


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_missing_translation_shows_the_original_as_itself_with_a_note(fixture_site, language):
    _, result = fixture_site
    html = result.page(_path(language, "bonus"))
    note = _note(html)
    assert note is not None and note["data-translation-state"] == "missing"
    assert note.find(string=lambda s: NOTES[language]["translation_missing"].format(original=GERMAN[language]) in s)
    link = note.find("a")
    assert link.get_text(strip=True) == NOTES[language]["translation_original_link"]
    assert urljoin("/" + _path(language, "bonus"), link["href"]) == "/bonus/"
    original = html.select_one("article div[lang='de']")  # screen readers read the German text as German
    assert original is not None and original.find("h1").get_text(strip=True) == "Boni"
    assert "Innerhalb eines Tages." in original.get_text()
    assert html.html["lang"] == language  # the interface stays in the page's language


@pytest.mark.parametrize("article_id", ["home", "konto", "bonus"])
def test_originals_have_no_note(fixture_site, article_id):
    _, result = fixture_site
    assert _note(result.page(_path("de", article_id))) is None


def test_report_in_the_build_output(fixture_site):
    _, result = fixture_site
    report = json.loads((result.site / "translation-status.json").read_text(encoding="utf-8"))
    states = {(p["article"], p["language"]): p for p in report["pages"]}
    assert len(states) == 5 * 3
    for language in TRANSLATIONS:
        assert states[("home", language)]["state"] == "current"
        outdated = states[("konto", language)]
        assert outdated["state"] == "outdated" and outdated["recorded_hash"] != outdated["source_hash"] and outdated["file"] == f"docs/{language}/konto.md"
        missing = states[("bonus", language)]
        assert missing["state"] == "missing" and missing["translation"] is None and missing["file"] == "docs/de/bonus.md"
    assert states[("konto", "de")]["state"] == "original"
    uk_home = states[("home", "uk")]
    assert (uk_home["last_reviewed"], uk_home["age_days"], uk_home["review_due"], uk_home["overdue"]) == ("2025-06-01", 543, "2026-06-01", True)
    assert states[("home", "ka")]["age_days"] == 6 and states[("home", "ka")]["overdue"] is False
    summary = report["summary"]
    assert (summary["original"], summary["current"], summary["outdated"], summary["missing"], summary["overdue"]) == (5, 6, 2, 2, 1)
    assert report["policy"]["review_days"] == 365 and report["default_language"] == "de"


def test_status_command_prints_the_table(fixture_site):
    root, _ = fixture_site
    done = _cli(root, "status")
    assert done.returncode == 0, done.stderr
    rows = {tuple(line.split()[:3]): line.split() for line in done.stdout.splitlines() if line[:1].isalpha() and len(line.split()) >= 7}
    for language in TRANSLATIONS:
        assert ("home", language, "current") in rows and ("konto", language, "outdated") in rows
        assert rows[("bonus", language, "missing")][-1] == "docs/de/bonus.md"
    assert rows[("home", "uk", "current")][3:7] == ["2025-06-01", "543d", "2026-06-01", "OVERDUE"]
    assert re.search(r"2 outdated, 0 diverged, 2 missing translations; 1 review\(s\) overdue", done.stdout), done.stdout


def test_status_command_json_is_the_build_report(fixture_site):
    root, result = fixture_site
    done = _cli(root, "status", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads((result.site / "translation-status.json").read_text(encoding="utf-8"))


def test_status_command_filters_and_check(fixture_site):
    root, _ = fixture_site
    done = _cli(root, "status", "--language", "ka", "--state", "outdated")
    assert [line.split()[:3] for line in done.stdout.splitlines() if line.startswith("konto")] == [["konto", "ka", "outdated"]], done.stdout
    assert _cli(root, "status", "--check").returncode == 1
