"""Generator test: the theme's interface texts of a language Material does not translate.

Kazakh has the generator's default texts (hooks/helpcenter/theme_strings/kk.yml): an own site
with kk builds without the "still show in English" INFO and shows them; a team's file overrides
one key; a language with no default (Kyrgyz) still gets the INFO listing its keys.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from helpcenter.theme_languages import GENERATOR_DEFAULTS, english_keys
from tests.generator_site import Language, SiteSpec, build, write_site

CHAT = {"id": "chat", "kind": "chat", "contact": {"type": "url", "value": "https://dala.example/chat"}, "hours": "always",
        "first_reply_minutes": [1, 5]}
SITE = SiteSpec("Dala", "Asia/Almaty", [Language("de", "Deutsch"), Language("kk", "Қазақша"), Language("ky", "Кыргызча")], [CHAT])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("dala"), SITE)
    (root / "theme-strings").mkdir()
    (root / "theme-strings" / "kk.yml").write_text('footer.next: "Келесі бет"\n', encoding="utf-8")  # the team's own wording wins
    result = build(root)
    assert result.returncode == 0, result.output
    return root / "site", result.output


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_kazakh_default_gives_every_key_of_material():
    texts = yaml.safe_load((GENERATOR_DEFAULTS / "kk.yml").read_text(encoding="utf-8"))
    assert sorted(texts) == sorted(english_keys())
    assert all(isinstance(text, str) and text.strip() for text in texts.values())


def test_kazakh_builds_without_english_fallbacks(site):
    _, output = site
    notes = [line for line in output.splitlines() if "interface texts" in line and "still show in English" in line]
    assert [note for note in notes if "'kk'" in note] == []
    assert len([note for note in notes if "'ky'" in note]) == 1 and "search.placeholder" in notes[-1]


def test_the_kazakh_texts_reach_the_page(site):
    folder, _ = site
    kk, ky = page(folder, "kk/faq"), page(folder, "ky/faq")
    assert kk.select_one("input.md-search__input")["placeholder"] == "Іздеу"
    assert kk.select_one("a.md-skip").get_text(strip=True) == "Мазмұнға өту"
    assert kk.select_one(".md-header__option .md-select button")["aria-label"] == "Тілді таңдау"
    assert ky.select_one("input.md-search__input")["placeholder"] == "Search"  # no default: English until the team writes it


def test_the_teams_file_overrides_one_key(site):
    folder, _ = site
    footer = page(folder, "kk/contact").select_one("a.md-footer__link--next")
    assert footer is not None and "Келесі бет" in footer.get_text(" ", strip=True)


def test_add_language_kk_says_the_theme_texts_are_written(tmp_path):
    root = write_site(tmp_path / "site", SiteSpec("Dala", "Asia/Almaty", [Language("de", "Deutsch")], [CHAT]))
    env = {**os.environ, "PYTHONPATH": str(root / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-m", "helpcenter", "add-language", "kk"], cwd=root, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    theme = next(line for line in done.stdout.splitlines() if line.startswith("3. Theme"))
    assert "every text is written (the generator's defaults for 'kk'" in theme
    skeleton = (root / "theme-strings" / "kk.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(skeleton) is None and '# search.placeholder: "Іздеу"' in skeleton  # the defaults, to override by uncommenting
