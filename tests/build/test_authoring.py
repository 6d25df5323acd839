"""Authoring commands on the tests' own help center: create an article, start and mark translations,
change the default language, refuse bad input without writing anything.

The site: Birchwood, English default with German and Ukrainian, problem types refund and access.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.generator_site import Language, SiteSpec, build, write_site
from tests.helpers import REPO

TODAY = "2026-11-26"
COMMANDS = ("status", "new-article", "translate", "mark-current", "add-language", "set-default-language", "publish")
LANGUAGES = ("en", "de", "uk")
SPEC = SiteSpec(
    "Birchwood", "Europe/London",
    [Language("en", "English"),
     Language("de", "Deutsch", home="Willkommen bei {{ brand }}.", contact="Wählen Sie Ihr Anliegen.", faq_question="Wie erreiche ich Sie?",
              faq_answer="Schreiben Sie uns; die erste Antwort kommt in {{ reply:%s }}."),
     Language("uk", "Українська", home="Вітаємо в {{ brand }}.", contact="Оберіть своє питання.", faq_question="Як з вами зв'язатися?",
              faq_answer="Напишіть нам; перша відповідь надійде за {{ reply:%s }}.")],
    [{"id": "desk", "kind": "chat", "contact": {"type": "url", "value": "https://birchwood.example/desk"}, "hours": "always", "first_reply_minutes": [1, 4]}],
    [{"id": "refund", "channels": ["desk"], "documents": [], "escalation": False, "article": "faq"},
     {"id": "access", "channels": ["desk"], "documents": [], "escalation": False, "article": "faq"}])


@pytest.fixture
def site(tmp_path) -> Path:
    return write_site(tmp_path / "birchwood", SPEC)


def cli(root: Path | None, *args: str) -> subprocess.CompletedProcess:
    root = root or REPO  # --help and argument checks read no project
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("HELPCENTER_TODAY", None)
    return subprocess.run([sys.executable, "-m", "helpcenter", "--today", TODAY, *args], cwd=root, env=env, capture_output=True, text=True, timeout=120)


def read(root: Path, relative: str) -> str:
    return (root / relative).read_text(encoding="utf-8")


def front(root: Path, relative: str) -> dict:
    return yaml.safe_load(read(root, relative).split("---")[1])


def snapshot(root: Path) -> dict[str, str]:
    """Hash of every source file, to prove a refused command wrote nothing."""
    files = [p for p in root.rglob("*") if p.is_file() and "site" not in p.relative_to(root).parts]
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def _states(root: Path, article_id: str) -> dict[str, str]:
    lines = cli(root, "status").stdout.splitlines()
    return {line.split()[1]: line.split()[2] for line in lines if line.startswith(f"{article_id} ")}


def test_help_lists_every_command():
    done = cli(None, "--help")
    assert done.returncode == 0
    for command in COMMANDS:
        assert command in done.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    done = cli(None, command, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: python -m helpcenter {command}") and "Traceback" not in done.stdout + done.stderr


def test_argument_types_are_checked():
    done = cli(None, "--today", "yesterday", "status")
    assert done.returncode == 2 and "is not a date" in done.stderr
    done = cli(None, "new-article", "x")
    assert done.returncode == 2 and "--title" in done.stderr


@pytest.mark.parametrize("args", [
    ("new-article", "Refund Rules", "--title", "x", "--description", "y"),  # not an id
    ("new-article", "refund-rules", "--title", " ", "--description", "y"),
    ("new-article", "refund-rules", "--title", "x", "--description", "y", "--problems", "bonus"),  # not a problem type of this site
    ("new-article", "refund-rules", "--title", "x", "--description", "y", "--group", "Nowhere"),
    ("new-article", "faq", "--title", "x", "--description", "y"),  # exists
    ("translate", "faq", "en"),  # the default language
    ("translate", "faq", "fr"),  # not a language of this site
    ("translate", "no-such-article", "de"),
    ("translate", "faq", "de"),  # already translated
    ("mark-current", "faq", "fr"),
    ("add-language", "Français"),
    ("add-language", "en"),
    ("--config", "nowhere/mkdocs.yml", "status"),
])
def test_invalid_arguments_are_refused_without_writing(site, args):
    before = snapshot(site)
    done = cli(site, *args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
    assert snapshot(site) == before


def test_new_article_in_every_language_builds(site, monkeypatch):
    title = 'Refunds: "partial" and full'
    done = cli(site, "new-article", "refund-rules", "--title", title, "--description", "When a refund is made and how long it takes.",
               "--problems", "refund,access", "--group", "Help")
    assert done.returncode == 0, done.stderr
    for language in LANGUAGES:
        meta = front(site, f"docs/{language}/refund-rules.md")
        assert (meta["id"], meta["title"], meta["problems"], str(meta["last_reviewed"])) == ("refund-rules", title, ["refund", "access"], TODAY)
        assert ("source_hash" in meta) == (language != "en")
    assert "- refund-rules.md" in read(site, "mkdocs.yml").split("- Help:")[1]
    assert _states(site, "refund-rules") == {"en": "original", "de": "missing", "uk": "missing"}  # a skeleton shows the original
    monkeypatch.setenv("HELPCENTER_TODAY", TODAY)
    result = build(site)
    assert result.returncode == 0, result.output
    for language in LANGUAGES:
        assert result.page(("" if language == "en" else f"{language}/") + "refund-rules/").find("h1").get_text(strip=True) == title
    # The original is written; a translation then made from the skeleton is outdated until checked against it.
    (site / "docs/en/refund-rules.md").write_text(read(site, "docs/en/refund-rules.md") + "\nRefunds take up to five days.\n", encoding="utf-8")
    assert _states(site, "refund-rules")["de"] == "missing"
    (site / "docs/de/refund-rules.md").write_text(read(site, "docs/de/refund-rules.md") + "\nErstattungen dauern bis zu fünf Tage.\n", encoding="utf-8")
    assert _states(site, "refund-rules")["de"] == "outdated"


def test_new_article_refuses_to_overwrite(site):
    (site / "docs/uk/refund-rules.md").write_text("draft\n", encoding="utf-8")
    before = snapshot(site)
    done = cli(site, "new-article", "refund-rules", "--title", "Refunds", "--description", "Refunds.")
    assert done.returncode == 2 and "docs/uk/refund-rules.md already exist(s); nothing was written" in done.stderr
    assert snapshot(site) == before


def test_new_article_without_group_says_what_to_add_to_nav(site):
    done = cli(site, "new-article", "refund-rules", "--title", "Refunds", "--description", "Refunds.")
    assert done.returncode == 0, done.stderr
    assert "Add `- refund-rules.md` to `nav:` in mkdocs.yml, under its group ('Help'" in done.stdout
    assert "refund-rules" not in read(site, "mkdocs.yml")


def test_translate_then_mark_current(site):
    (site / "docs/uk/faq.md").unlink()
    done = cli(site, "translate", "faq", "uk")
    assert done.returncode == 0, done.stderr
    meta = front(site, "docs/uk/faq.md")
    assert meta["id"] == "faq" and "source_hash" not in meta and str(meta["last_reviewed"]) == TODAY
    refused = cli(site, "mark-current", "faq", "uk")  # still the English text
    assert refused.returncode == 2 and "still has the original's text" in refused.stderr
    head = read(site, "docs/uk/faq.md").split("---", 2)[1]
    (site / "docs/uk/faq.md").write_text(f"---{head}---\n\n## Як з вами зв'язатися?\n\nНапишіть нам; перша відповідь надійде за {{{{ reply:desk }}}}.\n",
                                         encoding="utf-8")
    done = cli(site, "mark-current", "faq", "uk")
    assert done.returncode == 0, done.stderr
    assert "docs/uk/faq.md: marked current (source_hash none -> " in done.stdout
    assert _states(site, "faq")["uk"] == "current"
    again = cli(site, "mark-current", "faq", "uk")
    assert again.returncode == 0 and "already current" in again.stdout


def test_mark_current_refuses_a_translation_missing_a_placeholder(site):
    (site / "docs/de/faq.md").write_text(read(site, "docs/de/faq.md").replace("{{ reply:desk }}", "ein paar Minuten"), encoding="utf-8")
    done = cli(site, "mark-current", "faq", "de")
    assert done.returncode == 2 and "{{ reply:desk }}" in done.stderr


def _name_the_nav_group(site: Path) -> None:
    """Each language's title for the nav group Help, as mkdocs.yml holds them (set-default-language needs them)."""
    config = yaml.safe_load(read(site, "mkdocs.yml").split("\nnav:")[0])
    titles = {"de": "Hilfe", "uk": "Допомога"}
    for entry in config["plugins"]["i18n"]["languages"]:
        if entry["locale"] in titles:
            entry["nav_translations"] = {"Help": titles[entry["locale"]]}
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False) + "\nnav:" + read(site, "mkdocs.yml").split("\nnav:")[1],
                                     encoding="utf-8")


