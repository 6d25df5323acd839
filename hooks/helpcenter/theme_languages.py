"""Material's interface strings for a language the theme does not translate (kk, for example).

Material reads `partials/languages/<code>.html`; for a site language it lacks,
the build writes that partial from a YAML file of the same keys (search.placeholder,
footer.next, ...): the team's `theme-strings/<code>.yml` over the generator's default
`hooks/helpcenter/theme_strings/<code>.yml`. Keys still missing show Material's English.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from babel import Locale, UnknownLocaleError

from .yaml_source import SourceError, load_yaml, read_source

MATERIAL_LANGUAGES = Path(str(resources.files("material") / "templates" / "partials" / "languages"))
GENERATOR_DEFAULTS = Path(__file__).with_name("theme_strings")
KEY = re.compile(r'^\s*"([^"]+)": ', re.MULTILINE)


@dataclass(frozen=True)
class ThemeLanguage:
    code: str
    partial: str  # the Jinja source of partials/languages/<code>.html
    fallbacks: tuple[str, ...]  # keys shown in English


def material_translates(code: str) -> bool:
    return (MATERIAL_LANGUAGES / f"{code}.html").is_file()


def english_keys() -> list[str]:
    """The keys Material's English partial defines (every key a template may ask for)."""
    text = (MATERIAL_LANGUAGES / "en.html").read_text(encoding="utf-8")
    # search.config.* are settings of the stock search (lunr language, separator), not texts.
    return [key for key in KEY.findall(text) if key not in ("language", "direction") and not key.startswith("search.config.")]


def english_texts() -> dict[str, str]:
    """Material's English text of each key (the skeleton a translator starts from)."""
    text = (MATERIAL_LANGUAGES / "en.html").read_text(encoding="utf-8")
    body = text[text.index("{{ {") + 3: text.rindex("}[key]") + 1]
    return {key: value for key, value in json.loads(body).items() if key in english_keys()}


def strings_files(code: str, project_dir: Path) -> list[Path]:
    """Where the texts of `code` may be, the generator's default first (the team's file wins)."""
    return [folder / f"{code}.yml" for folder in (GENERATOR_DEFAULTS, project_dir) if (folder / f"{code}.yml").is_file()]


def read_strings(path: Path, known: list[str]) -> dict[str, str]:
    loaded = load_yaml(read_source(path, path.name), path.name)
    data = loaded.data or {}
    if not isinstance(data, dict):
        raise SourceError(str(path), 1, "expected a mapping of Material's keys (like search.placeholder) to texts.")
    for key, value in data.items():
        if key not in known:
            raise SourceError(str(path), loaded.line_of((key,)), f"'{key}' is not one of Material's interface keys. "
                                                                   f"Use a key of Material's partials/languages/en.html, such as search.placeholder.")
        if not isinstance(value, str) or not value.strip():
            raise SourceError(str(path), loaded.line_of((key,)), f"'{key}' needs a text.")
    return {str(key): str(value) for key, value in data.items()}


def direction(code: str) -> str:
    try:
        return "rtl" if Locale.parse(code.replace("-", "_")).character_order == "right-to-left" else "ltr"
    except (UnknownLocaleError, ValueError):
        return "ltr"


def theme_language(code: str, project_dir: Path) -> ThemeLanguage:
    """The partial for `code` from its strings files; keys none of them gives fall back to English."""
    known = english_keys()
    texts: dict[str, str] = {}
    for path in strings_files(code, project_dir):
        texts |= read_strings(path, known)
    table = {"language": code, "direction": direction(code)} | {key: html.escape(texts[key]) for key in known if key in texts}
    body = ",\n".join(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in table.items())
    partial = "{#- Written by the build from theme-strings/" + code + ".yml (helpcenter.theme_languages) -#}\n" \
              "{% macro t(key) %}{{ {\n" + body + "\n}[key] }}{% endmacro %}\n"
    return ThemeLanguage(code, partial, tuple(key for key in known if key not in texts))
