"""replaced_settings: a site's mkdocs.yml setting that would replace the generator's base instead of adding to it."""

from __future__ import annotations

import pytest

from helpcenter.generator_base import replaced_settings

BASE = {"hooks": ["hooks/a.py", "hooks/b.py"], "extra_css": ["x.css"], "plugins": {"search": {}, "i18n": {"docs_structure": "folder"}},
        "markdown_extensions": {"toc": {"permalink": True}}, "theme": {"name": "material"}}


@pytest.mark.parametrize(("site", "line", "start"), [
    ("INHERIT: base.yml\nsite_name: X\nplugins:\n  - search\n  - i18n: {languages: []}\n", 3,
     "`plugins:` is a list, which replaces the generator's `plugins:` in 'base.yml' instead of adding to it."),
    ("INHERIT: base.yml\nmarkdown_extensions: [toc]\n", 2, "`markdown_extensions:` is a list"),
    ("INHERIT: base.yml\nhooks: [hooks/a.py]\n", 2, "`hooks:` replaces the generator's list in 'base.yml' (MkDocs does not merge lists), so 1 of its entries would be left out (hooks/b.py)."),
])
def test_a_replacing_setting_is_named_with_its_line(site, line, start):
    errors = replaced_settings(site, "mkdocs.yml", BASE, "base.yml")
    assert len(errors) == 1 and errors[0].line == line and errors[0].message.startswith(start), errors


@pytest.mark.parametrize("site", [
    "INHERIT: base.yml\nplugins:\n  i18n:\n    languages: []\ntheme:\n  language: tr\n",  # mappings merge
    "INHERIT: base.yml\nextra_css: [x.css, ours.css]\n",  # a list that keeps every entry of the base's
    "site_name: X\nhooks: [hooks/a.py]\nplugins: [search]\n",  # no INHERIT: a configuration of its own
    "INHERIT: base.yml\nsite_url: !ENV [SITE_URL, 'https://x.example/']\n",  # MkDocs' tags
])
def test_settings_that_add_to_the_base_pass(site):
    assert replaced_settings(site, "mkdocs.yml", BASE, "base.yml") == []
