"""Build real sites into temporary folders and read what they produce (nothing here knows the demo:
its constants and its copy live in tests/demo/helpers.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]

@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    def page(self, url_path: str) -> BeautifulSoup:
        """Parse the built page at a site path such as 'en/payments/'."""
        path = self.site / url_path / "index.html" if not url_path.endswith(".html") else self.site / url_path
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def run_build(project: Path, site: Path, strict: bool = True) -> BuildResult:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    return BuildResult(done.returncode, done.stdout + done.stderr, site)


def ui_texts(root: Path = REPO, languages: tuple[str, ...] | None = None) -> dict:
    """The interface texts a build of `root` shows (key -> language -> text): the generator's defaults
    (generator/ui-strings/) with the site's ui-strings.yml over them; languages from its mkdocs.yml."""
    from helpcenter.project import load_project  # here: bench/ imports this module without hooks/ on the path
    from helpcenter.ui_strings import load_strings

    languages = languages or load_project(root / "mkdocs.yml").languages
    return load_strings(root / "ui-strings.yml", languages, root / "generator" / "ui-strings").table


_MOVED = {"PROJECT_FILES", "LANGUAGES", "ARTICLE_IDS", "article_path", "Project", "support_yaml"}


def __getattr__(name: str):
    """Branches written before the split still import the demo's helpers from here."""
    if name in _MOVED:
        from tests.demo import helpers
        return getattr(helpers, name)
    raise AttributeError(name)


def read_search_file(site: Path, language: str) -> dict:
    """A built language's split search index (its manifest and pieces under site/search/), joined again."""
    from helpcenter.search_split import join_search_file  # hooks/ is on sys.path through pytest's pythonpath setting

    folder = site / "search"
    files = {f"{language}.json": (folder / f"{language}.json").read_text(encoding="utf-8")}
    for path in (folder / language).iterdir():
        files[f"{language}/{path.name}"] = path.read_text(encoding="utf-8")
    return join_search_file(files, language)
