"""`publish` runs the demo's tests on the build it is about to publish (HELPCENTER_SITE_DIR)."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys

from tests.helpers import REPO


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


def test_the_checks_see_the_log_of_the_build_they_check(project):
    """Issue 12, case 1: under `publish` the suite's build-log tests read an empty log and `make publish` could never succeed."""
    check = shlex.join([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", str(REPO / "pyproject.toml"), "--rootdir", str(REPO),
                        str(REPO / "tests/demo/build/test_search_build.py") + "::test_build_reports_indexing"])
    env = {**os.environ, "PYTHONPATH": str(project.root / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-m", "helpcenter", "publish", "--site-dir", "site", "--check-command", check],
                          cwd=project.root, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " sections in 4 languages indexed in " in done.stdout  # the build's log still reaches the person publishing
    assert not [p for p in project.root.iterdir() if p.name.startswith(".site.")]
