"""The theme's controls configured in mkdocs.yml (palette toggle, heading anchors) are named in each page's language."""

from __future__ import annotations

import pytest
import yaml

from tests.own_site import LANGUAGES, OwnSite

PALETTES = """  palette:
    - {media: "(prefers-color-scheme)", toggle: {icon: material/brightness-auto, name: Auto}}
    - {media: "(prefers-color-scheme: light)", scheme: default, toggle: {icon: material/brightness-7, name: Light}}
    - {media: "(prefers-color-scheme: dark)", scheme: slate, toggle: {icon: material/brightness-4, name: Dark}}
"""
BODY = "## Qachon\n\nHar doim.\n"


# This help center's own texts for the controls (ui-strings.yml overrides the generator's defaults).
TEXTS = {
    "palette_to_dark": {"uz": "Qorongʻi rejim", "uk": "Темна тема", "de": "Dunkles Design"},
    "palette_to_light": {"uz": "Yorugʻ rejim", "uk": "Світла тема", "de": "Helles Design"},
    "palette_to_system": {"uz": "Qurilma rejimi", "uk": "Як на пристрої", "de": "Wie das Gerät"},
    "permalink_title": {"uz": "Boʻlimga havola", "uk": "Посилання на розділ", "de": "Link zu diesem Abschnitt"},
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = OwnSite(tmp_path_factory.mktemp("interface") / "site")
    text = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    site.write("mkdocs.yml", text.replace("theme: {language: uz}", "theme:\n  language: uz\n" + PALETTES))
    strings = yaml.safe_load((site.root / "ui-strings.yml").read_text(encoding="utf-8")) or {}
    site.write("ui-strings.yml", yaml.safe_dump({**strings, **TEXTS}, allow_unicode=True))
    for language in LANGUAGES:
        site.article(language, "payouts", f"Payouts {language}", BODY)
        site.article(language, "questions", f"Questions {language}", BODY)
    result = site.build()
    assert result.returncode == 0, result.output
    return result, TEXTS


@pytest.mark.parametrize("language", LANGUAGES)
def test_palette_toggles_say_what_they_switch_to_in_the_pages_language(built, language):
    result, strings = built
    page = result.page(("" if language == LANGUAGES[0] else f"{language}/") + "payouts/")
    # Each toggle switches to the next palette: auto -> light -> dark -> auto.
    expected = [strings[key][language] for key in ("palette_to_light", "palette_to_dark", "palette_to_system")]
    labels = page.select("form[data-md-component=palette] label.md-header__button")
    assert [label["title"] for label in labels] == expected
    inputs = page.select("form[data-md-component=palette] input[name=__palette]")
    assert [field["aria-label"] for field in inputs] == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_heading_anchors_are_titled_in_the_pages_language(built, language):
    result, strings = built
    page = result.page(("" if language == LANGUAGES[0] else f"{language}/") + "questions/")
    titles = {a["title"] for a in page.select("article a.headerlink")}
    assert titles == {strings["permalink_title"][language]}
