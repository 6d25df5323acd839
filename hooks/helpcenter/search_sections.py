"""Split a page's HTML into search sections, like Material's search does.

The text before the first heading belongs to the page itself; every h2–h6
with an id starts a section (its location is `url#id`). Permalink anchors,
scripts, styles and anything marked `data-search-exclude` are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
SKIPPED = {"script", "style", "template", "svg", "button", "form", "select", "textarea"}
# Elements whose edges separate words: without a space, "<li>a</li><li>b</li>" reads "ab".
BLOCKS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "td", "th", "br", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "details", "summary",
    "figure", "figcaption", "caption", "nav", "aside", "header", "footer", "main",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SPACES = re.compile(r"\s+")


@dataclass
class Section:
    anchor: str  # "" for the page's own text
    title: str
    text: str


@dataclass
class _Open:
    title: str
    anchor: str
    parts: list[str] = field(default_factory=list)


# The HTML MkDocs writes is regular: a tokenizer over comments, tags and text is enough,
# and several times faster than html.parser on large sites.
TOKENS = re.compile(r"""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[!?][^>]*>|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|(<)""", re.S)
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for match in ATTRIBUTE.finditer(text):
        value = match.group(2) if match.group(2) is not None else match.group(3) if match.group(3) is not None else match.group(4) or ""
        found.setdefault(match.group(1).lower(), unescape(value))
    return found


def _split(html: str, page_title: str) -> list[_Open]:
    sections = [_Open(page_title, "")]
    stack: list[str] = []
    skip_depth = 0  # >0 inside an element we leave out
    heading: tuple[str, str, list[str]] | None = None  # tag, id, text parts

    def text(data: str) -> None:
        (heading[2] if heading else sections[-1].parts).append(data)

    for match in TOKENS.finditer(html):
        closing, tag, attrs, data, lone = match.groups()
        if data is not None or lone is not None:
            if not skip_depth:
                text(unescape(data) if data and "&" in data else (data or lone))
            continue
        if tag is None:
            continue  # comment, doctype, CDATA
        tag = tag.lower()
        if tag in VOID:
            if not closing and tag in ("br", "hr") and not skip_depth:
                text(" ")
            continue
        if not closing:
            if attrs.rstrip().endswith("/"):
                continue  # <x/>: opens and closes, nothing inside
            stack.append(tag)
            if skip_depth:
                skip_depth += 1
                continue
            names = _attributes(attrs) if attrs.strip() else {}
            if tag in SKIPPED or "data-search-exclude" in names or "headerlink" in names.get("class", "").split():
                skip_depth = 1
                continue
            if tag in HEADINGS and names.get("id") and heading is None:
                heading = (tag, names["id"], [])
                continue
            if tag in BLOCKS:
                text(" ")
            continue
        if tag not in stack:
            continue
        while stack:
            open_tag = stack.pop()
            if skip_depth:
                skip_depth -= 1
            elif heading and open_tag == heading[0]:
                sections.append(_Open(_clean("".join(heading[2])), heading[1]))
                heading = None
            if open_tag == tag:
                break
        if tag in BLOCKS and not skip_depth:
            text(" ")
    return sections


def _clean(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def split_sections(html: str, page_title: str) -> list[Section]:
    """The page's own text first, then one section per heading with an id."""
    sections = [Section(s.anchor, s.title, _clean("".join(s.parts))) for s in _split(html, page_title)]
    # A heading with nothing under it still helps: its title is searchable.
    return [s for s in sections if s.title or s.text]
