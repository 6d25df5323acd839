"""merge_strings: the site's ui-strings.yml over the generator's defaults, with where each text came from."""

from __future__ import annotations

import pytest
import yaml

from helpcenter.ui_strings import DEFAULTS_DIR, Origin, merge_strings
from helpcenter.yaml_source import load_yaml

EN = load_yaml("minute: {one: minute, other: minutes}\ntopics: Topics\n", "en.yml")
TR = load_yaml("minute: {other: dakika}\n", "tr.yml")  # 'topics' not yet translated upstream


def test_site_text_wins_defaults_fill_the_rest_and_english_covers_what_is_missing():
    site = load_yaml("topics:\n  tr: Konular\n", "ui-strings.yml")
    strings, errors = merge_strings({"en": ("en.yml", EN), "tr": ("tr.yml", TR)}, ("ui-strings.yml", site), ("tr", "en", "kk"))
    assert errors == []
    assert strings.table["topics"] == {"tr": "Konular", "en": "Topics", "kk": "Topics"}
    assert strings.table["minute"]["tr"] == {"other": "dakika"} and strings.table["minute"]["kk"] == {"one": "minute", "other": "minutes"}
    assert strings.origins[("topics", "tr")] == Origin("ui-strings.yml", 2)
    assert strings.origins[("minute", "tr")] == Origin("tr.yml", 1)
    assert strings.origins[("topics", "kk")] == Origin("en.yml", 2, fallback=True)
    assert strings.fallbacks("kk") == ["minute", "topics"] and strings.fallbacks("tr") == []


def test_an_upstream_key_missing_in_one_languages_defaults_shows_in_english():
    strings, _ = merge_strings({"en": ("en.yml", EN), "tr": ("tr.yml", TR)}, None, ("tr",))
    assert strings.table["topics"]["tr"] == "Topics" and strings.fallbacks("tr") == ["topics"]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("topcs: {tr: Konular}\n", 1, "'topcs' is not an interface text. Check the spelling (the keys are those of 'en.yml'), or delete it."),
    ("topics: Konular\n", 1, "'topics' must map languages to texts, e.g. `topics: {tr: ...}`."),
    ("topics:\n  tr: ''\n", 2, "'topics' has an empty text for 'tr'. Write it, or delete the line to use the generator's default."),
    ("topics:\n  tr:\n", 2, "'topics' has an empty text for 'tr'. Write it, or delete the line to use the generator's default."),
    ("- topics\n", 1, "expected a mapping of keys to texts per language, e.g. `router_title: {en: Find the right channel}`."),
])
def test_mistakes_name_the_line(text, line, message):
    _, errors = merge_strings({"en": ("en.yml", EN)}, ("ui-strings.yml", load_yaml(text, "ui-strings.yml")), ("tr", "en"))
    assert [(e.file, e.line, e.message) for e in errors] == [("ui-strings.yml", line, message)]


def test_a_language_taken_out_of_the_site_keeps_its_texts_without_error():
    site = load_yaml("topics: {tr: Konular, ru: Темы}\n", "ui-strings.yml")
    strings, errors = merge_strings({"en": ("en.yml", EN)}, ("ui-strings.yml", site), ("tr",))
    assert errors == [] and "ru" not in strings.table["topics"]


def test_every_default_file_has_the_english_keys_and_names_no_brand():
    reference = yaml.safe_load((DEFAULTS_DIR / "en.yml").read_text(encoding="utf-8"))
    files = sorted(DEFAULTS_DIR.glob("*.yml"))
    assert len(files) >= 4
    for path in files:
        texts = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(texts) == list(reference), path.name  # same keys, same order: one edit per language file
        assert all(value not in (None, "", {}) for value in texts.values()), path.name
        assert "lumora" not in path.read_text(encoding="utf-8").lower()



def test_language_names_of_a_language_without_defaults_are_not_the_english_file_s():
    en = load_yaml("language_names: {en: English}\n", "en.yml")
    az = load_yaml("language_names: {az: Azərbaycan}\n", "az.yml")
    strings, _ = merge_strings({"en": ("en.yml", en), "az": ("az.yml", az)}, None, ("az", "en", "kk"))
    assert strings.language_overrides("az") == {"az": "Azərbaycan"}
    assert strings.language_overrides("kk") == {}  # CLDR's Kazakh names, not "English"
