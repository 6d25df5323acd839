"""The demo help center (Lumora) as the demo's own tests read it: built once, served, or copied to change.

An adopting team deletes tests/demo/ with its demo content; nothing outside this folder imports it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import serve
from tests.demo.helpers import Project
from tests.helpers import REPO, BuildResult, run_build


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The demo help center built once, strictly, for read-only tests.

    With HELPCENTER_SITE_DIR set (by `python -m helpcenter publish`), the tests
    read that build instead: the one about to be published, with the log it
    wrote (HELPCENTER_BUILD_LOG), which some tests read.
    """
    if os.environ.get("HELPCENTER_SITE_DIR"):
        log = os.environ.get("HELPCENTER_BUILD_LOG")
        output = Path(log).read_text(encoding="utf-8") if log else ""
        return BuildResult(0, output, Path(os.environ["HELPCENTER_SITE_DIR"]))
    site = tmp_path_factory.mktemp("demo") / "site"
    result = run_build(REPO, site)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture
def project(tmp_path) -> Project:
    """A fresh copy of the demo's sources for a test that changes them."""
    return Project(tmp_path / "project")


@pytest.fixture(scope="session")
def site_url(demo_build) -> Iterator[str]:
    """The demo build, served."""
    server, url = serve(demo_build.site)
    yield url
    server.shutdown()
