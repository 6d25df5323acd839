"""What the home page lists under its search box: the most asked questions, either the first
questions of an FAQ article (its level-2 headings ending with "?") or a list of articles set in
mkdocs.yml (`extra.helpcenter.home_questions`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .faq import QUESTION_MARKS

DEFAULT_SOURCE, DEFAULT_COUNT = "faq", 6
SETTING = "extra.helpcenter.home_questions"


@dataclass(frozen=True)
class QuestionsSetting:
    source: str | None = None  # article id of an FAQ whose questions are listed
    count: int = DEFAULT_COUNT
    articles: tuple[str, ...] = ()  # or these articles, by id, in this order
    required: bool = False  # set in mkdocs.yml: a missing article is the team's mistake


def questions_setting(value: Any) -> QuestionsSetting:
    """Read the setting; raises ValueError with what to write instead."""
    if value is None:
        return QuestionsSetting(DEFAULT_SOURCE)  # an FAQ article with the default id, if the site has one
    if isinstance(value, list) and value and all(isinstance(item, str) and item for item in value):
        return QuestionsSetting(articles=tuple(value), required=True)
    if isinstance(value, dict) and set(value) <= {"from", "count"} and isinstance(value.get("from"), str):
        count = value.get("count", DEFAULT_COUNT)
        if isinstance(count, int) and not isinstance(count, bool) and count > 0:
            return QuestionsSetting(value["from"], count, required=True)
    raise ValueError(f"{SETTING} must be {{from: <FAQ article id>, count: <number>}} or a list of article ids, not {value!r}.")


def faq_questions(anchors: Iterable[Any], count: int) -> list[tuple[str, str]]:
    """(title as HTML, '#anchor') of the first `count` questions in a page's table of contents."""
    found: list[tuple[str, str]] = []

    def visit(items: Iterable[Any]) -> None:
        for item in items:
            if item.level == 2 and item.title.rstrip().endswith(QUESTION_MARKS):  # a level-2 heading
                found.append((item.title, item.url))
            visit(item.children)

    visit(anchors)
    return found[:count]
