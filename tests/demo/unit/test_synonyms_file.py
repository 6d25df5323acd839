"""The demo's synonyms.yml is valid and groups the words the issue named."""

from __future__ import annotations

from helpcenter.search_synonyms import load_synonyms
from helpcenter.search_text import load_rules
from tests.demo.helpers import LANGUAGES
from tests.helpers import REPO

RULES = load_rules()


def test_the_project_file_is_valid_and_covers_the_issue_examples():
    synonyms = load_synonyms(str(REPO / "synonyms.yml"), LANGUAGES, RULES)
    def together(language, a, b):
        return any(any(p[0] == a for p in group) and any(p[0] == b for p in group) for group in synonyms.for_language(language))
    assert together("en", "cashou", "withdr")
    assert together("ru", "вывод", "снят")
    assert together("az", "cixar", "cekme")
