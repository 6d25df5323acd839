"""Questions and answers of an FAQ article, read from its rendered HTML.

A question is a level-2 heading whose text ends with "?"; its answer is the
text of everything after it up to the next level-1 or level-2 heading.
Reading the HTML (not the Markdown) means placeholders are already filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

QUESTION_MARKS = ("?", "？", "؟")
# Elements whose edges separate words; inline elements (a, em, code…) do not.
BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section", "summary", "table",
    "td", "th", "tr", "ul",
}
SKIPPED = {"script", "style", "template"}
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class FaqEntry:
    question: str
    answer: str


def collapse(text: str) -> str:
    return SPACES.sub(" ", text).strip()


class _Sections(HTMLParser):
    """Split HTML into (level-2 heading text, following text) pairs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[str, list[str]]] = []
        self.heading: list[str] | None = None  # text of the h2 being read
        self.skipping: str | None = None  # element whose text is not content (script, permalink)
        self.depth = 0  # nesting of that element's name while skipping
        self.body: list[str] | None = None  # text after the current h2

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            self.depth += tag == self.skipping
            return
        classes = (dict(attrs).get("class") or "").split()
        if tag in SKIPPED or (tag == "a" and "headerlink" in classes):
            self.skipping, self.depth = tag, 1
        elif tag in ("h1", "h2"):
            self.body = None
            self.heading = [] if tag == "h2" else None
        elif tag in BLOCKS:
            self._write(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.depth -= tag == self.skipping
            if not self.depth:
                self.skipping = None
            return
        if tag == "h2" and self.heading is not None:
            self.body = []
            self.sections.append((collapse("".join(self.heading)), self.body))
            self.heading = None
        elif tag in BLOCKS:
            self._write(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._write(data)

    def _write(self, text: str) -> None:
        if self.heading is not None:
            self.heading.append(text)
        elif self.body is not None:
            self.body.append(text)


def faq_entries(html: str) -> list[FaqEntry]:
    """Every question (h2 ending with a question mark) with its answer, in page order."""
    parser = _Sections()
    parser.feed(html)
    parser.close()
    entries = []
    for heading, body in parser.sections:
        answer = collapse("".join(body))
        if heading.endswith(QUESTION_MARKS) and answer:
            entries.append(FaqEntry(heading, answer))
    return entries
