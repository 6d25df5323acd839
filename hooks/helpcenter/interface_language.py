"""The theme's interface text that comes from mkdocs.yml, not from Material's translations:
the palette toggle's name and the heading anchors' title, in the language being built."""

from __future__ import annotations

from typing import Any

# The ui-strings key naming what a toggle switches to, by the next palette's scheme:
# Material's "slate" is dark, a palette without a scheme follows the system, any other is light.
_TO_DARK, _TO_LIGHT, _TO_SYSTEM = "palette_to_dark", "palette_to_light", "palette_to_system"
PERMALINK_TITLE = "permalink_title"


def toggle_keys(palettes: list[dict[str, Any]]) -> list[str | None]:
    """For each palette, the ui-strings key of its toggle's name (None: no toggle). A toggle
    switches to the next palette, the last one back to the first."""
    keys: list[str | None] = []
    for index, palette in enumerate(palettes):
        if not isinstance(palette.get("toggle"), dict):
            keys.append(None)
            continue
        scheme = palettes[(index + 1) % len(palettes)].get("scheme")
        keys.append(_TO_SYSTEM if scheme is None else _TO_DARK if scheme == "slate" else _TO_LIGHT)
    return keys


def localized_palettes(palettes: list[dict[str, Any]], strings: dict[str, object]) -> list[dict[str, Any]]:
    """Copies of the palettes with each toggle named in the language whose `strings` are given."""
    result = []
    for palette, key in zip(palettes, toggle_keys(palettes), strict=True):
        if key is not None:
            palette = {**palette, "toggle": {**palette["toggle"], "name": strings[key]}}
        result.append(palette)
    return result
