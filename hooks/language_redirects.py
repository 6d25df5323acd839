"""MkDocs hook: write site/_redirects, the language redirects of "/", from the configured languages.

Logic in `helpcenter.language_redirects`.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from helpcenter.language_redirects import FILE, redirects_text
from helpcenter.site_config import site_config


@event_priority(-250)
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # another language is being built; the default language's call comes last
    with open(os.path.join(config.site_dir, FILE), "w", encoding="utf-8") as handle:
        handle.write(redirects_text(site_config(config).languages))
