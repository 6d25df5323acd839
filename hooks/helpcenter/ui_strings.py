"""Interface text of our components, per language, in two layers.

The generator's defaults: `generator/ui-strings/<lang>.yml`, one file per language
(`key: text`), so an upstream edit of one language never touches another. The help
center's own `ui-strings.yml` holds only its overrides (`key: {lang: text}`). A key
the site does not override takes the default of its language, and a language the
generator has no file for takes the English one: a new upstream key shows at once,
with no edit and no conflict. `merge_strings` is pure: it returns the merged table,
where each text came from, and the mistakes, so checks can sit on top of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FsPath

from babel import Locale

from .ui_strings_check import check_texts
from .yaml_source import LoadedYaml, SourceError, load_yaml, read_source

DEFAULTS_DIR = FsPath(__file__).resolve().parents[2] / "generator" / "ui-strings"
REFERENCE = "en"  # the defaults every key has; the fallback of a language with no defaults


@dataclass(frozen=True)
class Origin:
    """Where a text came from: the file (as shown to people) and its line."""

    file: str
    line: int | None
    fallback: bool = False  # the English default, shown because this language has no text


@dataclass(frozen=True)
class Strings:
    table: dict[str, dict[str, object]]  # key -> language -> text or plural forms
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict, compare=False)  # (key, language) -> where

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
        """`language_names`: how `language` writes language names that CLDR spells otherwise (code -> name)."""
        if self.origins.get(("language_names", language), Origin("", None)).fallback:
            return {}  # another language's spellings (the English file's) must not replace CLDR's names here
        names = self.table.get("language_names", {}).get(language) or {}
        assert isinstance(names, dict), "language_names"
        return {str(code): str(name) for code, name in names.items()}

    def for_language(self, language: str) -> dict[str, object]:
        return {key: values[language] for key, values in self.table.items()}

    def fallbacks(self, language: str) -> list[str]:
        """Keys that show in English in `language`: no text in the site's file, none in the generator's."""
        return [key for (key, lang), origin in self.origins.items() if lang == language and origin.fallback]


def merge_strings(defaults: dict[str, tuple[str, LoadedYaml]], site: tuple[str, LoadedYaml] | None,
                  languages: tuple[str, ...]) -> tuple[Strings, list[SourceError]]:
    """The site's texts over the generator's. `defaults`: language -> (file name, parsed file);
    `site`: (file name, parsed ui-strings.yml) or None. Every mistake is returned, none raised."""
    errors: list[SourceError] = []
    reference_name, reference = defaults[REFERENCE]
    keys = list(reference.data or {})
    table: dict[str, dict[str, object]] = {key: {} for key in keys}
    origins: dict[tuple[str, str], Origin] = {}
    for language in languages:
        name, loaded = defaults.get(language) or (reference_name, reference)
        for key in keys:
            if key in (loaded.data or {}):
                table[key][language] = loaded.data[key]
                origins[(key, language)] = Origin(name, loaded.line_of((key,)), fallback=language not in defaults)
            else:  # an upstream key not yet in this language's defaults
                table[key][language] = reference.data[key]
                origins[(key, language)] = Origin(reference_name, reference.line_of((key,)), fallback=True)
    if site is None:
        return Strings(table, origins), errors
    name, loaded = site
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict):
        return Strings(table, origins), [SourceError(name, 1, "expected a mapping of keys to texts per language, e.g. `router_title: {en: Find the right channel}`.")]
    for key, values in data.items():
        line = loaded.line_of((key,))
        if key not in table:
            errors.append(SourceError(name, line, f"'{key}' is not an interface text. Check the spelling (the keys are those of '{reference_name}'), or delete it."))
            continue
        if not isinstance(values, dict):
            errors.append(SourceError(name, line, f"'{key}' must map languages to texts, e.g. `{key}: {{{languages[0]}: ...}}`."))
            continue
        for language, text in values.items():
            where = loaded.line_of((key, language))
            if language not in languages:
                continue  # a language taken out of mkdocs.yml keeps its texts for later
            if text is None or text == "" or text == {}:
                errors.append(SourceError(name, where, f"'{key}' has an empty text for '{language}'. Write it, or delete the line to use the generator's default."))
            else:
                table[key][language] = text
                origins[(key, language)] = Origin(name, where)
    return Strings(table, origins), errors


def default_files(languages: tuple[str, ...], folder: FsPath = DEFAULTS_DIR) -> dict[str, FsPath]:
    """The generator's default files for `languages` that exist, and always the English one."""
    wanted = dict.fromkeys((REFERENCE, *languages))
    return {language: folder / f"{language}.yml" for language in wanted if (folder / f"{language}.yml").is_file()}


def load_strings(path: str | FsPath, languages: tuple[str, ...], defaults_dir: FsPath = DEFAULTS_DIR) -> Strings:
    """Read the generator's defaults and the site's file (which may be absent); raise every mistake at once."""
    defaults = _read_defaults(languages, defaults_dir)
    path = FsPath(path)
    site = (path.name, load_yaml(read_source(path, path.name), path.name)) if path.is_file() else None
    strings, errors = merge_strings(defaults, site, languages)
    if site is not None:  # what YAML accepts silently: a comma that cut a text, a number, a plural form that is none
        errors = sorted(errors + check_texts(site[1], site[0], languages), key=lambda e: e.line or 0)
    if errors:  # all of them at once: a new language is not one build per key
        raise StringsError(errors)
    return strings


def _read_defaults(languages: tuple[str, ...], defaults_dir: FsPath) -> dict[str, tuple[str, LoadedYaml]]:
    shown_root = defaults_dir.parents[1]
    defaults = {}
    for language, file in default_files(languages, defaults_dir).items():
        shown = file.relative_to(shown_root).as_posix() if file.is_relative_to(shown_root) else str(file)
        defaults[language] = (shown, load_yaml(read_source(file, shown), shown))
    if REFERENCE not in defaults:
        raise SourceError(str(defaults_dir / f"{REFERENCE}.yml"), None, "the generator's English interface texts are missing. Restore the file from the generator.")
    return defaults


class StringsError(SourceError):
    """Several mistakes; `errors` lists each (the exception reads as the last)."""

    def __init__(self, errors: list[SourceError]) -> None:
        last = errors[-1]
        super().__init__(last.file, last.line, last.message)
        self.errors = errors
