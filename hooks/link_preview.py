"""MkDocs hook: link previews. Writes the brand image (1200x630 PNG, helpcenter.brand_image) into
the site once and gives every page, 404 and thank-you pages included, its absolute URL and an alt
text in the page's language (`hc_preview`, read by partials/helpcenter/head-meta.html)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from helpcenter import cached
from helpcenter.brand_image import HEIGHT, WIDTH, brand_color, material_colors, write_brand_image
from helpcenter.site_config import site_config

IMAGE = "assets/images/link-preview.png"


class _Run:
    preview: dict[str, object] | None = None


_run = _Run()


@event_priority(-120)  # after the language is set and support_content has checked the data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_config(config)
    if not config.site_url:
        _run.preview = None  # a preview image needs an absolute URL
        return config
    brand = cached.support_data(site.support_file, site.languages).brand
    alt = str(cached.strings(site.strings_file, site.languages).get("link_preview_alt", site.current)).replace("{brand}", brand)
    _run.preview = {"image": urljoin(config.site_url, IMAGE), "alt": alt, "width": WIDTH, "height": HEIGHT}
    return config


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    context["hc_preview"] = _run.preview
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    context["hc_preview"] = _run.preview  # 404 and thank-you pages
    return context


@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building or not _run.preview:
        return  # once, after the last language, into the site's root
    palettes = config.theme.get("palette") or [{}]
    first = palettes[0] if isinstance(palettes, list) else palettes
    settings = config.extra.get("helpcenter", {}) or {}
    palette_css = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.min.css"))
    color = brand_color(settings.get("brand_color"), first.get("primary"), material_colors(palette_css.read_text(encoding="utf-8")))
    write_brand_image(Path(config.site_dir) / IMAGE, color)
