"""Interface texts in two layers: the generator's defaults per language (generator/ui-strings/<lang>.yml)
and the site's ui-strings.yml with only its overrides. A key the site leaves out takes the default of
its language, a language the generator has no texts in takes the English ones (listed once, as INFO),
and a key added upstream shows with no edit of the site's file."""

from __future__ import annotations

import pytest
import yaml

from tests.generator_site import Language, SiteSpec, build, write_site

SPEC = SiteSpec(
    brand="Pelikan", timezone="Europe/Istanbul",
    languages=[Language("tr", "Türkçe", strings={"topics": "Başlıca konular"}), Language("en", "English"), Language("de", "Deutsch")],
    channels=[{"id": "mail", "kind": "email", "contact": {"type": "email", "value": "destek@pelikan.example"}, "hours": "always",
               "first_reply_minutes": [60, 240]}],
    site_url="https://help.pelikan.example/",
)


def defaults(root, language: str) -> dict:
    return yaml.safe_load((root / "generator" / "ui-strings" / f"{language}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("layers") / "pelikan", SPEC)
    return root, build(root)


def test_the_sites_file_holds_only_its_override(built):
    root, _ = built
    assert yaml.safe_load((root / "ui-strings.yml").read_text(encoding="utf-8")) == {"topics": {"tr": "Başlıca konular"}}


def test_an_override_wins_and_every_other_key_takes_its_languages_default(built):
    root, result = built
    assert result.returncode == 0, result.output
    assert result.page("").select_one("h2.hc-topics__title").get_text(strip=True) == "Başlıca konular"
    assert result.page("en/").select_one("h2.hc-topics__title").get_text(strip=True) == defaults(root, "en")["topics"]
    tr_contact = result.page("contact/")
    assert defaults(root, "tr")["router_title"] in tr_contact.select_one("[data-contact-router]").get_text(" ")


def test_a_language_without_defaults_shows_english_and_the_build_lists_it_once(built):
    root, result = built
    assert result.page("de/").select_one("h2.hc-topics__title").get_text(strip=True) == defaults(root, "en")["topics"]
    notes = [line for line in result.output.splitlines() if line.startswith("INFO") and "Interface texts:" in line]
    assert len(notes) == 1 and "still show in English in 'de'" in notes[0] and "topics" in notes[0], notes


def test_a_key_added_upstream_shows_with_no_edit_of_the_sites_file(tmp_path):
    root = write_site(tmp_path / "pelikan", SPEC)
    site_file = (root / "ui-strings.yml").read_bytes()
    for language, text in (("en", "Answers in plain words"), ("tr", "Sade sözlerle yanıtlar")):
        path = root / "generator" / "ui-strings" / f"{language}.yml"
        path.write_text(path.read_text(encoding="utf-8") + f"home_promise: {text}\n", encoding="utf-8")
    home = root / "overrides" / "partials" / "helpcenter" / "home.html"
    home.write_text(home.read_text(encoding="utf-8") + '<p class="probe">{{ hc_strings.home_promise | e }}</p>\n', encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    assert result.page("").select_one("p.probe").get_text() == "Sade sözlerle yanıtlar"
    assert result.page("de/").select_one("p.probe").get_text() == "Answers in plain words"
    assert (root / "ui-strings.yml").read_bytes() == site_file


def test_unknown_keys_and_empty_texts_are_errors_naming_file_and_line(tmp_path):
    root = write_site(tmp_path / "pelikan", SPEC)
    (root / "ui-strings.yml").write_text("# ours\ntopcs: {tr: Konular}\nrouter_title:\n  en: ''\n", encoding="utf-8")
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "Error in 'ui-strings.yml', line 2: 'topcs' is not an interface text. Check the spelling (the keys are those of " \
           "'generator/ui-strings/en.yml'), or delete it." in result.output, result.output
    assert "Error in 'ui-strings.yml', line 4: 'router_title' has an empty text for 'en'. Write it, or delete the line to use " \
           "the generator's default." in result.output
