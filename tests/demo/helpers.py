"""The demo help center's facts and a copy of its sources, for the demo's own tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.helpers import REPO, BuildResult, run_build

PROJECT_FILES = ["mkdocs.yml", "support.yml", "support.schema.json", "ui-strings.yml", "synonyms.yml", "glossary.yml", "docs", "hooks", "overrides", "generator"]
LANGUAGES = ("az", "en", "ru", "tr")  # default first, as the issue specifies
ARTICLE_IDS = (
    "home", "contact", "contact-channels", "response-times", "required-documents", "escalation",
    "disputes-evidence", "account-access", "payments", "account-security", "service-quality", "faq",
    # answers to the questions players asked that no article answered (issue 14)
    "withdrawal-times", "verification", "where-to-find-ids", "chat-not-working", "close-account", "safer-gambling",
    "login-code", "deposit-charged-twice", "game-froze", "support-languages", "complaint-final-decision", "document-privacy",
)



def article_path(language: str, article_id: str) -> str:
    """Where the issue says an article lives: /<id>/, under /<lang>/ except the default."""
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    return prefix if article_id == "home" else f"{prefix}{article_id}/"


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


def support_yaml(root: Path = REPO) -> dict:
    return yaml.safe_load((root / "support.yml").read_text(encoding="utf-8"))
