"""A page's HTML split into search sections, as Material's search splits it."""

from __future__ import annotations

from helpcenter.search_sections import Section, split_sections


def test_text_before_the_first_heading_belongs_to_the_page():
    html = (
        "<p>Intro <strong>text</strong>.</p>"
        '<h2 id="first">First<a class="headerlink" href="#first" title="Permanent link">&para;</a></h2>'
        "<ul><li>one</li><li>two</li></ul>"
        '<h3 id="deeper">Deeper &amp; more</h3><table><tr><td>a</td><td>b</td></tr></table>'
    )
    assert split_sections(html, "Title") == [
        Section("", "Title", "Intro text."),
        Section("first", "First", "one two"),
        Section("deeper", "Deeper & more", "a b"),
    ]


def test_excluded_and_invisible_parts_are_left_out():
    html = (
        "<p>kept</p><script>var x = 1</script><style>p{}</style>"
        '<div data-search-exclude><p>widget <b>text</b></p><div><p>nested</p></div></div>'
        '<svg><title>icon</title></svg><p>also kept</p>'
    )
    assert split_sections(html, "T") == [Section("", "T", "kept also kept")]


def test_heading_without_id_is_text_and_empty_sections_keep_their_title():
    html = '<h2>No id</h2><p>x</p><h2 id="empty">Empty</h2><h2 id="last">Last</h2><p>y</p>'
    assert split_sections(html, "T") == [
        Section("", "T", "No id x"),
        Section("empty", "Empty", ""),
        Section("last", "Last", "y"),
    ]


def test_admonitions_and_details_are_searchable():
    html = '<div class="admonition warning"><p class="admonition-title">Never share</p><p>your password</p></div><details><summary>More</summary><p>inside</p></details>'
    assert split_sections(html, "T")[0].text == "Never share your password More inside"


def test_entities_and_unclosed_tags():
    html = "<p>a &lt;b&gt; &amp; c<p>d<br>e"
    assert split_sections(html, "T")[0].text == "a <b> & c d e"
