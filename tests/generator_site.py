"""Help centers unlike the demo, written into a test's tmp_path: the generator's own fixtures.

`write_site` takes the generator's files (hooks/, overrides/, generator/ with
the base configuration and default interface texts, the schema) from this
checkout and writes everything a team would own: mkdocs.yml (INHERITing the
base) with its languages, support.yml with its brand and channels, ui-strings.yml
with only its overrides, and a home, contact and FAQ page per language. A
language the generator has no default texts for shows the English ones.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.helpers import REPO, BuildResult, run_build

GENERATOR_FILES = ["hooks", "overrides", "generator", "support.schema.json"]


@dataclass
class Language:
    code: str
    name: str
    home: str = "Welcome to the help center of {{ brand }}."
    contact: str = "Choose your problem below."
    faq_question: str = "How do I reach support?"
    faq_answer: str = "Write to us; the first reply comes in {{ reply:%s }}."
    strings: dict = field(default_factory=dict)  # ui-strings.yml texts of this language (others: the English ones)


@dataclass
class SiteSpec:
    brand: str
    timezone: str
    languages: list[Language]  # default first
    channels: list[dict]  # support.yml channel entries without localized texts (added per language)
    problems: list[dict] = field(default_factory=list)  # without label (added per language)
    site_url: str = "https://help.example.org/"
    timezone_label: dict[str, str] | None = None  # per language; the zone's name otherwise
    documents: list[dict] | None = None  # support.yml documents with their texts; one "screenshots" otherwise
    escalation: list[dict] | None = None  # support.yml escalation levels with their texts; one "operator" otherwise
    targets: list[dict] | None = None  # support.yml targets with their texts; one "first-response" otherwise


def _localized(spec: SiteSpec, text: str) -> dict[str, str]:
    return {lang.code: text for lang in spec.languages}


def support_data(spec: SiteSpec) -> dict:
    codes = [lang.code for lang in spec.languages]
    return {
        "brand": spec.brand,
        "timezone": spec.timezone,
        "timezone_label": spec.timezone_label or _localized(spec, spec.timezone),
        "channels": [{**c, "name": c.get("name") or _localized(spec, c["id"].title()), "languages": c.get("languages", codes),
                      "best_for": c.get("best_for") or _localized(spec, f"Questions for {c['id']}")} for c in spec.channels],
        "targets": spec.targets or [{"id": "first-response", "name": _localized(spec, "First response"), "minutes": [1, 10],
                                     "meaning": _localized(spec, "The first reaction")}],
        "documents": spec.documents or [{"id": "screenshots", "name": _localized(spec, "Screenshots"), "description": _localized(spec, "Of the error")}],
        "escalation": spec.escalation or [{"id": "operator", "name": _localized(spec, "Operator"), "role": _localized(spec, "Takes the request"),
                                           "minutes": [1, 10]}],
        "problems": [{**p, "label": p.get("label") or _localized(spec, p["id"].title())} for p in spec.problems] or [
            {"id": "other", "label": _localized(spec, "Something else"), "channels": [spec.channels[0]["id"]], "documents": [],
             "escalation": False, "article": "faq"}],
    }


def mkdocs_config(spec: SiteSpec) -> str:
    """A team's mkdocs.yml: its settings, languages and navigation; the generator's base file gives the rest."""
    default = spec.languages[0].code
    languages = [{"locale": lang.code, "name": lang.name, "build": True, **({"default": True} if i == 0 else {})}
                 for i, lang in enumerate(spec.languages)]
    config = {
        "INHERIT": "generator/mkdocs.base.yml",
        "site_name": f"{spec.brand} help",
        "site_url": spec.site_url,
        "theme": {"language": default},
        "extra": {"helpcenter": {"support_data": "support.yml", "review_days": 365}},
        "plugins": {"i18n": {"languages": languages}},  # the rest of the i18n options come from the generator's base
    }
    nav = "nav:\n  - index.md\n  - Help:\n      - contact.md\n      - faq.md\n"  # as teams write it (new-article --group edits it)
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False) + "\n" + nav


def ui_strings(spec: SiteSpec) -> str:
    """Only the site's overrides (`key: {lang: text}`): every other text is the generator's default."""
    table: dict[str, dict[str, object]] = {}
    for lang in spec.languages:
        for key, text in lang.strings.items():
            table.setdefault(key, {})[lang.code] = text
    return yaml.safe_dump(table, allow_unicode=True, sort_keys=False)


def page(article_id: str, title: str, body: str) -> str:
    return f"---\nid: {article_id}\ntitle: \"{title}\"\ndescription: \"{title}.\"\nlast_reviewed: 2026-11-20\n---\n\n{body}\n"


def write_site(root: Path, spec: SiteSpec) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in GENERATOR_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    (root / "mkdocs.yml").write_text(mkdocs_config(spec), encoding="utf-8")
    (root / "support.yml").write_text(yaml.safe_dump(support_data(spec), allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "ui-strings.yml").write_text(ui_strings(spec), encoding="utf-8")
    (root / "synonyms.yml").write_text("{}\n", encoding="utf-8")
    first = spec.channels[0]["id"]
    for lang in spec.languages:
        folder = root / "docs" / lang.code
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(page("home", spec.brand, lang.home), encoding="utf-8")
        (folder / "contact.md").write_text(page("contact", "Contact", f"{lang.contact}\n\n{{{{ widget:contact-router }}}}\n\n{{{{ table:channels }}}}"), encoding="utf-8")
        answer = lang.faq_answer % first if "%s" in lang.faq_answer else lang.faq_answer
        (folder / "faq.md").write_text(page("faq", "FAQ", f"## {lang.faq_question}\n\n{answer}"), encoding="utf-8")
    return root


def build(root: Path, strict: bool = True) -> BuildResult:
    return run_build(root, root / "site", strict)
