"""MkDocs hook: the theme's interface text configured in mkdocs.yml (palette toggle, heading
anchors' title) in the language being built, from ui-strings.yml: mkdocs.yml holds one text
for every language, which a screen reader would read in that one language on every page.
Logic in `helpcenter.interface_language`."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter import cached
from helpcenter.interface_language import PERMALINK_TITLE, localized_palettes
from helpcenter.site_config import site_config
from helpcenter.yaml_source import SourceError


@event_priority(-120)  # after the language is set and support_content has reported every missing string
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_config(config)
    try:
        strings = cached.strings(site.strings_file, site.languages).for_language(site.current)
    except SourceError as e:
        raise PluginError(str(e)) from None
    palettes = config.theme.get("palette")
    if isinstance(palettes, dict):
        palettes = [palettes]
    if palettes:
        config.theme["palette"] = localized_palettes(palettes, strings)
    toc = config.mdx_configs.get("toc")
    if toc is not None and toc.get("permalink"):
        toc["permalink_title"] = strings[PERMALINK_TITLE]
    return config
