"""synonyms.yml: staff's groups checked with file and line, and normalized like the index."""

from __future__ import annotations

import pytest

from helpcenter.search_synonyms import SynonymsError, load_synonyms
from helpcenter.search_text import load_rules

RULES = load_rules()
LANGUAGES = ("az", "en", "ru", "tr")  # the languages a synonyms file is checked against


def load(tmp_path, text: str):
    path = tmp_path / "synonyms.yml"
    path.write_text(text, encoding="utf-8")
    return load_synonyms(str(path), LANGUAGES, RULES)


def errors(tmp_path, text: str) -> list[str]:
    with pytest.raises(SynonymsError) as caught:
        load(tmp_path, text)
    return [str(error) for error in caught.value.errors]


def test_groups_become_search_terms_and_duplicates_merge(tmp_path):
    synonyms = load(tmp_path, "en:\n  - [Withdrawal, withdrawals, cash out]\n")
    assert synonyms.for_language("en") == ((("withdr",), ("cash", "out")),)
    assert synonyms.for_language("az") == ()


def test_missing_or_empty_file_means_no_synonyms(tmp_path):
    assert load_synonyms(str(tmp_path / "none.yml"), LANGUAGES, RULES).groups == {}
    assert load(tmp_path, "# nothing yet\n").groups == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("en:\n  - [cashout, withdrawal]\nde:\n  - [a, b]\n", "Error in 'synonyms.yml', line 3: unknown language 'de'. Use one of the site's languages: az, en, ru, tr."),
    ("en:\n  - [cashout]\n", "Error in 'synonyms.yml', line 2: en[0]: a group is a list of at least two words or phrases in brackets, e.g. [cashout, withdrawal]."),
    ("en:\n  - cashout, withdrawal\n", "Error in 'synonyms.yml', line 2: en[0]: a group is a list of at least two words or phrases in brackets"),
    ("en:\n  - [cashout, withdrawal]\n  - [blocked, 42]\n", "Error in 'synonyms.yml', line 3: en[1][1]: 42 is not a word. Write words as text; put numbers in quotes."),
    ("ru:\n  - [вывод, '!!!']\n", "Error in 'synonyms.yml', line 2: ru[0][1]: '!!!' has no letters or digits to search for."),
    ("en: cashout\n", "Error in 'synonyms.yml', line 1: 'en' must be a list of groups, one per line, e.g. - [cashout, withdrawal]."),
    ("- [a, b]\n", "Error in 'synonyms.yml', line 1: expected one list of groups per language, for example: en: [[cashout, withdrawal]]."),
    ("en:\n  - [a, b\n", "Error in 'synonyms.yml', line 3: YAML syntax error"),
])
def test_mistakes_name_file_line_and_fix(tmp_path, text, expected):
    found = errors(tmp_path, text)
    assert any(error.startswith(expected) for error in found), found


def test_every_mistake_is_reported_at_once(tmp_path):
    found = errors(tmp_path, "en:\n  - [one]\n  - [two]\nxx: []\n")
    assert len(found) == 3, found
