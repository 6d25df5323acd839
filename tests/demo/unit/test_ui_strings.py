"""The demo's ui-strings.yml: every interface text in each of the demo's languages."""

from __future__ import annotations

from helpcenter.ui_strings import load_strings
from tests.demo.helpers import LANGUAGES
from tests.helpers import REPO


def test_every_interface_string_exists_in_every_language():
    strings = load_strings(REPO / "ui-strings.yml", LANGUAGES)
    for key, values in strings.table.items():
        assert set(LANGUAGES) <= set(values), key
