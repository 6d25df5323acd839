"""helpcenter.page_titles: a plain-text title becomes HTML once, whatever path it takes to the template."""

from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup, escape

from helpcenter.page_titles import escape_meta_title, escape_nav, escaped


def test_a_title_is_escaped_once_however_often_it_passes():
    once = escaped('Deposits & "withdrawals" <b>')
    assert once == "Deposits &amp; &#34;withdrawals&#34; &lt;b&gt;"
    assert escaped(once) == once and escape(once) == once  # the hook, then a template's `| e`
    assert escaped(None) is None and escaped(3) == 3


def test_meta_and_every_nav_level_are_escaped():
    meta = {"title": "A & B", "id": "x"}
    escape_meta_title(meta)
    assert meta == {"title": Markup("A &amp; B"), "id": "x"}
    page = SimpleNamespace(title="<i>", children=None)
    section = SimpleNamespace(title="S & T", children=[page, SimpleNamespace(title=None, children=None)])
    escape_nav([section, page])
    assert (section.title, page.title) == ("S &amp; T", "&lt;i&gt;")
