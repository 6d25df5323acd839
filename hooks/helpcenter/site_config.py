"""What our hooks need from mkdocs.yml, as plain values."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SiteConfig:
    root: str  # folder of mkdocs.yml
    languages: tuple[str, ...]  # default first
    current: str  # language being built
    support_file: str
    strings_file: str
    templates_dir: str

    @property
    def default(self) -> str:
        return self.languages[0]


def site_config(config: Any) -> SiteConfig:
    """Read from a MkDocs config (after the i18n plugin's on_config)."""
    root = os.path.dirname(os.path.abspath(config.config_file_path))
    i18n = config.plugins["i18n"]
    languages = [lang.locale for lang in i18n.config.languages if lang.locale != "null"]
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    ordered = (default, *[lang for lang in languages if lang != default])
    settings = config.extra.get("helpcenter", {}) or {}
    custom_dir = config.theme.custom_dir or os.path.join(root, "overrides")
    return SiteConfig(
        root=root,
        languages=ordered,
        current=i18n.current_language or default,
        support_file=os.path.join(root, settings.get("support_data", "support.yml")),
        strings_file=os.path.join(root, settings.get("ui_strings", "ui-strings.yml")),
        templates_dir=os.path.join(custom_dir, "partials", "helpcenter"),
    )


# page.meta key: the language a page's text is in when it is not the page's (set for a skeleton translation).
TEXT_LANGUAGE = "hc_text_language"


def text_language(page: Any, current: str) -> str:
    """The language of the text a page shows: the original's on a fallback page (mkdocs-static-i18n's
    `file.locale`, or a skeleton translation showing the original), else the language being built."""
    return page.meta.get(TEXT_LANGUAGE) or getattr(page.file, "locale", None) or current


def source_path(file: Any) -> str:
    """A page's path inside its language folder ("payments.md" for docs/ru/payments.md): the
    same for every translation of an article (mkdocs-static-i18n's `norm_src_uri`)."""
    return getattr(file, "norm_src_uri", file.src_uri)


def language_pages(files: Any) -> dict[str, Any]:
    """The Markdown pages of the language being built, by `source_path`."""
    return {source_path(file): file for file in files.documentation_pages()}
