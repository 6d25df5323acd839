"""The link-preview image (og:image): 1200x630, the brand's colour with a lifebuoy, written as a
PNG at build time by a few lines of zlib (no imaging library). It carries no text, so one image
serves every language; its alt text is per language (ui-strings.yml)."""

from __future__ import annotations

import math
import re
import struct
import zlib
from pathlib import Path

WIDTH, HEIGHT = 1200, 630
DEFAULT_COLOR = "#4051b5"  # Material's default primary colour (indigo)
_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")


def material_colors(palette_css: str) -> dict[str, str]:
    """Material's named primary colours (`primary: indigo` in mkdocs.yml) from its palette stylesheet."""
    return dict(re.findall(r"\[data-md-color-primary=([a-z-]+)\]\{--md-primary-fg-color:(#[0-9a-fA-F]{6})\b", palette_css))


def brand_color(configured: object, primary: object, colors: dict[str, str]) -> str:
    """`extra.helpcenter.brand_color` (#rrggbb) if set, else the theme's primary colour, else Material's default."""
    if isinstance(configured, str) and _HEX.match(configured):
        return configured.lower()
    return colors.get(str(primary).lower().replace(" ", "-"), DEFAULT_COLOR) if primary else DEFAULT_COLOR


def _rgb(color: str) -> tuple[int, int, int]:
    value = int(color[1:], 16)
    return value >> 16, (value >> 8) & 255, value & 255


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(rows: list[bytes], width: int, height: int) -> bytes:
    """An 8-bit RGB PNG of `rows` (each width*3 bytes), no filtering: small for flat colour."""
    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")


def lifebuoy_rows(color: str, width: int = WIDTH, height: int = HEIGHT) -> list[bytes]:
    """The brand colour, with a white and tinted lifebuoy ring in the middle."""
    background = bytes(_rgb(color))
    tint = bytes(round(c + (255 - c) * 0.35) for c in _rgb(color))
    white = b"\xff\xff\xff"
    cx, cy, outer, inner = width / 2, height / 2, height * 0.3, height * 0.17
    plain = background * width
    rows = []
    for y in range(height):
        dy = y + 0.5 - cy
        if abs(dy) >= outer:
            rows.append(plain)
            continue
        left, right = int(cx - outer), int(cx + outer) + 1
        pixels = []
        for x in range(left, right):
            dx = x + 0.5 - cx
            r = math.hypot(dx, dy)
            if inner <= r <= outer:
                # Four white bands on the diagonals, tinted quarters between them.
                angle = (math.degrees(math.atan2(dy, dx)) + 360) % 90
                pixels.append(white if 30 <= angle <= 60 else tint)
            else:
                pixels.append(background)
        rows.append(background * left + b"".join(pixels) + background * (width - right))
    return rows


def write_brand_image(path: Path, color: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png(lifebuoy_rows(color), WIDTH, HEIGHT))
