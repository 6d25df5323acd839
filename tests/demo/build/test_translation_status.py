"""Translation status: one article current, one outdated, one missing; what players and staff see."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from urllib.parse import urljoin

import pytest
import yaml

from tests.demo.helpers import LANGUAGES, Project, article_path
from tests.helpers import ui_texts

TRANSLATIONS = LANGUAGES[1:]
TODAY = "2026-11-26"
RAW_STRINGS = ui_texts()
# The default language's name in each page language, as CLDR writes it: the notes' {original}.
ORIGINAL_NAME = {"en": "Azerbaijani", "ru": "азербайджанский", "tr": "Azerbaycan dili"}
STRINGS = {key: {lang: text.replace("{original}", ORIGINAL_NAME[lang]) if isinstance(text, str) and lang in ORIGINAL_NAME else text
                 for lang, text in values.items()} for key, values in RAW_STRINGS.items()}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    """home: every translation current (the demo's other articles may be diverged); payments: the original changed; service-quality: no translations."""
    project = Project(tmp_path_factory.mktemp("status") / "project")
    project.replace("docs/az/payments.md", "## Depozit balansa düşməyib", "## Depozit balansınıza düşməyib")
    for language in TRANSLATIONS:
        (project.root / f"docs/{language}/service-quality.md").unlink()
    project.replace("docs/ru/index.md", "last_reviewed: 2026-11-20", "last_reviewed: 2026-01-01")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HELPCENTER_TODAY", TODAY)
        result = project.build()
    assert result.returncode == 0, result.output
    return project, result


def _note(page):
    return page.select_one("article .hc-translation-note")


def test_lenient_policy_reports_without_failing(fixture_site):
    _, result = fixture_site
    rows = result.output.splitlines()
    assert not [r for r in rows if r.startswith(("WARNING", "ERROR"))], result.output
    info = [r for r in rows if r.startswith("INFO") and "helpcenter: " in r]
    for language in TRANSLATIONS:
        assert any(f"Outdated translation in 'docs/{language}/payments.md', line " in r for r in info), info
    assert any("Review overdue in 'docs/ru/index.md', line 5: last reviewed 2026-01-01, 329 days ago" in r for r in info), info
    summary = next(r for r in info if "Translations: " in r)
    current, outdated, diverged, missing = map(int, re.findall(r"(\d+) (?:current|outdated|diverged|missing)", summary))
    assert (current + diverged, outdated, missing) == (30, 3, 3), summary


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_current_translation_has_no_note(fixture_site, language):
    _, result = fixture_site
    page = result.page(article_path(language, "home"))
    assert _note(page) is None
    assert page.html["lang"] == language


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_outdated_translation_says_so_and_links_the_original(fixture_site, language):
    _, result = fixture_site
    here = "/" + article_path(language, "payments")
    page = result.page(article_path(language, "payments"))
    note = _note(page)
    assert note is not None and note["data-translation-state"] == "outdated"
    assert note.get("role") == "note"
    link = note.find("a")
    assert " ".join(note.get_text(" ").split()) == f"{STRINGS['translation_outdated'][language]} {STRINGS['translation_original_link'][language]}"
    assert urljoin(here, link["href"]) == "/" + article_path("az", "payments") and link["hreflang"] == "az"
    assert page.select_one("article div[lang]") is None  # the text is this language's


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_missing_translation_shows_the_original_with_a_note(fixture_site, language):
    project, result = fixture_site
    here = "/" + article_path(language, "service-quality")
    page = result.page(article_path(language, "service-quality"))
    note = _note(page)
    assert note is not None and note["data-translation-state"] == "missing"
    assert note.find(string=lambda s: STRINGS["translation_missing"][language] in s)
    link = note.find("a")
    assert link.get_text(strip=True) == STRINGS["translation_original_link"][language]
    assert urljoin(here, link["href"]) == "/" + article_path("az", "service-quality")
    original = page.select_one("article div[lang='az']")  # screen readers read the Azerbaijani text as Azerbaijani
    az_title = yaml.safe_load(project.read("docs/az/service-quality.md").split("---")[1])["title"]
    assert original is not None and original.find("h1").get_text(strip=True) == az_title
    assert page.html["lang"] == language  # the interface stays in the page's language


def test_notes_are_written_in_each_language(fixture_site):
    _, result = fixture_site
    texts = {language: _note(result.page(article_path(language, "payments"))).get_text(" ", strip=True) for language in TRANSLATIONS}
    assert len(set(texts.values())) == len(TRANSLATIONS), texts


@pytest.mark.parametrize("article_id", ["home", "payments", "service-quality"])
def test_originals_have_no_note(fixture_site, article_id):
    _, result = fixture_site
    assert _note(result.page(article_path("az", article_id))) is None


def test_report_in_the_build_output(fixture_site):
    _, result = fixture_site
    report = json.loads((result.site / "translation-status.json").read_text(encoding="utf-8"))
    states = {(p["article"], p["language"]): p for p in report["pages"]}
    assert len(states) == 12 * len(LANGUAGES)
    for language in TRANSLATIONS:
        assert states[("home", language)]["state"] == "current"
        outdated = states[("payments", language)]
        assert outdated["state"] == "outdated" and outdated["recorded_hash"] != outdated["source_hash"]
        assert outdated["file"] == f"docs/{language}/payments.md"
        missing = states[("service-quality", language)]
        assert missing["state"] == "missing" and missing["translation"] is None and missing["file"] == "docs/az/service-quality.md"
    assert states[("payments", "az")]["state"] == "original"
    ru_home = states[("home", "ru")]
    assert (ru_home["last_reviewed"], ru_home["age_days"], ru_home["review_due"], ru_home["overdue"]) == ("2026-01-01", 329, "2026-06-30", True)
    assert states[("home", "en")]["age_days"] == 6 and states[("home", "en")]["overdue"] is False
    summary = report["summary"]
    assert (summary["original"], summary["current"] + summary["diverged"], summary["outdated"], summary["missing"], summary["overdue"]) == (12, 30, 3, 3, 1)
    assert report["policy"]["review_days"] == 180 and report["default_language"] == "az"


def _cli(project: Project, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("HELPCENTER_TODAY", None)
    return subprocess.run([sys.executable, "-m", "helpcenter", "--today", TODAY, *args], cwd=project.root, env=env, capture_output=True, text=True, timeout=120)


def test_status_command_prints_the_table(fixture_site):
    project, _ = fixture_site
    done = _cli(project, "status")
    assert done.returncode == 0, done.stderr
    rows = {tuple(line.split()[:3]): line.split() for line in done.stdout.splitlines() if line[:1].isalpha() and len(line.split()) >= 7}
    for language in TRANSLATIONS:
        assert ("home", language, "current") in rows
        assert ("payments", language, "outdated") in rows
        assert ("service-quality", language, "missing") in rows
        assert rows[("service-quality", language, "missing")][-1] == "docs/az/service-quality.md"
    assert rows[("home", "ru", "current")][3:7] == ["2026-01-01", "329d", "2026-06-30", "OVERDUE"]
    assert re.search(r"3 outdated, \d+ diverged, 3 missing translations; 1 review\(s\) overdue", done.stdout)


def test_status_command_json_is_the_build_report(fixture_site):
    project, result = fixture_site
    done = _cli(project, "status", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == json.loads((result.site / "translation-status.json").read_text(encoding="utf-8"))


def test_status_command_filters_and_check(fixture_site):
    project, _ = fixture_site
    done = _cli(project, "status", "--language", "tr", "--state", "outdated")
    listed = [line.split()[:3] for line in done.stdout.splitlines() if line.startswith("payments")]
    assert listed == [["payments", "tr", "outdated"]], done.stdout
    assert _cli(project, "status", "--check").returncode == 1


@pytest.mark.xfail(strict=True, reason="issue 14: 31 of the demo's 36 translations still differ from their originals in structure")
def test_demo_translations_are_all_current(demo_build):
    report = json.loads((demo_build.site / "translation-status.json").read_text(encoding="utf-8"))
    diverged = {p["translation"]: p["differences"] for p in report["pages"] if p["state"] == "diverged"}
    assert not diverged, "\n".join(f"{file}: {'; '.join(found)}" for file, found in diverged.items())
    assert {p["state"] for p in report["pages"] if p["language"] != "az"} == {"current"}
    assert {p["state"] for p in report["pages"] if p["language"] == "az"} == {"original"}
    for language in LANGUAGES:
        assert _note(demo_build.page(article_path(language, "payments"))) is None
