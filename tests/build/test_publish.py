"""Nothing half-published: build aside, check that build, swap it in; failures leave the old site.

The site published is one of the tests' own (German default with English, a phone line with hours).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpcenter import publish as publish_module
from helpcenter.publish import exchange, swap_into_place
from tests.generator_site import Language, SiteSpec, write_site
from tests.helpers import REPO

SPEC = SiteSpec("Lindenhof Spiele", "Europe/Vienna", [Language("de", "Deutsch"), Language("en", "English")],
                [{"id": "telefon", "kind": "phone", "contact": {"type": "phone", "value": "+43 1 555 0100"},
                  "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "open": "09:00", "close": "17:00"}], "first_reply_minutes": [0, 2]}])


@pytest.fixture
def project(tmp_path) -> Path:
    """The tests' own help center, written into tmp_path, with the generator's publish script."""
    root = write_site(tmp_path / "project", SPEC)
    (root / ".ci").mkdir()
    shutil.copy2(REPO / ".ci/publish", root / ".ci/publish")
    return root


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


CHECK_NEW_SITE = (
    "import json, os, pathlib, sys; site = pathlib.Path(os.environ['HELPCENTER_SITE_DIR']); "
    "report = json.loads((site / 'translation-status.json').read_text()); "
    "sys.exit(0 if (site / 'en' / 'faq' / 'index.html').is_file() and report['pages'] else 4)"
)


def _old_site(project: Path) -> None:
    _write(project / "site/index.html", "<p>the site players see now</p>")
    _write(project / "site/en/faq/index.html", "<p>old faq</p>")


def _publish(project: Path, check: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "helpcenter", "publish", "--site-dir", "site", "--check-command", f"{shlex.quote(sys.executable)} -c {shlex.quote(check)}"]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)


def _publish_script(project: Path, check: str) -> subprocess.CompletedProcess:
    """The wrapper CI and `make publish` call."""
    env = {**os.environ, "PYTHON": sys.executable, "PYTHONDONTWRITEBYTECODE": "1"}
    command = [str(project / ".ci/publish"), "site", "--check-command", f"{shlex.quote(sys.executable)} -c {shlex.quote(check)}"]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site."))


def test_failed_build_leaves_the_previous_site_untouched(project):
    _old_site(project)
    support = project / "support.yml"
    data = yaml.safe_load(support.read_text(encoding="utf-8"))
    data["channels"][0]["hours"][0]["close"] = "25:00"  # no such time: the build refuses
    support.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = _publish(project, CHECK_NEW_SITE)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "the build failed" in done.stderr and "nothing was published" in done.stderr
    assert (project / "site/index.html").read_text(encoding="utf-8") == "<p>the site players see now</p>"
    assert sorted(p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*") if p.is_file()) == ["en/faq/index.html", "index.html"]
    assert _leftovers(project) == []


def test_failed_checks_leave_the_previous_site_untouched(project):
    _old_site(project)
    done = _publish(project, "import sys; sys.exit(3)")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "the checks failed on the new build" in done.stderr and "exit 3" in done.stderr
    assert (project / "site/en/faq/index.html").read_text(encoding="utf-8") == "<p>old faq</p>"
    assert _leftovers(project) == []


def test_successful_build_and_checks_replace_the_site(project):
    _old_site(project)
    done = _publish(project, CHECK_NEW_SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "published" in done.stdout
    assert "<p>old faq</p>" not in (project / "site/en/faq/index.html").read_text(encoding="utf-8")
    assert (project / "site/translation-status.json").is_file()
    assert _leftovers(project) == []


def test_first_publish_creates_the_site(project):
    done = _publish(project, CHECK_NEW_SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "site/index.html").is_file()


def test_the_published_site_is_world_readable(project):
    # A web server running as another user must read it (it was 0700: mkdtemp's mode, a 403 for everyone else).
    done = _publish(project, CHECK_NEW_SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    site = project / "site"
    assert site.stat().st_mode & 0o755 == 0o755
    for path in site.rglob("*"):
        wanted = 0o755 if path.is_dir() else 0o644
        assert path.stat().st_mode & wanted == wanted, (path, oct(path.stat().st_mode))


def test_ci_script_publishes_and_refuses_like_the_command(project):
    _old_site(project)
    refused = _publish_script(project, "import sys; sys.exit(5)")
    assert refused.returncode == 1 and "exit 5" in refused.stderr, refused.stdout + refused.stderr
    assert (project / "site/index.html").read_text(encoding="utf-8") == "<p>the site players see now</p>"
    done = _publish_script(project, CHECK_NEW_SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "<p>old faq</p>" not in (project / "site/en/faq/index.html").read_text(encoding="utf-8")
    assert _leftovers(project) == []


def test_exchange_swaps_two_folders_at_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a/which").write_text("a")
    (tmp_path / "b/which").write_text("b")
    assert exchange(tmp_path / "a", tmp_path / "b") is True  # Linux: renameat2(RENAME_EXCHANGE)
    assert (tmp_path / "a/which").read_text() == "b" and (tmp_path / "b/which").read_text() == "a"


def test_swap_without_exchange_falls_back_to_renames(tmp_path, monkeypatch):
    monkeypatch.setattr(publish_module, "exchange", lambda first, second: False)
    (tmp_path / "work/new").mkdir(parents=True)
    (tmp_path / "work/new/page").write_text("new")
    (tmp_path / "site").mkdir()
    (tmp_path / "site/page").write_text("old")
    swap_into_place(tmp_path / "work/new", tmp_path / "site")
    assert (tmp_path / "site/page").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "work"]  # the previous site waits in the work folder, deleted by publish
    assert (tmp_path / "work/old/page").read_text() == "old"


