"""The upgrade path: adopt the generator at one commit with `make new-site`, change it upstream (a hook, a
template, an interface string, a new string), then `make upgrade FROM=...`: the team's content, data and
configuration stay byte for byte, the upstream changes show, and the site builds strictly."""

from __future__ import annotations

import pytest
import yaml

from tests.adoption import commit, generator_checkout, make, team_files
from tests.helpers import run_build


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    base = tmp_path_factory.mktemp("upgrade")
    upstream = generator_checkout(base / "generator")
    site = base / "tern"
    make("new-site", upstream, f"DIR={site}", "BRAND=Tern", "LANGUAGES=tr,en,kk", "TIMEZONE=Europe/Istanbul")
    # The team makes it its own: a text of its own, a brand line, an article edit.
    (site / "ui-strings.yml").write_text((site / "ui-strings.yml").read_text(encoding="utf-8") + "router_title: {en: \"Which way to reach us?\"}\n",
                                         encoding="utf-8")
    faq = site / "docs" / "tr" / "faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\n## Hesabımı nasıl kapatırım?\n\nCanlı destekten yazın.\n", encoding="utf-8")
    (site / "tests" / "test_team_checks.py").write_text("def test_ours():\n    assert True\n", encoding="utf-8")  # beside the generator's
    (site / "overrides" / "partials" / "team-note.html").write_text("<p>ours</p>\n", encoding="utf-8")
    before = team_files(site)
    # Upstream: a hook, a template, an interface string changed, and a new one.
    preview = upstream / "hooks" / "preview.py"
    assert "def on_post_build" not in preview.read_text(encoding="utf-8"), "pick another hook event for this upstream change"
    preview.write_text(preview.read_text(encoding="utf-8") + "\n\ndef on_post_build(*, config: MkDocsConfig) -> None:\n"
                       "    with open(os.path.join(config.site_dir, 'upstream-hook.txt'), 'w', encoding='utf-8') as out:\n"
                       "        out.write('new hook code')\n", encoding="utf-8")
    home = upstream / "overrides" / "partials" / "helpcenter" / "home.html"
    home.write_text(home.read_text(encoding="utf-8") + '<p class="hc-promise">{{ hc_strings.home_promise | e }}</p>\n', encoding="utf-8")
    for language, promise in (("en", "Answers in plain words, day and night"), ("tr", "Sade sözlerle yanıtlar, gece gündüz")):
        strings = upstream / "generator" / "ui-strings" / f"{language}.yml"
        text = strings.read_text(encoding="utf-8").replace("\ntopics: Topics\n", "\ntopics: Browse by topic\n")
        strings.write_text(text + f"home_promise: {promise}\n", encoding="utf-8")
    commit(upstream, "Upstream: a hook, a template and interface strings")
    done = make("upgrade", site, f"FROM=file://{upstream}")
    return site, before, done, run_build(site, site / "site")


def test_the_teams_content_data_and_configuration_are_untouched(upgraded):
    site, before, _, _ = upgraded
    after = team_files(site)
    assert sorted(after) == sorted(before) and "mkdocs.yml" in after and "docs/tr/faq.md" in after and "support.yml" in after
    assert "tests/test_team_checks.py" in after and "overrides/partials/team-note.html" in after  # added beside the generator's files
    assert all(after[name] == before[name] for name in before)


def test_it_prints_what_changed(upgraded):
    _, _, done, _ = upgraded
    lines = done.stdout.splitlines()
    for path in ("hooks/preview.py", "overrides/partials/helpcenter/home.html", "generator/ui-strings/en.yml", "generator/ui-strings/tr.yml"):
        assert f"updated  {path}" in lines, done.stdout
    assert len([line for line in lines if line.startswith("updated")]) == 4
    assert "Your content, data and configuration were not touched." in done.stdout


def test_the_upgraded_site_builds_strictly_with_the_upstream_changes(upgraded):
    site, _, _, result = upgraded
    assert result.returncode == 0, result.output
    assert result.page("").select_one("p.hc-promise").get_text() == "Sade sözlerle yanıtlar, gece gündüz"  # the new string
    assert result.page("en/").select_one("p.hc-promise").get_text() == "Answers in plain words, day and night"
    assert result.page("kk/").select_one("p.hc-promise").get_text() == "Answers in plain words, day and night"  # no kk texts: English
    assert result.page("en/").select_one("h2.hc-topics__title").get_text(strip=True) == "Browse by topic"  # the changed string
    assert (result.site / "upstream-hook.txt").read_text(encoding="utf-8") == "new hook code"  # the changed hook
    contact = result.page("en/contact/")
    assert "Which way to reach us?" in contact.select_one("[data-contact-router]").get_text(" ")  # the team's override still wins
    assert "Hesabımı nasıl kapatırım?" in result.page("faq/").get_text()
    assert yaml.safe_load((site / "ui-strings.yml").read_text(encoding="utf-8")) == {"router_title": {"en": "Which way to reach us?"}}


def test_a_second_upgrade_from_the_same_generator_changes_nothing(upgraded):
    site, before, done, _ = upgraded
    again = make("upgrade", site, f"FROM={done.args[-1].removeprefix('FROM=file://')}")
    assert "Already up to date" in again.stdout
