"""`add-language`: prepare a new site language and list everything staff must still write.

It creates docs/<code>/ (and theme-strings/<code>.yml for a language Material
does not translate) and prints the mkdocs.yml entry to paste and every text
still missing: support.yml, ui-strings.yml, navigation titles, the theme's
texts; search needs nothing (generic rules apply to any language). Run again,
it prints what is still missing. It does not edit mkdocs.yml (the build would
fail until every text exists) and it translates nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError

from .project import ProjectConfig
from .search_text import load_rules
from .support_data import SupportDataError, load_support_data
from .theme_languages import GENERATOR_DEFAULTS, english_texts, material_translates, read_strings, theme_language
from .ui_strings import StringsError, load_strings
from .yaml_source import SourceError

CODE = re.compile(r"^[a-z]{2}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")  # what mkdocs-static-i18n accepts (ISO 639-1, optional script/region)


@dataclass
class LanguagePlan:
    code: str
    name: str
    created: Path | None  # None: the folder was already there (a second run)
    snippet: str
    configured: bool = False  # already under `plugins: i18n: languages:` in mkdocs.yml
    missing_texts: list[str] = field(default_factory=list)
    missing_nav: list[str] = field(default_factory=list)  # navigation groups without a title in the language
    theme_translated: bool = False
    theme_file: Path | None = None  # theme-strings/<code>.yml, for a language Material lacks
    theme_missing: list[str] = field(default_factory=list)  # its keys still shown in English
    search_rules: bool = False  # search_rules.json has an entry of its own (stop words, stemming)


class LanguageError(Exception):
    """The language cannot be added; the message says why."""


def add_language(project: ProjectConfig, code: str, name: str | None = None) -> LanguagePlan:
    """Prepare `code` and list everything it still needs. Run again, it lists what is still missing."""
    if not CODE.match(code):
        raise LanguageError(f"'{code}' is not a language code such as de, uk or pt-BR (ISO 639-1, lower case).")
    if code == project.default:
        raise LanguageError(f"'{code}' is the default language; its texts are the originals.")
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise LanguageError(f"'{code}' is not a language the interface libraries know. Check the code.") from None
    configured = code in project.languages
    name = name or project.language_names.get(code) or locale.get_display_name(locale) or code
    name = name[:1].upper() + name[1:]
    folder = project.docs_dir / code
    plan = LanguagePlan(code, name, None if folder.exists() else folder, _snippet(project, code, name), configured)
    plan.missing_texts = _missing_texts(project, code)
    plan.missing_nav = [group for group in project.nav_groups() if group not in project.nav_translations.get(code, {})] if configured else []
    plan.theme_translated = material_translates(code)
    if not plan.theme_translated:
        plan.theme_file = project.root / "theme-strings" / f"{code}.yml"
        if not plan.theme_file.exists():
            plan.theme_file.parent.mkdir(exist_ok=True)
            plan.theme_file.write_text(theme_skeleton(code), encoding="utf-8")
        plan.theme_missing = list(theme_language(code, plan.theme_file.parent).fallbacks)
    plan.search_rules = load_rules().has_own_rules(code)
    if plan.created:
        folder.mkdir(parents=True)
        (folder / ".gitkeep").write_text("", encoding="utf-8")  # git keeps empty folders only with a file; MkDocs skips dot files
    return plan


def theme_skeleton(code: str) -> str:
    """theme-strings/<code>.yml to fill in: every key of Material's interface, commented out, with its English text
    or, where the generator has default texts for `code`, with those (the team's file overrides them key by key)."""
    texts = english_texts()
    default = GENERATOR_DEFAULTS / f"{code}.yml"
    if default.is_file():
        texts |= read_strings(default, list(texts))
        lines = [f"# Interface texts of the theme (search box, menus, footer) in '{code}', which Material does not translate.",
                 f"# The generator's texts below (hooks/helpcenter/theme_strings/{code}.yml) apply already; uncomment a line",
                 "# and change its text to use your own wording.", ""]
    else:
        lines = [f"# Interface texts of the theme (search box, menus, footer) in '{code}', which Material does not translate.",
                 "# Uncomment a line and write its text; a key left commented out shows in English (the build lists them).", ""]
    lines += [f"# {key}: {json.dumps(text, ensure_ascii=False)}" for key, text in texts.items()]
    return "\n".join(lines) + "\n"


def _snippet(project: ProjectConfig, code: str, name: str) -> str:
    """The entry to paste, indented as mkdocs.yml's other `- locale:` entries (6 spaces when none is found)."""
    found = re.search(r"(?m)^( *)- locale:", project.config_file.read_text(encoding="utf-8"))
    pad = found.group(1) if found else " " * 6
    lines = [f"{pad}- locale: {code}", f"{pad}  name: {name}", f"{pad}  build: true"]
    groups = project.nav_groups()
    if groups:
        lines.append(f"{pad}  nav_translations:")
        lines += [f"{pad}    {group}: {group}   # translate the part after the colon" for group in groups]
    return "\n".join(lines)


def _missing_texts(project: ProjectConfig, code: str) -> list[str]:
    """Every localized value that has no text in `code`, as 'file, line N: what'."""
    missing: list[str] = []
    try:
        load_support_data(project.support_file, tuple(dict.fromkeys((*project.languages, code))))
    except SupportDataError as e:
        missing += [str(error).removeprefix("Error in ") for error in e.errors]
    try:
        strings = load_strings(project.strings_file, tuple(dict.fromkeys((*project.languages, code))))
    except StringsError as e:
        return missing + [str(error).removeprefix("Error in ") for error in e.errors]
    except (OSError, SourceError) as e:
        return missing + [f"{project.strings_file.name}: cannot be read ({e})"]
    name = project.strings_file.name
    for key in strings.fallbacks(code):  # the generator has no default in this language: English until written
        origin = strings.origins[(key, code)]
        missing.append(f"'{name}': '{key}' has no text in '{code}' (shows in English, '{origin.file}', line {origin.line}). Add `{key}: {{{code}: ...}}`.")
    return missing
