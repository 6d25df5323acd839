"""`add-language`: prepare a new site language and list everything staff must still write.

It creates docs/<code>/ and prints the mkdocs.yml entry to paste, the texts that
support.yml and ui-strings.yml still need, and what the theme and the search
support. It does not edit mkdocs.yml (the build would then fail until every
text exists) and it translates nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from babel import Locale, UnknownLocaleError

from .project import ProjectConfig
from .support_data import SupportDataError, load_support_data
from .yaml_source import SourceError, load_yaml

CODE = re.compile(r"^[a-z]{2}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$")  # what mkdocs-static-i18n accepts (ISO 639-1, optional script/region)


@dataclass
class LanguagePlan:
    code: str
    name: str
    created: Path
    snippet: str
    missing_texts: list[str] = field(default_factory=list)
    theme_translated: bool = False
    search_stemming: bool = False


class LanguageError(Exception):
    """The language cannot be added; the message says why."""


def add_language(project: ProjectConfig, code: str, name: str | None = None) -> LanguagePlan:
    if not CODE.match(code):
        raise LanguageError(f"'{code}' is not a language code such as de, uk or pt-BR (ISO 639-1, lower case).")
    if code in project.languages:
        raise LanguageError(f"'{code}' is already a site language ({', '.join(project.languages)}).")
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise LanguageError(f"'{code}' is not a language the interface libraries know. Check the code.") from None
    folder = project.docs_dir / code
    if folder.exists():
        raise LanguageError(f"{folder.relative_to(project.root).as_posix()}/ already exists; nothing was written.")
    name = name or locale.get_display_name(locale) or code
    name = name[:1].upper() + name[1:]
    plan = LanguagePlan(code, name, folder, _snippet(project, code, name))
    plan.missing_texts = _missing_texts(project, code)
    languages_dir = resources.files("material") / "templates" / "partials" / "languages"
    plan.theme_translated = (languages_dir / f"{code}.html").is_file()
    search_dir = resources.files("mkdocs") / "contrib" / "search" / "lunr-language"
    plan.search_stemming = code in ("en",) or (search_dir / f"lunr.{code.split('-')[0]}.js").is_file()
    folder.mkdir(parents=True)
    (folder / ".gitkeep").write_text("", encoding="utf-8")  # git keeps empty folders only with a file; MkDocs skips dot files
    return plan


def _snippet(project: ProjectConfig, code: str, name: str) -> str:
    lines = [f"        - locale: {code}", f"          name: {name}", "          build: true"]
    groups = project.nav_groups()
    if groups:
        lines.append("          nav_translations:")
        lines += [f"            {group}: {group}   # translate the part after the colon" for group in groups]
    return "\n".join(lines)


def _missing_texts(project: ProjectConfig, code: str) -> list[str]:
    """Every localized value that has no text in `code`, as 'file, line N: what'."""
    missing: list[str] = []
    try:
        load_support_data(project.support_file, (*project.languages, code))
    except SupportDataError as e:
        missing += [str(error).removeprefix("Error in ") for error in e.errors]
    try:
        loaded = load_yaml(project.strings_file.read_text(encoding="utf-8"), project.strings_file.name)
    except (OSError, SourceError) as e:
        return missing + [f"{project.strings_file.name}: cannot be read ({e})"]
    for key, values in (loaded.data or {}).items():
        if not isinstance(values, dict) or code not in values:
            missing.append(f"'{project.strings_file.name}', line {loaded.line_of((key,))}: '{key}' has no text for language '{code}'. Add `{code}: ...`.")
    return missing
