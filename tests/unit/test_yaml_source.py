"""load_yaml: one fast parse, the same data and lines, clear syntax errors."""

from __future__ import annotations

import pytest
import yaml

from helpcenter.yaml_source import SourceError, decode_source, load_yaml

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


@pytest.mark.parametrize(("text", "line", "says"), [
    ("a: 1\nb:\n  c: 2\n  c: 3\n", 4, "'b.c' is given twice, on line 3 and on line 4"),  # issue 12, case 5
    ("x: {pl: a, pl: b}\n", 1, "'x.pl' is given twice, on line 1 and on line 1"),
    ("a: &loop [1, *loop]\n", 1, "contains itself through an alias"),  # found by tests/fuzz: a RecursionError
    ("a: 1\nb: x\x00y\n", 2, "invisible character U+0000"),  # found by tests/fuzz: a 'YAML error' without line
    ("a: 1\nlast_reviewed: 2026-13-45\n", 2, "'2026-13-45' cannot be read"),  # found by tests/fuzz: a ValueError traceback
])
def test_mistakes_yaml_accepts_or_hides_name_their_line(text, line, says):
    with pytest.raises(SourceError) as caught:
        load_yaml(text, "x.yml")
    assert caught.value.line == line and says in caught.value.message, caught.value


def test_front_matter_errors_name_file_lines():
    with pytest.raises(SourceError) as caught:
        load_yaml("id: a\ntitle: x\ntitle: y\n", "x.md", first_line=2)
    assert caught.value.line == 4 and "on line 3 and on line 4" in caught.value.message


def test_alias_chains_are_read_once():
    """A chain of aliases (each list twice the one before) is read in linear time, not exponential."""
    text = "a0: &a0 [x, x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]\n" for i in range(1, 40))
    assert load_yaml(text, "x.yml").lines[("a39",)] == 40


def test_empty_file_errors_are_on_line_1():
    assert load_yaml("", "x.yml").line_of(("anything",)) == 1


def test_text_that_is_not_utf8_names_its_line():
    with pytest.raises(SourceError) as caught:
        decode_source(b"a: 1\nb: Gr\xfc\xdfe\n", "x.yml")
    assert caught.value.line == 2 and "not saved as UTF-8" in caught.value.message
    assert decode_source(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n", "x.yml") == "a: 1\nb: 2\n"
