"""Link previews: every page, 404s included, names an image of the brand made at build time
(1200x630 PNG in the brand's colour) with an alt text in its language, and a URL."""

from __future__ import annotations

import struct
import zlib
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.own_site import LANGUAGES, OwnSite

BRAND_COLOR = "#1a7f5a"
SITE_URL = "https://help.kvitka.example/"
ALT = {"uz": "{brand} yordam markazi belgisi", "uk": "Знак довідкового центру {brand}", "de": "Zeichen des Hilfezentrums {brand}"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = OwnSite(tmp_path_factory.mktemp("previews") / "site", f'brand_color: "{BRAND_COLOR}"')
    strings = yaml.safe_load((site.root / "ui-strings.yml").read_text(encoding="utf-8")) or {}
    strings["link_preview_alt"] = ALT
    site.write("ui-strings.yml", yaml.safe_dump(strings, allow_unicode=True))
    for language in LANGUAGES:
        site.article(language, "payouts", f"Payouts {language}", "Text.\n")
        site.article(language, "questions", f"Questions {language}", "Text.\n")
    result = site.build()
    assert result.returncode == 0, result.output
    return result, {"link_preview_alt": ALT}


def _pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit RGB PNG without filters (what the build writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunks.setdefault(kind, b"")
        chunks[kind] += data[at + 8:at + 8 + length]
        at += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour_type) == (8, 2)
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = 1 + width * 3
    rows = [raw[y * stride:(y + 1) * stride] for y in range(height)]
    assert {row[0] for row in rows} == {0}
    return width, height, [row[1:] for row in rows]


def test_the_image_is_1200_by_630_in_the_brands_colour(built):
    result, _ = built
    width, height, rows = _pixels((result.site / "assets/images/link-preview.png").read_bytes())
    assert (width, height) == (1200, 630)
    assert rows[0][:3] == bytes.fromhex(BRAND_COLOR[1:])
    colours = {rows[y][x * 3:x * 3 + 3] for y in range(0, height, 5) for x in range(0, width, 5)}
    assert b"\xff\xff\xff" in colours and len(colours) >= 3  # a mark on the background, not a flat image


def _html_pages(site):
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        first = relative.split("/")[0]
        yield relative, (first if first in LANGUAGES[1:] else LANGUAGES[0]), BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def _meta(page, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_the_preview_tags_in_its_language(built):
    result, strings = built
    pages = list(_html_pages(result.site))
    assert {"404.html", "uk/404.html", "de/404.html", "uk/payouts/index.html"} <= {path for path, _, _ in pages}
    for path, language, page in pages:
        image = _meta(page, "og:image")
        assert image and image.startswith(SITE_URL), path
        assert (result.site / urlsplit(image).path.lstrip("/")).is_file(), path
        assert _meta(page, "og:image:alt") == strings["link_preview_alt"][language].replace("{brand}", "Kvitka"), path
        assert (_meta(page, "og:image:width"), _meta(page, "og:image:height")) == ("1200", "630"), path
        assert _meta(page, "twitter:card") == "summary_large_image", path
        assert _meta(page, "twitter:title") == _meta(page, "og:title") and _meta(page, "twitter:title"), path
        assert _meta(page, "twitter:description") == _meta(page, "og:description") and _meta(page, "twitter:description"), path
        url = _meta(page, "og:url")
        assert url and url.startswith(SITE_URL), path


def test_a_404_page_previews_its_languages_home(built):
    result, _ = built
    for language in LANGUAGES:
        prefix = "" if language == LANGUAGES[0] else f"{language}/"
        assert _meta(result.page(f"{prefix}404.html"), "og:url") == f"{SITE_URL}{prefix}"
