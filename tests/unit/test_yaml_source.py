"""load_yaml: one fast parse, the same data and lines, clear syntax errors."""

from __future__ import annotations

import pytest
import yaml

from helpcenter.yaml_source import SourceError, load_yaml
from tests.helpers import REPO

FRONT = """id: payments
title: "Ödənişlər: depozit və pul çıxarışı"
last_reviewed: 2026-11-20
problems: [withdrawal, deposit]
nested:
  key: 1
"""


@pytest.mark.parametrize("text", [FRONT, (REPO / "support.yml").read_text(encoding="utf-8"), ""])
def test_data_is_what_safe_load_gives(text):
    assert load_yaml(text, "x.yml").data == yaml.safe_load(text)


def test_lines_point_at_keys_and_items():
    lines = load_yaml(FRONT, "x.md").lines
    assert lines[("id",)] == 1
    assert lines[("last_reviewed",)] == 3
    assert lines[("problems", 1)] == 4
    assert lines[("nested", "key")] == 6


def test_syntax_error_names_the_line_and_the_character():
    with pytest.raises(SourceError) as caught:
        load_yaml("id: a\nproblems:\n\t- withdrawal\n", "x.md")
    assert caught.value.line == 3
    # The pure-Python parser's wording, which names the tab.
    assert "'\\t'" in caught.value.message
