"""`helpcenter new-site`: a complete help center of its own, from one command, that builds strictly at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import REPO, run_build

ENV = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def helpcenter(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpcenter", *args], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300)


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("new") / "kestrel"
    done = helpcenter("new-site", str(root), "--brand", "Kestrel Play", "--languages", "ka,en", "--timezone", "Asia/Tbilisi")
    assert done.returncode == 0, done.stderr
    return root, done, run_build(root, root / "site")


def test_it_writes_the_generators_files_and_the_teams_own(made):
    root, done, _ = made
    for generator_file in ("hooks/support_content.py", "overrides/main.html", "generator/mkdocs.base.yml", "generator/ui-strings/en.yml",
                           "Makefile", "pyproject.toml", "requirements.txt", ".ci/publish", "production_server/__main__.py", "tests/helpers.py"):
        assert (root / generator_file).is_file(), generator_file
    assert not (root / "tests" / "demo").exists() and not (root / "bench").exists()
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["INHERIT"] == "generator/mkdocs.base.yml" and "hooks" not in config
    assert [e["locale"] for e in config["plugins"]["i18n"]["languages"]] == ["ka", "en"]
    support = yaml.safe_load((root / "support.yml").read_text(encoding="utf-8"))
    assert support["brand"] == "Kestrel Play" and support["timezone"] == "Asia/Tbilisi"
    assert sorted(c["kind"] for c in support["channels"]) == ["chat", "email", "faq", "phone"]
    for language in ("ka", "en"):
        assert {p.name for p in (root / "docs" / language).glob("*.md")} == {"index.md", "contact.md", "faq.md"}
    assert "Starting texts in English, to translate: ka " in done.stdout  # the generator has no Georgian starting texts


def test_the_new_site_builds_strictly_at_once_with_no_trace_of_the_demo(made):
    root, _, result = made
    assert result.returncode == 0, result.output
    assert page(result.site, "").html["lang"] == "ka" and page(result.site, "en").html["lang"] == "en"
    contact = page(result.site, "contact")
    assert contact.select_one("[data-contact-router]") is not None
    assert "Kestrel Play" in page(result.site, "en").get_text()
    english = yaml.safe_load((root / "generator" / "new-site" / "en.yml").read_text(encoding="utf-8"))
    assert english["contact_text"] in contact.get_text()  # ka starts with the English texts until they are written
    for file in result.site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        assert "Lumora" not in text and 'lang="az"' not in text and 'hreflang="ru"' not in text, file
    assert "still show in English in 'ka'" in result.output  # INFO: the interface texts to write


def test_status_lists_what_is_left_to_write(made):
    root, _, _ = made
    done = helpcenter("status", cwd=root)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.split()[:3] == ["faq", "ka", "original"] for line in lines)
    assert any("interface text(s) still in English in 'ka'" in line for line in lines)
    assert any(line.strip().startswith("'support.yml', line ") and "channels[0].name in 'ka' is still the English starting text." in line for line in lines)
    assert not any("in 'en'" in line for line in lines if "still" in line)  # English texts are English


def test_the_console_script_runs_the_same_commands(made):
    root, _, _ = made
    script = Path(sys.executable).parent / "helpcenter"
    done = subprocess.run([str(script), "status", "--json"], cwd=root, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert '"article": "faq"' in done.stdout


def test_make_new_site_wraps_the_command(tmp_path):
    venv = Path(sys.executable).parents[1]
    done = subprocess.run(["make", "--no-print-directory", "new-site", f"VENV={venv}", "STAMP=", f"DIR={tmp_path / 'site'}", "BRAND=Tern", "LANGUAGES=tr,en",
                           "TIMEZONE=Europe/Istanbul"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "tr is the default" in done.stdout
    # Turkish and English have starting texts of their own: the translation is current, nothing is left in English.
    status = helpcenter("status", cwd=tmp_path / "site")
    assert "Still in English" not in status.stdout and " current " in status.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--languages", "tr,en", "--timezone", "Europe/Istambul"], "--timezone: 'Europe/Istambul' is not a time zone. Use an IANA name such as Europe/Istanbul or America/Toronto."),
    (["--languages", "tr,EN", "--timezone", "UTC"], "--languages: 'EN' is not a language code such as de, uk or pt-BR (ISO 639-1, lower case)."),
    (["--languages", "tr,xx", "--timezone", "UTC"], "--languages: 'xx' is not a language the interface libraries know. Check the code."),
    (["--languages", "tr,en,tr", "--timezone", "UTC"], "--languages: tr given twice."),
])
def test_bad_arguments_are_one_clear_error_and_write_nothing(tmp_path, args, message):
    done = helpcenter("new-site", str(tmp_path / "site"), "--brand", "Tern", *args)
    assert done.returncode == 2 and done.stderr.strip() == f"error: {message}" and "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()


def test_an_existing_folder_with_files_is_refused(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("mine", encoding="utf-8")
    done = helpcenter("new-site", str(tmp_path / "site"), "--brand", "Tern", "--languages", "en", "--timezone", "UTC")
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: '{tmp_path / 'site'}' already exists and is not an empty folder. Choose a new folder; nothing was written."
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["notes.txt"]
