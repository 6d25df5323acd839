"""Authoring commands on a copy of the demo: marking its translations, adding a language to it, moving its default
(the generator's authoring tests, on a site of their own: tests/build/test_authoring.py)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.demo.helpers import Project
from tests.helpers import REPO, ui_texts

TODAY = "2026-12-02"


def cli(project: Project | None, *args: str) -> subprocess.CompletedProcess:
    root = project.root if project else REPO
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("HELPCENTER_TODAY", None)
    return subprocess.run([sys.executable, "-m", "helpcenter", "--today", TODAY, *args], cwd=root, env=env, capture_output=True, text=True, timeout=120)


def front(project: Project, relative: str) -> dict:
    return yaml.safe_load(project.read(relative).split("---")[1])


def test_mark_current_after_the_original_changed(project):
    project.replace("docs/az/index.md", "last_reviewed: 2026-11-20", "last_reviewed: 2026-11-25")  # not part of the hash
    assert "outdated" not in cli(project, "status", "--state", "outdated").stdout.split("ARTICLE")[1].split("\n\n")[0]
    text = project.read("docs/az/index.md")
    project.write("docs/az/index.md", text + "\nƏlavə sual üçün canlı söhbətə yazın.\n")
    project.write("docs/en/index.md", project.read("docs/en/index.md") + "\nFor anything else, write to us in live chat.\n")
    before_ru = project.read("docs/ru/index.md")
    done = cli(project, "mark-current", "home", "en", "--keep-date")
    assert done.returncode == 0, done.stderr
    meta = front(project, "docs/en/index.md")
    assert str(meta["last_reviewed"]) == "2026-11-20"  # --keep-date
    status = {tuple(line.split()[:2]): line.split()[2] for line in cli(project, "status").stdout.splitlines() if line.startswith("home ")}
    assert status == {("home", "az"): "original", ("home", "en"): "current", ("home", "ru"): "outdated", ("home", "tr"): "outdated"}
    assert project.read("docs/ru/index.md") == before_ru
    # Without --keep-date the check is also the translation's review.
    project.write("docs/ru/index.md", before_ru + "\nПо любым другим вопросам пишите нам в онлайн-чат.\n")
    assert cli(project, "mark-current", "home", "ru").returncode == 0
    assert str(front(project, "docs/ru/index.md")["last_reviewed"]) == TODAY


def test_mark_current_refuses_a_translation_missing_a_table(project):
    project.replace("docs/tr/contact-channels.md", "{{ table:channels }}", "")
    project.write("docs/az/contact-channels.md", project.read("docs/az/contact-channels.md") + "\nSual?\n")
    done = cli(project, "mark-current", "contact-channels", "tr")
    assert done.returncode == 2 and "missing {{ table:channels }}" in done.stderr


def _with_language(value, code: str, source: str = "en"):
    """`value` with a text in `code` wherever it has one in `source` (as a translator would write them)."""
    if isinstance(value, dict):
        if source in value and all(isinstance(k, str) and len(k) == 2 for k in value):
            return {**value, code: value[source]}
        return {k: _with_language(v, code, source) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_language(v, code, source) for v in value]
    return value


def test_add_language_prepares_and_lists_what_is_missing(project):
    before = project.read("mkdocs.yml")
    done = cli(project, "add-language", "de")
    assert done.returncode == 0, done.stderr
    assert (project.root / "docs/de").is_dir()
    assert project.read("mkdocs.yml") == before  # the command only prints the entry
    snippet = done.stdout.split("(translate the navigation titles after the colons):")[1].split("\n2.")[0]
    entry = yaml.safe_load(snippet)
    assert entry == [{"locale": "de", "name": "Deutsch", "build": True, "nav_translations": {
        "Əlaqə və cavab müddətləri": "Əlaqə və cavab müddətləri", "Sənədlər, ödənişlər və mübahisələr": "Sənədlər, ödənişlər və mübahisələr",
        "Hesab": "Hesab", "Məsuliyyətli oyun": "Məsuliyyətli oyun", "Keyfiyyət və rəy": "Keyfiyyət və rəy", "Tez-tez verilən suallar": "Tez-tez verilən suallar"}}]
    assert "'support.yml', line 12: timezone_label: no text for language 'de'" in done.stdout
    assert "'ui-strings.yml': 'minute' has no text in 'de' (shows in English, 'generator/ui-strings/en.yml', line 6). Add `minute: {de: ...}`." in done.stdout
    assert "Material translates 'de'; nothing to write" in done.stdout
    assert "4. Search: none needed, generic rules apply" in done.stdout
    # Run again: the same list, nothing written or refused.
    again = cli(project, "add-language", "de")
    assert again.returncode == 0, again.stderr
    assert "exists already" in again.stdout
    assert again.stdout.split("\n1.", 1)[1] == done.stdout.split("\n1.", 1)[1]


def test_make_targets_pass_values_through(project):
    """Staff type `make new-article ID=... TITLE="..."`: quotes and colons reach the command intact."""
    shutil.copy2(REPO / "Makefile", project.root / "Makefile")
    venv = str(Path(sys.executable).parent.parent)
    env = {**os.environ, "HELPCENTER_TODAY": TODAY}

    def make(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["make", "-s", "STAMP=", f"VENV={venv}", *args], cwd=project.root, env=env, capture_output=True, text=True, timeout=120)

    done = make("new-article", "ID=deposit-limits", 'TITLE=Depozit "limitləri": 100%', "DESCRIPTION=Limitlər necə işləyir?", "PROBLEMS=deposit", "GROUP=Hesab")
    assert done.returncode == 0, done.stdout + done.stderr
    assert front(project, "docs/tr/deposit-limits.md")["title"] == 'Depozit "limitləri": 100%'
    project.write("docs/az/deposit-limits.md", project.read("docs/az/deposit-limits.md") + "\nLimit təyin edin.\n")
    project.write("docs/en/deposit-limits.md", project.read("docs/en/deposit-limits.md") + "\nSet a limit.\n")
    done = make("mark-current", "ID=deposit-limits", "IN=en")
    assert done.returncode == 0 and "docs/en/deposit-limits.md: marked current" in done.stdout, done.stderr
    status = make("status")
    assert ["deposit-limits", "en", "current"] in [line.split()[:3] for line in status.stdout.splitlines()]
    assert ["deposit-limits", "ru", "missing"] in [line.split()[:3] for line in status.stdout.splitlines()]  # no text yet
    usage = make("mark-current")
    assert usage.returncode != 0 and "usage: make mark-current ID=<id>" in usage.stdout


def test_a_language_added_as_the_command_says_builds_strictly(project):
    """The reported `KeyError: 'de'`: after add-language and the texts it lists, the strict build passes with no other edit."""
    done = cli(project, "add-language", "de", "--name", "Deutsch")
    assert done.returncode == 0, done.stderr
    snippet = done.stdout.split("(translate the navigation titles after the colons):\n\n")[1].split("\n\n2.")[0]
    titles = {"Əlaqə və cavab müddətləri": "Kontakt und Antwortzeiten", "Sənədlər, ödənişlər və mübahisələr": "Dokumente, Zahlungen, Einsprüche",
              "Hesab": "Ihr Konto", "Keyfiyyət və rəy": "Qualität und Feedback", "Tez-tez verilən suallar": "Häufige Fragen"}
    for group, title in titles.items():
        snippet = snippet.replace(f"{group}: {group}   # translate the part after the colon", f"{group}: {title}")
    project.replace("mkdocs.yml", "\n      - locale: tr\n", "\n" + snippet + "\n      - locale: tr\n")
    project.write("support.yml", yaml.safe_dump(_with_language(yaml.safe_load(project.read("support.yml")), "de"), allow_unicode=True, sort_keys=False))
    project.write("ui-strings.yml", yaml.safe_dump({key: {"de": values["en"]} for key, values in ui_texts(project.root).items()}, allow_unicode=True))
    listed = cli(project, "add-language", "de")
    assert "2. support.yml and ui-strings.yml: every text is written." in listed.stdout, listed.stdout
    assert "1. mkdocs.yml: 'de' is a site language." in listed.stdout
    built = project.build()
    assert built.returncode == 0, built.output
    page = built.page("de/payments/")
    assert page.html["lang"] == "de"
    assert page.select_one("[data-translation-note]") or "Keyfiyyət" not in page.text
    redirects = (project.root / "site" / "_redirects").read_text(encoding="utf-8")
    assert "/  /de/  302!  Language=de" in redirects.splitlines()


def test_set_default_language_moves_the_original_in_one_step(project):
    done = cli(project, "set-default-language", "en")
    assert done.returncode == 0, done.stderr
    assert "source_hash" not in front(project, "docs/en/payments.md")
    status = cli(project, "status", "--json")
    pages = json.loads(status.stdout)["pages"]
    states = {(p["article"], p["language"]): p["state"] for p in pages}
    assert states[("payments", "en")] == "original" and states[("payments", "az")] in {"current", "diverged"}  # its recorded hash follows the move (the demo content still diverges: issue 14)
    assert set(states.values()) <= {"original", "current", "diverged"}  # none becomes outdated or missing by the move
    built = project.build()
    assert built.returncode == 0, built.output
    assert built.page("").html["lang"] == "en" and built.page("az/").html["lang"] == "az"
    nav = [a.get_text(strip=True) for a in built.page("").select("nav.md-tabs a")]
    assert "Your account" in nav and "Hesab" in built.page("az/").get_text()
    assert "/  /index.html  200!  Language=en" in (project.root / "site" / "_redirects").read_text(encoding="utf-8").splitlines()


def test_every_missing_text_of_a_new_language_is_reported_in_one_build(project):
    project.replace("mkdocs.yml", "\n      - locale: tr\n", "\n      - locale: de\n        name: Deutsch\n        build: true\n      - locale: tr\n")
    built = project.build()
    assert built.returncode == 1 and "Traceback" not in built.output
    data = [line for line in built.output.splitlines() if "'support.yml'" in line and "no text for language 'de'" in line]
    assert len(data) > 10  # all of them, in one build
    assert not [line for line in built.output.splitlines() if "ui-strings.yml" in line and line.startswith("ERROR")]  # those show in English


def test_add_language_material_lacks_writes_its_theme_texts_file(project):
    # Kyrgyz: Material lacks it and the generator has no default texts for it (it has for kk)
    done = cli(project, "add-language", "ky")
    assert done.returncode == 0, done.stderr
    skeleton = project.read("theme-strings/ky.yml")
    assert '# search.placeholder: "Search"' in skeleton and yaml.safe_load(skeleton) is None  # all commented out: English until written
    assert "Material does not translate 'ky'. 50 text(s) to write in theme-strings/ky.yml" in done.stdout
    project.write("theme-strings/ky.yml", skeleton.replace('# search.placeholder: "Search"', 'search.placeholder: "Издөө"'))
    again = cli(project, "add-language", "ky")
    assert "49 text(s) to write in theme-strings/ky.yml" in again.stdout and "search.placeholder" not in again.stdout.split("3. Theme")[1].split("\n")[0]
