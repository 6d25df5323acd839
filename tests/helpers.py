"""Build real sites into temporary folders and read what they produce."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
PROJECT_FILES = ["mkdocs.yml", "support.yml", "support.schema.json", "ui-strings.yml", "synonyms.yml", "glossary.yml", "docs", "hooks", "overrides", "generator"]
LANGUAGES = ("az", "en", "ru", "tr")  # default first, as the issue specifies
ARTICLE_IDS = (
    "home", "contact", "contact-channels", "response-times", "required-documents", "escalation",
    "disputes-evidence", "account-access", "payments", "account-security", "service-quality", "faq",
)


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    def page(self, url_path: str) -> BeautifulSoup:
        """Parse the built page at a site path such as 'en/payments/'."""
        path = self.site / url_path / "index.html" if not url_path.endswith(".html") else self.site / url_path
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article_path(language: str, article_id: str) -> str:
    """Where the issue says an article lives: /<id>/, under /<lang>/ except the default."""
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    return prefix if article_id == "home" else f"{prefix}{article_id}/"


def run_build(project: Path, site: Path, strict: bool = True) -> BuildResult:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    return BuildResult(done.returncode, done.stdout + done.stderr, site)


class Project:
    """A copy of the help center's sources that a test may change."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        for name in PROJECT_FILES:
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, root / name)

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, relative: str, old: str, new: str) -> int:
        """Replace one occurrence of `old`; return the 1-based line where `new` starts."""
        text = self.read(relative)
        assert text.count(old) >= 1, f"{old!r} not in {relative}"
        index = text.index(old)
        self.write(relative, text[:index] + new + text[index + len(old):])
        return text[:index].count("\n") + 1

    def build(self, strict: bool = True) -> BuildResult:
        return run_build(self.root, self.root / "site", strict)


def ui_texts(root: Path = REPO, languages: tuple[str, ...] = LANGUAGES) -> dict:
    """The interface texts a build of `root` shows (key -> language -> text): the generator's
    defaults (generator/ui-strings/) with the site's ui-strings.yml over them."""
    from helpcenter.ui_strings import load_strings  # here: bench/ imports this module without hooks/ on the path

    return load_strings(root / "ui-strings.yml", languages, root / "generator" / "ui-strings").table


def support_yaml(root: Path = REPO) -> dict:
    return yaml.safe_load((root / "support.yml").read_text(encoding="utf-8"))
