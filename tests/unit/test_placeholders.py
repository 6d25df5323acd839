"""Placeholders in Markdown: found on the right line, fenced code left alone."""

from __future__ import annotations

import pytest

from helpcenter.placeholders import Placeholder, PlaceholderError, expand


def render(p: Placeholder) -> str:
    if p.arg == "bad":
        raise PlaceholderError(p.line, "bad arg")
    return f"<{p.kind}:{p.arg}@{p.line}>"


def test_inline_and_block_placeholders_expand():
    text = "Hello {{ brand }} and {{ reply:chat }}.\n\n{{ table:channels }}\n"
    assert expand(text, render) == "Hello <brand:None@1> and <reply:chat@1>.\n\n\n<table:channels@3>\n\n"


def test_fenced_code_is_left_alone():
    text = "```\n{{ brand }}\n```\n{{brand}}"
    assert expand(text, render) == "```\n{{ brand }}\n```\n<brand:None@4>"


@pytest.mark.parametrize(("text", "line", "message"), [
    ("a\nb {{ table:channels }}", 2, "must stand alone"),
    ("a\n\n{{ tabel:channels }}", 3, "unknown placeholder"),
    ("{{ reply:bad }}", 1, "bad arg"),
    ("x {{ brand", 1, "not closed"),
])
def test_mistakes_name_the_line(text, line, message):
    with pytest.raises(PlaceholderError) as caught:
        expand(text, render)
    assert caught.value.line == line and message in caught.value.message
