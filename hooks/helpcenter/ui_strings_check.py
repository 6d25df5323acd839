"""Mistakes in a ui-strings file that YAML accepts silently, found before the texts are used.

Pure: takes the parsed file (data and lines) and the site's languages, returns the errors.
The classic one: an unquoted comma in a flow mapping, `{tr: Nedir, neden istenir}`, which YAML
reads as the text "Nedir" plus a language "neden istenir" with no text, which nobody reads.
"""

from __future__ import annotations

import re

from .yaml_source import LoadedYaml, SourceError

PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")  # CLDR's categories
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")
NAME_MAPS = {"language_names"}  # keys whose texts map language codes to names, not plural forms to texts


def check_texts(loaded: LoadedYaml, file: str, languages: tuple[str, ...]) -> list[SourceError]:
    """Every `key: {language: text}` entry must name a language and give it a text or plural forms."""
    errors: list[SourceError] = []
    data = loaded.data if isinstance(loaded.data, dict) else {}
    for key, values in data.items():
        if not isinstance(values, dict):
            continue  # the loader says what a key must hold
        previous: tuple[object, object] | None = None
        for language, text in values.items():
            line = loaded.line_of((key, language))
            if not isinstance(language, str) or not LANGUAGE_CODE.match(language):
                example = (f'`{previous[0]}: "{previous[1]}, {language}"`' if previous and isinstance(previous[1], str)
                           else '`en: "one, two"`')
                errors.append(SourceError(file, line, f"{key}: '{language}' is not a language code. If it is the end of a text with a comma, "
                                                      f"put the whole text in quotes, e.g. {example}; else delete it."))
                continue
            previous = (language, text)
            if text is None or text == {} or (isinstance(text, str) and not text.strip()):
                if language not in languages:  # (the merge reports an empty text of a site language)
                    errors.append(SourceError(file, line, f"{key}.{language} is empty. Write the text, or delete the line."))
            elif isinstance(text, dict) and key in NAME_MAPS:
                errors += [SourceError(file, loaded.line_of((key, language, code)), f"{key}.{language}.{code} must be a name, e.g. `{code}: ...`.")
                           for code, name in text.items() if not isinstance(name, str) or not name.strip()]
            elif isinstance(text, dict):
                errors += _plural_errors(loaded, file, key, language, text)
            elif not isinstance(text, str):
                errors.append(SourceError(file, line, f"{key}.{language} must be text, not {type(text).__name__}: put it in quotes, "
                                                      f"e.g. `{language}: \"{text}\"`."))
    return errors


def _plural_errors(loaded: LoadedYaml, file: str, key: str, language: str, forms: dict) -> list[SourceError]:
    errors = []
    for form, text in forms.items():
        line = loaded.line_of((key, language, form))
        if form not in PLURAL_FORMS:
            errors.append(SourceError(file, line, f"{key}.{language}: '{form}' is not a plural form. Use {', '.join(PLURAL_FORMS)} (CLDR)."))
        elif not isinstance(text, str) or not text.strip():
            errors.append(SourceError(file, line, f"{key}.{language}.{form} must be a text. Write it in quotes."))
    if "other" not in forms:
        errors.append(SourceError(file, loaded.line_of((key, language)), f"{key}.{language} has no `other` form, the one every language needs. Add `other: ...`."))
    return errors
