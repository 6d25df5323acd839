"""The demo's home lists the first six questions of the demo FAQ, in each language."""

from __future__ import annotations

import re

import pytest

from tests.demo.helpers import LANGUAGES, article_path
from tests.helpers import REPO


def _faq_questions(language: str) -> list[str]:
    source = (REPO / "docs" / language / "faq.md").read_text(encoding="utf-8")
    return [m.group(1).strip() for m in re.finditer(r"^## (.+\?)\s*$", source, re.M)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_lists_the_faqs_first_six_questions(demo_build, language):
    home = demo_build.page(article_path(language, "home"))
    assert [a.get_text(strip=True) for a in home.select(".hc-home__questions a")] == _faq_questions(language)[:6]
