"""What a help center still shows in English where it should not: for `status`.

A language the generator has no interface texts in shows them in English until the
site writes them (ui-strings.yml); a site made by `new-site` starts support.yml and
the navigation titles of such a language with the English starting texts
(generator/new-site/en.yml). Both are listed, with file and line, until translated.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .project import ProjectConfig, read_config
from .ui_strings import StringsError, load_strings
from .yaml_source import LoadedYaml, SourceError, format_path, load_yaml

STARTING_TEXTS = Path(__file__).resolve().parents[2] / "generator" / "new-site" / "en.yml"


def left_to_write(project: ProjectConfig) -> list[str]:
    english = _starting_texts()
    lines: list[str] = []
    try:
        strings = load_strings(project.strings_file, project.languages)
        for language in project.languages:
            keys = strings.fallbacks(language)
            if keys:
                lines.append(f"'{project.strings_file.name}': {len(keys)} interface text(s) still in English in '{language}' "
                             f"({', '.join(keys[:5])}{' ...' if len(keys) > 5 else ''}): write them as `key: {{{language}: ...}}`.")
    except (StringsError, SourceError, OSError) as e:
        lines.append(f"'{project.strings_file.name}': cannot be read ({e}).")
    others = tuple(language for language in project.languages if language != "en")
    try:
        loaded = load_yaml(project.support_file.read_text(encoding="utf-8"), project.support_file.name)
        lines += [f"'{project.support_file.name}', line {line}: {where} in '{language}' is still the English starting text."
                  for line, where, language in _english_values(loaded, others, english)]
    except (SourceError, OSError):
        pass  # the build and the other commands report a broken support.yml
    config = read_config(project.config_file, project.config_file.name)
    for entry in (config.get("plugins") or {}).get("i18n", {}).get("languages", []) if isinstance(config.get("plugins"), dict) else []:
        language = entry.get("locale")
        for group, title in (entry.get("nav_translations") or {}).items():
            if language in others and title in english:
                lines.append(f"'{project.config_file.name}': the navigation title '{group}' in '{language}' is still the English '{title}'.")
    return lines


def _starting_texts() -> set[str]:
    try:
        return {str(v) for v in (yaml.safe_load(STARTING_TEXTS.read_text(encoding="utf-8")) or {}).values()}
    except OSError:
        return set()


def _english_values(loaded: LoadedYaml, languages: tuple[str, ...], english: set[str]) -> list[tuple[int | None, str, str]]:
    found = []

    def walk(value: object, path: tuple) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in languages and isinstance(item, str) and item in english:
                    found.append((loaded.line_of((*path, key)), format_path(path), key))
                else:
                    walk(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*path, i))

    walk(loaded.data, ())
    return found
