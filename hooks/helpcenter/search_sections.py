"""Split a page's HTML into search sections, like Material's search does.

The text before the first heading belongs to the page itself; every h2–h6
with an id starts a section (its location is `url#id`). Permalink anchors,
scripts, styles and anything marked `data-search-exclude` are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

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


class _Splitter(HTMLParser):
    def __init__(self, page_title: str) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[_Open] = [_Open(page_title, "")]
        self.skip_depth = 0  # >0 inside an element we leave out
        self.stack: list[str] = []
        self.heading: tuple[str, str, list[str]] | None = None  # tag, id, text parts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag in VOID:
            if tag == "br" or tag == "hr":
                self._text(" ")
            return
        self.stack.append(tag)
        if self.skip_depth:
            self.skip_depth += 1
            return
        classes = (names.get("class") or "").split()
        if tag in SKIPPED or "data-search-exclude" in names or "headerlink" in classes:
            self.skip_depth = 1
            return
        if tag in HEADINGS and names.get("id") and self.heading is None:
            self.heading = (tag, names["id"] or "", [])
            return
        if tag in BLOCKS:
            self._text(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            elif self.heading and open_tag == self.heading[0]:
                _, anchor, parts = self.heading
                self.heading = None
                self.sections.append(_Open(_clean("".join(parts)), anchor))
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self._text(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self._text(data)

    def _text(self, data: str) -> None:
        if self.heading:
            self.heading[2].append(data)
        else:
            self.sections[-1].parts.append(data)


def _clean(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def split_sections(html: str, page_title: str) -> list[Section]:
    """The page's own text first, then one section per heading with an id."""
    parser = _Splitter(page_title)
    parser.feed(html)
    parser.close()
    sections = [Section(s.anchor, s.title, _clean("".join(s.parts))) for s in parser.sections]
    # A heading with nothing under it still helps: its title is searchable.
    return [s for s in sections if s.title or s.text]
