"""The preview image's colour: the configured one, else the theme's primary colour (Material's value)."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from helpcenter.brand_image import brand_color, material_colors

PALETTE = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")


@pytest.mark.parametrize(("configured", "primary", "expected"), [
    ("#ABCDEF", "teal", "#abcdef"),
    (None, "teal", "#009485"),
    (None, "deep purple", "#7e56c2"),
    ("not a colour", "indigo", "#4051b5"),
    (None, None, "#4051b5"),
    (None, "custom", "#4051b5"),
])
def test_brand_color(configured, primary, expected):
    assert brand_color(configured, primary, material_colors(PALETTE)) == expected
