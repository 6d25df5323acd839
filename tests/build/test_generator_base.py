"""The generator's base configuration (generator/mkdocs.base.yml), which a site's mkdocs.yml INHERITs:
a site that lists only its own settings and languages gets every hook, plugin option and theme setting,
and a hook added upstream reaches it with no edit of its mkdocs.yml."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from helpcenter.project import read_config
from tests.generator_site import Language, SiteSpec, build, write_site

SPEC = SiteSpec(
    brand="Quillmark", timezone="America/Toronto",
    languages=[Language("fr", "Français"), Language("en", "English")],
    channels=[{"id": "chat", "kind": "chat", "contact": {"type": "url", "value": "https://chat.quillmark.example/"},
               "hours": [{"days": ["mon", "tue", "wed", "thu", "fri"], "open": "08:00", "close": "20:00"}], "first_reply_minutes": [1, 5]},
              {"id": "faq", "kind": "faq", "contact": {"type": "article", "value": "faq"}, "hours": "always", "first_reply_minutes": [0, 0]}],
    site_url="https://help.quillmark.example/",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return write_site(tmp_path_factory.mktemp("base") / "quillmark", SPEC)


def test_the_sites_mkdocs_yml_holds_only_its_own_settings(site):
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["INHERIT"] == "generator/mkdocs.base.yml"
    assert "hooks" not in config and "markdown_extensions" not in config and "extra_css" not in config
    assert list(config["plugins"]) == ["i18n"] and list(config["plugins"]["i18n"]) == ["languages"]


def test_a_site_listing_only_its_languages_gets_every_hook_and_plugin_option(site):
    result = build(site)
    assert result.returncode == 0, result.output
    merged = read_config(site / "mkdocs.yml", "mkdocs.yml")  # as MkDocs merges it
    assert len(merged["hooks"]) >= 10 and merged["plugins"]["i18n"]["docs_structure"] == "folder"
    # Each hook's own output, in the site's languages (fr served at /):
    assert (result.site / "_redirects").is_file() and (result.site / "_headers").is_file()  # language_redirects, security_headers
    assert json.loads((result.site / "search" / "en.json").read_text(encoding="utf-8"))  # search
    assert (result.site / "translation-status.json").is_file()  # translations
    contact = result.page("contact/")
    assert contact.html["lang"] == "fr" and result.page("en/contact/").html["lang"] == "en"  # i18n options from the base
    assert contact.select_one("[data-contact-router]") is not None  # support_content
    assert contact.select_one("link[rel=stylesheet][href$='contact-router.css']") is not None  # extra_css
    faq = result.page("en/faq/")
    assert faq.select_one('form[name="article-feedback"]') is not None  # feedback
    assert faq.select_one("h2 a.headerlink") is not None  # markdown_extensions: toc with permalinks


def test_a_hook_added_upstream_reaches_the_site_with_no_edit_of_its_mkdocs_yml(tmp_path):
    root = write_site(tmp_path / "quillmark", SPEC)
    before = (root / "mkdocs.yml").read_bytes()
    (root / "hooks" / "upstream_probe.py").write_text(
        "from pathlib import Path\n\n\ndef on_post_build(config, **kwargs):\n"
        "    Path(config.site_dir, f\"upstream-probe-{config.theme['language']}.txt\").write_text('ran', encoding='utf-8')\n", encoding="utf-8")
    base = root / "generator" / "mkdocs.base.yml"
    base.write_text(base.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/upstream_probe.py\n", 1), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    assert (root / "mkdocs.yml").read_bytes() == before
    assert sorted(path.name for path in result.site.rglob("upstream-probe-*.txt")) == ["upstream-probe-en.txt", "upstream-probe-fr.txt"]  # once per language


def test_a_site_listing_hooks_itself_is_told_it_would_drop_the_generators(tmp_path):
    root = write_site(tmp_path / "quillmark", SPEC)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "hooks:\n  - hooks/support_content.py\n", encoding="utf-8")
    line = text.count("\n") + 1
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.output
    base = (root / "generator" / "mkdocs.base.yml").read_text(encoding="utf-8")  # has !!python tags: read its hooks list by lines
    hooks = re.findall(r"^  - (hooks/\S+\.py)", base.split("\nhooks:\n", 1)[1].split("\n\n", 1)[0], flags=re.M)
    left_out = [hook for hook in hooks if hook != "hooks/support_content.py"]
    assert (f"Error in 'mkdocs.yml', line {line}: `hooks:` replaces the generator's list in 'generator/mkdocs.base.yml' (MkDocs does not merge "
            f"lists), so {len(left_out)} of its entries would be left out ({', '.join(left_out[:3])} ...). "
            "Delete `hooks:` here, or list those too.") in result.output, result.output
