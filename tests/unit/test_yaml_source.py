"""load_yaml: one fast parse, the same data and lines, clear syntax errors."""

from __future__ import annotations

import pytest
import yaml

from helpcenter.yaml_source import SourceError, load_yaml

FRONT = """id: payments
title: "Ödənişlər: depozit və pul çıxarışı"
last_reviewed: 2026-11-20
problems: [withdrawal, deposit]
nested:
  key: 1
"""
# A data file as teams write them: comments, flow and block collections, quoting, times, anchors, several scripts.
DATA = """# support data
brand: "Kvitka: help"
timezone: Europe/Kyiv
channels:
  - id: chat
    name: {uk: Чат, de: Chat, ka: ჩატი}
    hours: [{days: [mon, tue], open: "09:00", close: "18:00"}]
    first_reply_minutes: [1, 5]
    note: &shared |
      Two lines
      of text.
  - id: mail
    note: *shared
    empty:
    yes_is_a_bool: yes
    number: 1_000
    when: 2026-11-20
"""


@pytest.mark.parametrize("text", [FRONT, DATA, ""])
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
