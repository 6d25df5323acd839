"""Interface text of our components (overrides/strings.yml), per language."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FsPath

from babel import Locale

from .yaml_source import SourceError, load_yaml


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

    def language_overrides(self, language: str) -> dict[str, str]:
        """Optional `language_names`: a language's own spelling of names CLDR writes otherwise."""
        names = self.table.get("language_names", {}).get(language) or {}
        assert isinstance(names, dict), "language_names"
        return {str(code): str(name) for code, name in names.items()}

    def for_language(self, language: str) -> dict[str, object]:
        return {key: values[language] for key, values in self.table.items()}


def load_strings(path: str | FsPath, languages: tuple[str, ...]) -> Strings:
    name = FsPath(path).name
    loaded = load_yaml(FsPath(path).read_text(encoding="utf-8"), name)
    if not isinstance(loaded.data, dict):
        raise SourceError(name, 1, "expected a mapping of keys to texts per language.")
    missing = [
        SourceError(name, loaded.line_of((key,)), f"'{key}' has no text for language '{language}'. Add `{language}: ...`.")
        for key, values in loaded.data.items() for language in languages
        if not isinstance(values, dict) or language not in values
    ]
    missing += [  # `xx: first, second` inside {...}: the comma ends the text and "second" becomes a key
        SourceError(name, loaded.line_of((key,)), f"'{key}' has a key '{extra}' without a text: in a {{...}} mapping a comma "
                    "ends the text before it. Put that whole text in quotes, e.g. `<language>: \"first, second\"`.")
        for key, values in loaded.data.items() if isinstance(values, dict)
        for extra, text in values.items() if extra not in languages and text is None
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
