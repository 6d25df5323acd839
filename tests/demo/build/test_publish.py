"""Publishing the demo: a copy of its sources built aside, checked, swapped in; failures leave the old site."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

from tests.demo.helpers import Project
from tests.helpers import REPO

CHECK_NEW_SITE = (
    "import json, os, pathlib, sys; site = pathlib.Path(os.environ['HELPCENTER_SITE_DIR']); "
    "report = json.loads((site / 'translation-status.json').read_text()); "
    "sys.exit(0 if (site / 'en' / 'faq' / 'index.html').is_file() and report['pages'] else 4)"
)


def _old_site(project: Project) -> None:
    project.write("site/index.html", "<p>the site players see now</p>")
    project.write("site/en/faq/index.html", "<p>old faq</p>")


def _publish(project: Project, check: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "helpcenter", "publish", "--site-dir", "site", "--check-command", f"{shlex.quote(sys.executable)} -c {shlex.quote(check)}"]
    return subprocess.run(command, cwd=project.root, env=env, capture_output=True, text=True, timeout=600)


def _publish_script(project: Project, check: str) -> subprocess.CompletedProcess:
    """The wrapper CI and `make publish` call."""
    (project.root / ".ci").mkdir(exist_ok=True)
    shutil.copy2(REPO / ".ci/publish", project.root / ".ci/publish")
    env = {**os.environ, "PYTHON": sys.executable, "PYTHONDONTWRITEBYTECODE": "1"}
    command = [str(project.root / ".ci/publish"), "site", "--check-command", f"{shlex.quote(sys.executable)} -c {shlex.quote(check)}"]
    return subprocess.run(command, cwd=project.root, env=env, capture_output=True, text=True, timeout=600)


def _leftovers(project: Project) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith(".site."))


def test_failed_build_leaves_the_previous_site_untouched(project):
    _old_site(project)
    project.replace("support.yml", 'open: "09:00", close: "18:00"', 'open: "09:00", close: "25:00"')
    done = _publish(project, CHECK_NEW_SITE)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "the build failed" in done.stderr and "nothing was published" in done.stderr
    assert project.read("site/index.html") == "<p>the site players see now</p>"
    assert sorted(p.relative_to(project.root / "site").as_posix() for p in (project.root / "site").rglob("*") if p.is_file()) == ["en/faq/index.html", "index.html"]
    assert _leftovers(project) == []


def test_failed_checks_leave_the_previous_site_untouched(project):
    _old_site(project)
    done = _publish(project, "import sys; sys.exit(3)")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "the checks failed on the new build" in done.stderr and "exit 3" in done.stderr
    assert project.read("site/en/faq/index.html") == "<p>old faq</p>"
    assert _leftovers(project) == []


def test_successful_build_and_checks_replace_the_site(project):
    _old_site(project)
    done = _publish(project, CHECK_NEW_SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "published" in done.stdout
    assert "<p>old faq</p>" not in project.read("site/en/faq/index.html")
    assert (project.root / "site/translation-status.json").is_file()
    assert _leftovers(project) == []


def test_first_publish_creates_the_site(project):
    done = _publish(project, CHECK_NEW_SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project.root / "site/index.html").is_file()


def test_the_published_site_is_world_readable(project):
    # A web server running as another user must read it (it was 0700: mkdtemp's mode, a 403 for everyone else).
    done = _publish(project, CHECK_NEW_SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    site = project.root / "site"
    assert site.stat().st_mode & 0o755 == 0o755
    for path in site.rglob("*"):
        wanted = 0o755 if path.is_dir() else 0o644
        assert path.stat().st_mode & wanted == wanted, (path, oct(path.stat().st_mode))


def test_the_test_suite_checks_the_build_it_is_given(demo_build, tmp_path):
    """`publish` runs the tests with HELPCENTER_SITE_DIR: they must read that build, not make their own."""
    site = tmp_path / "site"
    shutil.copytree(demo_build.site, site)
    selection = ["tests/demo/build/test_site.py::test_every_article_exists_in_every_language[faq-en]"]
    env = {**os.environ, "HELPCENTER_SITE_DIR": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    run = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *selection]
    assert subprocess.run(run, cwd=REPO, env=env, capture_output=True, text=True, timeout=300).returncode == 0
    (site / "en/faq/index.html").unlink()
    failed = subprocess.run(run, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1, failed.stdout


def test_ci_script_publishes_and_refuses_like_the_command(project):
    _old_site(project)
    refused = _publish_script(project, "import sys; sys.exit(5)")
    assert refused.returncode == 1 and "exit 5" in refused.stderr, refused.stdout + refused.stderr
    assert project.read("site/index.html") == "<p>the site players see now</p>"
    done = _publish_script(project, CHECK_NEW_SITE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "<p>old faq</p>" not in project.read("site/en/faq/index.html")
    assert _leftovers(project) == []


def test_the_checks_see_the_log_of_the_build_they_check(project):
    """Issue 12, case 1: under `publish` the suite's build-log tests read an empty log and `make publish` could never succeed."""
    check = shlex.join([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", str(REPO / "pyproject.toml"), "--rootdir", str(REPO),
                        str(REPO / "tests/demo/build/test_search_build.py") + "::test_build_reports_indexing"])
    env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-m", "helpcenter", "publish", "--site-dir", "site", "--check-command", check],
                          cwd=project.root, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " sections in 4 languages indexed in " in done.stdout  # the build's log still reaches the person publishing
    assert _leftovers(project) == []
