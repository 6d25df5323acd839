"""A small help center of its own for generator tests: languages uz (default), uk
and de, the brand Kvitka, a chat and an FAQ channel, one problem type, articles unlike the demo's.
Its support data and interface texts are written by tests/generator_site.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.generator_site import Language, SiteSpec, support_data, ui_strings
from tests.helpers import REPO, BuildResult, run_build

LANGUAGES = ("uz", "uk", "de")
ARTICLE = "payouts"
SPEC = SiteSpec(
    "Kvitka", "Asia/Tashkent", [Language("uz", "Oʻzbekcha"), Language("uk", "Українська"), Language("de", "Deutsch")],
    [{"id": "chat", "kind": "chat", "contact": {"type": "url", "value": "https://kvitka.example/chat"}, "hours": "always", "first_reply_minutes": [1, 5]},
     {"id": "questions", "kind": "faq", "contact": {"type": "article", "value": "questions"}, "hours": "always", "first_reply_minutes": [0, 0]}],
    [{"id": "payout", "channels": ["chat", "questions"], "documents": [], "escalation": False, "article": ARTICLE}])


MKDOCS = """INHERIT: generator/mkdocs.base.yml
site_name: Kvitka help
site_url: https://help.kvitka.example/
theme: {language: uz}
extra:
  helpcenter: {support_data: support.yml, review_days: 365%(extra)s}
plugins:
  i18n:
    languages:
      - {locale: uz, name: Oʻzbekcha, default: true, build: true}
      - {locale: uk, name: Українська, build: true, nav_translations: {Toʻlovlar: Виплати}}
      - {locale: de, name: Deutsch, build: true, nav_translations: {Toʻlovlar: Auszahlungen}}
nav:
  - index.md
  - Toʻlovlar:
      - payouts.md
      - questions.md
"""


class OwnSite:
    def __init__(self, root: Path, extra: str = "") -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        for name in ("hooks", "overrides", "generator"):
            shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(REPO / "support.schema.json", root / "support.schema.json")
        self.write("support.yml", yaml.safe_dump(support_data(SPEC), allow_unicode=True, sort_keys=False))
        self.write("ui-strings.yml", ui_strings(SPEC))
        self.write("synonyms.yml", "uz: []\nuk: []\nde: []\n")
        self.write("mkdocs.yml", MKDOCS % {"extra": (", " + extra) if extra else ""})
        for language in LANGUAGES:
            self.write(f"docs/{language}/index.md", f"---\nid: home\ntitle: Home {language}\ndescription: d\nlast_reviewed: 2026-11-20\n---\n\nText {language}.\n")

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def article(self, language: str, article_id: str, title: str, body: str, recorded: str | None = None) -> None:
        hash_line = f'source_hash: "{recorded}"\n' if recorded else ""
        self.write(f"docs/{language}/{article_id}.md",
                   f"---\nid: {article_id}\ntitle: \"{title}\"\ndescription: \"{title}.\"\nlast_reviewed: 2026-11-20\n{hash_line}---\n\n{body}")

    def build(self, strict: bool = True) -> BuildResult:
        return run_build(self.root, self.root / "site", strict)
