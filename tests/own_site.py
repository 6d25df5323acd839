"""A small help center of its own for generator tests (no search hook: its rules know only the demo languages until issue 11): languages uz (default), uk and de, a brand,
channels and articles unlike the demo's. Its texts come from the demo's data files with the
languages renamed (az -> uz, ru -> uk, en -> de; tr dropped): only their structure matters here."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.helpers import REPO, BuildResult, run_build, ui_texts

RENAME = {"az": "uz", "ru": "uk", "en": "de"}
LANGUAGES = ("uz", "uk", "de")
ARTICLE = "payouts"


def _renamed(value):
    if isinstance(value, dict):
        return {RENAME.get(k, k): _renamed(v) for k, v in value.items() if k != "tr"}
    if isinstance(value, list):
        return [RENAME.get(v, v) if isinstance(v, str) else _renamed(v) for v in value if v != "tr"]
    return value


MKDOCS = """site_name: Kvitka help
site_url: https://help.kvitka.example/
docs_dir: docs
theme: {name: material, custom_dir: overrides, language: uz, font: false}
extra:
  generator: false
  helpcenter: {support_data: support.yml, review_days: 365%(extra)s}
markdown_extensions: [admonition, attr_list, md_in_html, tables, toc]
hooks: [hooks/template_cache.py, hooks/support_content.py, hooks/translations.py, hooks/glossary_check.py, hooks/content_checks.py, hooks/seo.py, hooks/security_headers.py]
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: true
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
        support = _renamed(yaml.safe_load((REPO / "support.yml").read_text(encoding="utf-8")))
        support["brand"] = "Kvitka"
        support.pop("articles", None)  # the demo's documents and escalation articles are not in this help center
        for problem in support["problems"]:
            problem["article"] = ARTICLE
        for channel in support["channels"]:
            if channel["contact"]["type"] == "article":
                channel["contact"]["value"] = "questions"
        self.write("support.yml", yaml.safe_dump(support, allow_unicode=True, sort_keys=False))
        self.write("ui-strings.yml", yaml.safe_dump(_renamed(ui_texts()), allow_unicode=True))  # every text written: no language of its own has defaults
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
