"""Property-based fuzzing of the loaders and validators (issue 12), on files of a help center of its own.

Property: whatever staff save, a loader accepts it or raises the project's own error, never
another exception; every error names the file and the line. Counts: tests/fuzz/tally.py.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given

from helpcenter.articles import read_article_checked
from helpcenter.front_matter import parse_front_matter
from helpcenter.search_synonyms import SynonymsError, load_synonyms
from helpcenter.search_text import load_rules
from helpcenter.support_data import SupportDataError, load_support_data
from helpcenter.ui_strings import StringsError, load_strings
from helpcenter.yaml_source import SourceError, decode_source
from tests.fuzz.mutations import mutated
from tests.fuzz.tally import COUNTS
from tests.generator_site import Language, SiteSpec, page, support_data
from tests.helpers import REPO

SPEC = SiteSpec("Pinecone", "Europe/Warsaw", [Language("pl", "Polski"), Language("de", "Deutsch")],
                [{"id": "mail", "kind": "email", "contact": {"type": "email", "value": "help@pinecone.example"}, "first_reply_minutes": [5, 60], "hours": "always"},
                 {"id": "chat", "kind": "chat", "contact": {"type": "url", "value": "https://chat.pinecone.example/"}, "first_reply_minutes": [1, 5],
                  "hours": [{"days": ["mon", "tue", "wed"], "open": "09:00", "close": "18:00"}]}],
                [{"id": "payout", "channels": ["chat", "mail"], "documents": ["screenshots"], "escalation": True, "article": "faq"}])
LANGUAGES = tuple(lang.code for lang in SPEC.languages)
SUPPORT = yaml.safe_dump(support_data(SPEC), allow_unicode=True, sort_keys=False)
# A team's overrides (ui-strings.yml holds only those) of a dozen of the generator's keys, plural forms among them.
_DEFAULTS = yaml.safe_load((REPO / "generator/ui-strings/en.yml").read_text(encoding="utf-8"))
_OVERRIDES = {key: {"pl": value, "de": value} for key, value in list(_DEFAULTS.items())[:12]}
STRINGS_BLOCK = yaml.safe_dump(_OVERRIDES, allow_unicode=True, sort_keys=False)
STRINGS_FLOW = yaml.safe_dump(_OVERRIDES, allow_unicode=True, sort_keys=False, default_flow_style=None, width=200)
SYNONYMS = "pl:\n  - [wypłata, przelew]\n  - [konto, profil użytkownika]\nde:\n  - [Auszahlung, Überweisung]\n"
ARTICLE = page("faq", "Pytania: wypłaty", "## Jak wypłacić?\n\nNapisz do nas: {{ reply:mail }}.\n") .replace("last_reviewed", "problems: [payout]\nlast_reviewed")
RULES = load_rules()
FOLDER = Path(tempfile.mkdtemp(prefix="helpcenter-fuzz-"))


def _check(target: str, name: str, load) -> None:
    """Run `load`; count the outcome; fail on anything but the project's own errors, each naming file and line."""
    count = COUNTS[target]
    count["examples"] += 1
    try:
        load()
    except (SupportDataError, SynonymsError, StringsError, SourceError) as e:
        errors = getattr(e, "errors", None) or [e]
        bad = [error for error in errors if not isinstance(error, SourceError) or error.file != name or not isinstance(error.line, int) or error.line < 1]
        if bad:
            count["failures"] += 1
            raise AssertionError(f"{target}: an error without its file and line: {bad!r}") from e
        count["rejected"] += 1
        return
    except BaseException:
        count["failures"] += 1
        raise
    count["accepted"] += 1


def _file(name: str, raw: bytes) -> Path:
    path = FOLDER / name
    path.write_bytes(raw)
    return path


def test_bases_are_accepted():
    """The unmutated files load: the mutations start from valid input."""
    load_support_data(_file("support.yml", SUPPORT.encode()), LANGUAGES)
    load_strings(_file("ui-strings.yml", STRINGS_BLOCK.encode()), LANGUAGES)
    load_strings(_file("ui-strings.yml", STRINGS_FLOW.encode()), LANGUAGES)
    load_synonyms(str(_file("synonyms.yml", SYNONYMS.encode())), LANGUAGES, RULES)
    front, errors = parse_front_matter(ARTICLE, "docs/pl/faq.md", {"payout"})
    assert front is not None and not errors, errors


@given(mutated(SUPPORT))
def test_support_yml(raw):
    path = _file("support.yml", raw)
    _check("support.yml", "support.yml", lambda: load_support_data(path, LANGUAGES))


@given(mutated(STRINGS_BLOCK) | mutated(STRINGS_FLOW))
def test_ui_strings_yml(raw):
    path = _file("ui-strings.yml", raw)
    _check("ui-strings.yml", "ui-strings.yml", lambda: load_strings(path, LANGUAGES))


@given(mutated(SYNONYMS))
def test_synonyms_yml(raw):
    path = _file("synonyms.yml", raw)
    _check("synonyms.yml", "synonyms.yml", lambda: load_synonyms(str(path), LANGUAGES, RULES))


@given(mutated(ARTICLE))
def test_article_front_matter_and_text(raw):
    name = "docs/pl/faq.md"

    def load() -> None:
        text = decode_source(raw, name)
        front, errors = parse_front_matter(text, name, {"payout"})
        article, problem = read_article_checked(text, "pl", "faq.md", name)
        if errors:
            raise errors[0] if len(errors) == 1 else SupportDataError(errors)
        assert front is not None and article is not None and problem is None, (front, article, problem)

    _check("article", name, load)
