"""`publish` runs the demo's tests on the build it is about to publish (HELPCENTER_SITE_DIR)."""

from __future__ import annotations

import os
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