def test_set_default_language_moves_the_original_in_one_step(site):
    _name_the_nav_group(site)
    for article_id in ("home", "contact", "faq"):
        assert cli(site, "mark-current", "--keep-date", article_id).returncode == 0
    done = cli(site, "set-default-language", "de")
    assert done.returncode == 0, done.stderr
    assert "source_hash" not in front(site, "docs/de/faq.md") and "source_hash" in front(site, "docs/en/faq.md")
    states = {(p["article"], p["language"]): p["state"] for p in json.loads(cli(site, "status", "--json").stdout)["pages"]}
    assert states[("faq", "de")] == "original" and set(states.values()) == {"original", "current"}  # none becomes outdated or missing
    built = build(site)
    assert built.returncode == 0, built.output
    assert built.page("").html["lang"] == "de" and built.page("en/").html["lang"] == "en"
    assert "Hilfe" in [a.get_text(strip=True) for a in built.page("").select("nav.md-tabs a")]
    assert "Help" in [a.get_text(strip=True) for a in built.page("en/").select("nav.md-tabs a")]
    assert "/  /index.html  200!  Language=de" in (site / "site" / "_redirects").read_text(encoding="utf-8").splitlines()


def test_set_default_language_refuses_a_language_lacking_an_article(site):
    (site / "docs/uk/faq.md").unlink()
    before = snapshot(site)
    done = cli(site, "set-default-language", "uk")
    assert done.returncode == 2 and "faq.md" in done.stderr and "nothing was written" in done.stderr
    assert snapshot(site) == before
