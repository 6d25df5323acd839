"""Interface text of our components (overrides/strings.yml), per language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FsPath

from babel import Locale

from .ui_strings_check import check_texts
from .yaml_source import SourceError, load_yaml, read_source


@dataclass(frozen=True)
class Strings:
    table: dict[str, dict[str, object]]  # key -> language -> text or plural forms

    def get(self, key: str, language: str) -> str:
        value = self.table[key][language]
        assert isinstance(value, str), key
        return value

    def plural(self, key: str, n: int, language: str) -> str:
        forms = self.table[key][language]
        assert isinstance(forms, dict), key
        form = Locale.parse(language).plural_form(n)
        return forms.get(form, forms["other"])

    def for_language(self, language: str) -> dict[str, object]:
        return {key: values[language] for key, values in self.table.items()}


def load_strings(path: str | FsPath, languages: tuple[str, ...]) -> Strings:
    name = FsPath(path).name
    loaded = load_yaml(read_source(path, name), name)
    if not isinstance(loaded.data, dict):
        raise SourceError(name, 1, "expected a mapping of keys to texts per language.")
    problems = check_texts(loaded, name, languages)
    missing = problems + [
        SourceError(name, loaded.line_of((key,)), f"'{key}' has no text for language '{language}'. Add `{language}: ...`.")
        for key, values in loaded.data.items() for language in languages
        if not isinstance(values, dict) or language not in values
    ]
    if missing:  # all of them at once: a new language is not one build per key
        raise StringsError(missing)
    return Strings(loaded.data)


class StringsError(SourceError):
    """Several texts are missing; `errors` lists each (the exception reads as the last)."""

    def __init__(self, errors: list[SourceError]) -> None:
        last = errors[-1]
        super().__init__(last.file, last.line, last.message)
        self.errors = errors
